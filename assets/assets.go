// Package assets holds aztoken's icons, embedded in the binary so a single
// file runs anywhere. The PNGs are raster on purpose: the Linux tray cannot
// decode SVG.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

//go:embed tray.png
var trayPNG []byte

// Icon is the application icon (512 px).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// TrayIcon is the small icon for the system tray (64 px).
var TrayIcon = fyne.NewStaticResource("tray.png", trayPNG)
