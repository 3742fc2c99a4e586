package tokens

import (
	"strings"
	"testing"
)

// wrongSecret is the real 401 body of OfficeDev/microsoft-365-agents-toolkit#8621.
const wrongSecret = `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'a8fdfbd0-da97-42d9-8f1a-fd6a7cb650b4'.\r\nTrace ID: 6f6c4645-0202-4486-b625-fa957dfc4700\r\nCorrelation ID: 5fc87507-4086-4e77-b415-cee677eb232e\r\nTimestamp: 2023-05-06 06:03:00Z","error_codes":[7000215],"timestamp":"2023-05-06 06:03:00Z","trace_id":"6f6c4645-0202-4486-b625-fa957dfc4700","correlation_id":"5fc87507-4086-4e77-b415-cee677eb232e","error_uri":"https://login.microsoftonline.com/error?code=7000215"}`

func TestEntraErrorExplainsAWrongSecret(t *testing.T) {
	t.Parallel()
	e, ok := parseEntraError(401, []byte(wrongSecret))
	if !ok {
		t.Fatal("not parsed")
	}
	if e.AADSTS() != 7000215 || e.Code != "invalid_client" || e.TraceID != "6f6c4645-0202-4486-b625-fa957dfc4700" {
		t.Errorf("parsed %+v", e)
	}
	if !strings.Contains(e.Fix(), "Value") || !strings.Contains(e.Fix(), "not its Secret ID") {
		t.Errorf("fix = %q", e.Fix())
	}
	if strings.Contains(e.Message(), "Trace ID") {
		t.Errorf("message keeps the trace lines: %q", e.Message())
	}
	d := e.Details()
	for _, want := range []string{"HTTP 401", "Trace ID: 6f6c4645", "Correlation ID: 5fc87507", "Timestamp: 2023-05-06"} {
		if !strings.Contains(d, want) {
			t.Errorf("details lack %q:\n%s", want, d)
		}
	}
	if !strings.Contains(e.Error(), "AADSTS7000215") {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestEntraErrorWithoutCodesStillExplains(t *testing.T) {
	t.Parallel()
	// Legacy v1 bodies carry no error_codes; the code is in the text.
	e, ok := parseEntraError(401, []byte(`{"error_description":"AADSTS7000222: The provided client secret keys are expired.","error":"invalid_client"}`))
	if !ok || e.AADSTS() != 7000222 || !strings.Contains(e.Fix(), "expired") {
		t.Errorf("got %+v, fix %q", e, e.Fix())
	}
}

// TestUnknownCodesGetTheirOwnDocumentationNotAnotherCodesFix is the story
// of issue 18: an AADSTS code aztoken does not know, under the OAuth
// error invalid_client, once got the wrong-secret advice although the
// secret was fine.
func TestUnknownCodesGetTheirOwnDocumentationNotAnotherCodesFix(t *testing.T) {
	t.Parallel()
	for _, oauth := range []string{"invalid_client", "unauthorized_client", "invalid_request", "invalid_resource", "invalid_scope", "invalid_grant", "weird"} {
		body := `{"error":"` + oauth + `","error_description":"AADSTS123456: Something new.\r\nTrace ID: t-1\r\nCorrelation ID: c-2","error_codes":[123456],"trace_id":"t-1","correlation_id":"c-2"}`
		e, ok := parseEntraError(401, []byte(body))
		if !ok {
			t.Fatalf("%s: not parsed", oauth)
		}
		fix := e.Fix()
		for _, want := range []string{"AADSTS123456", "https://login.microsoftonline.com/error?code=123456", "t-1", "c-2"} {
			if !strings.Contains(fix, want) {
				t.Errorf("%s: fix %q lacks %q", oauth, fix, want)
			}
		}
		for _, f := range entraTable {
			if strings.Contains(fix, strings.TrimSuffix(f.fix, ".")) {
				t.Errorf("%s: fix %q is AADSTS%d's", oauth, fix, f.code)
			}
		}
		if !strings.Contains(e.Error(), "Something new") || strings.Count(strings.TrimSuffix(fix, "."), ". ") > 0 {
			t.Errorf("%s: error %q, fix %q", oauth, e.Error(), fix)
		}
	}
	// Without any code there is no page to link, but still the ids.
	e, _ := parseEntraError(401, []byte(`{"error":"invalid_client","error_description":"Something.","trace_id":"t-1","correlation_id":"c-2"}`))
	if fix := e.Fix(); strings.Contains(fix, "Secret ID") || !strings.Contains(fix, "t-1") {
		t.Errorf("no code: fix %q", fix)
	}
}

func TestEveryListedCodeHasAFixInOneSentenceNamingAField(t *testing.T) {
	t.Parallel()
	seen := map[int]bool{}
	for _, f := range entraTable {
		if seen[f.code] {
			t.Errorf("AADSTS%d is listed twice", f.code)
		}
		seen[f.code] = true
		fix := f.text()
		if strings.Count(strings.TrimSuffix(fix, "."), ". ") > 0 || !strings.HasSuffix(fix, ".") || f.cause == "" {
			t.Errorf("AADSTS%d fix is not one sentence: %q", f.code, fix)
		}
		if len(f.fields) == 0 && !strings.Contains(fix, "nothing in the profile") && !strings.Contains(fix, "POST") {
			t.Errorf("AADSTS%d names no profile field and does not say that none is wrong: %q", f.code, fix)
		}
	}
}

func fixText(code int) string {
	f, _ := entraFixFor(code)
	return f.text()
}

func TestNotAnEntraError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{"<html>", `{"error":{"code":"x"}}`, `{}`, ``} {
		if _, ok := parseEntraError(500, []byte(body)); ok {
			t.Errorf("%q parsed as an Entra error", body)
		}
	}
}
