package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// formButton is a button in a scrolling form. Like formEntry it says when
// it gets the keyboard, so Tab to it scrolls it into view.
type formButton struct {
	widget.Button
	focusTeller
}

func newFormButton(text string, icon fyne.Resource, run func()) *formButton {
	b := &formButton{}
	b.Text, b.Icon, b.OnTapped = text, icon, run
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained tells the form once the button has the keyboard.
func (b *formButton) FocusGained() {
	b.Button.FocusGained()
	b.tell()
}

// TypedKey lets Enter press the button, as Space does, and hands Esc to
// the window, where an open dialog answers it.
func (b *formButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		passKey(b, ev)
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// formSelect is a drop-down in a scrolling form that, like formEntry,
// says when it gets the keyboard.
type formSelect struct {
	widget.Select
	focusTeller
}

func newFormSelect(options []string, placeholder string, changed func(string)) *formSelect {
	s := &formSelect{}
	s.Options, s.PlaceHolder, s.OnChanged = options, placeholder, changed
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained tells the form once the drop-down has the keyboard.
func (s *formSelect) FocusGained() {
	s.Select.FocusGained()
	s.tell()
}

// TypedKey hands Esc to the window, where an open dialog answers it.
func (s *formSelect) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		passKey(s, ev)
		return
	}
	s.Select.TypedKey(ev)
}
