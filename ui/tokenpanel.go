package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// tokenPanel gets the token of the selected profile's picked target and
// shows it: the target picker, a countdown with a draining bar, the token
// shortened (or revealed on request), the copy buttons and the
// auto-refresh switch.
type tokenPanel struct {
	ctrl   tokenSource
	copier *copier

	get       *widget.Button
	target    *widget.Select
	targetBox *fyne.Container
	topRow    *fyne.Container
	auto      *widget.Check
	countdown *widget.Label
	bar       *widget.ProgressBar
	barColour *container.ThemeOverride
	token     *widget.Label
	reveal    *widget.Button
	tokenRow  *fyne.Container

	copyHeader, copyToken, copyCurl *widget.Button

	// revealed shows the whole token; it is forgotten when another
	// profile is selected.
	revealed bool
	shownFor profiles.ID
	// showing is set while apply fills the target picker, whose
	// OnChanged is then no pick of the user's.
	showing bool
}

// tokenSource is what the token panel asks of the controller.
type tokenSource interface {
	selection
	selectedTarget() (profiles.Profile, bool)
	pickTarget(profiles.ID, string)
	fetchState(profiles.Profile) (fetching bool, err error)
	fetch(profiles.Profile, fetchOrigin)
	autoRefreshes(profiles.Profile) bool
	setAutoRefresh(profiles.Profile, bool)
	margin() time.Duration
}

// shortTokenLen is how much of a token the panel shows: enough to tell two
// apart, far too little to use.
const shortTokenLen = 12

func newTokenPanel(ctrl tokenSource, cp *copier) *tokenPanel {
	return &tokenPanel{ctrl: ctrl, copier: cp}
}

func (v *tokenPanel) build() fyne.CanvasObject {
	v.get = &widget.Button{Text: "Get token", Icon: theme.DownloadIcon(), Importance: widget.HighImportance, OnTapped: v.getToken}
	v.target = newTargetPicker(v.onPick)
	v.targetBox = container.NewCenter(v.target)
	v.targetBox.Hide() // until a profile with more than one target shows
	v.auto = widget.NewCheck("Auto-refresh", v.setAuto)
	v.countdown = &widget.Label{Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	v.bar = &widget.ProgressBar{TextFormatter: func() string { return "" }}
	v.barColour = container.NewThemeOverride(v.bar, barTheme{primary: theme.ColorNamePrimary})
	// The whole token, once revealed, scrolls sideways on its one line
	// rather than wrapping over more.
	v.token = &widget.Label{Selectable: true}
	v.reveal = &widget.Button{Text: "Show", Icon: theme.VisibilityIcon(), Importance: widget.LowImportance, OnTapped: v.toggleReveal}
	v.copyHeader = &widget.Button{Text: "Copy header", Icon: theme.ContentCopyIcon(), OnTapped: v.onCopyHeader}
	v.copyToken = &widget.Button{Text: "Copy token", Icon: theme.ContentCopyIcon(), OnTapped: v.onCopyToken}
	v.copyCurl = &widget.Button{Text: "Copy as curl", Icon: theme.ContentCopyIcon(), OnTapped: v.onCopyCurl}
	// Two rows whatever the state, every part always in its place (only
	// enabled or not): the tab bar below never moves. The countdown is the
	// slim bar's label.
	countdown := container.NewBorder(nil, slim(v.barColour, barHeight), nil, nil, v.countdown)
	copies := container.NewHBox(steadyWidth(v.reveal, "Hide"),
		steadyWidth(v.copyHeader, copiedText), steadyWidth(v.copyToken, copiedText), steadyWidth(v.copyCurl, copiedText))
	v.tokenRow = container.NewBorder(nil, nil, nil, copies, container.NewHScroll(v.token))
	v.topRow = container.NewBorder(nil, nil, container.NewHBox(container.NewCenter(steadyWidth(v.get, gettingText)), v.targetBox),
		container.NewCenter(v.auto), countdown)
	return container.NewVBox(
		v.topRow,
		v.tokenRow,
	)
}

// barHeight is the countdown bar's height: a line under its label, not a
// slab.
const barHeight = 4

// The get button's label while a token is on its way.
const gettingText = "Getting…"

// current is the token of the selected profile's picked target: ok when
// a profile is selected, has when it holds a token.
func (v *tokenPanel) current() (tok tokens.Token, ok, has bool) {
	p, ok := v.ctrl.selectedTarget()
	if ok {
		tok, has = v.ctrl.token(p)
	}
	return tok, ok, has
}

// apply shows the state of the selected profile's picked target.
func (v *tokenPanel) apply(now time.Time) {
	p, ok := v.ctrl.selectedTarget()
	if p.ID != v.shownFor {
		v.shownFor, v.revealed = p.ID, false
	}
	v.showTargets(p, ok)
	fetching, _ := v.ctrl.fetchState(p)
	enable(v.get, ok && !fetching)
	if fetching {
		v.get.SetText(gettingText)
	} else {
		v.get.SetText("Get token")
	}
	enable(v.auto, ok)
	v.auto.SetChecked(ok && v.ctrl.autoRefreshes(p))
	if v.revealed {
		v.reveal.SetText("Hide")
	} else {
		v.reveal.SetText("Show")
	}
	v.tick(now)
}

// tick moves the countdown on; the token and the copy buttons go when it
// expires, since an expired token on the clipboard only moves the error to
// the next request.
func (v *tokenPanel) tick(now time.Time) {
	tok, ok, has := v.current()
	usable := has && !tok.Expired(now)
	for _, b := range []*widget.Button{v.copyHeader, v.copyToken, v.copyCurl} {
		enable(b, usable)
	}
	v.showToken(tok, usable)
	if !has {
		text := "Save the profile to get a token."
		if ok {
			text = "No token yet."
		}
		setLabel(v.countdown, text, widget.LowImportance)
		// The empty bar is drawn in its lighter shade of the colour, so
		// with no token it is grey rather than a line of the primary's.
		v.setBar(0, theme.ColorNameDisabled)
		return
	}
	c := countdownAt(tok, now, v.ctrl.margin())
	importance, colour := widget.MediumImportance, theme.ColorNamePrimary
	switch {
	case c.expired:
		importance, colour = widget.DangerImportance, theme.ColorNameError
	case c.soon:
		importance, colour = widget.WarningImportance, theme.ColorNameWarning
	}
	setLabel(v.countdown, c.text, importance)
	v.setBar(c.fraction, colour)
}

// showToken shows the token shortened, or whole when revealed.
func (v *tokenPanel) showToken(tok tokens.Token, usable bool) {
	text := ""
	switch {
	case !usable:
	case v.revealed:
		text = tok.AccessToken
	default:
		text = shorten(tok.AccessToken)
	}
	if v.token.Text != text {
		v.token.SetText(text)
	}
}

// setBar drains the bar and colours it.
func (v *tokenPanel) setBar(fraction float64, colour fyne.ThemeColorName) {
	if th := (barTheme{primary: colour}); v.barColour.Theme != th {
		v.barColour.Theme = th
		v.barColour.Refresh()
	}
	// In steps of a thousandth: finer moves are under a pixel.
	if f := math.Round(fraction*1000) / 1000; f != v.bar.Value {
		v.bar.SetValue(f)
	}
}

func (v *tokenPanel) getToken() {
	if p, ok := v.ctrl.selectedTarget(); ok {
		v.ctrl.fetch(p, fetchManual)
	}
}

func (v *tokenPanel) setAuto(on bool) {
	if p, ok := v.ctrl.selectedTarget(); ok {
		v.ctrl.setAutoRefresh(p, on)
	}
}

func (v *tokenPanel) toggleReveal() {
	v.revealed = !v.revealed
	v.apply(v.ctrl.now())
}

func (v *tokenPanel) onCopyHeader() { v.copyWith(v.copyHeader, tokens.Token.AuthorizationHeader) }
func (v *tokenPanel) onCopyToken() {
	v.copyWith(v.copyToken, func(t tokens.Token) string { return t.AccessToken })
}

func (v *tokenPanel) onCopyCurl() {
	p, _ := v.ctrl.selectedTarget()
	v.copyWith(v.copyCurl, func(t tokens.Token) string { return curlCommand(p, t) })
}

// copyWith copies what text makes of the selected token, if it is still
// valid: an expired token in the clipboard only moves the error to the
// next request.
func (v *tokenPanel) copyWith(b *widget.Button, text func(tokens.Token) string) {
	tok, _, has := v.current()
	if !has || tok.Expired(v.ctrl.now()) {
		return
	}
	v.copier.copy(b, text(tok))
}

// shorten shows the start of a token only.
func shorten(token string) string {
	if len(token) <= shortTokenLen {
		return token
	}
	return token[:shortTokenLen] + "…"
}
