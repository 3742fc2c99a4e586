package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/clipboard"
	"github.com/aztoken/aztoken/ui/demo"
)

// DemoAppID keeps the demo's window size and last profile apart from the
// user's own.
const DemoAppID = AppID + ".demo"

// RunDemo runs the window on the offline demo: the emulator, in-memory
// profiles and in-memory secrets. The real clipboard and tray are used,
// since copying a header from either is what the demo shows.
func RunDemo(a fyne.App) error {
	world, err := demo.Start(context.Background(), time.Now())
	if err != nil {
		return err
	}
	defer world.Close()
	runWindow(a, demoDeps(world, clipboard.NewGuard(clipboard.System{}, clipboard.DefaultClearAfter)))
	return nil
}

// demoDeps wire the window to a demo world.
func demoDeps(world *demo.World, c clipboard.Clipboard) Deps {
	return Deps{
		OpenStore: world.OpenStore,
		Secrets:   world.Secrets,
		Fetcher:   tokens.NewClient(),
		Clipboard: c,
		Now:       time.Now,
		Demo:      true,
		// The short-lived profile shows auto-refresh at work.
		AutoRefresh: world.AutoRefresh,
	}
}

// noticeLine is a permanent line of information at the top of the window.
func noticeLine(text string) fyne.CanvasObject {
	label := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, Importance: widget.HighImportance}
	return container.NewVBox(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, label), widget.NewSeparator())
}
