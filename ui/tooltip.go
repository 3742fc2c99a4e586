package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipDelay is how long the pointer rests on a button before its tip
// shows, as in most desktop toolkits.
const tipDelay = 600 * time.Millisecond

// tipButton is an icon-only button that says what it does when the
// pointer rests on it; Fyne 2.7 has no tooltips of its own.
type tipButton struct {
	widget.Button
	// tip is what the button does, in a few words.
	tip string
}

func newTipButton(icon fyne.Resource, tip string, run func()) *tipButton {
	b := &tipButton{tip: tip}
	b.Icon, b.OnTapped, b.Importance = icon, run, widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn starts the wait for the tip.
func (b *tipButton) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	if t := tipsOf(b); t != nil {
		t.rest(b)
	}
}

// MouseOut hides the tip, or forgets the wait for it.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	if t := tipsOf(b); t != nil {
		t.leave(b)
	}
}

// Tapped hides the tip: the user knew what the button does.
func (b *tipButton) Tapped(ev *fyne.PointEvent) {
	if t := tipsOf(b); t != nil {
		t.leave(b)
	}
	b.Button.Tapped(ev)
}

// tips draws the tips of one window's buttons in a layer over its
// content. A PopUp would not do: as an overlay it takes the pointer, so
// the button would lose its hover the moment its tip showed.
type tips struct {
	post poster
	// after runs f once d has passed, on a goroutine of its own, and
	// returns what stops it; tests replace it to run f when they choose.
	after func(d time.Duration, f func()) (stop func() bool)

	layer *fyne.Container
	box   *fyne.Container
	text  *widget.Label
	// stop cancels the wait for the tip of waiting.
	stop    func() bool
	waiting *tipButton
}

func newTips(post poster) *tips {
	t := &tips{post: post, after: func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }}
	t.text = widget.NewLabel("")
	background := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	background.StrokeColor = theme.Color(theme.ColorNameShadow)
	background.StrokeWidth = 1
	background.CornerRadius = theme.InputRadiusSize()
	t.box = container.NewStack(background, t.text)
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	return t
}

// The tip layer of each open window's canvas, for its buttons to find:
// Fyne tells a widget its canvas but nothing else of the window.
var tipLayers sync.Map // fyne.Canvas → *tips

// over lays the tips over content, the window c shows, and lets the
// buttons on c find them.
func (t *tips) over(c fyne.Canvas, content fyne.CanvasObject) fyne.CanvasObject {
	tipLayers.Store(c, t)
	return container.NewStack(content, t.layer)
}

// forget drops c's tips, once its window has closed.
func forgetTips(c fyne.Canvas) { tipLayers.Delete(c) }

func tipsOf(b *tipButton) *tips {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return nil
	}
	t, _ := tipLayers.Load(c)
	tp, _ := t.(*tips)
	return tp
}

// rest shows b's tip once the pointer has stayed tipDelay. The one timer
// reports through the window's poster, since widgets are the main
// goroutine's; a report for a button the pointer has since left is
// dropped.
func (t *tips) rest(b *tipButton) {
	t.cancel()
	t.waiting = b
	t.stop = t.after(tipDelay, func() {
		t.post(func() {
			if t.waiting == b {
				t.show(b)
			}
		})
	})
}

// leave hides b's tip, shown or awaited.
func (t *tips) leave(b *tipButton) {
	if t.waiting == b {
		t.cancel()
		t.waiting = nil
	}
	t.box.Hide()
}

func (t *tips) cancel() {
	if t.stop != nil {
		t.stop()
		t.stop = nil
	}
}

// show puts b's tip just below it, inside the window.
func (t *tips) show(b *tipButton) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(b)
	if c == nil || !b.Visible() {
		return
	}
	t.text.SetText(b.tip)
	size := t.box.MinSize()
	at := d.AbsolutePositionForObject(b).Subtract(d.AbsolutePositionForObject(t.layer)).AddXY(0, b.Size().Height+theme.Padding())
	if room := c.Size(); at.X+size.Width > room.Width {
		at.X = max(0, room.Width-size.Width)
	}
	t.box.Move(at)
	t.box.Resize(size)
	t.box.Show()
	t.layer.Refresh()
}
