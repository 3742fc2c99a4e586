package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// emptyState greets a user with no profiles: what aztoken does, in two
// lines, and the two ways to start.
type emptyState struct {
	acts *actions

	add, importPostman, demo *widget.Button
}

func newEmptyState(acts *actions) *emptyState { return &emptyState{acts: acts} }

func (v *emptyState) build() fyne.CanvasObject {
	title := &widget.Label{Text: "Access tokens for your Azure app registrations", TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter}
	lines := &widget.Label{
		Text: "aztoken gets Entra ID tokens with an app's client secret, which stays in your OS keyring.\n" +
			"Copy a ready Authorization header for Postman or curl, and see why a request failed.",
		Alignment: fyne.TextAlignCenter,
	}
	v.add = &widget.Button{Text: "Add profile", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: v.acts.newProfile}
	v.importPostman = &widget.Button{Text: "Import Postman environment", Icon: theme.FolderOpenIcon(), OnTapped: v.acts.importFile}
	buttons := container.NewHBox(v.add, v.importPostman)
	if v.acts.startDemo != nil {
		v.demo = &widget.Button{Text: "Try the demo", Icon: theme.MediaPlayIcon(), OnTapped: v.acts.startDemo}
		buttons.Add(v.demo)
	}
	return container.NewCenter(container.NewVBox(title, lines, container.NewCenter(buttons)))
}

// apply offers the buttons only while profiles can be added.
func (v *emptyState) apply(editable bool) {
	enable(v.add, editable)
	enable(v.importPostman, editable)
}
