package ui

import "time"

// ticker calls a function once a period on the main goroutine while it is
// started. The window owns one and runs it only while a countdown is
// showing, so an idle window has no goroutine waking it. Stopping closes a
// channel the goroutine waits on: a time.Ticker's Stop alone would leave
// the goroutine blocked forever.
type ticker struct {
	every time.Duration
	post  poster

	stop   chan struct{} // nil while stopped
	exited chan struct{} // closed when the goroutine has returned
}

func newTicker(every time.Duration, post poster) *ticker {
	return &ticker{every: every, post: post}
}

// start begins calling tick, unless it is already running.
func (t *ticker) start(tick func()) {
	if t.stop != nil {
		return
	}
	stop, exited, every := make(chan struct{}), make(chan struct{}), t.every
	t.stop, t.exited = stop, exited
	go func() {
		defer close(exited)
		tk := time.NewTicker(every)
		defer tk.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tk.C:
				t.post(tick)
			}
		}
	}()
}

// halt stops the ticker without waiting: it may be called from a tick, and
// the goroutine returns at its next wake-up.
func (t *ticker) halt() {
	if t.stop == nil {
		return
	}
	close(t.stop)
	t.stop = nil
}

// running reports whether the ticker is started.
func (t *ticker) running() bool { return t.stop != nil }
