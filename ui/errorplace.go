package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// tabsOverError puts the explanation of a failed token request below the
// tabs, in a place of its own that scrolls: it neither moves the tab bar
// nor makes the window taller than it was before the error, as the panel
// did when it sat above the tabs and pushed the window past the screen.
func tabsOverError(tabs, errorBox fyne.CanvasObject) *errorArea {
	place := &errorPlace{box: errorBox}
	return &errorArea{area: container.New(place, tabs, container.NewVScroll(errorBox)), place: place}
}

// errorArea is the tabs and the error below them: area is what the
// window shows.
type errorArea struct {
	area  *fyne.Container
	place *errorPlace
}

// follow lays the area out again when the error came, went or changed,
// since the tabs' room depends on it and a container is laid out anew
// only when its own size changes.
func (a *errorArea) follow() {
	if shown := a.place.box.Visible(); shown || shown != a.place.shown {
		a.area.Refresh()
	}
}

// errorShare is the most of the pane an error may take; longer errors
// scroll.
const errorShare = 0.35

// errorPlace lays out the tabs over the error. It asks only for the tabs'
// size: the error takes its room from the tabs, never from the screen.
type errorPlace struct {
	box fyne.CanvasObject
	// shown is whether the error was shown when last laid out.
	shown bool
}

func (l *errorPlace) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

func (l *errorPlace) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	tabs, scroll := objects[0], objects[1]
	var height float32
	l.shown = l.box.Visible()
	if l.shown {
		height = min(l.box.MinSize().Height, size.Height*errorShare)
	}
	gap := float32(0)
	if height > 0 {
		gap = theme.Padding()
	}
	tabs.Move(fyne.NewPos(0, 0))
	tabs.Resize(fyne.NewSize(size.Width, size.Height-height-gap))
	scroll.Move(fyne.NewPos(0, size.Height-height))
	scroll.Resize(fyne.NewSize(size.Width, height))
}
