package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// The test call lists the resource groups of the profile's subscription
// unless the user picks or types another. The line under the field says
// which one the call uses, so the test call and the setup check (which
// always uses the profile's) never differ silently, and a new one can be
// saved to the profile.

// buildSubscriptionNote makes the line and its Save to profile button.
func (v *testCallView) buildSubscriptionNote() fyne.CanvasObject {
	v.subNote = &widget.Label{Wrapping: fyne.TextWrapWord}
	v.saveSub = newFormButton("Save to profile", theme.DocumentSaveIcon(), v.saveSubscription)
	return v.subNote
}

// noteSubscription says which subscription the call would use for p, and
// offers to save it when it is not p's.
func (v *testCallView) noteSubscription(p profiles.Profile) {
	text, importance, offer := subscriptionNote(p, v.subscription.entry.Text)
	if v.subProblem != "" {
		text, importance = v.subProblem, widget.DangerImportance
	}
	v.subNote.Importance = importance
	v.subNote.SetText(text)
	setShown(v.subNote, text != "")
	setShown(v.saveSub, offer)
	enable(v.saveSub, offer && !v.savingSub && v.ctrl.readOnly() == nil)
}

// subscriptionNote words which subscription typed stands for, against
// p's own; offer is whether typed is one to save to p.
func subscriptionNote(p profiles.Profile, typed string) (text string, importance widget.Importance, offer bool) {
	sub, err := profiles.CheckSubscription(typed)
	switch {
	case err != nil:
		return "", widget.MediumImportance, false // the field says what is wrong
	case sub == "" && p.Subscription == "":
		return "The profile has no subscription: find or type one.", widget.LowImportance, false
	case sub == "":
		return "Type a subscription, or the profile's: " + p.Subscription, widget.LowImportance, false
	case strings.EqualFold(sub, p.Subscription):
		return "Using the profile's subscription " + p.Subscription, widget.LowImportance, false
	}
	return "Using subscription " + sub + " (not saved in the profile)", widget.WarningImportance, true
}

// saveSubscription stores the subscription in the field as the selected
// profile's, the way the editor saves: a profile changed meanwhile is
// not overwritten, and the line says so.
func (v *testCallView) saveSubscription() {
	p, ok := v.ctrl.selectedProfile()
	sub, err := profiles.CheckSubscription(v.subscription.entry.Text)
	if !ok || err != nil || sub == "" || v.savingSub {
		return
	}
	p.Subscription = sub
	v.savingSub, v.subProblem = true, ""
	v.ctrl.save(p, func(context.Context) (profiles.SecretChange, error) { return profiles.KeepSecret(), nil }, func(r saveResult) {
		v.savingSub = false
		if r.err != nil {
			v.subProblem = "The subscription was not saved: " + r.err.Error()
			if fix := tokens.Fix(r.err); fix != "" {
				v.subProblem += "\n" + fix
			}
		} else if v.onSaved != nil {
			v.onSaved(r.profile)
		}
		v.apply()
	})
}
