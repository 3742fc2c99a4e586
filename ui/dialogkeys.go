package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// answerKeys lets Enter run enter and Esc run esc while d is open (either
// may be nil), since Fyne's dialogs take no keys of their own. Keys reach
// the window's handler when no widget has the keyboard, which is how a
// dialog opens; once d closes, the window's keys are what they were, so a
// dialog opened from another hands the keys back to it.
func answerKeys(win fyne.Window, d dialog.Dialog, enter, esc func()) {
	c := win.Canvas()
	before := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			if enter != nil {
				enter()
			}
		case fyne.KeyEscape:
			if esc != nil {
				esc()
			}
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(before) })
}

// tapper is what tapping b does, unless b is disabled.
func tapper(b *widget.Button) func() {
	return func() {
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
}

// passKey hands a key a focused widget does not use to its window's own
// handler, which is where answerKeys listens while a dialog is open; with
// no dialog open there is none and the key is dropped, as before.
func passKey(obj fyne.CanvasObject, ev *fyne.KeyEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	if c == nil {
		return
	}
	if handle := c.OnTypedKey(); handle != nil {
		handle(ev)
	}
}
