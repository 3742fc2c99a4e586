package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// claimsView shows what the token of the selected profile's picked target
// says: its decoded header and claims in two columns, each with a note
// that helps read it, judged against that target.
type claimsView struct {
	ctrl targetSelection

	table *fyne.Container
	empty *widget.Label

	// rows are what the table shows, and shown the token they came from:
	// a tick must not decode the same token again.
	rows  []claimRow
	shown string
}

// targetSelection is what the claims read of the controller: the
// selected profile asking for the target the token panel shows.
type targetSelection interface {
	selection
	selectedTarget() (profiles.Profile, bool)
}

func newClaimsView(ctrl targetSelection) *claimsView { return &claimsView{ctrl: ctrl} }

func (v *claimsView) build() fyne.CanvasObject {
	v.table = container.New(layout.NewFormLayout())
	v.empty = &widget.Label{Text: "Get a token to see its claims.", Importance: widget.LowImportance}
	return container.NewVScroll(container.NewVBox(v.empty, v.table))
}

// apply shows the claims of the picked target's token.
func (v *claimsView) apply() {
	p, ok := v.ctrl.selectedTarget()
	var tok tokens.Token
	if ok {
		tok, _ = v.ctrl.token(p)
	}
	if tok.AccessToken == v.shown {
		return
	}
	v.shown = tok.AccessToken
	v.rows = nil
	if tok.AccessToken != "" {
		j, err := tokens.DecodeJWT(tok.AccessToken)
		if err != nil {
			v.rows = []claimRow{{name: "token", note: "Not a JWT, so there are no claims to show: " + err.Error()}}
		} else {
			v.rows = claimRows(j, p, v.ctrl.now().Location())
		}
	}
	v.render()
}

// render rebuilds the table from rows.
func (v *claimsView) render() {
	setShown(v.empty, len(v.rows) == 0)
	v.table.Objects = claimCells(v.rows)
	v.table.Refresh()
}

// claimCells are the cells of a claims table: each row's name, and its
// value with the note under it. A table's Objects are replaced whole with
// them: Add would lay the table out after each cell.
func claimCells(rows []claimRow) []fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, 0, 2*len(rows))
	for _, r := range rows {
		name := &widget.Label{Text: r.name, TextStyle: fyne.TextStyle{Bold: r.heading}}
		value := &widget.Label{Text: r.value, Wrapping: fyne.TextWrapBreak, Selectable: true}
		cell := container.NewVBox(value)
		if r.note != "" {
			cell.Add(&widget.Label{Text: r.note, Wrapping: fyne.TextWrapWord, Importance: r.importance})
		}
		cells = append(cells, name, cell)
	}
	return cells
}
