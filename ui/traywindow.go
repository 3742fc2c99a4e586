package ui

// How the window comes and goes once there is a tray.

// hide puts the window away in the tray. Its ticker stops: nobody watches
// the countdown, and the tray's own minute keeps the rest going.
func (w *mainWindow) hide() {
	w.visible = false
	w.win.Hide()
	w.syncTicker(w.ctrl.now())
}

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

// requestQuit is Quit, from the menu or the tray: it asks about unsaved
// changes (in the window, so a hidden one is shown first) and then closes
// the window, which ends the app.
func (w *mainWindow) requestQuit() {
	if !w.visible && w.editor.dirty() {
		w.reveal()
	}
	w.editor.guard(w.close, nil)
}

// openSettings shows the Settings dialog.
func (w *mainWindow) openSettings() { w.settings.open() }
