package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// heldTimer stands for the tips' timer: the test says when it fires.
type heldTimer struct {
	waited time.Duration
	fire   func()
}

func holdTips(w *mainWindow) *heldTimer {
	h := &heldTimer{}
	w.tips.after = func(d time.Duration, f func()) func() bool {
		h.waited, h.fire = d, f
		return func() bool { return true }
	}
	return h
}

func TestRestingOnTheExportButtonSaysWhatItDoes(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	timer := holdTips(w)
	export := w.list.export

	export.MouseIn(&desktop.MouseEvent{})
	if got := shownTip(w.tips); got != "" {
		t.Fatalf("the tip %q shows at once; it should wait for the pointer to rest", got)
	}
	if timer.waited < 300*time.Millisecond || timer.waited > time.Second {
		t.Errorf("the tip waits %v, want about 600 ms", timer.waited)
	}
	timer.fire()
	f.wait()
	if got := shownTip(w.tips); got != "Export profiles to a file" {
		t.Fatalf("resting on the export icon shows %q", got)
	}
	tip := w.tips.box
	if at, size := tip.Position(), w.win.Canvas().Size(); at.X < 0 || at.X+tip.Size().Width > size.Width || at.Y+tip.Size().Height > size.Height {
		t.Errorf("the tip at %v, %v wide, lies outside the %v window", at, tip.Size().Width, size)
	}
	export.MouseOut()
	if got := shownTip(w.tips); got != "" {
		t.Errorf("after the pointer left, the tip %q still shows", got)
	}

	// Passing over a button shows nothing, even if its timer fires late.
	w.list.add.MouseIn(&desktop.MouseEvent{})
	w.list.add.MouseOut()
	timer.fire()
	f.wait()
	if got := shownTip(w.tips); got != "" {
		t.Errorf("a tip %q shows for a button the pointer only passed over", got)
	}
}

func TestTappingAButtonHidesItsTip(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	timer := holdTips(w)
	w.list.add.MouseIn(&desktop.MouseEvent{})
	timer.fire()
	f.wait()
	test.Tap(w.list.add)
	if got := shownTip(w.tips); got != "" {
		t.Errorf("after a tap the tip %q still shows", got)
	}
}

func TestEveryIconOnlyButtonOfTheWindowHasATip(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	for _, tab := range []*lazyTab{w.callTab, w.checkTab, w.serveTab, w.decodeTab} {
		f.openTab(tab)
	}
	tips := 0
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *tipButton:
			tips++
			if o.tip == "" {
				t.Errorf("a tip button with icon %s has an empty tip", o.Icon.Name())
			}
			return
		case *widget.Button:
			if o.Text == "" && o.Icon != nil {
				t.Errorf("the icon-only button %s has no tip", o.Icon.Name())
			}
		case *container.AppTabs:
			// The tab bar's own overflow button is Fyne's.
			for _, item := range o.Items {
				walk(item.Content)
			}
			return
		case *fyne.Container:
			for _, child := range o.Objects {
				walk(child)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(wid).Objects() {
				walk(child)
			}
		}
	}
	walk(w.win.Content())
	if tips < 5 {
		t.Errorf("found %d buttons with tips; the list toolbar alone has five", tips)
	}
}

// shownTip is the tip on screen, or "".
func shownTip(t *tips) string {
	if !t.box.Visible() {
		return ""
	}
	return t.text.Text
}
