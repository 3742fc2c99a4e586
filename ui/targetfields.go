package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// targetFields is the editor's section of extra targets: a row per target
// with its name, its resource or scope and a Remove button, and a select
// that adds one of the cloud's presets or an empty row to type into.
type targetFields struct {
	onChange func()
	// defaults is the profile's cloud and default target as the form
	// holds them now, for the presets worth offering.
	defaults func() (tokens.Cloud, tokens.Target)

	rows []*targetRow
	list *fyne.Container
	add  *widget.Select
	// wire joins rows made after the form was built to its scroller:
	// the wheel over them scrolls the form, and Tab scrolls them into
	// view, as for every other field.
	wire func(fyne.CanvasObject)
}

// targetRow is one extra target in the editor.
type targetRow struct {
	name, value *field
	remove      *widget.Button
}

// typeTarget is the add select's choice of a target that is no preset.
const typeTarget = "Other API (type it)…"

func newTargetFields(onChange func(), defaults func() (tokens.Cloud, tokens.Target)) *targetFields {
	return &targetFields{onChange: onChange, defaults: defaults}
}

// build is the section's cell in the editor's form.
func (s *targetFields) build() fyne.CanvasObject {
	s.list = container.NewVBox()
	s.add = widget.NewSelect(nil, s.addChosen)
	s.add.PlaceHolder = "Add a target…"
	s.refreshChoices()
	return container.NewVBox(s.list, container.NewHBox(s.add))
}

// load shows ts, unjudged, as a loaded profile's fields are.
func (s *targetFields) load(ts []profiles.NamedTarget) { s.show(ts) }

// targets is what the rows hold, unchecked: the store checks them on
// save, each problem at its row.
func (s *targetFields) targets() profiles.TargetList { return profiles.NewTargetList(s.current()...) }

// fields are the rows' entries, in the form's order.
func (s *targetFields) fields() []*field {
	var fs []*field
	for _, r := range s.rows {
		fs = append(fs, r.name, r.value)
	}
	return fs
}

// show rebuilds the rows for ts. Rows are numbered by position, so that a
// problem the store finds with target i shows at row i; removing one
// renumbers those after it.
func (s *targetFields) show(ts []profiles.NamedTarget) {
	s.rows = nil
	var objs []fyne.CanvasObject
	for i, t := range ts {
		r := s.newRow(i)
		r.name.set(t.Name)
		r.value.set(t.Value())
		s.rows = append(s.rows, r)
		objs = append(objs, container.NewBorder(nil, nil, nil, r.remove,
			container.NewGridWithColumns(2, r.name.cell(), r.value.cell())))
	}
	s.list.Objects = objs
	if s.wire != nil {
		s.wire(s.list)
	}
	s.list.Refresh()
	s.refreshChoices()
}

func (s *targetFields) newRow(i int) *targetRow {
	name := newField(profiles.TargetNameField(i), placeholderEntry("Name, such as My API"),
		func(v string) error { _, err := profiles.CheckTargetName(i, v); return err }, s.onChange)
	value := newField(profiles.TargetValueField(i), placeholderEntry("https://… or api://…/.default"),
		func(v string) error { _, err := profiles.CheckTargetValue(i, v); return err }, s.onChange)
	r := &targetRow{name: name, value: value}
	r.remove = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { s.removeRow(r) }}
	return r
}

// current is what the rows hold, as typed.
func (s *targetFields) current() []profiles.NamedTarget {
	var ts []profiles.NamedTarget
	for _, r := range s.rows {
		ts = append(ts, profiles.NewNamedTarget(r.name.entry.Text, r.value.entry.Text))
	}
	return ts
}

func (s *targetFields) removeRow(gone *targetRow) {
	ts := s.current()
	for i, r := range s.rows {
		if r == gone {
			s.show(slices.Delete(ts, i, i+1))
			s.onChange()
			return
		}
	}
}

// addChosen adds the preset chosen, or an empty row for a typed target,
// and sets the select back to its prompt.
func (s *targetFields) addChosen(choice string) {
	if choice == "" {
		return
	}
	t := profiles.NamedTarget{}
	if choice != typeTarget {
		for _, p := range s.presets() {
			if p.Name == choice {
				t = profiles.NamedTarget{Name: p.Name, Resource: p.Resource}
			}
		}
	}
	s.show(append(s.current(), t))
	s.onChange()
}

// presets are the cloud's presets the profile does not ask for yet, by
// its default target or a row.
func (s *targetFields) presets() []tokens.Preset {
	cloud, def := s.defaults()
	var out []tokens.Preset
	for _, p := range tokens.Presets(cloud) {
		taken := tokens.SameAudience(p.Resource, def.Audience())
		for _, r := range s.rows {
			typed := profiles.NewNamedTarget("", r.value.entry.Text)
			taken = taken || strings.EqualFold(strings.TrimSpace(r.name.entry.Text), p.Name) ||
				(typed.Value() != "" && tokens.SameAudience(p.Resource, typed.Target().Audience()))
		}
		if !taken {
			out = append(out, p)
		}
	}
	return out
}

// refresh keeps the section in step with the form on every change: a
// typed row or another cloud changes which presets are worth offering, and
// a read-only store or a save in flight allows no adding or removing.
func (s *targetFields) refresh(editable bool) {
	s.refreshChoices()
	enable(s.add, editable)
	for _, r := range s.rows {
		enable(r.remove, editable)
	}
}

// refreshChoices offers the presets not taken yet, and typing one.
func (s *targetFields) refreshChoices() {
	if s.add == nil {
		return
	}
	var names []string
	for _, p := range s.presets() {
		names = append(names, p.Name)
	}
	names = append(names, typeTarget)
	s.add.OnChanged = nil
	defer func() { s.add.OnChanged = s.addChosen }()
	if !slices.Equal(s.add.Options, names) {
		s.add.SetOptions(names)
	}
	if s.add.Selected != "" {
		s.add.ClearSelected()
	}
}

// defaultTarget is the cloud and default target the form holds now.
func (e *profileEditor) defaultTarget() (tokens.Cloud, tokens.Target) {
	p := e.profile()
	p.Targets = profiles.TargetList{}
	return p.Endpoints(), p.Target()
}
