// Command barewindow is the barest Fyne window: the reference aztoken's
// start-up time, memory and idle cost are measured against, built with the
// same flags in the same benchmark run (scripts/perf.sh).
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.aztoken.bench.barewindow")
	w := a.NewWindow("barewindow")
	w.SetContent(widget.NewLabel("A bare Fyne window"))
	w.ShowAndRun()
}
