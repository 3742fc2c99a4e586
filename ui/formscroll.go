package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formScroll is a vertical scroller for a form that behaves like a page:
// the mouse wheel scrolls it wherever the pointer is, also over an entry,
// and a field that gets the keyboard (by Tab or a click) scrolls into
// view. The form's cells must be in place when it is made.
func formScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(content)
	wireScroll(s, content)
	return s
}

// revealer is a widget of a form that can say when it gets the keyboard.
type revealer interface {
	revealWith(show func())
}

// wireScroll points the wheel catchers and revealers under o at s. It
// stops at a scroller of its own, which is wired for its content.
func wireScroll(s *container.Scroll, o fyne.CanvasObject) {
	switch o := o.(type) {
	case *wheelPass:
		o.target = s
	case revealer:
		o.revealWith(func() { reveal(s, o.(fyne.CanvasObject)) })
	case *container.Scroll:
	case *fyne.Container:
		for _, child := range o.Objects {
			wireScroll(s, child)
		}
	}
}

// reveal scrolls s the least that shows all of o, which lies in s's
// content.
func reveal(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y + s.Offset.Y
	bottom := top + o.Size().Height
	offset := s.Offset.Y
	if bottom > offset+s.Size().Height {
		offset = bottom - s.Size().Height
	}
	if top < offset {
		offset = top
	}
	if offset != s.Offset.Y {
		s.ScrollToOffset(fyne.NewPos(s.Offset.X, offset))
	}
}

// wheelPass lies over an entry and hands the wheel to the form's
// scroller. Fyne gives a wheel event to the innermost scrollable under
// the pointer, and every entry wraps its text in a scroller of its own,
// so without it the wheel does nothing over a field. It takes no taps,
// hovers or drags: those still reach the entry below.
type wheelPass struct {
	widget.BaseWidget
	target *container.Scroll
}

func newWheelPass() *wheelPass {
	w := &wheelPass{}
	w.ExtendBaseWidget(w)
	return w
}

// Scrolled scrolls the form, once the form is wired.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.target != nil {
		w.target.Scrolled(ev)
	}
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// MinSize is none: the catcher takes the size of the entry it lies over.
func (w *wheelPass) MinSize() fyne.Size { return fyne.Size{} }

// dialogChrome is about what a dialog adds around its content: the
// title, the buttons and the padding between them.
const dialogChrome = 140

// dialogForm is a dialog's content in a formScroll: as tall as the
// content while the window has room for it, and scrolling once it has
// not, so that the dialog never outgrows the window it covers.
func dialogForm(content fyne.CanvasObject, win fyne.Window) *container.Scroll {
	s := formScroll(content)
	want := content.MinSize()
	room := max(win.Canvas().Size().Height-dialogChrome, 3*theme.TextSize())
	s.SetMinSize(fyne.NewSize(want.Width, min(want.Height, room)))
	return s
}
