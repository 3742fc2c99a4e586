// Command aztoken fetches, shows and copies Azure Entra ID access tokens
// for app registrations: a window with no arguments, a command line with a
// subcommand (which never starts Fyne, so it works over SSH).
package main

import (
	"os"

	"fyne.io/fyne/v2/app"

	"github.com/aztoken/aztoken/assets"
	"github.com/aztoken/aztoken/ui"
	"github.com/aztoken/aztoken/ui/cli"
)

func main() {
	if cli.IsCommand(os.Args[1:]) {
		os.Exit(cli.Main(os.Args[1:]))
	}
	a := app.NewWithID(ui.AppID)
	a.SetIcon(assets.Icon)
	ui.Run(a)
}
