package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/ui/version"
)

// showAbout says over win which aztoken this is, in the words `aztoken
// version` prints: the version and the commit it was built from.
func showAbout(win fyne.Window) {
	content := container.NewVBox(
		widget.NewLabel(version.Line()),
		&widget.Label{Text: "Fetches Entra ID tokens for Azure app registrations and copies bearer headers.", Wrapping: fyne.TextWrapWord},
	)
	d := dialog.NewCustom("About aztoken", "Close", content, win)
	d.Resize(fyne.NewSize(420, 0))
	answerKeys(win, d, d.Hide, d.Hide)
	d.Show()
}
