package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// steadyWidth keeps b as wide as its widest label among texts, so that
// when its label changes ("Copy header" flashing "Copied", "Get token"
// turning "Getting…") its neighbours stay where the pointer expects
// them.
func steadyWidth(b *widget.Button, texts ...string) fyne.CanvasObject {
	width := b.MinSize().Width
	for _, text := range texts {
		probe := &widget.Button{Text: text, Icon: b.Icon, Importance: b.Importance}
		width = max(width, probe.MinSize().Width)
	}
	return container.New(&fixedLayout{width: width}, b)
}

// slim draws o, such as a progress bar, only height tall.
func slim(o fyne.CanvasObject, height float32) fyne.CanvasObject {
	return container.New(&fixedLayout{height: height}, o)
}

// fixedLayout gives its objects a fixed width or height (where set) and
// their own minimum in the other direction.
type fixedLayout struct {
	width, height float32
}

func (l *fixedLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		size = size.Max(o.MinSize())
	}
	if l.width > 0 {
		size.Width = l.width
	}
	if l.height > 0 {
		size.Height = l.height
	}
	return size
}

func (l *fixedLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
