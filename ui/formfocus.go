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
