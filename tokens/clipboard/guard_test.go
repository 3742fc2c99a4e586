package clipboard

import (
	"sync"
	"testing"
	"time"
)

// memory is a clipboard in memory.
type memory struct {
	mu   sync.Mutex
	text string
}

func (m *memory) WriteAll(s string) error { m.mu.Lock(); m.text = s; m.mu.Unlock(); return nil }
func (m *memory) ReadAll() (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.text, nil
}

// manualTimer fires when the test says so.
type manualTimer struct {
	d       time.Duration
	f       func()
	stopped bool
}

func (t *manualTimer) Stop() bool { t.stopped = true; return true }

// manual returns a Guard over c whose timers the test fires.
func manual(c Clipboard, d time.Duration) (*Guard, *[]*manualTimer) {
	g := NewGuard(c, d)
	var timers []*manualTimer
	g.afterFunc = func(d time.Duration, f func()) stopper {
		t := &manualTimer{d: d, f: f}
		timers = append(timers, t)
		return t
	}
	return g, &timers
}

func TestGuardClearsWhatItCopied(t *testing.T) {
	t.Parallel()
	c := &memory{}
	g, timers := manual(c, time.Minute)
	g.Copy("Authorization: Bearer eyJ")
	if got, _ := c.ReadAll(); got != "Authorization: Bearer eyJ" {
		t.Fatalf("clipboard = %q", got)
	}
	if len(*timers) != 1 || (*timers)[0].d != time.Minute {
		t.Fatalf("timers = %v", *timers)
	}
	(*timers)[0].f()
	if got, _ := c.ReadAll(); got != "" {
		t.Errorf("after the delay the clipboard holds %q", got)
	}
}

func TestGuardLeavesTheUsersOwnCopy(t *testing.T) {
	t.Parallel()
	c := &memory{}
	g, timers := manual(c, time.Minute)
	g.Copy("Authorization: Bearer eyJ")
	c.WriteAll("the user's own text")
	(*timers)[0].f()
	if got, _ := c.ReadAll(); got != "the user's own text" {
		t.Errorf("the user's copy was wiped: %q", got)
	}
}

func TestGuardRestartsTheDelayOnANewCopy(t *testing.T) {
	t.Parallel()
	c := &memory{}
	g, timers := manual(c, time.Minute)
	g.Copy("first")
	g.Copy("second")
	if !(*timers)[0].stopped {
		t.Error("the first copy's clearing was not cancelled")
	}
	(*timers)[1].f()
	if got, _ := c.ReadAll(); got != "" {
		t.Errorf("clipboard = %q", got)
	}
}

func TestGuardNeverClearsWhenTheDelayIsZero(t *testing.T) {
	t.Parallel()
	c := &memory{}
	g, timers := manual(c, 0)
	g.Copy("keep me")
	if len(*timers) != 0 {
		t.Error("a clearing was scheduled with delay 0")
	}
	g.SetClearAfter(30 * time.Second)
	g.Copy("now clear me")
	if len(*timers) != 1 || (*timers)[0].d != 30*time.Second {
		t.Errorf("timers after SetClearAfter: %v", *timers)
	}
}

func TestALateTimerDoesNotClearANewerCopy(t *testing.T) {
	t.Parallel()
	c := &memory{}
	g, timers := manual(c, time.Minute)
	g.Copy("first")
	g.Copy("second")
	// The first copy's timer fired just before Copy could stop it.
	(*timers)[0].f()
	if got, _ := c.ReadAll(); got != "second" {
		t.Errorf("the first copy's clearing wiped the second: %q", got)
	}
}

func TestConcurrentCopiesLeaveNothingUncleared(t *testing.T) {
	t.Parallel()
	c := &memory{}
	g, timers := manual(c, time.Minute)
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b", "c", "d"} {
		wg.Go(func() { g.Copy(s) })
	}
	wg.Wait()
	last := (*timers)[len(*timers)-1]
	last.f()
	if got, _ := c.ReadAll(); got != "" {
		t.Errorf("after the last copy's delay the clipboard holds %q", got)
	}
}
