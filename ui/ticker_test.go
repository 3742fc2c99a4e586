package ui

import (
	"runtime"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func TestAnIdleWindowStartsNoTicker(t *testing.T) {
	f := newDevFixture(t)
	before := runtime.NumGoroutine()
	w := f.open()
	if w.ticker.running() {
		t.Fatal("no token is shown, so no ticker should run")
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("opening an idle window started %d goroutine(s)", after-before)
	}

	f.getToken()
	if !w.ticker.running() {
		t.Fatal("a countdown is showing: the ticker should run")
	}
	exited := w.ticker.exited
	w.close()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		t.Fatal("the ticker goroutine outlived the window")
	}
}

// The bubble's clock moves only when every goroutine waits: the
// minute-long ticks come at once, and exactly two before the halt.
func TestTheTickerTicksOnTheMainGoroutineUntilHalted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var ticks atomic.Int32
		posted := make(chan struct{}, 10)
		tk := newTicker(time.Minute, func(f func()) { f(); posted <- struct{}{} })
		tk.start(func() { ticks.Add(1) })
		tk.start(func() { t.Error("a second start must not add a ticker") })
		<-posted
		<-posted
		exited := tk.exited
		tk.halt()
		<-exited
		if tk.running() || ticks.Load() != 2 {
			t.Errorf("running %v after halt, %d ticks", tk.running(), ticks.Load())
		}
	})
}
