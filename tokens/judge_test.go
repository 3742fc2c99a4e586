package tokens

import (
	"strings"
	"testing"
	"time"
)

// judged decodes a token with the given claims and judges it at now.
func judged(t *testing.T, claims map[string]any, now time.Time, expect Expectation) []Finding {
	t.Helper()
	j, err := DecodeJWT(encodeJWT(map[string]any{"alg": "RS256"}, claims))
	if err != nil {
		t.Fatal(err)
	}
	return Judge(j, now, expect)
}

// says finds the finding on topic and checks its grade and words.
func says(t *testing.T, fs []Finding, topic string, sev Severity, words string) {
	t.Helper()
	for _, f := range fs {
		if f.Topic == topic && f.Severity == sev && strings.Contains(f.Text, words) {
			return
		}
	}
	t.Errorf("no %s finding on %s saying %q in:\n%v", sev, topic, words, fs)
}

var issued = time.Date(2026, 12, 4, 14, 0, 0, 0, time.UTC)

func appClaims() map[string]any {
	return map[string]any{
		"aud": "https://management.azure.com/", "iss": "https://sts.windows.net/63122682-bd96-47fd-97ab-95a76ce699a6/",
		"tid": "63122682-bd96-47fd-97ab-95a76ce699a6", "appid": "1671f074-56e2-4c37-873b-b7b07a120b18",
		"oid": "72243241-f194-45f3-987d-eeb347b83b69", "sub": "72243241-f194-45f3-987d-eeb347b83b69",
		"idtyp": "app", "ver": "1.0", "iat": issued.Unix(), "nbf": issued.Unix(), "exp": issued.Add(time.Hour).Unix(),
	}
}

func TestJudgeAFreshAppTokenForResourceManager(t *testing.T) {
	t.Parallel()
	fs := judged(t, appClaims(), issued.Add(8*time.Minute), Expectation{Audience: "https://management.azure.com/.default"})
	says(t, fs, "validity", Good, "valid for another 52 min, until 15:00:00 UTC")
	says(t, fs, "kind", Note, "app token (client credentials)")
	says(t, fs, "issuer", Note, "v1.0 token issued by Entra ID in Azure (sts.windows.net")
	says(t, fs, "issuer", Note, "tenant 63122682-bd96-47fd-97ab-95a76ce699a6")
	says(t, fs, "audience", Note, "Azure Resource Manager (https://management.azure.com/)")
	says(t, fs, "audience", Good, "matches https://management.azure.com")
	says(t, fs, "permissions", Note, "Azure role assignments, which Resource Manager checks, never appear in tokens")
	for _, f := range fs {
		if f.Severity == Problem {
			t.Errorf("a fresh, matching token has a problem: %s", f.Text)
		}
	}
}

func TestJudgeShowsTimesInTheLocalZoneAndUTC(t *testing.T) {
	t.Parallel()
	berlin := time.FixedZone("CET", 3600)
	fs := judged(t, appClaims(), issued.Add(8*time.Minute).In(berlin), Expectation{})
	says(t, fs, "validity", Good, "until 16:00:00 (15:00:00 UTC)")
}

func TestJudgeFindsWhatWillBeRefused(t *testing.T) {
	t.Parallel()
	expired := judged(t, appClaims(), issued.Add(72*time.Minute), Expectation{})
	says(t, expired, "validity", Problem, "expired 12 min ago, at 15:00:00 UTC")

	early := judged(t, appClaims(), issued.Add(-3*time.Minute), Expectation{})
	says(t, early, "validity", Problem, "not valid until 14:00:00 UTC, 3 min from now")

	graph := appClaims()
	graph["aud"] = "00000003-0000-0000-c000-000000000000"
	fs := judged(t, graph, issued, Expectation{Audience: "https://management.azure.com/"})
	says(t, fs, "audience", Note, "Microsoft Graph")
	says(t, fs, "audience", Problem, "not https://management.azure.com/, so that API will refuse it")

	otherTenant := appClaims()
	otherTenant["tid"] = "11111111-1111-1111-1111-111111111111"
	says(t, judged(t, otherTenant, issued, Expectation{}), "issuer", Problem, "is not the issuer's tenant")

	noExp := appClaims()
	delete(noExp, "exp")
	says(t, judged(t, noExp, issued, Expectation{}), "validity", Problem, "no expiry time")
}

func TestJudgeAcceptsEitherResourceManagerURI(t *testing.T) {
	t.Parallel()
	core := appClaims()
	core["aud"] = "https://management.core.windows.net/"
	says(t, judged(t, core, issued, Expectation{Audience: "https://management.azure.com"}), "audience", Good, "matches")
}

func TestJudgeTellsUserTokensAndCloudsApart(t *testing.T) {
	t.Parallel()
	user := appClaims()
	delete(user, "idtyp")
	user["scp"] = "user_impersonation"
	user["upn"] = "ada@contoso.com"
	user["ver"] = "2.0"
	user["iss"] = "https://login.microsoftonline.us/63122682-bd96-47fd-97ab-95a76ce699a6/v2.0"
	fs := judged(t, user, issued, Expectation{})
	says(t, fs, "kind", Note, "user token (delegated)")
	says(t, fs, "permissions", Note, "delegated scopes user_impersonation")
	says(t, fs, "issuer", Note, "v2.0 token issued by Entra ID in Azure US Government")

	emulated := appClaims()
	emulated["iss"] = "http://127.0.0.1:8400/63122682-bd96-47fd-97ab-95a76ce699a6/"
	says(t, judged(t, emulated, issued, Expectation{}), "issuer", Note, "no built-in Azure cloud's Entra ID")

	roles := appClaims()
	roles["roles"] = []string{"Mail.Read", "User.Read.All"}
	says(t, judged(t, roles, issued, Expectation{}), "permissions", Note, "app roles (application permissions) Mail.Read, User.Read.All")
}
