package ui

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
)

// errorPanel explains, where the token would be, why the selected
// profile's last fetch failed: what happened, the one sentence that fixes
// it, the AADSTS or ARM code, and the ids a support ticket needs on the
// clipboard. The domain errors never carry a secret, so neither does it.
// The test call, the setup check and the token endpoint explain their
// failures with one too.
type errorPanel struct {
	copier *copier
	// title heads the panel; current is the error to show, nil for none.
	title   string
	current func() error

	message *widget.Label
	fix     *widget.Label
	code    *widget.Label
	details *widget.Button
	wait    *retryWait
	box     *fyne.Container

	err error
}

// fetchErrors is what the token's error panel uses of the controller:
// the failed fetch to explain, and a new one once Azure's wait is over.
type fetchErrors interface {
	selectedTarget() (profiles.Profile, bool)
	fetchState(profiles.Profile) (fetching bool, err error)
	now() time.Time
	fetch(profiles.Profile, fetchOrigin)
}

// newErrorPanel explains the failed token request of the selected
// profile's picked target;
// when Azure asked to wait, it asks again once the wait is over. That
// retry goes on with what the user asked for, so it is a manual fetch: a
// failure is shown here, not notified as a failed auto-refresh.
func newErrorPanel(ctrl fetchErrors, cp *copier) *errorPanel {
	v := newErrorPanelFor("The token request failed", cp, func() error {
		if p, ok := ctrl.selectedTarget(); ok {
			_, err := ctrl.fetchState(p)
			return err
		}
		return nil
	})
	v.wait = newRetryWait(ctrl.now, cp.post, func() {
		if p, ok := ctrl.selectedTarget(); ok {
			ctrl.fetch(p, fetchManual)
		}
	})
	return v
}

// newErrorPanelFor explains whatever error current returns, under title.
// When Azure asked to wait, it counts down to when the user may try again.
func newErrorPanelFor(title string, cp *copier, current func() error) *errorPanel {
	return &errorPanel{copier: cp, title: title, current: current, wait: newRetryWait(time.Now, cp.post, nil)}
}

func (v *errorPanel) build() fyne.CanvasObject {
	v.message = &widget.Label{Wrapping: fyne.TextWrapWord, Selectable: true}
	v.fix = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.WarningImportance}
	v.code = &widget.Label{Importance: widget.LowImportance}
	v.details = &widget.Button{Text: "Copy details", Icon: theme.ContentCopyIcon(), OnTapped: v.copyDetails}
	heading := &widget.Label{Text: v.title, Importance: widget.DangerImportance, TextStyle: fyne.TextStyle{Bold: true}}
	v.box = container.NewVBox(
		container.NewHBox(widget.NewIcon(theme.ErrorIcon()), heading),
		v.fix, v.wait.build(), v.message,
		container.NewHBox(v.code, v.details),
	)
	v.box.Hide()
	return v.box
}

// apply shows the current error, or nothing.
func (v *errorPanel) apply() {
	err := v.current()
	if err == v.err {
		return
	}
	v.err = err
	v.wait.show(err)
	if err == nil {
		v.box.Hide()
		return
	}
	v.message.SetText(err.Error())
	v.fix.SetText(tokens.Fix(err))
	setShown(v.fix, v.fix.Text != "")
	v.code.SetText(errorCode(err))
	v.box.Show()
}

func (v *errorPanel) copyDetails() {
	if v.err != nil {
		v.copier.copy(v.details, errorDetails(v.err))
	}
}

// errorCode is the code to search for: Entra's AADSTS number or ARM's
// error code.
func errorCode(err error) string {
	var entra *tokens.EntraError
	var armErr *arm.Error
	switch {
	case errors.As(err, &entra) && entra.AADSTS() != 0:
		return fmt.Sprintf("AADSTS%d", entra.AADSTS())
	case errors.As(err, &entra):
		return entra.Code
	case errors.As(err, &armErr):
		return armErr.Code
	}
	return ""
}

// errorDetails are the lines for a support ticket: the services' own
// details with trace and correlation ids, or the error itself.
func errorDetails(err error) string {
	var entra *tokens.EntraError
	var armErr *arm.Error
	switch {
	case errors.As(err, &entra):
		return entra.Details()
	case errors.As(err, &armErr):
		return armErr.Details()
	}
	return err.Error()
}
