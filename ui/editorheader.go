package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
)

// secretHeadline is what the profile's header says of its client
// secret's expiry, from the stored date: "Secret expires in 12 days
// (2027-01-15)" in the warning colour within profiles.SecretSoonDays, in
// the danger colour once expired, quietly further ahead, and nothing
// when no date is set or the profile uses a certificate (which brings
// its own).
func secretHeadline(p profiles.Profile, now time.Time) (string, widget.Importance) {
	if p.ID == "" || p.Credential == profiles.CertificateCredential || p.SecretExpires.IsZero() {
		return "", widget.MediumImportance
	}
	date := " (" + p.SecretExpires.String() + ")"
	reminder, warning := p.SecretReminder(now)
	switch warning {
	case profiles.SecretExpired:
		return capitalise(reminder) + date, widget.DangerImportance
	case profiles.SecretExpiresSoon:
		return capitalise(reminder) + date, widget.WarningImportance
	}
	return fmt.Sprintf("Secret expires in %d days%s", p.SecretExpires.DaysFrom(now), date), widget.LowImportance
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// showSecretHeadline puts the loaded profile's secret expiry under its
// name.
func (e *profileEditor) showSecretHeadline() {
	text, importance := secretHeadline(e.loaded, e.ctrl.now())
	e.secretLine.Importance = importance
	e.secretLine.SetText(text)
	setShown(e.secretLine, text != "")
}
