package ui

import (
	"errors"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// field is one checked entry of the profile editor (or of a view's own
// form): the entry's Validator is the profiles checker, and what the
// checker says appears under the entry as the user types, with the fix
// when the error has one and a button offering the value it found (the
// tenant inside a pasted URL, a free name).
type field struct {
	id profiles.Field
	// input is the entry as the form holds it; entry is the Entry in it.
	input   *formEntry
	entry   *widget.Entry
	wheel   *wheelPass
	message *widget.Label
	suggest *formButton
	// warn, when set, words a value that passes the check but is probably
	// not what the user meant.
	warn func(string) string
	// onChange tells the editor the value changed.
	onChange func()

	suggestion string
}

// multiLineRows is how many lines a multi-line entry shows, Fyne's
// default.
const multiLineRows = 3

// placeholderEntry is a single-line entry that says what belongs in it.
func placeholderEntry(placeholder string) *formEntry {
	return newFormEntry(singleLine, placeholder)
}

func newField(id profiles.Field, input *formEntry, check fyne.StringValidator, onChange func()) *field {
	entry := &input.Entry
	f := &field{id: id, input: input, entry: entry, wheel: newWheelPass(), onChange: onChange}
	entry.Validator = check
	entry.OnChanged = f.changed
	f.message = &widget.Label{Wrapping: fyne.TextWrapWord}
	f.message.Hide()
	f.suggest = newFormButton("", nil, f.useSuggestion)
	f.suggest.Importance = widget.LowImportance
	f.suggest.Hide()
	return f
}

// fieldMessage is what a view's own check says under its entry, worded
// as a sentence like the profiles checkers' messages.
type fieldMessage string

func (m fieldMessage) Error() string { return string(m) }

// validator adapts a profiles checker to an entry.
func validator[T any](check func(string) (T, error)) fyne.StringValidator {
	return func(s string) error {
		_, err := check(s)
		return err
	}
}

// cell is the entry with its message and suggestion, for the form.
func (f *field) cell() fyne.CanvasObject {
	return container.NewVBox(f.withWheel(f.input), f.message, container.NewHBox(f.suggest))
}

// withWheel lays the wheel catcher over entry (the field's entry as the
// form holds it), so the wheel over it scrolls the form.
func (f *field) withWheel(entry fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(entry, f.wheel)
}

// changed shows what the check says of the new value.
func (f *field) changed(string) {
	f.show(f.entry.Validator(f.entry.Text))
	f.passWheel()
	f.onChange()
}

// passWheel lets a multi-line entry keep the wheel while its text
// overflows what it shows, to scroll its own lines; otherwise the wheel
// scrolls the form.
func (f *field) passWheel() {
	setShown(f.wheel, !f.entry.MultiLine || !overflows(f.entry))
}

// overflows reports whether e's text needs more lines than e shows,
// counting a line wider than e as the lines it wraps to.
func overflows(e *widget.Entry) bool {
	width := e.Size().Width - 4*theme.Padding()
	size := theme.TextSize()
	var rows float32
	for _, line := range strings.Split(e.Text, "\n") {
		rows++
		if w := fyne.MeasureText(line, size, e.TextStyle).Width; width > 0 && w > width {
			rows += float32(math.Ceil(float64(w/width))) - 1
		}
	}
	return rows > multiLineRows
}

// valid reports whether the value passes its check.
func (f *field) valid() bool { return f.entry.Validator(f.entry.Text) == nil }

// set puts a stored value in the entry without judging it: a loaded
// profile shows no messages until the user edits it.
func (f *field) set(text string) {
	f.entry.OnChanged = nil
	f.entry.SetText(text)
	f.entry.OnChanged = f.changed
	f.show(nil)
	f.passWheel()
}

// show puts err (or the warning, if there is no error) under the entry.
func (f *field) show(err error) {
	f.entry.SetValidationError(err)
	var fe *profiles.FieldError
	text, importance, suggestion := "", widget.DangerImportance, ""
	switch {
	case errors.As(err, &fe):
		text, suggestion = fe.Message, fe.Suggestion
	case err != nil:
		text = err.Error()
	case f.warn != nil:
		text, importance = f.warn(f.entry.Text), widget.WarningImportance
	}
	if fix := tokens.Fix(err); fix != "" {
		text += "\n" + fix
	}
	f.message.Importance = importance
	f.message.SetText(text)
	setShown(f.message, text != "")
	f.suggestion = suggestion
	f.suggest.SetText("Use " + suggestion)
	setShown(f.suggest, suggestion != "")
}

func (f *field) useSuggestion() {
	if f.suggestion != "" {
		f.entry.SetText(f.suggestion)
	}
}
