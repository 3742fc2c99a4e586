package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
)

// profileList is the left-hand side: a filter, the toolbar and every
// profile with its tenant and where its token stands.
type profileList struct {
	ctrl listSource
	acts *actions
	win  fyne.Window

	filter                                  *filterEntry
	list                                    *keyList
	add, duplicate, remove, import_, export *tipButton

	// shown are the profiles that pass the filter, in list order.
	shown []profiles.Profile
	// drawn are their statuses as last drawn, so that a tick redraws the
	// list only when one has changed: most statuses count minutes.
	drawn []rowStatus
}

// rowStatus is a row's status line: where its token stands, and when its
// secret expires if that is soon.
type rowStatus struct {
	text       string
	importance widget.Importance
	secret     string
	warning    profiles.SecretWarning
}

// listSource is what the profile list reads of the controller.
type listSource interface {
	selection
	profiles() []profiles.Profile
	readOnly() error
	phaseOf(profiles.Profile, time.Time) phase
	// picked is the profile asking for the target its token panel shows.
	picked(profiles.Profile) profiles.Profile
}

func newProfileList(ctrl listSource, acts *actions, win fyne.Window) *profileList {
	return &profileList{ctrl: ctrl, acts: acts, win: win}
}

func (v *profileList) build() fyne.CanvasObject {
	v.filter = newFilterEntry("Filter profiles", v.toMatches)
	v.filter.ActionItem = widget.NewIcon(theme.SearchIcon())
	v.filter.OnChanged = func(string) { v.apply() }
	v.list = newKeyList(func() int { return len(v.shown) }, newProfileRow, v.updateRow, v.step)
	v.list.OnSelected = func(i widget.ListItemID) {
		if i < len(v.shown) {
			v.acts.selectProfile(v.shown[i].ID)
		}
	}
	v.add = newTipButton(theme.ContentAddIcon(), "Add a profile", v.acts.newProfile)
	v.duplicate = newTipButton(theme.ContentCopyIcon(), "Duplicate the profile", v.acts.duplicate)
	v.remove = newTipButton(theme.DeleteIcon(), "Delete the profile", v.acts.remove)
	v.import_ = newTipButton(theme.FolderOpenIcon(), "Import profiles from a file", v.acts.importFile)
	// Not the disk icon: that reads as Save.
	v.export = newTipButton(theme.UploadIcon(), "Export profiles to a file", v.acts.exportFile)
	toolbar := container.NewHBox(v.add, v.duplicate, v.remove, widget.NewSeparator(), v.import_, v.export)
	return container.NewBorder(container.NewVBox(v.filter, toolbar), nil, nil, nil, v.list)
}

// focusFilter puts the cursor in the filter.
func (v *profileList) focusFilter() { v.win.Canvas().Focus(v.filter) }

// toMatches leaves the filter for the profiles it shows: the first is
// selected unless the selection is among them, and the list takes the
// keyboard, so that Up and Down go on from there.
func (v *profileList) toMatches() {
	if len(v.shown) == 0 {
		return
	}
	if !v.showsSelected() {
		v.acts.selectProfile(v.shown[0].ID)
	}
	v.win.Canvas().Focus(v.list)
}

// step selects the profile delta rows from the selected one among those
// shown, stopping at either end; with none of them selected, the first.
func (v *profileList) step(delta int) {
	if len(v.shown) == 0 {
		return
	}
	i := v.selectedRow()
	if i < 0 {
		i = 0
	} else {
		i = min(max(i+delta, 0), len(v.shown)-1)
	}
	v.acts.selectProfile(v.shown[i].ID)
}

// selectedRow is the selected profile's row, or -1 when the filter hides
// it or nothing is selected.
func (v *profileList) selectedRow() int {
	sel, ok := v.ctrl.selectedProfile()
	if !ok {
		return -1
	}
	return slices.IndexFunc(v.shown, func(p profiles.Profile) bool { return p.ID == sel.ID })
}

// showsSelected reports whether the selected profile is in the list as
// filtered: actions from the keyboard and the menu apply only then, never
// to a profile the user cannot see.
func (v *profileList) showsSelected() bool { return v.selectedRow() >= 0 }

// newProfileRow is the template of a row: the name with, when it is near,
// the secret's expiry beside it (the name gives way, the warning never),
// then the tenant and the token's status.
func newProfileRow() fyne.CanvasObject {
	name := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	secret := &widget.Label{}
	tenant := &widget.Label{Importance: widget.LowImportance}
	status := &widget.Label{}
	return container.NewVBox(container.NewBorder(nil, nil, nil, secret, name), container.NewHBox(tenant, status))
}

func (v *profileList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.shown) {
		return
	}
	p := v.shown[i]
	box := o.(*fyne.Container)
	line := box.Objects[1].(*fyne.Container)
	top := box.Objects[0].(*fyne.Container)
	top.Objects[0].(*widget.Label).SetText(p.Name)
	line.Objects[0].(*widget.Label).SetText(shortTenant(p.Tenant))
	st := v.rowStatus(p, v.ctrl.now())
	status := line.Objects[1].(*widget.Label)
	status.Text, status.Importance = st.text, st.importance
	status.Refresh()
	secret := top.Objects[1].(*widget.Label)
	secret.Text, secret.Importance = st.secret, secretImportance[st.warning]
	secret.Refresh()
}

// secretImportance colours a secret's expiry: a warning within
// profiles.SecretSoonDays, danger once it has passed.
var secretImportance = map[profiles.SecretWarning]widget.Importance{
	profiles.SecretFine:        widget.LowImportance,
	profiles.SecretExpiresSoon: widget.WarningImportance,
	profiles.SecretExpired:     widget.DangerImportance,
}

// rowStatus is p's status line at now.
func (v *profileList) rowStatus(p profiles.Profile, now time.Time) rowStatus {
	var st rowStatus
	st.text, st.importance = v.status(p, now)
	st.secret, st.warning = p.SecretReminder(now)
	return st
}

// statuses are the shown profiles' statuses at now.
func (v *profileList) statuses(now time.Time) []rowStatus {
	st := make([]rowStatus, len(v.shown))
	for i, p := range v.shown {
		st[i] = v.rowStatus(p, now)
	}
	return st
}

// status words where the token of a profile's picked target stands, the
// one its token panel shows.
func (v *profileList) status(p profiles.Profile, now time.Time) (string, widget.Importance) {
	p = v.ctrl.picked(p)
	tok, _ := v.ctrl.token(p)
	switch v.ctrl.phaseOf(p, now) {
	case phaseFetching:
		return "getting token…", widget.MediumImportance
	case phaseError:
		return "error", widget.DangerImportance
	case phaseValid:
		return "valid, " + minutesLeft(tok.Remaining(now)), widget.SuccessImportance
	case phaseSoon:
		return "expiring in " + clockDuration(tok.Remaining(now)), widget.WarningImportance
	case phaseExpired:
		return "expired", widget.DangerImportance
	}
	return "no token", widget.LowImportance
}

// apply filters the profiles, shows the selection and enables the
// toolbar.
func (v *profileList) apply() {
	all := v.ctrl.profiles()
	v.shown = v.shown[:0]
	for _, p := range all {
		if matches(p, v.filter.Text) {
			v.shown = append(v.shown, p)
		}
	}
	v.drawn = v.statuses(v.ctrl.now())
	v.list.Refresh()
	v.showSelection()
	editable := v.ctrl.readOnly() == nil
	// Duplicate and Delete act on the selection, so only on one in sight.
	selected := v.showsSelected()
	enable(&v.add.Button, editable)
	enable(&v.import_.Button, editable)
	enable(&v.duplicate.Button, editable && selected)
	enable(&v.remove.Button, editable && selected)
	enable(&v.export.Button, len(all) > 0)
}

// showSelection highlights the selected profile, if the filter shows it.
func (v *profileList) showSelection() {
	if i := v.selectedRow(); i >= 0 {
		v.list.Select(i)
		return
	}
	v.list.UnselectAll()
}

// tick redraws the list if a status has changed.
func (v *profileList) tick() {
	if now := v.statuses(v.ctrl.now()); !slices.Equal(now, v.drawn) {
		v.drawn = now
		v.list.Refresh()
	}
}

// matches reports whether p passes the filter: a part of its name, tenant
// or client ID, ignoring case.
func matches(p profiles.Profile, filter string) bool {
	f := strings.ToLower(strings.TrimSpace(filter))
	return f == "" || strings.Contains(strings.ToLower(p.Name), f) ||
		strings.Contains(p.Tenant, f) || strings.Contains(p.ClientID, f)
}

// shortTenant keeps a tenant GUID's first block, enough to tell tenants
// apart in a narrow list; a domain is shown whole.
func shortTenant(tenant string) string {
	if len(tenant) == 36 && strings.Count(tenant, "-") == 4 {
		return tenant[:8] + "…"
	}
	return tenant
}

// minutesLeft words a long remaining time the way a glance wants it.
func minutesLeft(d time.Duration) string {
	return fmt.Sprintf("%d min left", d.Round(time.Minute)/time.Minute)
}
