package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

func TestTheWheelOverAFieldScrollsTheProfileForm(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	w.win.Resize(fyne.NewSize(760, 480))
	test.Tap(w.empty.add)
	e := w.editor

	at := f.app.Driver().AbsolutePositionForObject(e.tenant.input)
	test.Scroll(w.win.Canvas(), at.Add(fyne.NewPos(20, 10)), 0, -60)
	if e.scroll.Offset.Y <= 0 {
		t.Fatalf("the wheel over the Tenant entry left the form at offset %v, want it scrolled down", e.scroll.Offset.Y)
	}
	at = f.app.Driver().AbsolutePositionForObject(e.notes.input)
	before := e.scroll.Offset.Y
	test.Scroll(w.win.Canvas(), at.Add(fyne.NewPos(20, 10)), 0, 30)
	if e.scroll.Offset.Y >= before {
		t.Errorf("the wheel up over the empty Notes entry left the form at offset %v (was %v)", e.scroll.Offset.Y, before)
	}
}

func TestAMultiLineFieldKeepsTheWheelOnlyWhileItsTextOverflows(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	test.Tap(w.empty.add)
	notes := w.editor.notes

	if !notes.wheel.Visible() {
		t.Fatal("empty Notes should hand the wheel to the form")
	}
	notes.entry.SetText("one\ntwo\nthree\nfour\nfive")
	if notes.wheel.Visible() {
		t.Error("Notes with five lines in three should keep the wheel to scroll its own text")
	}
	notes.entry.SetText("one line")
	if !notes.wheel.Visible() {
		t.Error("Notes with one line again should hand the wheel back to the form")
	}
}

func TestTabToAFieldBelowTheFoldScrollsItIntoView(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	w.win.Resize(fyne.NewSize(760, 480))
	test.Tap(w.empty.add)
	e := w.editor
	c := w.win.Canvas()

	c.Focus(e.name.input)
	for i := 0; i < 60 && c.Focused() != e.notes.input; i++ {
		test.FocusNext(c)
	}
	if c.Focused() != e.notes.input {
		t.Fatalf("Tab from Name never reached Notes; focus is on %T", c.Focused())
	}
	if e.scroll.Offset.Y <= 0 {
		t.Fatalf("with Notes focused the form is still at the top")
	}
	assertShown(t, f, e.scroll, e.notes.input, "Notes")

	c.Focus(e.notes.input)
	for i := 0; i < 60 && c.Focused() != e.name.input; i++ {
		test.FocusPrevious(c)
	}
	assertShown(t, f, e.scroll, e.name.input, "Name")
}

// assertShown fails unless o lies wholly within the visible part of s.
func assertShown(t *testing.T, f *fixture, s fyne.CanvasObject, o fyne.CanvasObject, name string) {
	t.Helper()
	d := f.app.Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	if top < 0 || top+o.Size().Height > s.Size().Height {
		t.Errorf("%s lies at y=%v..%v in a scroller %v high: not wholly in view", name, top, top+o.Size().Height, s.Size().Height)
	}
}

func TestTabInTheTestCallScrollsButtonsAndFieldsIntoView(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	w.win.Resize(fyne.NewSize(760, 480))
	f.openTab(w.callTab)
	v := w.call
	c := w.win.Canvas()
	c.Focus(v.subscription.input)
	for i := 0; i < 30 && c.Focused() != v.path.input; i++ {
		test.FocusNext(c)
	}
	if c.Focused() != v.path.input {
		t.Fatalf("Tab from Subscription never reached Any path; focus is on %T", c.Focused())
	}
	top := v.top
	if top.Offset.Y <= 0 {
		t.Fatal("with Any path focused the test call's form is still at the top")
	}
	assertShown(t, f, top, v.path.input, "Any path")
	for i := 0; i < 30 && c.Focused() != v.find; i++ {
		test.FocusPrevious(c)
	}
	if c.Focused() != v.find {
		t.Fatalf("Shift+Tab from Any path never reached Find subscriptions; focus is on %T", c.Focused())
	}
	assertShown(t, f, top, v.find, "Find subscriptions")
}

func TestSettingsFitASmallWindowAndTabShowsEachField(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	w.win.Resize(fyne.NewSize(760, 380))
	w.settings.open()
	c := w.win.Canvas()
	d := w.settings.dialog
	if h := d.MinSize().Height; h > c.Size().Height {
		t.Fatalf("Settings needs %v of the window's %v in height", h, c.Size().Height)
	}
	last := w.settings.apiVersion.input
	for i := 0; i < 30 && c.Focused() != last; i++ {
		test.FocusNext(c)
	}
	if c.Focused() != last {
		t.Fatalf("Tab never reached the ARM api-version; focus is on %T", c.Focused())
	}
	var scroll fyne.CanvasObject
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok && holds(s.Content, last) {
			scroll = s
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, child := range o.Objects {
				find(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(o).Objects() {
				find(child)
			}
		}
	}
	find(c.Overlays().Top())
	if scroll == nil {
		t.Fatal("the Settings form does not scroll")
	}
	assertShown(t, f, scroll, last, "ARM api-version")
}

func TestTheWheelOverASettingScrollsTheSettings(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	w.win.Resize(fyne.NewSize(760, 380))
	w.settings.open()
	entry := w.settings.clearAfter.input
	at := f.app.Driver().AbsolutePositionForObject(entry)
	test.Scroll(w.win.Canvas(), at.Add(fyne.NewPos(20, 10)), 0, -60)
	d := f.app.Driver()
	if now := d.AbsolutePositionForObject(entry); now.Y >= at.Y {
		t.Errorf("the wheel over a setting left it at y=%v (was %v): the settings did not scroll", now.Y, at.Y)
	}
}

func TestTheWheelOverAnAddedTargetScrollsTheProfileForm(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	w.win.Resize(fyne.NewSize(760, 480))
	test.Tap(w.empty.add)
	e := w.editor
	e.targets.addChosen(typeTarget) // a row made after the form was built
	row := e.targets.rows[0].name

	e.scroll.Offset.Y = 0
	e.scroll.Refresh()
	at := f.app.Driver().AbsolutePositionForObject(row.input)
	test.Scroll(w.win.Canvas(), at.Add(fyne.NewPos(20, 10)), 0, -60)
	if e.scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over an added target's name left the form at offset %v, want it scrolled down", e.scroll.Offset.Y)
	}
}
