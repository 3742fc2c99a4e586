package ui

import (
	"slices"

	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// newTargetPicker is the token panel's compact select of the selected
// profile's targets, shown when it has more than one. It is as wide as
// "Resource Manager", the usual default; a longer name is cut short, and
// the list shows it whole.
func newTargetPicker(picked func(string)) *widget.Select {
	s := widget.NewSelect(nil, picked)
	s.PlaceHolder = tokens.PresetResourceManager
	return s
}

// showTargets lists p's targets in the picker with p's picked one
// chosen, without reporting that as the user's pick.
func (v *tokenPanel) showTargets(p profiles.Profile, ok bool) {
	names := p.TargetNames()
	if !ok {
		names = nil
	}
	v.showing = true
	defer func() { v.showing = false }()
	if !slices.Equal(v.target.Options, names) {
		v.target.SetOptions(names)
	}
	if ok && v.target.Selected != p.TargetName() {
		v.target.SetSelected(p.TargetName())
	}
	if !ok {
		v.target.ClearSelected()
	}
	// One target is nothing to pick from: the panel stays as it was
	// before targets existed, its room left to the countdown.
	if show := len(names) > 1; show != v.targetBox.Visible() {
		setShown(v.targetBox, show)
		v.topRow.Refresh() // give the countdown the room, or take it
	}
}

// onPick shows the target the user chose.
func (v *tokenPanel) onPick(name string) {
	if v.showing {
		return
	}
	if p, ok := v.ctrl.selectedProfile(); ok {
		v.ctrl.pickTarget(p.ID, name)
	}
}
