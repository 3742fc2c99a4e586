package ui

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/aztoken/aztoken/assets"
	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/clipboard"
)

// trayView is the system-tray icon and its menu: a copy item per profile
// with its token's time left, Show aztoken and Quit. The menu is rebuilt
// from trayMenu's items only when they change, which for time alone is at
// most once a minute: every rebuild replaces the whole menu on the bus.
type trayView struct {
	app  fyne.App
	ctrl trayController
	win  trayWindow
	now  func() time.Time
	// clip receives tray copies: the window's clipboard Guard.
	clip clipboard.Clipboard
	// copied hears how a copy went: the notifier.
	copied func(profiles.Profile, tokens.Token, error)
	post   poster

	// menu is nil until the start-up probe found a session bus.
	menu  *fyne.Menu
	items []trayItem
	// installed is set when Fyne shows the menu: a desktop app, not the
	// test driver.
	installed bool
	// name is what Show names: "aztoken", or "aztoken demo" beside it.
	name string
	// demo is set in the demo, which quits when its window closes even
	// with a tray host, since its profiles go with it.
	demo bool
	// host is set while something shows the icon: closing then hides the
	// window instead of quitting.
	host bool
	// ticker moves the labels on and checks the host again, once a minute,
	// and gives the window its minute while the window's ticker is stopped.
	ticker *ticker
	// probe asks the desktop about the host; it runs off the main
	// goroutine. Nil: never ask again.
	probe   func() trayHost
	probing bool
}

// trayController is what the tray asks of the controller.
type trayController interface {
	tokenReader
	fetchState(profiles.Profile) (fetching bool, err error)
	// margin is how long before expiry the cache gets a new token.
	margin() time.Duration
	copyHeader(profiles.Profile, clipboard.Clipboard, func(tokens.Token, error))
}

// trayWindow is what the tray asks of the window.
type trayWindow struct {
	// reveal shows the window; quit is Quit, as in the window's menu.
	reveal, quit func()
	// hidden reports whether the window is hidden in the tray (not closed).
	hidden func() bool
	// minute runs on the tray's minute: the window's work that goes on
	// while it is hidden.
	minute func(now time.Time)
}

func newTrayView(a fyne.App, ctrl trayController, win trayWindow, d Deps, post poster) *trayView {
	t := &trayView{
		app: a, ctrl: ctrl, win: win, now: d.Now, clip: d.Clipboard, post: post,
		copied: func(profiles.Profile, tokens.Token, error) {},
		name:   "aztoken", demo: d.Demo,
		ticker: newTicker(time.Minute, post),
		probe:  func() trayHost { return probeTrayHostWithin(trayProbeTimeout) },
	}
	if t.demo {
		t.name = "aztoken demo"
	}
	return t
}

// apply acts on the start-up probe. Fyne starts its tray only inside
// App.Run, and a tray set up after Run never reaches the bus while Quit
// still tries to leave it, and panics. So Run applies the probe before it
// runs the app, and nothing enables the tray later. Without a bus there is
// no tray.
func (t *trayView) apply(h trayHost) {
	t.host = h.bus && h.host
	if !h.bus || t.menu != nil {
		return
	}
	t.menu = fyne.NewMenu(t.name)
	t.update(t.now())
	if desk, ok := t.app.(desktop.App); ok {
		// The PNG tray icon: Linux trays cannot draw SVG.
		desk.SetSystemTrayIcon(assets.TrayIcon)
		desk.SetSystemTrayMenu(t.menu)
		t.installed = true
		t.ticker.start(t.tick)
	}
}

// hidesOnClose reports whether closing the window puts it in the tray.
func (t *trayView) hidesOnClose() bool { return t.menu != nil && t.host && !t.demo }

// update rebuilds the menu if an item changed. The window calls it on
// every redraw; time alone moves the labels only on the tray's own minute,
// never on the window's second.
func (t *trayView) update(now time.Time) {
	if t.menu == nil {
		return
	}
	items := trayMenu(t.name, t.ctrl.profiles(), t.states(), now, t.ctrl.margin())
	if slices.Equal(items, t.items) {
		return
	}
	t.items = items
	t.menu.Items = trayMenuItems(items, t.copy, t.win.reveal, t.win.quit)
	if t.installed {
		t.menu.Refresh()
	}
}

// states are the token states of the profiles' targets as the tray model
// takes them.
func (t *trayView) states() map[tokenKey]trayState {
	states := map[tokenKey]trayState{}
	for _, p := range t.ctrl.profiles() {
		for _, name := range p.TargetNames() {
			p, _ := p.WithTarget(name)
			var s trayState
			s.token, s.has = t.ctrl.token(p)
			fetching, err := t.ctrl.fetchState(p)
			s.fetching, s.failed = fetching, err != nil
			states[keyOf(p)] = s
		}
	}
	return states
}

// trayMenuItems turns the model's items into menu items with actions.
func trayMenuItems(items []trayItem, copyHeader func(profiles.ID, string), show, quit func()) []*fyne.MenuItem {
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
			id, target := it.profile, it.target
			mi.Action = func() { copyHeader(id, target) }
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

// tick runs once a minute while the tray exists.
func (t *trayView) tick() {
	now := t.now()
	t.update(now)
	t.reprobe()
	t.win.minute(now)
}

// reprobe checks the host again in the background: a panel may have
// started or quit since.
func (t *trayView) reprobe() {
	if t.probing || t.probe == nil {
		return
	}
	t.probing = true
	go func() {
		h := t.probe()
		t.post(func() {
			t.probing = false
			t.trackHost(h)
		})
	}()
}

// trackHost follows a host that came or went after start. A window hidden
// when its icon goes is shown again: nothing else could bring it back.
func (t *trayView) trackHost(h trayHost) {
	t.host = h.bus && h.host
	if !t.hidesOnClose() && t.win.hidden() {
		t.win.reveal()
	}
}

// stop halts the tray's minute when the window closes.
func (t *trayView) stop() { t.ticker.halt() }
