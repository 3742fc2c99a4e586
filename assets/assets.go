// Package assets holds aztoken's icons, embedded in the binary so a single
// file runs anywhere. The PNGs are raster on purpose: the Linux tray cannot
// decode SVG.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

// icon.png, 512 px, is for packages (FyneApp.toml) and stays out of the
// binary: at run time the window manager, About and notifications never
// draw the icon larger than 256 px, and every start decodes it and sends
// it to the X server, which took 9 ms longer at 512 px.
//
//go:embed icon256.png
var iconPNG []byte

//go:embed tray.png
var trayPNG []byte

// Icon is the application icon (256 px).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// TrayIcon is the small icon for the system tray (64 px).
var TrayIcon = fyne.NewStaticResource("tray.png", trayPNG)
