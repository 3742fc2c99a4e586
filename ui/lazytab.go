package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// tabView is a view that fills one of the window's tabs.
type tabView interface {
	build() fyne.CanvasObject
	apply()
}

// lazyTab builds its view the first time its tab is shown; until then the
// tab holds an empty placeholder. Creating and measuring the widgets of the
// Test call, Setup check and Serve tabs before anyone opened them was
// about a third of the time to the first frame.
type lazyTab struct {
	item  *container.TabItem
	view  tabView
	built bool
}

func newLazyTab(text string, icon fyne.Resource, view tabView) *lazyTab {
	return &lazyTab{item: container.NewTabItemWithIcon(text, icon, layout.NewSpacer()), view: view}
}

// build puts the view into the tab, once; it reports whether it did, so
// that the tabs can be redrawn around the new content.
func (t *lazyTab) build() bool {
	if t.built {
		return false
	}
	t.item.Content = t.view.build()
	t.built = true
	t.view.apply()
	return true
}

// apply redraws the view once it exists.
func (t *lazyTab) apply() {
	if t.built {
		t.view.apply()
	}
}
