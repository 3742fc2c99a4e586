package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// readmeURL is the project's README, where every feature is explained.
const readmeURL = "https://github.com/aztoken/aztoken#readme"

// showShortcuts lists every shortcut of menus, from the same table that
// installs them, so the list cannot drift from what works.
func showShortcuts(win fyne.Window, menus []menu) {
	var rows []fyne.CanvasObject
	for _, m := range menus {
		for _, c := range m.commands {
			if sc := c.shortcut(); sc != nil {
				rows = append(rows, &widget.Label{Text: shortcutWords(sc), TextStyle: fyne.TextStyle{Monospace: true}}, widget.NewLabel(c.label))
			}
		}
	}
	list := container.NewVScroll(container.New(layout.NewFormLayout(), rows...))
	list.SetMinSize(fyne.NewSize(0, 360))
	d := dialog.NewCustom("Keyboard shortcuts", "Close", list, win)
	answerKeys(win, d, d.Hide, d.Hide)
	d.Show()
}

// shortcutWords is how a shortcut reads: "Ctrl+Shift+T". Fyne's own name
// for it (ShortcutName) is made for matching, not reading.
func shortcutWords(sc fyne.KeyboardShortcut) string {
	var parts []string
	mod := sc.Mod()
	if mod&fyne.KeyModifierControl != 0 {
		parts = append(parts, "Ctrl")
	}
	if mod&fyne.KeyModifierSuper != 0 {
		parts = append(parts, "Cmd")
	}
	if mod&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if mod&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	return strings.Join(append(parts, string(sc.Key())), "+")
}

// openREADME opens the README in the browser.
func openREADME(a fyne.App) error {
	u, err := url.Parse(readmeURL)
	if err != nil {
		return err
	}
	return a.OpenURL(u)
}
