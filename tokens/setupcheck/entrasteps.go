package setupcheck

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
)

// The Entra side of a Check: tenant, credential, token, expiry.

func (r *checkRun) tenantExists(ctx context.Context) Step {
	req := r.check.Request
	cfg, err := r.check.Client.Discovery(ctx, req.AuthorityHost, req.Tenant)
	if err != nil {
		return failed(err)
	}
	// A GUID is the tenant itself; a domain is whatever the issuer says.
	r.tenantID = cfg.TenantID()
	if tokens.IsGUID(req.Tenant) {
		r.tenantID = strings.ToLower(req.Tenant)
	}
	if cloud, wrong := tokens.WrongCloud(req.AuthorityHost, cfg.CloudInstanceName); wrong {
		return Step{
			Status: Fail,
			Detail: fmt.Sprintf("tenant %s lives in %s (%s), but the profile signs in at %s", req.Tenant, cloud.Title, cfg.CloudInstanceName, req.AuthorityHost),
			Fix:    fmt.Sprintf("Choose the %s cloud in the profile: each national cloud has its own tenants.", cloud.Name),
		}
	}
	name := req.Tenant
	if r.tenantID != "" && !strings.EqualFold(name, r.tenantID) {
		name += " (" + r.tenantID + ")"
	}
	return Step{Status: Pass, Detail: fmt.Sprintf("tenant %s answers, cloud instance %s, region %s", name, cfg.CloudInstanceName, cfg.TenantRegionScope)}
}

func (r *checkRun) tokenIssued(ctx context.Context) Step {
	tok, err := r.check.Client.Token(ctx, r.check.Request)
	if err != nil {
		return failed(err)
	}
	r.token = tok
	return Step{Status: Pass, Detail: fmt.Sprintf("Entra ID issued a token for %s, valid for %d minutes", tok.Target, int(tok.Lifetime().Minutes()))}
}

// tokenClaims reads the token as ARM will: for whom, what kind, from
// which directory. The signature is ARM's to check, not ours.
func (r *checkRun) tokenClaims(context.Context) Step {
	jwt, err := tokens.DecodeJWT(r.token.AccessToken)
	if err != nil {
		return Step{Status: Fail, Detail: "the token cannot be decoded: " + err.Error(), Err: err,
			Fix: "Check the authority host: what answered is not Entra ID."}
	}
	c := jwt.Claims
	seen := claimsSeen(c)
	want := r.check.Audience
	if want == "" {
		want = r.check.Request.Target.Audience()
	}
	switch {
	case canonicalAudience(c.Audience) != canonicalAudience(want):
		scope := strings.TrimSuffix(want, "/") + "/.default"
		return Step{Status: Fail, Detail: fmt.Sprintf("the token is for %s, but Resource Manager accepts %s; %s", c.Audience, want, seen),
			Fix: fmt.Sprintf("Set the profile's resource to %s (or its scope to %s).", want, scope)}
	case c.IdentType != "" && c.IdentType != "app", c.Scope != "":
		// Absent idtyp is normal: it is an optional claim. Delegated
		// scopes (scp) are what give a user's token away then.
		return Step{Status: Fail, Detail: "this is not an app-only token; " + seen,
			Fix: "Use the app registration's client credentials (a client secret), not a user's sign-in."}
	case r.tenantID != "" && !strings.EqualFold(c.TenantID, r.tenantID):
		return Step{Status: Fail, Detail: fmt.Sprintf("the token comes from tenant %s, not %s; %s", c.TenantID, r.tenantID, seen),
			Fix: "Set the profile's tenant to the Directory (tenant) ID shown under App registrations › Overview."}
	}
	if r.tenantID == "" {
		r.tenantID = strings.ToLower(c.TenantID)
	}
	return Step{Status: Pass, Detail: seen}
}

// claimsSeen lists the claims step 3 judges, for the ticket.
func claimsSeen(c tokens.Claims) string {
	idtyp := c.IdentType
	if idtyp == "" {
		idtyp = "(absent)"
	}
	return fmt.Sprintf("aud %s, idtyp %s, tid %s, appid %s, ver %s", c.Audience, idtyp, c.TenantID, c.AppID, c.Version)
}

// armAudienceAliases are the older App ID URIs ARM accepts as well as the
// current ones, keyed without the trailing slash.
var armAudienceAliases = map[string]string{
	"https://management.core.windows.net":       "https://management.azure.com",
	"https://management.core.usgovcloudapi.net": "https://management.usgovcloudapi.net",
	"https://management.core.chinacloudapi.cn":  "https://management.chinacloudapi.cn",
}

// canonicalAudience folds a trailing slash and ARM's aliases, which ARM
// accepts alike; case is kept, as ARM compares exactly.
func canonicalAudience(aud string) string {
	aud = strings.TrimSuffix(aud, "/")
	if current, ok := armAudienceAliases[aud]; ok {
		return current
	}
	return aud
}

// credentialNotExpiring reads the expiry from the certificate itself, or
// for a secret from the date the user copied into the profile: Entra
// tells no one when a secret runs out until it has.
func (r *checkRun) credentialNotExpiring(context.Context) Step {
	if cc, ok := r.check.Request.Credential.(tokens.CertificateCredential); ok && cc.Certificate != nil {
		return expiryStep("certificate", cc.Certificate.NotAfter(), r.now,
			"create a new certificate and upload its .cer under App registrations › Certificates & secrets, then load it into the profile.")
	}
	if r.check.SecretExpires.IsZero() {
		return Step{Status: Warn, Detail: "expiry unknown: the profile has no expiry date for the secret",
			Fix: "Copy the secret's Expires date from App registrations › Certificates & secrets into the profile, so aztoken can warn before it lapses."}
	}
	return expiryStep("secret", r.check.SecretExpires, r.now,
		"create a new client secret under App registrations › Certificates & secrets and put its Value and expiry date in the profile.")
}

// expiryStep judges an expiry date: past fails, within SecretWarnDays
// warns. renew is the fix, starting in lower case.
func expiryStep(what string, exp, now time.Time, renew string) Step {
	date := exp.Format(time.DateOnly)
	switch days := daysUntil(exp, now); {
	case days < 0:
		return Step{Status: Fail, Detail: fmt.Sprintf("the %s expired on %s, %s ago", what, date, plural(-days, "day")), Fix: "It no longer works: " + renew}
	case days == 0:
		return Step{Status: Warn, Detail: fmt.Sprintf("the %s expires today, %s", what, date), Fix: "Today, " + renew}
	case days <= SecretWarnDays:
		return Step{Status: Warn, Detail: fmt.Sprintf("the %s expires on %s, in %s", what, date, plural(days, "day")), Fix: "Before " + date + ", " + renew}
	default:
		return Step{Status: Pass, Detail: fmt.Sprintf("the %s expires on %s, in %s", what, date, plural(days, "day"))}
	}
}

// daysUntil counts calendar days from now's day (in now's zone) to exp's
// day, as a date in the portal is read.
func daysUntil(exp, now time.Time) int {
	ey, em, ed := exp.Date()
	ny, nm, nd := now.Date()
	d := time.Date(ey, em, ed, 0, 0, 0, 0, time.UTC).Sub(time.Date(ny, nm, nd, 0, 0, 0, 0, time.UTC))
	return int(d.Hours() / 24)
}

// failed is a step that ends on a service's or network's error, told in
// the service's own words with the fix aztoken gives everywhere.
func failed(err error) Step {
	return Step{Status: Fail, Detail: seen(err), Fix: tokens.Fix(err), Err: err}
}

// seen is an error as a ticket wants it: the service's words and the IDs
// its support asks for.
func seen(err error) string {
	var entra *tokens.EntraError
	var armErr *arm.Error
	switch {
	case errors.As(err, &entra):
		s := fmt.Sprintf("Entra ID answered HTTP %d %s: %s", entra.Status, entra.Code, entra.Message())
		if entra.TraceID != "" {
			s += fmt.Sprintf(" (trace ID %s, correlation ID %s)", entra.TraceID, entra.CorrelationID)
		}
		return s
	case errors.As(err, &armErr) && armErr.RequestID != "":
		return fmt.Sprintf("%v (x-ms-request-id %s)", armErr, armErr.RequestID)
	}
	return err.Error()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
