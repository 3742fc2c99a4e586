// Package ui is aztoken's window: a thin Fyne layer over the tokens and
// profiles packages. Only this package (and main) imports Fyne.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// AppID identifies aztoken to Fyne (preferences, notifications) and to
// the desktop.
const AppID = "io.github.aztoken"

// Run builds the main window and runs the app until it quits.
func Run(a fyne.App) {
	w := a.NewWindow("aztoken")
	w.SetContent(widget.NewLabel("aztoken"))
	w.SetMaster()
	w.ShowAndRun()
}
