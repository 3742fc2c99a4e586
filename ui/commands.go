package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// command is one thing the user can do from the menu, most of them also
// with a shortcut. One table feeds both, so the menu always shows the
// shortcut that works.
type command struct {
	label string
	// key is the shortcut's key with Ctrl (Cmd on macOS), and Shift when
	// shift is set; no key means menu only.
	key   fyne.KeyName
	shift bool
	run   func()
	// onSelected marks a command that acts on the selected profile: it
	// does nothing while the filter hides that profile, since the user
	// cannot see what it would act on.
	onSelected bool
	// isQuit marks Quit for Fyne (fyne.MenuItem.IsQuit), which then adds
	// no Quit of its own and moves this one where the platform wants it.
	isQuit bool
}

// menu is one menu of the menu bar.
type menu struct {
	name     string
	commands []command
}

// menus are the menu bar, in order.
func (w *mainWindow) menus() []menu {
	pa := w.profileActions
	return []menu{
		{"Profile", []command{
			{label: "New profile", key: fyne.KeyN, run: pa.newProfile},
			{label: "Save profile", key: fyne.KeyS, run: func() { w.editor.saveThen(nil) }},
			{label: "Duplicate profile", key: fyne.KeyD, run: pa.duplicate, onSelected: true},
			{label: "Delete profile…", run: pa.remove, onSelected: true},
			{label: "Filter profiles", key: fyne.KeyF, run: w.list.focusFilter},
			{label: "Import…", key: fyne.KeyI, run: pa.importFile},
			{label: "Export…", key: fyne.KeyE, run: pa.exportFile},
			{label: "Settings…", key: fyne.KeyComma, run: w.settings.open},
			{label: "Close window", key: fyne.KeyW, run: w.requestClose},
			{label: "Quit", key: fyne.KeyQ, run: w.requestQuit, isQuit: true},
		}},
		{"Token", []command{
			{label: "Get token", key: fyne.KeyR, run: w.token.getToken, onSelected: true},
			{label: "Run test call", key: fyne.KeyT, run: func() { w.showTab(w.callTab); w.call.runCall() }, onSelected: true},
			{label: "Run setup check", key: fyne.KeyT, shift: true, run: func() { w.showTab(w.checkTab); w.check.start() }, onSelected: true},
			{label: "Copy header", key: fyne.KeyC, shift: true, run: w.token.onCopyHeader, onSelected: true},
			{label: "Copy token", key: fyne.KeyA, shift: true, run: w.token.onCopyToken, onSelected: true},
			{label: "Copy as curl", key: fyne.KeyU, shift: true, run: w.token.onCopyCurl, onSelected: true},
			{label: "Show or hide the token", key: fyne.KeyH, shift: true, run: w.token.toggleReveal, onSelected: true},
			{label: "Cancel running work", key: fyne.KeyPeriod, run: w.ctrl.cancelAll},
		}},
		{"View", []command{
			{label: "Next profile", key: fyne.KeyDown, run: func() { w.list.step(1) }},
			{label: "Previous profile", key: fyne.KeyUp, run: func() { w.list.step(-1) }},
			{label: "Profile tab", key: fyne.Key1, run: func() { w.tabs.SelectIndex(0) }},
			{label: "Claims tab", key: fyne.Key2, run: func() { w.tabs.SelectIndex(1) }},
			{label: "Test call tab", key: fyne.Key3, run: func() { w.showTab(w.callTab) }},
			{label: "Setup check tab", key: fyne.Key4, run: func() { w.showTab(w.checkTab) }},
			{label: "Serve tab", key: fyne.Key5, run: func() { w.showTab(w.serveTab) }},
			{label: "Decode tab", key: fyne.Key6, run: func() { w.showTab(w.decodeTab) }},
		}},
		{"Help", []command{
			{label: "Keyboard shortcuts", run: func() { showShortcuts(w.win, w.menus()) }},
			{label: "Read the README", run: func() {
				if err := openREADME(w.app); err != nil {
					w.showError(err)
				}
			}},
			// "About" exactly: Fyne moves it to the app menu on macOS.
			{label: "About", run: func() { showAbout(w.win) }},
		}},
	}
}

// shortcut is the command's key combination, or nil.
func (c command) shortcut() *desktop.CustomShortcut {
	if c.key == "" {
		return nil
	}
	mod := fyne.KeyModifierShortcutDefault
	if c.shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: c.key, Modifier: mod}
}

// addCommands installs the main menu and the same shortcuts on the canvas,
// where they also work without a menu bar (and in tests).
func (w *mainWindow) addCommands() {
	var menus []*fyne.Menu
	for _, m := range w.menus() {
		var items []*fyne.MenuItem
		for _, c := range m.commands {
			if c.onSelected {
				run := c.run
				c.run = func() {
					if w.list.showsSelected() {
						run()
					}
				}
			}
			item := fyne.NewMenuItem(c.label, c.run)
			if sc := c.shortcut(); sc != nil {
				item.Shortcut = sc
				w.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { c.run() })
			}
			item.IsQuit = c.isQuit
			items = append(items, item)
		}
		menus = append(menus, fyne.NewMenu(m.name, items...))
	}
	w.win.SetMainMenu(fyne.NewMainMenu(menus...))
}
