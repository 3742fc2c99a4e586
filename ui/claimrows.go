package ui

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// claimRow is one line of the claims table.
type claimRow struct {
	name, value, note string
	// heading starts a section (header, claims) and has no value.
	heading bool
	// importance colours the note: success when it confirms the profile,
	// warning when it points at a mismatch.
	importance widget.Importance
}

// explainedClaims are the claims with notes, in the order a reader needs
// them; the others follow by name.
var explainedClaims = []string{"aud", "iss", "tid", "appid", "azp", "app_displayname", "oid", "sub", "idtyp", "ver", "roles", "scp", "iat", "nbf", "exp"}

// claimRows lays a decoded token out for p, with times in loc and UTC.
func claimRows(j tokens.JWT, p profiles.Profile, loc *time.Location) []claimRow {
	rows := []claimRow{{name: "Header", heading: true}}
	for _, k := range sortedKeys(j.Header) {
		rows = append(rows, claimRow{name: k, value: fmt.Sprint(j.Header[k])})
	}
	rows = append(rows, claimRow{name: "Claims", heading: true})
	for _, k := range explainedClaims {
		if raw, ok := j.Raw[k]; ok {
			rows = append(rows, explainClaim(k, rawValue(raw), j.Claims, p, loc))
		} else if k == "roles" {
			rows = append(rows, claimRow{name: k, value: "(none)",
				note: "No application permissions (app roles) are granted. Azure role assignments, which Resource Manager checks, never appear in tokens."})
		}
	}
	for _, k := range sortedKeys(j.Raw) {
		if !slices.Contains(explainedClaims, k) {
			rows = append(rows, claimRow{name: k, value: rawValue(j.Raw[k])})
		}
	}
	return rows
}

// explainClaim writes one well-known claim with its note.
func explainClaim(k, value string, c tokens.Claims, p profiles.Profile, loc *time.Location) claimRow {
	r := claimRow{name: k, value: value}
	switch k {
	case "aud":
		r.note, r.importance = matchNote(c.Audience, p.Target().Audience(), "the target "+p.TargetName())
	case "tid":
		r.note, r.importance = matchNote(c.TenantID, p.Tenant, "the profile's tenant")
		if strings.Contains(p.Tenant, ".") {
			r.note, r.importance = "The ID of the tenant the profile names as "+p.Tenant+".", widget.MediumImportance
		}
	case "appid", "azp":
		r.note, r.importance = matchNote(c.AppID, p.ClientID, "the profile's client ID")
	case "oid":
		r.note = "The service principal: Azure role assignments name this object ID."
	case "idtyp":
		r.note = "Not an app-only token."
		if c.IdentType == "app" {
			r.note = "An app-only token, from the client-credentials grant."
		}
	case "ver":
		r.note = tokenVersionNote(c.Version)
	case "roles":
		r.value = strings.Join(c.Roles, ", ")
		r.note = "The application permissions the app holds."
	case "scp":
		r.note, r.importance = "Delegated scopes: this token acts for a user, not as the app alone.", widget.WarningImportance
	case "iat", "nbf", "exp":
		r.value, r.note = timeClaim(k, c, loc)
	}
	return r
}

// matchNote confirms that a claim is what the profile expects, or says
// what the profile expects instead. URIs compare without a final slash.
func matchNote(got, want, what string) (string, widget.Importance) {
	if strings.EqualFold(strings.TrimSuffix(got, "/"), strings.TrimSuffix(want, "/")) {
		return "Matches " + what + ".", widget.SuccessImportance
	}
	return "Does not match " + what + " (" + want + ").", widget.WarningImportance
}

func tokenVersionNote(v string) string {
	switch v {
	case "1.0":
		return "A v1 token: issued by sts.windows.net, the app in appid. The API decides the version, not the endpoint asked."
	case "2.0":
		return "A v2 token: issued by login.microsoftonline.com/<tenant>/v2.0, the app in azp."
	}
	return ""
}

// timeClaim writes a time claim readably, in the local zone and in UTC.
func timeClaim(k string, c tokens.Claims, loc *time.Location) (value, note string) {
	var t time.Time
	switch k {
	case "iat":
		t, note = c.IssuedAt, "When Entra issued the token."
	case "nbf":
		t, note = c.NotBefore, "Valid from."
	default:
		t, note = c.ExpiresAt, "Valid until."
	}
	return t.In(loc).Format("2006-01-02 ") + clockTimes(t, loc, "15:04:05"), note
}

// rawValue shows a claim as sent: strings without quotes, lists of
// strings joined, anything else as JSON.
func rawValue(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return strings.Join(list, ", ")
	}
	return string(raw)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
