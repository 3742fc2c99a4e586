package ui

import "time"

// How the window comes and goes: shown, hidden in the tray, closed.

// show puts the window on screen.
func (w *mainWindow) show() {
	w.visible = true
	w.win.Show()
	w.syncTicker(w.ctrl.now())
}

// hide puts the window away in the tray. Its ticker stops: nobody watches
// the countdown, and the tray's own minute keeps the rest going.
func (w *mainWindow) hide() {
	w.visible = false
	w.win.Hide()
	w.syncTicker(w.ctrl.now())
}

// hidden reports whether the window is hidden in the tray, not closed.
func (w *mainWindow) hidden() bool { return !w.visible && !w.closed }

// reveal brings the window back with every view up to date, since nothing
// ticked while it was hidden.
func (w *mainWindow) reveal() {
	if w.closed {
		return
	}
	w.show()
	w.refresh()
	w.win.RequestFocus()
}

// minute is the window's work on the tray's minute, which goes on while
// the window is hidden: expiry notifications and, while the window's own
// ticker is stopped, auto-refresh.
func (w *mainWindow) minute(now time.Time) {
	w.notes.checkExpiry(now)
	w.notes.checkSecrets(now)
	if !w.ticker.running() {
		w.ctrl.autoRefresh(now)
	}
}

// requestClose is the close button: with a tray icon to come back from it
// hides the window; otherwise it asks about unsaved changes and quits.
func (w *mainWindow) requestClose() {
	if w.tray.hidesOnClose() {
		w.hide()
		return
	}
	w.editor.guard(w.close, nil)
}

// requestQuit is Quit, from the menu or the tray: it asks about unsaved
// changes (in the window, so a hidden one is shown first) and then closes
// the window, which ends the app.
func (w *mainWindow) requestQuit() {
	if !w.visible && w.editor.dirty() {
		w.reveal()
	}
	w.editor.guard(w.close, nil)
}

// close remembers the window's size, stops the tickers, any work and
// every token endpoint, and closes the window.
func (w *mainWindow) close() {
	if w.closed {
		return
	}
	w.closed = true
	forgetTips(w.win.Canvas())
	size := w.win.Canvas().Size()
	prefs := w.app.Preferences()
	prefs.SetFloat(prefWidth, float64(size.Width))
	prefs.SetFloat(prefHeight, float64(size.Height))
	w.visible = false
	w.ticker.halt()
	w.tray.stop()
	w.copier.stop()
	w.ctrl.cancelAll()
	w.ctrl.stopServers()
	w.win.Close()
}
