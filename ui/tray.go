package ui

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/aztoken/aztoken/assets"
	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/ui/clipboard"
)

// trayView is the system-tray icon and its menu: a copy item per profile
// with its token's time left, Show aztoken and Quit. The menu is rebuilt
// from trayMenu's items only when they change, which for time alone is at
// most once a minute: every rebuild replaces the whole menu on the bus.
type trayView struct {
	// clip receives tray copies: the window's clipboard Guard.
	clip clipboard.Clipboard
	// menu is nil until the start-up probe found a session bus.
	menu  *fyne.Menu
	items []trayItem
	// installed is set when Fyne shows the menu: a desktop app, not the
	// test driver.
	installed bool
	// app is what Show names: "aztoken", or "aztoken demo" beside it.
	app string
	// demo is set in the demo, which quits when its window closes even
	// with a tray host, since its profiles go with it.
	demo bool
	// host is set while something shows the icon: closing then hides the
	// window instead of quitting.
	host bool
	// ticker moves the labels on, runs auto-refresh while the window's
	// ticker is stopped and checks the host again, once a minute.
	ticker *ticker
	// probe asks the desktop about the host; it runs off the main
	// goroutine. Nil: never ask again.
	probe   func() trayHost
	probing bool
}

// addAppViews adds what lives beside the window's own views: settings,
// notifications and the tray, which applyTray enables later.
func (w *mainWindow) addAppViews(d Deps) {
	w.notes = newNotifier(w.ctrl, w.app, w.ctrl.now)
	w.ctrl.fetched = w.notes.fetched
	w.notes.unseen = func(err error) { w.reveal(); w.showError(err) }
	w.tray = &trayView{
		app:    "aztoken",
		demo:   d.Demo,
		clip:   d.Clipboard,
		ticker: newTicker(time.Minute, w.post),
		probe:  func() trayHost { return probeTrayHostWithin(trayProbeTimeout) },
	}
	if w.tray.demo {
		w.tray.app = "aztoken demo"
	}
	w.settings = newSettingsView(w.app.Preferences(), w.win, func(s appSettings) { w.useSettings(s); w.refresh() })
	w.settings.clearer, _ = d.Clipboard.(clearDelay)
	w.useSettings(loadSettings(w.app.Preferences()))
}

// applyTray acts on the start-up probe. Fyne starts its tray only inside
// App.Run, and a tray set up after Run never reaches the bus while Quit
// still tries to leave it, and panics. So Run applies the probe before it
// runs the app, and nothing enables the tray later. Without a bus there is
// no tray and no notification (Fyne would start a bus of its own).
func (w *mainWindow) applyTray(h trayHost) {
	w.notes.on = h.bus
	w.tray.host = h.bus && h.host
	if !h.bus || w.tray.menu != nil {
		return
	}
	w.tray.menu = fyne.NewMenu(w.tray.app)
	w.updateTray(w.ctrl.now())
	if desk, ok := w.app.(desktop.App); ok {
		// The PNG tray icon: Linux trays cannot draw SVG.
		desk.SetSystemTrayIcon(assets.TrayIcon)
		desk.SetSystemTrayMenu(w.tray.menu)
		w.tray.installed = true
		w.tray.ticker.start(w.trayTick)
	}
}

// hidesOnClose reports whether closing the window puts it in the tray.
func (t *trayView) hidesOnClose() bool { return t.menu != nil && t.host && !t.demo }

// follow keeps the tray and the notifications in step with the window's
// state; the window calls it on every redraw. Time alone moves the tray's
// labels only on the tray's own minute, never on the window's second.
func (w *mainWindow) follow(now time.Time) {
	w.updateTray(now)
	w.notes.checkExpiry(now)
}

// updateTray rebuilds the menu if an item changed.
func (w *mainWindow) updateTray(now time.Time) {
	t := w.tray
	if t.menu == nil {
		return
	}
	items := trayMenu(w.tray.app, w.ctrl.profiles(), w.trayStates(), now, w.ctrl.cache.Margin())
	if slices.Equal(items, t.items) {
		return
	}
	t.items = items
	t.menu.Items = trayMenuItems(items, w.copyFromTray, w.reveal, w.requestQuit)
	if t.installed {
		t.menu.Refresh()
	}
}

// trayStates are the profiles' token states as the tray model takes them.
func (w *mainWindow) trayStates() map[profiles.ID]trayState {
	states := map[profiles.ID]trayState{}
	for _, p := range w.ctrl.profiles() {
		var s trayState
		s.token, s.has = w.ctrl.token(p)
		if st, ok := w.ctrl.states[p.ID]; ok {
			s.fetching, s.failed = st.fetching, st.err != nil
		}
		states[p.ID] = s
	}
	return states
}

// trayMenuItems turns the model's items into menu items with actions.
func trayMenuItems(items []trayItem, copyHeader func(profiles.ID), show, quit func()) []*fyne.MenuItem {
	var out []*fyne.MenuItem
	for _, it := range items {
		if it.kind == traySeparator {
			out = append(out, fyne.NewMenuItemSeparator())
			continue
		}
		label := it.label
		if trayMnemonics {
			label = strings.ReplaceAll(label, "_", "__")
		}
		mi := fyne.NewMenuItem(label, nil)
		mi.Disabled = !it.enabled
		switch it.kind {
		case trayCopy:
			id := it.profile
			mi.Action = func() { copyHeader(id) }
		case trayShow:
			mi.Action = show
		case trayQuit:
			mi.Action = quit
			// Marked, so Fyne appends no Quit of its own in any language.
			mi.IsQuit = true
		}
		out = append(out, mi)
	}
	return out
}

// trayTick runs once a minute while the tray exists.
func (w *mainWindow) trayTick() {
	now := w.ctrl.now()
	w.follow(now)
	w.reprobe()
	if !w.ticker.running() {
		// The window's ticker drives auto-refresh while it runs; hidden,
		// the window leaves it to the tray.
		w.ctrl.autoRefresh(now)
	}
}

// reprobe checks the host again in the background: a panel may have
// started or quit since.
func (w *mainWindow) reprobe() {
	t := w.tray
	if t.probing || t.probe == nil {
		return
	}
	t.probing = true
	go func() {
		h := t.probe()
		w.post(func() {
			t.probing = false
			w.trackHost(h)
		})
	}()
}

// trackHost follows a host that came or went after start. A window hidden
// when its icon goes is shown again: nothing else could bring it back.
func (w *mainWindow) trackHost(h trayHost) {
	w.tray.host = h.bus && h.host
	if !w.tray.hidesOnClose() && !w.visible && !w.closed {
		w.reveal()
	}
}
