// Command aztoken fetches, shows and copies Azure Entra ID access tokens
// for app registrations: a window with no arguments, a command line with a
// subcommand (which never starts Fyne, so it works over SSH), and an
// offline demo with --demo.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"github.com/aztoken/aztoken/assets"
	"github.com/aztoken/aztoken/ui"
	"github.com/aztoken/aztoken/ui/cli"
)

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 1 && args[0] == "--demo":
		a := app.NewWithID(ui.DemoAppID)
		a.SetIcon(assets.Icon)
		if err := ui.RunDemo(a); err != nil {
			fmt.Fprintln(os.Stderr, "aztoken: the demo could not start:", err)
			os.Exit(1)
		}
	case len(args) > 0:
		// Commands, help and typos alike: the command line says which.
		os.Exit(cli.Main(args))
	default:
		a := app.NewWithID(ui.AppID)
		a.SetIcon(assets.Icon)
		ui.Run(a)
	}
}
