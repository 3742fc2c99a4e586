package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/assets"
)

func main() {
	a := app.NewWithID("io.github.aztoken")
	a.SetIcon(assets.Icon)
	w := a.NewWindow("aztoken")
	w.SetContent(widget.NewLabel("aztoken"))
	w.ShowAndRun()
}
