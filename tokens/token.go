package tokens

import "time"

// Token is an access token as Entra issued it. It lives only in memory.
type Token struct {
	// AccessToken is the bearer token itself (a JWT).
	AccessToken string
	// Type is the token type, "Bearer".
	Type string
	// Target is what the token was requested for.
	Target Target
	// NotBefore is when the token starts to be valid (zero when not sent).
	NotBefore time.Time
	// ExpiresOn is when the token stops being accepted.
	ExpiresOn time.Time
	// ObtainedAt is when aztoken received the token.
	ObtainedAt time.Time
}

// Remaining is how long the token stays valid after now; never negative.
func (t Token) Remaining(now time.Time) time.Duration {
	return max(t.ExpiresOn.Sub(now), 0)
}

// Lifetime is the span from receipt to expiry, the whole of a countdown.
func (t Token) Lifetime() time.Duration { return t.ExpiresOn.Sub(t.ObtainedAt) }

// Fresh reports whether a cache may still hand the token out at now:
// more than margin of it remains. A token that lives less than twice the
// margin (a short-lived test token) is kept for half its life instead, so
// it is not fetched again on every call.
func (t Token) Fresh(now time.Time, margin time.Duration) bool {
	return t.Remaining(now) > min(margin, t.Lifetime()/2)
}

// Expired reports whether the token is no longer valid at now.
func (t Token) Expired(now time.Time) bool { return !now.Before(t.ExpiresOn) }

// AuthorizationHeader is the header line Postman and curl take:
// "Authorization: Bearer <token>".
func (t Token) AuthorizationHeader() string {
	return "Authorization: " + t.BearerValue()
}

// BearerValue is the header's value alone: "Bearer <token>".
func (t Token) BearerValue() string { return "Bearer " + t.AccessToken }

// GoString describes the token without revealing it, for %#v.
func (t Token) GoString() string { return "tokens.Token{" + t.String() + "}" }

// String describes the token without revealing it.
func (t Token) String() string {
	return t.Type + " token for " + t.Target.String() + ", expires " + t.ExpiresOn.UTC().Format(time.RFC3339)
}
