//go:build !linux && !freebsd && !openbsd && !netbsd

package ui

import "context"

// trayMnemonics: Windows and macOS show tray labels as written.
const trayMnemonics = false

// probeTrayHost: Windows and macOS always have a notification area (or
// menu bar) that shows the icon.
func probeTrayHost(context.Context) trayHost { return trayHost{bus: true, host: true} }
