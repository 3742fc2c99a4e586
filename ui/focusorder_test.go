package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// tabChain is where Tab takes the keyboard from nothing focused, once
// round the window (or the open dialog).
func tabChain(c fyne.Canvas) []fyne.Focusable {
	c.Unfocus()
	var chain []fyne.Focusable
	for range 100 {
		test.FocusNext(c)
		f := c.Focused()
		if f == nil || (len(chain) > 0 && f == chain[0]) {
			break
		}
		chain = append(chain, f)
	}
	return chain
}

func indexIn(chain []fyne.Focusable, o fyne.Focusable) int {
	for i, f := range chain {
		if f == o {
			return i
		}
	}
	return -1
}

func TestTabVisitsEveryControlOfTheWindowInReadingOrder(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.getToken()
	test.Type(w.editor.notes.entry, "x") // a change, so Save can be had

	chain := tabChain(w.win.Canvas())
	var tabBar fyne.Focusable
	for _, o := range chain {
		if k, ok := o.(*keyTabs); ok {
			tabBar = k
		}
	}
	order := []struct {
		name string
		o    fyne.Focusable
	}{
		{"the profile list", w.list.list}, {"the filter", w.list.filter},
		{"Get token", w.token.get}, {"Copy header", w.token.copyHeader}, {"Copy token", w.token.copyToken}, {"Copy as curl", w.token.copyCurl},
		{"the tab bar", tabBar}, {"Name", w.editor.name.input}, {"Notes", w.editor.notes.input}, {"Save", w.editor.save},
	}
	last := -1
	for _, step := range order {
		i := indexIn(chain, step.o)
		if step.o == nil || i < 0 {
			t.Errorf("Tab never reaches %s", step.name)
			continue
		}
		if i < last {
			t.Errorf("Tab reaches %s (step %d) before what comes above it (step %d)", step.name, i, last)
		}
		last = i
	}
}

func TestTheTabBarTakesTheKeyboardAndArrowsSwitchTabs(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	c := w.win.Canvas()
	var bar *keyTabs
	for _, o := range tabChain(c) {
		if k, ok := o.(*keyTabs); ok {
			bar = k
		}
	}
	if bar == nil {
		t.Fatal("the tab bar is not in the Tab order")
	}
	c.Focus(bar)
	f.key(fyne.KeyRight)
	if got := w.tabs.Selected().Text; got != "Claims" {
		t.Errorf("Right on the tab bar selects %q, want Claims", got)
	}
	f.key(fyne.KeyLeft)
	f.key(fyne.KeyLeft)
	if got := w.tabs.Selected().Text; got != "Profile" {
		t.Errorf("Left twice from Claims selects %q, want Profile (the first tab)", got)
	}
}

func TestTabInsideADialogNeverLeavesIt(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(*mainWindow)
	}{
		{"Settings", func(w *mainWindow) { w.settings.open() }},
		{"Duplicate", func(w *mainWindow) { w.profileActions.duplicate() }},
		{"Delete", func(w *mainWindow) { w.profileActions.remove() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newDevFixture(t)
			w := f.open()
			c := w.win.Canvas()
			tc.open(w)
			dialog := c.Overlays().Top()
			if dialog == nil {
				t.Fatal("no dialog opened")
			}
			chain := tabChain(c)
			if len(chain) == 0 {
				t.Fatal("Tab in the dialog focuses nothing")
			}
			for _, o := range chain {
				if !holds(dialog, o.(fyne.CanvasObject)) {
					t.Errorf("Tab in %s focuses %T, which lies outside the dialog", tc.name, o)
				}
			}
			for range 3 {
				test.FocusPrevious(c)
				if o := c.Focused(); o == nil || !holds(dialog, o.(fyne.CanvasObject)) {
					t.Errorf("Shift+Tab in %s focuses %T, outside the dialog", tc.name, o)
				}
			}
		})
	}
}

// holds reports whether o is root or lies somewhere under it.
func holds(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	var children []fyne.CanvasObject
	switch r := root.(type) {
	case *fyne.Container:
		children = r.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(r).Objects()
	}
	for _, child := range children {
		if holds(child, o) {
			return true
		}
	}
	return false
}
