package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// barTheme is the app's own theme with another colour in place of the
// primary one, because a progress bar has no importance of its own: the
// countdown bar turns to the warning colour in a token's last minutes.
// It asks the app's theme each time, so light and dark still follow the
// system. (Not theme.Current: while this theme renders, that returns this
// theme.)
type barTheme struct{ primary fyne.ThemeColorName }

func appTheme() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// Color swaps the primary colour.
func (t barTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNamePrimary {
		n = t.primary
	}
	return appTheme().Color(n, v)
}

// Font is the app theme's.
func (barTheme) Font(s fyne.TextStyle) fyne.Resource { return appTheme().Font(s) }

// Icon is the app theme's.
func (barTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return appTheme().Icon(n) }

// Size is the app theme's.
func (barTheme) Size(n fyne.ThemeSizeName) float32 { return appTheme().Size(n) }
