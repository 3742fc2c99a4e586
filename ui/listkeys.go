package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyList is the profile list as the keyboard uses it: Up and Down select
// the previous and next profile at once, where Fyne's list only moves a
// focus ring that Space would then select.
type keyList struct {
	widget.List
	// step selects the profile delta rows away from the selected one.
	step func(delta int)
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), step func(int)) *keyList {
	l := &keyList{step: step}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey selects with Up and Down and leaves every other key to the list.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		l.step(-1)
	case fyne.KeyDown:
		l.step(1)
	default:
		l.List.TypedKey(ev)
	}
}

// filterEntry is the filter above the list: Down, like Enter, moves to
// its matches, so that typing a few letters and pressing Down or Enter
// selects a profile without the mouse.
type filterEntry struct {
	widget.Entry
	toMatches func()
}

func newFilterEntry(placeholder string, toMatches func()) *filterEntry {
	e := &filterEntry{toMatches: toMatches}
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(string) { toMatches() }
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves to the matches on Down; the entry has one line, so Down
// had nothing to do there.
func (e *filterEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyDown {
		e.toMatches()
		return
	}
	e.Entry.TypedKey(ev)
}
