package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// askToWait is Entra asking for a minute and a half, more than the
// minute aztoken waits by itself.
func askToWait(f *fixture) {
	f.srv.Inject(emulator.TokenEndpoint, emulator.EntraReply(429, "temporarily_unavailable", 90024, "RequestBudgetExceededError.").WithHeader("Retry-After", "90"))
}

// TestAWaitTooLongCountsDownAndTriesAgain: the window does not hang on a
// long Retry-After; it says how long, counts down and asks again at zero.
func TestAWaitTooLongCountsDownAndTriesAgain(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	countdown := w.errors.wait
	countdown.ticker.every = time.Hour // the test ticks by hand
	askToWait(f)
	f.getToken()
	if !w.errors.box.Visible() || !countdown.box.Visible() || countdown.label.Text != "Azure asked to wait. Trying again in 1:30." {
		t.Fatalf("after the throttle the panel shows %q / %q", w.errors.fix.Text, countdown.label.Text)
	}
	if !strings.Contains(w.errors.fix.Text, "try again after") || !countdown.ticker.running() {
		t.Errorf("fix %q, ticking %v", w.errors.fix.Text, countdown.ticker.running())
	}
	f.clock.Add(61 * time.Second)
	countdown.tick()
	if countdown.label.Text != "Azure asked to wait. Trying again in 0:29." {
		t.Errorf("a minute later: %q", countdown.label.Text)
	}
	f.clock.Add(29 * time.Second)
	countdown.tick()
	f.wait()
	if n := f.srv.Requests(emulator.TokenEndpoint); n != 2 || w.errors.box.Visible() || countdown.ticker.running() {
		t.Errorf("at zero: %d requests, panel shown %v, ticking %v; want a second request that got the token", n, w.errors.box.Visible(), countdown.ticker.running())
	}
	if !hasToken(w, "dev") {
		t.Error("no token after the wait")
	}
}

func hasToken(w *mainWindow, name string) bool {
	p, ok := w.ctrl.selectedProfile()
	if !ok || p.Name != name {
		return false
	}
	_, ok = w.ctrl.token(p)
	return ok
}

func TestCancelStopsTheCountdownAndTheRetry(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	countdown := w.errors.wait
	countdown.ticker.every = time.Hour
	askToWait(f)
	f.getToken()
	test.Tap(countdown.cancel)
	if countdown.ticker.running() || countdown.cancel.Visible() || !strings.HasPrefix(countdown.label.Text, "Try again after ") {
		t.Errorf("after Cancel: ticking %v, label %q", countdown.ticker.running(), countdown.label.Text)
	}
	f.clock.Add(2 * time.Minute)
	f.wait()
	if n := f.srv.Requests(emulator.TokenEndpoint); n != 1 {
		t.Errorf("%d requests; Cancel should stop the retry", n)
	}
}

func TestClockShowsMinutesAndSeconds(t *testing.T) {
	for d, want := range map[time.Duration]string{
		90 * time.Second:                 "1:30",
		500 * time.Millisecond:           "0:01",
		time.Hour + 2*time.Minute + 3e9:  "1:02:03",
		59*time.Second + time.Nanosecond: "1:00",
	} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q, want %q", d, got, want)
		}
	}
}
