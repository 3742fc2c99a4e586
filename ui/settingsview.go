package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/tokens/arm"
)

// settingsView is the Settings dialog: app-wide preferences, each checked
// as the user types with the message under its entry. Save stays off
// while one is wrong.
type settingsView struct {
	prefs fyne.Preferences
	win   fyne.Window
	// clearer is the clipboard Guard the delay goes to; nil when the
	// clipboard has none.
	clearer clearDelay
	// setMargin is the cache's margin, setMaxWait the client's longest
	// wait for Azure's Retry-After; saved redraws after a save.
	setMargin, setMaxWait func(time.Duration)
	saved                 func()
	// secretStore is the row choosing where secrets are kept; nil when
	// there is no choice (tests, the demo).
	secretStore *secretStoreView

	clearAfter, margin, maxWait, secretDays, apiVersion *settingEntry
	notifyCopy, notifyRefresh, notifyExpiry             *widget.Check
	save                                                *widget.Button
	dialog                                              *dialog.CustomDialog
}

// settingEntry is an entry with its check and the message under it.
type settingEntry struct {
	// input is the entry as the form holds it; entry is the Entry in it.
	input   *formEntry
	entry   *widget.Entry
	message *widget.Label
	check   func(string) error
}

func newSettingsView(prefs fyne.Preferences, win fyne.Window, clearer clearDelay, setMargin, setMaxWait func(time.Duration), saved func()) *settingsView {
	return &settingsView{prefs: prefs, win: win, clearer: clearer, setMargin: setMargin, setMaxWait: setMaxWait, saved: saved}
}

// use puts settings to work: the Guard's delay for later copies, the
// cache's margin and the client's longest wait. Notifications read theirs
// when they are sent.
func (v *settingsView) use(s appSettings) {
	if v.clearer != nil {
		v.clearer.SetClearAfter(s.clearAfter)
	}
	v.setMargin(s.margin)
	v.setMaxWait(s.maxWait)
}

// open shows the dialog with the saved settings.
func (v *settingsView) open() {
	s := loadSettings(v.prefs)
	v.clearAfter = v.newEntry(strconv.Itoa(int(s.clearAfter/time.Second)), "60", func(t string) error { _, err := checkClearAfter(t); return err })
	v.margin = v.newEntry(strconv.Itoa(int(s.margin/time.Minute)), "5", func(t string) error { _, err := checkMargin(t); return err })
	v.secretDays = v.newEntry(strconv.Itoa(s.secretDays), "14", func(t string) error { _, err := checkSecretDays(t); return err })
	v.maxWait = v.newEntry(strconv.Itoa(int(s.maxWait/time.Second)), "60", func(t string) error { _, err := checkMaxWait(t); return err })
	v.apiVersion = v.newEntry(s.armAPIVersion, arm.ResourceGroupsAPIVersion, func(t string) error { _, err := checkARMVersion(t); return err })
	v.notifyCopy = widget.NewCheck("When a copy from the tray succeeds or fails", nil)
	v.notifyCopy.SetChecked(s.notifyCopy)
	v.notifyRefresh = widget.NewCheck("When an automatic refresh fails", nil)
	v.notifyRefresh.SetChecked(s.notifyRefresh)
	v.notifyExpiry = widget.NewCheck("When a token expires", nil)
	v.notifyExpiry.SetChecked(s.notifyExpiry)

	rows := []fyne.CanvasObject{
		widget.NewLabel("Clear the clipboard after (seconds)"), v.clearAfter.cell(),
		widget.NewLabel("Refresh tokens before expiry (minutes)"), v.margin.cell(),
		widget.NewLabel("Wait at most, when Azure asks (seconds)"), v.maxWait.cell(),
		widget.NewLabel("Notifications"), container.NewVBox(v.notifyCopy, v.notifyRefresh, v.notifyExpiry),
		widget.NewLabel("Remind of a secret's expiry (days before)"), v.secretDays.cell(),
		widget.NewLabel("ARM api-version"), v.apiVersion.cell(),
	}
	if v.secretStore != nil {
		rows = append(rows, widget.NewLabel("Client secrets"), v.secretStore.build())
	}
	form := container.New(layout.NewFormLayout(), rows...)
	note := &widget.Label{Text: "The clipboard is cleared only if it still holds what aztoken copied.", Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	v.save = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: v.onSave}
	v.dialog = dialog.NewCustomWithoutButtons("Settings", dialogForm(container.NewVBox(form, note), v.win), v.win)
	v.dialog.SetButtons([]fyne.CanvasObject{&widget.Button{Text: "Cancel", OnTapped: v.dialog.Hide}, v.save})
	v.dialog.Resize(fyne.NewSize(640, 0))
	v.changed()
	answerKeys(v.win, v.dialog, tapper(v.save), v.dialog.Hide)
	v.dialog.Show()
}

func (v *settingsView) newEntry(text, placeholder string, check func(string) error) *settingEntry {
	input := newFormEntry(singleLine, "")
	e := &settingEntry{input: input, entry: &input.Entry, message: &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}, check: check}
	e.entry.SetText(text)
	e.entry.SetPlaceHolder(placeholder)
	e.entry.Validator = check
	e.entry.OnChanged = func(string) { e.show(); v.changed() }
	e.message.Hide()
	return e
}

func (e *settingEntry) cell() fyne.CanvasObject {
	return container.NewVBox(container.NewStack(e.input, newWheelPass()), e.message)
}

// show puts the check's message under the entry.
func (e *settingEntry) show() {
	err := e.check(e.entry.Text)
	e.entry.SetValidationError(err)
	if err != nil {
		e.message.SetText(err.Error())
	}
	setShown(e.message, err != nil)
}

func (e *settingEntry) valid() bool { return e.check(e.entry.Text) == nil }

// changed allows Save only while every entry passes.
func (v *settingsView) changed() {
	enable(v.save, v.clearAfter.valid() && v.margin.valid() && v.maxWait.valid() && v.secretDays.valid() && v.apiVersion.valid())
}

// onSave stores the settings and puts them to work.
func (v *settingsView) onSave() {
	seconds, err1 := checkClearAfter(v.clearAfter.entry.Text)
	margin, err2 := checkMargin(v.margin.entry.Text)
	api, err3 := checkARMVersion(v.apiVersion.entry.Text)
	wait, err4 := checkMaxWait(v.maxWait.entry.Text)
	days, err5 := checkSecretDays(v.secretDays.entry.Text)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || err5 != nil {
		return
	}
	s := appSettings{
		clearAfter:    time.Duration(seconds) * time.Second,
		margin:        time.Duration(margin) * time.Minute,
		maxWait:       time.Duration(wait) * time.Second,
		secretDays:    days,
		notifyCopy:    v.notifyCopy.Checked,
		notifyRefresh: v.notifyRefresh.Checked,
		notifyExpiry:  v.notifyExpiry.Checked,
		armAPIVersion: api,
	}
	s.save(v.prefs)
	v.use(s)
	v.saved()
	v.dialog.Hide()
}
