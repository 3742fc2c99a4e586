package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/clipboard"
)

// decodeView reads any token the user pastes, offline: its header and
// claims, then what is wrong with it and which profile it came from. The
// token is the user's own, so it is shown as pasted, but it only lives in
// the entry: nothing is sent, logged or written to disk.
type decodeView struct {
	ctrl decodeContext
	clip clipboard.Clipboard

	input, expect *widget.Entry
	paste         *widget.Button
	// message is why the input is not a token, under the input.
	message *widget.Label
	verdict *fyne.Container
	table   *fyne.Container

	// decoded is set while the input holds a readable token.
	decoded *tokens.JWT
}

// decodeContext is what the Decode view asks of the controller: the
// profiles a token may have come from, and the time to judge it at.
type decodeContext interface {
	profiles() []profiles.Profile
	now() time.Time
}

func newDecodeView(ctrl decodeContext, clip clipboard.Clipboard) *decodeView {
	return &decodeView{ctrl: ctrl, clip: clip}
}

func (v *decodeView) build() fyne.CanvasObject {
	v.input = widget.NewMultiLineEntry()
	v.input.Wrapping = fyne.TextWrapBreak
	v.input.SetMinRowsVisible(4)
	v.input.SetPlaceHolder(`A token, "Bearer …" or a whole Authorization header`)
	v.input.OnChanged = func(string) { v.decode() }
	v.expect = widget.NewEntry()
	v.expect.SetPlaceHolder("Expected API (optional), such as https://management.azure.com/")
	v.expect.OnChanged = func(string) { v.apply() }
	v.paste = &widget.Button{Text: "Paste from clipboard", Icon: theme.ContentPasteIcon(), OnTapped: v.pasteClipboard}
	v.message = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	v.message.Hide()
	v.verdict = container.NewVBox()
	v.table = container.New(layout.NewFormLayout())
	intro := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance, Text: "Reads any access token offline and says what is wrong with it. " +
		"Nothing is sent anywhere or saved; the signature is not checked."}
	return container.NewVScroll(container.NewVBox(
		intro, v.input, v.message, v.paste, v.expect, widget.NewSeparator(), v.table, v.verdict,
	))
}

// apply judges the token again: the clock, the expected API and the
// profiles change what it says.
func (v *decodeView) apply() {
	v.verdict.Objects = nil
	if v.decoded != nil {
		v.verdict.Objects = verdictLines(*v.decoded, v.ctrl.now(), v.expect.Text, v.ctrl.profiles())
	}
	v.verdict.Refresh()
}

// decode reads the input and shows it, or says why it is not a token.
func (v *decodeView) decode() {
	v.decoded = nil
	v.message.Hide()
	var rows []claimRow
	if strings.TrimSpace(v.input.Text) != "" {
		j, err := tokens.ReadTokenText(v.input.Text)
		if err != nil {
			v.showMessage(err)
		} else {
			v.decoded = &j
			rows = decodedRows(j, v.ctrl.now())
		}
	}
	v.table.Objects = claimCells(rows)
	v.table.Refresh()
	v.apply()
}

// pasteClipboard decodes what the clipboard holds. Text over the cap is
// refused before it reaches the entry, which would lay all of it out.
func (v *decodeView) pasteClipboard() {
	text, err := v.clip.ReadAll()
	if err != nil {
		v.showMessage(errors.New("the clipboard could not be read: " + err.Error()))
		return
	}
	if len(text) > tokens.MaxTokenText {
		v.input.SetText("")
		_, err := tokens.ReadTokenText(text)
		v.showMessage(err)
		return
	}
	v.input.SetText(text)
}

func (v *decodeView) showMessage(err error) {
	v.message.SetText(err.Error())
	v.message.Show()
}

// timeClaimNames are the claims shown as the dates they stand for.
var timeClaimNames = []string{"iat", "nbf", "exp", "auth_time", "xms_tcdt"}

// decodedRows lays out a token's header and claims, times in now's
// location and in UTC. Unlike the Claims tab there is no profile to
// compare them with; the verdict does the judging.
func decodedRows(j tokens.JWT, now time.Time) []claimRow {
	rows := []claimRow{{name: "Header", heading: true}}
	for _, k := range sortedKeys(j.Header) {
		rows = append(rows, claimRow{name: k, value: fmt.Sprint(j.Header[k])})
	}
	rows = append(rows, claimRow{name: "Claims", heading: true})
	for _, k := range sortedKeys(j.Raw) {
		r := claimRow{name: k, value: rawValue(j.Raw[k])}
		if n, err := strconv.ParseInt(r.value, 10, 64); err == nil && slices.Contains(timeClaimNames, k) {
			r.value, r.note = tokens.LocalAndUTC(time.Unix(n, 0), now), r.value
		}
		rows = append(rows, r)
	}
	return rows
}

// verdictLines are Judge's findings coloured by severity, and the
// profiles the token was issued to.
func verdictLines(j tokens.JWT, now time.Time, expected string, ps []profiles.Profile) []fyne.CanvasObject {
	lines := []fyne.CanvasObject{&widget.Label{Text: "Verdict", TextStyle: fyne.TextStyle{Bold: true}}}
	for _, f := range tokens.Judge(j, now, tokens.Expectation{Audience: strings.TrimSpace(expected)}) {
		lines = append(lines, &widget.Label{Text: f.Text, Wrapping: fyne.TextWrapWord, Importance: severityImportance[f.Severity]})
	}
	var names []string
	for _, p := range profiles.IssuedTo(ps, j.Claims) {
		names = append(names, p.Name)
	}
	if len(names) > 0 {
		lines = append(lines, &widget.Label{Wrapping: fyne.TextWrapWord,
			Text: "It came from profile " + strings.Join(names, ", ") + " (same client ID and tenant)."})
	}
	return lines
}

// severityImportance colours a finding: problems in danger, good news in
// success, plain facts plain.
var severityImportance = map[tokens.Severity]widget.Importance{
	tokens.Note:    widget.MediumImportance,
	tokens.Good:    widget.SuccessImportance,
	tokens.Problem: widget.DangerImportance,
}
