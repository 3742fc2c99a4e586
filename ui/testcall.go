package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/arm"
)

// testCallView calls Resource Manager with the selected profile's token,
// the quickest proof that the app, its role and the token all work: it
// lists a subscription's resource groups (every page) or GETs any path the
// user types, and shows what came back with the ids a ticket needs.
type testCallView struct {
	ctrl   armCaller
	copier *copier
	prefs  fyne.Preferences

	subscription, apiVersion, path            *field
	picker                                    *formSelect
	find, run, cancel, curl, get              *formButton
	status, took, pages, requestID, remaining *widget.Label
	// remainingName heads the remaining reads, shown only when ARM sent
	// the header.
	remainingName *widget.Label
	summary       *fyne.Container
	errors        *errorPanel
	table         *widget.Table
	raw           *widget.Label
	results       *container.AppTabs
	// top scrolls the form and what the call came to.
	top               *container.Scroll
	groupsTab, rawTab *container.TabItem

	// shownFor is the profile the form and the results belong to.
	shownFor profiles.ID
	running  bool
	stop     context.CancelFunc
	// last is what the last call came to and lastPath what it asked, for
	// Copy as curl.
	last     armResult
	lastPath string
	subs     []arm.Subscription

	// subNote says which subscription the call uses (testcallsub.go);
	// saveSub stores a new one in the profile, and subProblem is why the
	// last try failed.
	subNote    *widget.Label
	saveSub    *formButton
	savingSub  bool
	subProblem string
	// onSaved tells the window the profile was saved with a subscription.
	onSaved func(profiles.Profile)
}

// armCaller is what the test call asks of the controller.
type armCaller interface {
	selection
	callARM(p profiles.Profile, what string, call func(context.Context, arm.Client) armResult, done func(armResult)) context.CancelFunc
	// save and readOnly are the editor's: Save to profile stores the
	// subscription the same way.
	save(p profiles.Profile, prepare func(context.Context) (profiles.SecretChange, error), done func(saveResult))
	readOnly() error
}

func newTestCallView(ctrl armCaller, cp *copier, prefs fyne.Preferences) *testCallView {
	return &testCallView{ctrl: ctrl, copier: cp, prefs: prefs}
}

func (v *testCallView) build() fyne.CanvasObject {
	v.subscription = newField(profiles.FieldSubscription, placeholderEntry("Subscription ID"), validator(profiles.CheckSubscription), v.apply)
	v.picker = newFormSelect(nil, "Those the app can see", v.pick)
	v.find = newFormButton("Find subscriptions", theme.SearchIcon(), v.findSubscriptions)
	v.apiVersion = newField("", placeholderEntry(arm.ResourceGroupsAPIVersion), validator(apiVersion), v.apply)
	v.run = newFormButton("Run", theme.MediaPlayIcon(), v.runCall)
	v.run.Importance = widget.HighImportance
	v.cancel = newFormButton("Cancel", theme.CancelIcon(), v.cancelCall)
	v.curl = newFormButton("Copy as curl", theme.ContentCopyIcon(), v.copyCurl)
	v.path = newField("", placeholderEntry("/subscriptions?api-version="+arm.SubscriptionsAPIVersion), checkARMPath, v.apply)
	v.path.entry.OnSubmitted = func(string) { v.getPath() }
	v.get = newFormButton("GET", theme.DownloadIcon(), v.getPath)

	label := func() *widget.Label { return &widget.Label{Selectable: true} }
	v.status, v.took, v.pages, v.requestID, v.remaining = label(), label(), label(), label(), label()
	v.remainingName = widget.NewLabel("Remaining reads")
	v.summary = container.New(layout.NewFormLayout(),
		widget.NewLabel("HTTP status"), v.status, widget.NewLabel("Time"), v.took, widget.NewLabel("Answer"), v.pages,
		widget.NewLabel("x-ms-request-id"), v.requestID, v.remainingName, v.remaining)
	v.summary.Hide()
	v.errors = newErrorPanelFor("The call failed", v.copier, func() error {
		if errors.Is(v.last.err, context.Canceled) {
			return nil
		}
		return v.last.err
	})

	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.last.groups), len(groupColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.cell(id.Row, id.Col)) })
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(groupColumns[id.Col])
		}
	}
	for col, width := range []float32{220, 120, 150, 300, 60} {
		v.table.SetColumnWidth(col, width)
	}
	v.raw = &widget.Label{Selectable: true, TextStyle: fyne.TextStyle{Monospace: true}}
	v.groupsTab = container.NewTabItem("Resource groups", v.table)
	v.rawTab = container.NewTabItem("Raw JSON", container.NewScroll(v.raw))
	v.results = container.NewAppTabs(v.groupsTab, v.rawTab)

	note := v.buildSubscriptionNote()
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("Subscription"), container.NewVBox(v.subscription.cell(),
			container.NewBorder(nil, nil, nil, v.saveSub, note), container.NewBorder(nil, nil, nil, v.find, v.picker)),
		widget.NewLabel("api-version"), v.apiVersion.cell(),
		widget.NewLabel(""), container.NewHBox(v.run, v.cancel, v.curl),
		widget.NewLabel("Any path"), container.NewBorder(nil, nil, nil, v.get, v.path.cell()),
	)
	// The form and what the call came to scroll above the results, and
	// the user can move the line between them: a long error or a tall
	// summary must not make the tab, and so the window, taller.
	v.top = formScroll(container.NewVBox(form, widget.NewSeparator(), v.summary, v.errors.build()))
	split := container.NewVSplit(v.top, v.results)
	split.Offset = 0.45
	return split
}

// apply follows the selected profile and keeps the buttons in step.
func (v *testCallView) apply() {
	p, ok := v.ctrl.selectedProfile()
	if p.ID != v.shownFor {
		v.reset(p)
	}
	idle := ok && !v.running
	enable(v.find, idle)
	enable(v.run, idle)
	enable(v.get, idle && strings.TrimSpace(v.path.entry.Text) != "")
	enable(v.cancel, v.running)
	tok, has := v.ctrl.token(p)
	enable(v.curl, ok && v.lastPath != "" && has && !tok.Expired(v.ctrl.now()))
	v.noteSubscription(p)
	v.errors.apply()
}

// reset starts afresh for p: its subscription, the api-version from the
// settings, and no results.
func (v *testCallView) reset(p profiles.Profile) {
	if v.stop != nil {
		v.stop() // the last profile's answer is no longer wanted
	}
	v.shownFor = p.ID
	v.subProblem = ""
	v.subscription.set(p.Subscription)
	// The Settings view keeps only a valid version; anything else in the
	// file means the default.
	version, err := apiVersion(v.prefs.String(settingARMAPIVersion))
	if err != nil {
		version = arm.ResourceGroupsAPIVersion
	}
	v.apiVersion.set(version)
	v.subs = nil
	v.picker.Options = nil
	v.picker.ClearSelected()
	v.show(armResult{}, "")
}

// runCall lists the resource groups of the subscription in the form; an
// invalid one is marked at its field and nothing is called.
func (v *testCallView) runCall() {
	p, ok := v.ctrl.selectedProfile()
	if !ok || v.running {
		return
	}
	sub, err := profiles.CheckSubscription(v.subscription.entry.Text)
	if err == nil && sub == "" {
		err = &profiles.FieldError{Field: profiles.FieldSubscription, Message: "Choose or type the subscription whose resource groups to list"}
	}
	v.subscription.show(err)
	version, verr := apiVersion(v.apiVersion.entry.Text)
	v.apiVersion.show(verr)
	if err != nil || verr != nil {
		return
	}
	v.start(p, resourceGroupsPath(sub, version), "Listing resource groups", listGroups(sub, version),
		func(armResult) { v.results.Select(v.groupsTab) })
}

// findSubscriptions fills the picker with what the app can see.
func (v *testCallView) findSubscriptions() {
	p, ok := v.ctrl.selectedProfile()
	if !ok || v.running {
		return
	}
	v.start(p, "/subscriptions?api-version="+arm.SubscriptionsAPIVersion, "Finding subscriptions", listSubscriptions,
		func(r armResult) {
			v.subs = r.subs
			options := make([]string, len(r.subs))
			for i, s := range r.subs {
				options[i] = subscriptionOption(s)
			}
			v.picker.SetOptions(options)
		})
}

// getPath is the custom GET: GET only, by design.
func (v *testCallView) getPath() {
	p, ok := v.ctrl.selectedProfile()
	path := strings.TrimSpace(v.path.entry.Text)
	if !ok || v.running || path == "" || !v.path.valid() {
		return
	}
	v.start(p, path, "Calling Resource Manager", getPath(path), func(armResult) { v.results.Select(v.rawTab) })
}

// start runs call for p in the background; then shows the result (if p
// is still shown) and runs after.
func (v *testCallView) start(p profiles.Profile, path, what string, call func(context.Context, arm.Client) armResult, after func(armResult)) {
	v.running = true
	v.stop = v.ctrl.callARM(p, what, call, func(r armResult) {
		v.running = false
		if p.ID != v.shownFor {
			return
		}
		v.show(r, path)
		after(r)
	})
}

func (v *testCallView) cancelCall() {
	if v.stop != nil {
		v.stop()
	}
}

// show puts a result in the summary, the table and the raw view.
func (v *testCallView) show(r armResult, path string) {
	v.last, v.lastPath = r, path
	if r.call.URL == "" {
		v.lastPath = "" // Resource Manager was never asked
	}
	c := r.call
	setShown(v.summary, c.Status != 0)
	v.status.SetText(fmt.Sprintf("%d %s", c.Status, http.StatusText(c.Status)))
	v.took.SetText(tookText(c.Duration))
	v.pages.SetText(answerText(r, path))
	v.requestID.SetText(c.RequestID)
	v.remaining.SetText(c.RemainingReads)
	setShown(v.remainingName, c.RemainingReads != "")
	setShown(v.remaining, c.RemainingReads != "")
	v.raw.SetText(pretty(c.Body))
	v.table.Refresh()
}

// cell is what the table shows at row, col.
func (v *testCallView) cell(row, col int) string {
	if row < 0 || row >= len(v.last.groups) {
		return ""
	}
	return groupCell(v.last.groups[row], col)
}

// pick puts the chosen subscription in the form.
func (v *testCallView) pick(string) {
	if i := v.picker.SelectedIndex(); i >= 0 && i < len(v.subs) {
		v.subscription.entry.SetText(v.subs[i].SubscriptionID)
	}
}

func (v *testCallView) copyCurl() {
	p, ok := v.ctrl.selectedProfile()
	tok, has := v.ctrl.token(p)
	if ok && has && !tok.Expired(v.ctrl.now()) && v.lastPath != "" {
		v.copier.copy(&v.curl.Button, curlGet(p, tok, v.lastPath))
	}
}

// tookText words how long a call took; a loopback answer comes in under a
// millisecond, which "0 ms" misstated.
func tookText(d time.Duration) string {
	if d < time.Millisecond {
		return "under 1 ms"
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}

// answerText says what came back: how many resource groups in how many
// pages for a listing, the pages otherwise.
func answerText(r armResult, path string) string {
	pages := plural(r.call.Pages, "page", "pages")
	if strings.Contains(path, "/resourcegroups?") && r.err == nil {
		return plural(len(r.groups), "resource group", "resource groups") + " in " + pages
	}
	return pages
}

// plural is n with the noun that fits it.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
