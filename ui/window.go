package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/ui/demo"
)

// Preference keys. Preferences are a plain file, so they hold only the
// window's size and the last profile's ID: never a token or a secret.
const (
	prefWidth       = "window.width"
	prefHeight      = "window.height"
	prefLastProfile = "profile.last"
)

// mainWindow is aztoken's window. It builds the views and wires them to
// the controller and to each other, redraws them when the controller's
// state changes, and comes and goes (lifecycle.go); what each view does is
// in the view's own files.
type mainWindow struct {
	app  fyne.App
	win  fyne.Window
	ctrl *controller
	// profileActions act on the profiles; acts are the same as functions
	// for the list and the empty state.
	profileActions *profileActions
	acts           *actions
	copier         *copier
	ticker         *ticker
	// visible is set while the window is shown; the ticker runs only then.
	visible bool
	closed  bool

	list   *profileList
	editor *profileEditor
	token  *tokenPanel
	errors *errorPanel
	claims *claimsView
	banner *storeBanner
	status *statusBar
	empty  *emptyState
	call   *testCallView
	check  *checkView
	serve  *serveView
	decode *decodeView

	tabs                        *container.AppTabs
	errorArea                   *errorArea
	callTab, checkTab, serveTab *lazyTab
	decodeTab                   *lazyTab
	profilePane, emptyPane      fyne.CanvasObject
	// The tray, notifications and settings (tray.go, notify.go,
	// settingsview.go).
	tray     *trayView
	notes    *notifier
	settings *settingsView
	// tips are the tooltips of the icon buttons (tooltip.go).
	tips *tips
	// demo is set in the offline demo (Deps.Demo).
	demo bool
}

// actions are what the user can ask of the window, shared by buttons, the
// menu and the keyboard shortcuts.
type actions struct {
	selectProfile                                         func(profiles.ID)
	newProfile, duplicate, remove, importFile, exportFile func()
	// startDemo opens the offline demo; nil inside the demo itself.
	startDemo func()
}

// newMainWindow builds the window on d; background work reaches its
// widgets through post.
func newMainWindow(a fyne.App, d Deps, post poster) *mainWindow {
	w := &mainWindow{app: a, win: a.NewWindow("aztoken"), demo: d.Demo}
	w.ctrl = newController(d, post)
	for _, id := range d.AutoRefresh {
		if p, ok := w.ctrl.profile(id); ok {
			w.ctrl.setAutoRefresh(p, true) // its default target
		}
	}
	w.copier = newCopier(d.Clipboard, post)
	w.copier.fail = w.showError
	w.ticker = newTicker(time.Second, post)
	pa := &profileActions{ctrl: w.ctrl, win: w.win, prefs: a.Preferences(), redraw: w.refresh, showForm: func() { w.tabs.SelectIndex(0) }}
	w.profileActions = pa
	w.acts = &actions{
		selectProfile: pa.selectProfile, newProfile: pa.newProfile, duplicate: pa.duplicate,
		remove: pa.remove, importFile: pa.importFile, exportFile: pa.exportFile,
	}
	if !w.demo {
		w.acts.startDemo = func() {
			if err := startDemo(); err != nil {
				w.showError(err)
			}
		}
	}
	w.tips = newTips(post)
	w.win.SetContent(w.tips.over(w.win.Canvas(), w.build()))
	pa.form = w.editor
	w.addAppViews(d, post)
	w.addCommands()
	w.win.SetCloseIntercept(w.requestClose)
	w.ctrl.changed = w.refresh
	w.restore()
	return w
}

func (w *mainWindow) build() fyne.CanvasObject {
	w.list = newProfileList(w.ctrl, w.acts, w.win)
	w.editor = newProfileEditor(w.ctrl, w.win, w.profileActions.saved)
	w.token = newTokenPanel(w.ctrl, w.copier)
	w.errors = newErrorPanel(w.ctrl, w.copier)
	w.claims = newClaimsView(w.ctrl)
	w.banner = newStoreBanner(w.ctrl, w.profileActions.movedAside)
	w.status = newStatusBar(w.ctrl)
	w.empty = newEmptyState(w.acts)
	w.call = newTestCallView(w.ctrl, w.copier, w.app.Preferences())
	// A subscription saved from the test call shows in the form, unless
	// the form holds edits of its own (their save then meets a conflict).
	w.call.onSaved = func(p profiles.Profile) {
		if !w.editor.dirty() {
			w.editor.load(p)
		}
	}
	w.check = newCheckView(w.ctrl, w.copier)
	w.serve = newServeView(w.ctrl, w.copier)
	w.decode = newDecodeView(w.ctrl, w.copier.clip)

	w.callTab = newLazyTab("Test call", theme.MediaPlayIcon(), w.call)
	w.checkTab = newLazyTab("Setup check", theme.ConfirmIcon(), w.check)
	w.serveTab = newLazyTab("Serve", theme.ComputerIcon(), w.serve)
	w.decodeTab = newLazyTab("Decode", theme.SearchIcon(), w.decode)
	w.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Profile", theme.AccountIcon(), w.editor.build()),
		container.NewTabItemWithIcon("Claims", theme.InfoIcon(), w.claims.build()),
		w.callTab.item, w.checkTab.item, w.serveTab.item, w.decodeTab.item,
	)
	w.tabs.OnSelected = w.tabSelected
	top := container.NewVBox(w.token.build(), widget.NewSeparator())
	w.errorArea = tabsOverError(newKeyTabs(w.tabs), w.errors.build())
	// Objects go in the order Tab should visit them: the token's actions
	// before the tabs, the banner before the split.
	w.profilePane = container.New(layout.NewBorderLayout(top, nil, nil, nil), top, w.errorArea.area)
	w.emptyPane = w.empty.build()
	split := container.NewHSplit(w.list.build(), container.NewStack(w.emptyPane, w.profilePane))
	split.Offset = 0.3
	header := w.banner.build()
	if w.demo {
		header = container.NewVBox(noticeLine(demo.Banner), header)
	}
	status := w.status.build()
	return container.New(layout.NewBorderLayout(header, status, nil, nil), header, split, status)
}

// refresh redraws every view from the controller's state.
func (w *mainWindow) refresh() {
	now := w.ctrl.now()
	w.banner.apply()
	w.status.apply()
	w.list.apply()
	empty := w.ctrl.showing("")
	setShown(w.emptyPane, empty)
	setShown(w.profilePane, !empty)
	w.empty.apply(w.ctrl.readOnly() == nil)
	w.token.apply(now)
	w.errors.apply()
	w.errorArea.follow()
	w.claims.apply()
	w.callTab.apply()
	w.checkTab.apply()
	w.serveTab.apply()
	w.decodeTab.apply()
	w.editor.changed()
	w.win.SetTitle(w.title())
	w.syncTicker(now)
	w.tray.update(now)
	w.notes.checkExpiry(now)
	w.notes.checkSecrets(now)
}

// tick moves every countdown on, once a second while one is showing.
func (w *mainWindow) tick() {
	now := w.ctrl.now()
	w.list.tick()
	w.token.tick(now)
	if w.serveTab.built {
		w.serve.tick()
	}
	w.syncTicker(now)
	w.notes.checkExpiry(now)
	w.ctrl.autoRefresh(now)
}

// syncTicker runs the ticker only while the window shows a countdown.
func (w *mainWindow) syncTicker(now time.Time) {
	if w.visible && w.ctrl.counting(now) {
		w.ticker.start(w.tick)
	} else {
		w.ticker.halt()
	}
}

// tabSelected builds a tab's view the first time it is opened.
func (w *mainWindow) tabSelected(item *container.TabItem) {
	for _, t := range []*lazyTab{w.callTab, w.checkTab, w.serveTab, w.decodeTab} {
		if t.item == item {
			w.buildTab(t)
		}
	}
}

// buildTab builds t's view if it is not built yet.
func (w *mainWindow) buildTab(t *lazyTab) {
	if t.build() {
		w.tabs.Refresh()
	}
}

// showTab brings t to the front, built.
func (w *mainWindow) showTab(t *lazyTab) {
	w.buildTab(t)
	w.tabs.Select(t.item)
}

// title names the selected profile after the app.
func (w *mainWindow) title() string {
	if p, ok := w.ctrl.selectedProfile(); ok {
		return "aztoken — " + p.Name
	}
	return "aztoken"
}

// restore brings back the window's size and the last selected profile.
func (w *mainWindow) restore() {
	prefs := w.app.Preferences()
	w.win.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWidth, 980)),
		float32(prefs.FloatWithFallback(prefHeight, 680)),
	))
	w.profileActions.openLast()
}

// showError explains a failure that has no place in a view, with its fix.
func (w *mainWindow) showError(err error) { showError(w.win, err) }

// addAppViews adds what lives beside the window's own views: settings,
// notifications and the tray, which applyTray enables later.
func (w *mainWindow) addAppViews(d Deps, post poster) {
	w.notes = newNotifier(w.ctrl, w.app, w.ctrl.now)
	w.notes.unseen = func(err error) { w.reveal(); w.showError(err) }
	w.ctrl.fetched = func(e fetchEnd) {
		w.notes.fetched(e)
		w.editor.fetched(e)
	}
	w.tray = newTrayView(w.app, w.ctrl, trayWindow{reveal: w.reveal, quit: w.requestQuit, hidden: w.hidden, minute: w.minute}, d, post)
	w.tray.copied = w.notes.copied
	clearer, _ := d.Clipboard.(clearDelay)
	w.settings = newSettingsView(w.app.Preferences(), w.win, clearer, w.ctrl.cache.SetMargin, w.ctrl.client.SetMaxRetryAfter, w.refresh)
	w.settings.use(loadSettings(w.app.Preferences()))
	if d.SecretStores != nil {
		w.settings.secretStore = newSecretStoreView(w.ctrl, w.win, d.SecretStores)
	}
}

// applyTray acts on the start-up probe: the tray starts, and
// notifications may be sent, only when it found a session bus (Fyne would
// otherwise start a bus of its own).
func (w *mainWindow) applyTray(h trayHost) {
	w.notes.on = h.bus
	w.tray.apply(h)
}

// setShown shows or hides o.
func setShown(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// setLabel changes a label's text and importance, and redraws it only if
// either differs: a redraw measures the text again and repaints the window,
// which a countdown's once-a-second ticks would otherwise do for nothing.
func setLabel(l *widget.Label, text string, importance widget.Importance) {
	if l.Text == text && l.Importance == importance {
		return
	}
	l.Text, l.Importance = text, importance
	l.Refresh()
}

// enable switches a widget on or off.
func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}
