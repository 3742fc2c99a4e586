package tokens

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Severity grades a Finding.
type Severity int

// The grades, from a plain fact to a reason the token will be refused.
const (
	Note Severity = iota
	Good
	Problem
)

// String is the grade as JSON output and plain terminals show it.
func (s Severity) String() string {
	return [...]string{"note", "ok", "problem"}[s]
}

// Finding is one judgement about a token, in a sentence.
type Finding struct {
	Severity Severity
	// Topic groups findings: validity, kind, issuer, audience, permissions.
	Topic string
	Text  string
}

// Expectation is what the caller expects of a token; the zero value
// expects nothing.
type Expectation struct {
	// Audience is the API the token should be for, as a v1 resource or a
	// v2 scope (its /.default is ignored).
	Audience string
}

// Judge says what a decoded token is and what is wrong with it, offline:
// whether it is valid at now, app or user, who issued it in which cloud,
// which API it is for, and what it may do. Times are shown in now's
// location and in UTC.
func Judge(j JWT, now time.Time, expect Expectation) []Finding {
	fs := []Finding{validity(j.Claims, now)}
	fs = append(fs, kind(j))
	fs = append(fs, issuer(j.Claims)...)
	fs = append(fs, audienceFindings(j.Claims.Audience, expect.Audience)...)
	return append(fs, permissions(j))
}

func validity(c Claims, now time.Time) Finding {
	f := Finding{Topic: "validity", Severity: Problem}
	switch {
	case c.ExpiresAt.IsZero():
		f.Text = "It has no expiry time (exp), so it is not an Entra access token."
	case !now.Before(c.ExpiresAt):
		f.Text = fmt.Sprintf("It expired %s ago, at %s: get a new token.", span(now.Sub(c.ExpiresAt)), LocalAndUTC(c.ExpiresAt, now))
	case !c.NotBefore.IsZero() && now.Before(c.NotBefore):
		f.Text = fmt.Sprintf("It is not valid until %s, %s from now: this computer's clock or the issuer's is wrong.",
			LocalAndUTC(c.NotBefore, now), span(c.NotBefore.Sub(now)))
	default:
		f.Severity = Good
		f.Text = fmt.Sprintf("It is valid for another %s, until %s.", span(c.ExpiresAt.Sub(now)), LocalAndUTC(c.ExpiresAt, now))
	}
	return f
}

// kind tells an app token (client credentials: the app acts as itself)
// from a user token (delegated: the app acts for someone).
func kind(j JWT) Finding {
	f := Finding{Topic: "kind"}
	_, upn := j.Raw["upn"]
	switch {
	case j.Claims.IdentType == "app" || (j.Claims.IdentType == "" && j.Claims.Scope == "" && !upn && j.Claims.ObjectID != "" && j.Claims.ObjectID == j.Claims.Subject):
		f.Text = "It is an app token (client credentials): the application acts as itself."
	case j.Claims.IdentType == "user" || j.Claims.Scope != "" || upn:
		f.Text = "It is a user token (delegated): the application acts for a signed-in user."
	default:
		f.Text = "It does not say whether it is an app or a user token (no idtyp or scp claim)."
	}
	return f
}

// issuer names the tenant and cloud that issued the token and the token
// version, and flags a tid that is not the issuer's tenant.
func issuer(c Claims) []Finding {
	version := "v" + c.Version
	if c.Version == "" {
		version = "of unknown version"
	}
	u, err := url.Parse(c.Issuer)
	if c.Issuer == "" || err != nil || u.Host == "" {
		return []Finding{{Topic: "issuer", Severity: Problem,
			Text: fmt.Sprintf("Its issuer (iss) %q is not a URL, so it was not issued by Entra ID.", c.Issuer)}}
	}
	tenant, _, _ := strings.Cut(strings.Trim(u.Path, "/"), "/")
	where := "at " + u.Host + ", which is no built-in Azure cloud's Entra ID (Azure Stack Hub, an emulator, or another issuer)"
	if strings.EqualFold(u.Host, "sts.windows.net") {
		where = "by Entra ID in Azure (sts.windows.net, which Azure US Government shares)"
	} else if cloud, ok := CloudForHost(u.Host); ok {
		where = "by Entra ID in " + cloud.Title
	}
	fs := []Finding{{Topic: "issuer", Text: fmt.Sprintf("It is a %s token issued %s for tenant %s.", version, where, tenant)}}
	if c.TenantID != "" && !strings.EqualFold(c.TenantID, tenant) {
		fs = append(fs, Finding{Topic: "issuer", Severity: Problem,
			Text: fmt.Sprintf("Its tenant (tid) %s is not the issuer's tenant %s.", c.TenantID, tenant)})
	}
	return fs
}

// audienceFindings names the API the token is for and compares it with
// the expected one.
func audienceFindings(aud, expected string) []Finding {
	fs := []Finding{{Topic: "audience", Text: "It is for " + describeAudience(aud) + "."}}
	if expected == "" {
		return fs
	}
	want := strings.TrimSuffix(strings.TrimSpace(expected), "/.default")
	if sameAudience(aud, want) {
		return append(fs, Finding{Topic: "audience", Severity: Good, Text: "Its audience matches " + want + "."})
	}
	return append(fs, Finding{Topic: "audience", Severity: Problem, Text: fmt.Sprintf(
		"It is for %s, not %s, so that API will refuse it: request the token with resource %s (v1) or scope %s/.default (v2).",
		aud, want, want, strings.TrimSuffix(want, "/"))})
}

func permissions(j JWT) Finding {
	f := Finding{Topic: "permissions"}
	switch {
	case j.Claims.Scope != "":
		f.Text = "It carries the delegated scopes " + j.Claims.Scope + "."
	case len(j.Claims.Roles) > 0:
		f.Text = "It carries the app roles (application permissions) " + strings.Join(j.Claims.Roles, ", ") + "."
	default:
		f.Text = "It carries no app roles or scopes. Azure role assignments, which Resource Manager checks, never appear in tokens."
	}
	return f
}

// span is a duration as people read a countdown: "3 h 5 min", "65 min",
// "40 s".
func span(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d.Hours()/24))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
	case d >= time.Minute:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
	return fmt.Sprintf("%d s", int(d.Seconds()))
}

// LocalAndUTC shows t in now's location and in UTC, as in "16:52:57
// (15:52:57 UTC)", with the date when it is not today's there.
func LocalAndUTC(t, now time.Time) string {
	local, utc := t.In(now.Location()), t.UTC()
	layout := "15:04:05"
	if y, m, d := local.Date(); y != now.Year() || m != now.Month() || d != now.Day() {
		layout = "2006-01-02 15:04:05"
	}
	if zone, offset := local.Zone(); offset == 0 && zone == "UTC" {
		return utc.Format(layout) + " UTC"
	}
	return fmt.Sprintf("%s (%s UTC)", local.Format(layout), utc.Format(layout))
}
