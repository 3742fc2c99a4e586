package tokens

import (
	"strings"
	"testing"
)

// wrongSecret is the real 401 body of OfficeDev/microsoft-365-agents-toolkit#8621.
const wrongSecret = `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'a8fdfbd0-da97-42d9-8f1a-fd6a7cb650b4'.\r\nTrace ID: 6f6c4645-0202-4486-b625-fa957dfc4700\r\nCorrelation ID: 5fc87507-4086-4e77-b415-cee677eb232e\r\nTimestamp: 2023-05-06 06:03:00Z","error_codes":[7000215],"timestamp":"2023-05-06 06:03:00Z","trace_id":"6f6c4645-0202-4486-b625-fa957dfc4700","correlation_id":"5fc87507-4086-4e77-b415-cee677eb232e","error_uri":"https://login.microsoftonline.com/error?code=7000215"}`

func TestEntraErrorExplainsAWrongSecret(t *testing.T) {
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
	// Legacy v1 bodies carry no error_codes; the code is in the text.
	e, ok := parseEntraError(401, []byte(`{"error_description":"AADSTS7000222: The provided client secret keys are expired.","error":"invalid_client"}`))
	if !ok || e.AADSTS() != 7000222 || !strings.Contains(e.Fix(), "expired") {
		t.Errorf("got %+v, fix %q", e, e.Fix())
	}
	unknown, _ := parseEntraError(400, []byte(`{"error":"weird","error_description":"AADSTS123456: Something new.","error_codes":[123456]}`))
	if !strings.Contains(unknown.Fix(), "code=123456") || !strings.Contains(unknown.Error(), "Something new") {
		t.Errorf("unknown code: %q / %q", unknown.Fix(), unknown.Error())
	}
}

func TestEveryListedCodeHasAFixInOneSentence(t *testing.T) {
	for _, code := range []int{7000215, 7000222, 7000216, 700016, 90002, 900023, 90038, 500011, 50001, 500013, 901002, 70011, 1002012, 90014, 900144, 7000112, 9001023, 53003, 90024, 50033, 90006, 700027, 700024, 700021, 50027, 50012} {
		fix, ok := entraFixes[code]
		if !ok {
			t.Errorf("AADSTS%d has no fix", code)
			continue
		}
		if strings.Count(strings.TrimSuffix(fix, "."), ". ") > 0 || !strings.HasSuffix(fix, ".") {
			t.Errorf("AADSTS%d fix is not one sentence: %q", code, fix)
		}
	}
}

func TestNotAnEntraError(t *testing.T) {
	for _, body := range []string{"<html>", `{"error":{"code":"x"}}`, `{}`, ``} {
		if _, ok := parseEntraError(500, []byte(body)); ok {
			t.Errorf("%q parsed as an Entra error", body)
		}
	}
}
