package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
)

// storeBanner is the line at the top of the window about the profiles
// file itself: one that cannot be used (with "Move aside and start
// fresh"), one from a newer aztoken (read-only), or where a moved file
// went.
type storeBanner struct {
	ctrl storeState
	// onMoved tells the window the store was opened afresh.
	onMoved func()

	text      *widget.Label
	moveAside *widget.Button
	box       *fyne.Container

	// movedTo is where the corrupt file went, to tell the user once.
	movedTo string
}

// storeState is what the banner asks of the controller about the
// profiles file.
type storeState interface {
	readOnly() error
	reopen()
}

func newStoreBanner(ctrl storeState, onMoved func()) *storeBanner {
	return &storeBanner{ctrl: ctrl, onMoved: onMoved}
}

func (v *storeBanner) build() fyne.CanvasObject {
	v.text = &widget.Label{Wrapping: fyne.TextWrapWord}
	v.moveAside = &widget.Button{Text: "Move aside and start fresh", Icon: theme.FolderNewIcon(), OnTapped: v.onMoveAside}
	v.box = container.NewVBox(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, v.text), container.NewHBox(v.moveAside), widget.NewSeparator())
	v.box.Hide()
	return v.box
}

// apply shows what is wrong with the profiles file, if anything.
func (v *storeBanner) apply() {
	err := v.ctrl.readOnly()
	var corrupt *profiles.CorruptError
	isCorrupt := errors.As(err, &corrupt)
	switch {
	case err != nil && isCorrupt:
		v.text.SetText(err.Error() + ". aztoken can move it aside (nothing is deleted) and start with no profiles.")
	case err != nil:
		v.text.SetText(err.Error() + ".")
	case v.movedTo != "":
		v.text.SetText("The unusable profiles file was kept as " + v.movedTo + ".")
	default:
		v.box.Hide()
		return
	}
	v.text.Importance = widget.WarningImportance
	setShown(v.moveAside, isCorrupt)
	v.box.Show()
	v.text.Refresh()
}

// onMoveAside renames the corrupt file, never overwriting it, and opens
// an empty store in its place.
func (v *storeBanner) onMoveAside() {
	var corrupt *profiles.CorruptError
	if !errors.As(v.ctrl.readOnly(), &corrupt) {
		return
	}
	moved, err := profiles.MoveAside(corrupt.Path)
	if err != nil {
		v.text.SetText("Could not move the file aside: " + err.Error())
		return
	}
	v.movedTo = moved
	v.ctrl.reopen()
	v.onMoved()
}
