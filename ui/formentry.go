package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formEntry is the entry of a field in a scrolling form. It says when it
// gets the keyboard, so that the form can scroll it into view: Fyne moves
// focus on Tab without telling anyone but the widget itself.
type formEntry struct {
	widget.Entry
	focusTeller
}

// focusTeller is what every focusable of a scrolling form embeds: the
// form sets what runs once the widget got the keyboard.
type focusTeller struct{ onFocus func() }

// revealWith sets what runs when the widget gets the keyboard.
func (t *focusTeller) revealWith(show func()) { t.onFocus = show }

func (t *focusTeller) tell() {
	if t.onFocus != nil {
		t.onFocus()
	}
}

// The kinds of formEntry, as Fyne's constructors make them.
type entryKind int

const (
	singleLine entryKind = iota
	passwordLine
	multiLine
)

// newFormEntry is an entry of the given kind that says what belongs in it.
func newFormEntry(kind entryKind, placeholder string) *formEntry {
	e := &formEntry{}
	e.setUp(e, kind)
	e.PlaceHolder = placeholder
	return e
}

// setUp makes e an entry of kind, drawn as self (e itself, or a type that
// embeds it).
func (e *formEntry) setUp(self fyne.Widget, kind entryKind) {
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.MultiLine = kind == multiLine
	e.ExtendBaseWidget(self)
	if kind == passwordLine {
		e.Password = true
		// widget.NewPasswordEntry's own reveal button cannot be had for
		// an extended entry.
		e.ActionItem = newTipButton(theme.VisibilityOffIcon(), "Show or hide what is typed", func() {
			e.Password = !e.Password
			e.Refresh()
		})
	}
}

// FocusGained tells the form once the entry has the keyboard.
func (e *formEntry) FocusGained() {
	e.Entry.FocusGained()
	e.tell()
}

// TypedKey hands Esc, and Enter where the entry has no use for it, to the
// window's key handler: an open dialog answers them there (answerKeys),
// and Fyne gives a focused widget every key.
func (e *formEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		passKey(e, ev)
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine && e.OnSubmitted == nil {
			passKey(e, ev)
			return
		}
	}
	e.Entry.TypedKey(ev)
}
