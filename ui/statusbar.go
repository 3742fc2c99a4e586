package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusBar shows, at the bottom of the window, that background work is
// running (a spinner and what it is) with the Cancel that ends it.
type statusBar struct {
	ctrl workStatus

	spinner *widget.Activity
	text    *widget.Label
	cancel  *widget.Button
	box     *fyne.Container
}

// workStatus is what the status bar asks of the controller about its work.
type workStatus interface {
	busy() string
	cancelAll()
}

func newStatusBar(ctrl workStatus) *statusBar { return &statusBar{ctrl: ctrl} }

func (v *statusBar) build() fyne.CanvasObject {
	v.spinner = widget.NewActivity()
	v.text = &widget.Label{}
	v.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: v.ctrl.cancelAll}
	v.box = container.NewHBox(v.spinner, v.text, v.cancel)
	v.box.Hide()
	return v.box
}

// apply shows what is running, or hides the bar.
func (v *statusBar) apply() {
	what := v.ctrl.busy()
	if what == "" {
		v.spinner.Stop()
		v.box.Hide()
		return
	}
	v.text.SetText(what + "…")
	v.spinner.Start()
	v.box.Show()
}
