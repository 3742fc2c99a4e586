package ui

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// postQueue is the tests' poster. Background work queues what it posts,
// and the test runs it on its own goroutine when it settles: the test's
// goroutine stands for the app's main goroutine, so results reach the
// widgets there, after the action that started them, as in the app.
type postQueue struct {
	mu     sync.Mutex
	queued []func()
	// ready is signalled when something is queued.
	ready chan struct{}
}

// settleWithin bounds how long a test waits for background work to
// report: the emulator answers in milliseconds.
const settleWithin = 30 * time.Second

func newPostQueue() *postQueue { return &postQueue{ready: make(chan struct{}, 1)} }

// post queues f; any goroutine may call it.
func (q *postQueue) post(f func()) {
	q.mu.Lock()
	q.queued = append(q.queued, f)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default: // a signal is already waiting
	}
}

// next takes the oldest queued function, if any.
func (q *postQueue) next() (func(), bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.queued) == 0 {
		return nil, false
	}
	f := q.queued[0]
	q.queued = q.queued[1:]
	return f, true
}

// settle runs what is queued, in order, until nothing is queued and busy
// reports no work that has yet to post; what it runs may start more work.
// It fails the test if the work does not report within settleWithin.
func (q *postQueue) settle(t testing.TB, busy func() bool) {
	t.Helper()
	limit := time.NewTimer(settleWithin)
	defer limit.Stop()
	for {
		if f, ok := q.next(); ok {
			f()
			continue
		}
		if !busy() {
			return
		}
		select {
		case <-q.ready:
		case <-limit.C:
			t.Fatalf("background work did not report within %v", settleWithin)
		}
	}
}

func TestAResultReachesTheWindowOnlyWhenTheMainGoroutineRunsIt(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	test.Tap(w.token.get)

	// The fetch has ended and posted its result, which the window's
	// goroutine (this one) has not run yet: the panel still says so.
	select {
	case <-f.posts.ready:
	case <-time.After(settleWithin):
		t.Fatal("the fetch never posted its result")
	}
	if w.token.get.Text != "Getting…" || w.ctrl.busy() == "" {
		t.Fatalf("the result was applied off the main goroutine: button %q, busy %q", w.token.get.Text, w.ctrl.busy())
	}
	f.wait()
	if w.token.get.Text != "Get token" || w.ctrl.busy() != "" || w.token.token.Text == "" {
		t.Errorf("after the window ran it: button %q, busy %q, token shown %v", w.token.get.Text, w.ctrl.busy(), w.token.token.Text != "")
	}
}
