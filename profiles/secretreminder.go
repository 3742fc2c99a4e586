package profiles

import (
	"fmt"
	"time"
)

// SecretSoonDays is how many days ahead a secret's expiry is shown where
// users look: the profile list and the tray.
const SecretSoonDays = 30

// SecretWarning grades how near a profile's client secret is to its end.
type SecretWarning int

// The grades: nothing to say, expiring within SecretSoonDays, expired.
const (
	SecretFine SecretWarning = iota
	SecretExpiresSoon
	SecretExpired
)

// SecretReminder says when p's client secret expires, for the list and
// the tray: "secret expires in 12 days", "secret expires today", "secret
// expired 3 days ago". It is empty, with SecretFine, when no date is set
// or the day is more than SecretSoonDays away.
func (p Profile) SecretReminder(now time.Time) (string, SecretWarning) {
	if p.SecretExpires.IsZero() {
		return "", SecretFine
	}
	days := p.SecretExpires.DaysFrom(now)
	switch {
	case days > SecretSoonDays:
		return "", SecretFine
	case days > 1:
		return fmt.Sprintf("secret expires in %d days", days), SecretExpiresSoon
	case days == 1:
		return "secret expires tomorrow", SecretExpiresSoon
	case days == 0:
		return "secret expires today", SecretExpiresSoon
	case days == -1:
		return "secret expired yesterday", SecretExpired
	}
	return fmt.Sprintf("secret expired %d days ago", -days), SecretExpired
}
