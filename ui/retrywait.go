package ui

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/tokens"
)

// retryWait counts down, under an error panel, to when Azure said to try
// again (a *tokens.RetryAfterError), then tries again itself if the panel
// knows how; Cancel stops the countdown and the automatic retry. It runs
// its own ticker only while it counts, and stops it at zero, so nothing
// is left running once the wait is over.
type retryWait struct {
	now    func() time.Time
	ticker *ticker
	// retry tries again at zero; nil when the panel cannot, and the
	// countdown only says when the user may.
	retry func()

	label  *widget.Label
	cancel *widget.Button
	box    *fyne.Container

	until time.Time
}

func newRetryWait(now func() time.Time, post func(func()), retry func()) *retryWait {
	return &retryWait{now: now, ticker: newTicker(time.Second, post), retry: retry}
}

func (v *retryWait) build() fyne.CanvasObject {
	v.label = &widget.Label{TextStyle: fyne.TextStyle{Monospace: true}}
	v.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: v.stop}
	v.box = container.NewHBox(widget.NewIcon(theme.HistoryIcon()), v.label, v.cancel)
	v.box.Hide()
	return v.box
}

// show starts counting down for err when Azure asked to wait, and hides
// the countdown otherwise.
func (v *retryWait) show(err error) {
	v.ticker.halt()
	var ra *tokens.RetryAfterError
	if !errors.As(err, &ra) {
		v.box.Hide()
		return
	}
	v.until = ra.At
	v.cancel.Show()
	v.box.Show()
	v.tick()
	if v.now().Before(v.until) {
		v.ticker.start(v.tick)
	}
}

// tick shows the time left; at zero it stops and tries again.
func (v *retryWait) tick() {
	left := v.until.Sub(v.now())
	if left > 0 {
		what := "You can try again"
		if v.retry != nil {
			what = "Trying again"
		}
		v.label.SetText(fmt.Sprintf("Azure asked to wait. %s in %s.", what, clock(left)))
		return
	}
	v.ticker.halt()
	v.box.Hide()
	if v.retry != nil {
		v.retry()
	}
}

// stop is Cancel: no countdown, no automatic retry.
func (v *retryWait) stop() {
	v.ticker.halt()
	v.cancel.Hide()
	v.label.SetText("Try again after " + v.until.Local().Format("15:04:05") + ".")
}

// clock shows a wait as m:ss, or h:mm:ss past an hour.
func clock(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second) // round up: never show 0:00 while waiting
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
