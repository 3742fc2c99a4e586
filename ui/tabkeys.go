package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// keyTabs puts a tab bar in the Tab order: Fyne's tab buttons take no
// keyboard focus, so without it a keyboard user could reach a tab only by
// its shortcut. Focused, it outlines the tab bar, and Left and Right
// select the previous and next tab that is enabled; the next Tab goes on
// into the selected tab's content.
type keyTabs struct {
	widget.BaseWidget
	tabs    *container.AppTabs
	focused bool
}

func newKeyTabs(tabs *container.AppTabs) *keyTabs {
	k := &keyTabs{tabs: tabs}
	k.ExtendBaseWidget(k)
	return k
}

// FocusGained outlines the tab bar.
func (k *keyTabs) FocusGained() { k.focused = true; k.Refresh() }

// FocusLost removes the outline.
func (k *keyTabs) FocusLost() { k.focused = false; k.Refresh() }

// TypedRune ignores typing: the tab bar has no text.
func (k *keyTabs) TypedRune(rune) {}

// TypedKey moves between the tabs.
func (k *keyTabs) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft:
		k.step(-1)
	case fyne.KeyRight:
		k.step(1)
	}
}

// step selects the nearest enabled tab in direction by, if there is one.
func (k *keyTabs) step(by int) {
	items := k.tabs.Items
	for i := k.tabs.SelectedIndex() + by; i >= 0 && i < len(items); i += by {
		if !items[i].Disabled() {
			k.tabs.SelectIndex(i)
			return
		}
	}
}

func (k *keyTabs) CreateRenderer() fyne.WidgetRenderer {
	outline := canvas.NewRectangle(color.Transparent)
	outline.StrokeWidth = 2
	return &keyTabsRenderer{k: k, outline: outline, barHeight: tabBarHeight()}
}

type keyTabsRenderer struct {
	k         *keyTabs
	outline   *canvas.Rectangle
	barHeight float32
}

func (r *keyTabsRenderer) Layout(size fyne.Size) {
	r.k.tabs.Resize(size)
	r.outline.Resize(fyne.NewSize(size.Width, r.barHeight))
}

func (r *keyTabsRenderer) MinSize() fyne.Size { return r.k.tabs.MinSize() }

func (r *keyTabsRenderer) Refresh() {
	r.outline.StrokeColor = theme.Color(theme.ColorNameFocus)
	r.outline.Hidden = !r.k.focused
	r.outline.Refresh()
	r.k.tabs.Refresh()
}

func (r *keyTabsRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.k.tabs, r.outline}
}

func (r *keyTabsRenderer) Destroy() {}

// tabBarHeight is the height of a tab bar of icons and words: that of
// tabs whose content takes no room.
func tabBarHeight() float32 {
	probe := container.NewAppTabs(container.NewTabItemWithIcon("Tab", theme.AccountIcon(), canvas.NewRectangle(color.Transparent)))
	return probe.MinSize().Height
}
