package profiles

import (
	"errors"
	"strings"
	"testing"
)

// checkCase is one row of a checker table: what the user typed, and either
// the value kept or the start of the message shown (and the suggestion).
type checkCase struct {
	in, want   string
	msg        string // prefix of the message; "" means no error
	suggestion string
}

func runChecks(t *testing.T, field Field, check func(string) (string, error), cases []checkCase) {
	t.Helper()
	for _, c := range cases {
		got, err := check(c.in)
		if c.msg == "" {
			if err != nil || got != c.want {
				t.Errorf("%.40q: got %q, %v; want %q", c.in, got, err, c.want)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) {
			t.Errorf("%.40q: got %q, %v; want a FieldError %q", c.in, got, err, c.msg)
			continue
		}
		if fe.Field != field || !strings.HasPrefix(fe.Message, c.msg) || fe.Suggestion != c.suggestion {
			t.Errorf("%.40q: got %s %q (suggest %q); want %s %q… (suggest %q)",
				c.in, fe.Field, fe.Message, fe.Suggestion, field, c.msg, c.suggestion)
		}
	}
}

const (
	guid  = "11111111-2222-4333-8444-555555555555"
	upper = "ABCDEF01-2222-4333-8444-555555555555"
)

var long = strings.Repeat("a", 10000)

func TestCheckClientID(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldClientID, CheckClientID, []checkCase{
		{in: guid, want: guid},
		{in: "  " + guid + "\r\n", want: guid},
		{in: "{" + guid + "}", want: guid},
		{in: upper, want: strings.ToLower(upper)},
		{in: "\u200b" + guid + "\ufeff", want: guid},
		{in: "", msg: "Enter the Application (client) ID"},
		{in: "   \n", msg: "Enter the Application (client) ID"},
		{in: "11111111222243338444555555555555", msg: "The dashes are missing", suggestion: guid},
		{in: "11111111-2222-4333-8444-55555555555", msg: "Not a GUID"},
		{in: "11111111-2222-4333-8444-55555555555g", msg: "Not a GUID"},
		{in: "1111111122-22-4333-8444-555555555555", msg: "Not a GUID"},
		{in: "{" + guid, msg: "Not a GUID"},
		{in: "１１１１１１１１-2222-4333-8444-555555555555", msg: "Not a GUID"},
		{in: guid + "\x00", msg: "Contains a control character"},
		{in: "a\nb", msg: "Contains a control character"},
		{in: long, msg: "Too long"},
	})
}

func TestCheckSubscription(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldSubscription, CheckSubscription, []checkCase{
		{in: "", want: ""},
		{in: " \t", want: ""},
		{in: "{" + upper + "}", want: strings.ToLower(upper)},
		{in: "my-subscription", msg: "Not a GUID"},
	})
}

func TestCheckTenant(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldTenant, CheckTenant, []checkCase{
		{in: guid, want: guid},
		{in: "{" + upper + "}\n", want: strings.ToLower(upper)},
		{in: "contoso.onmicrosoft.com", want: "contoso.onmicrosoft.com"},
		{in: " Contoso.OnMicrosoft.com. ", want: "contoso.onmicrosoft.com"},
		{in: "fabrikam.com", want: "fabrikam.com"},
		{in: "my-org.co.uk", want: "my-org.co.uk"},
		{in: "", msg: "Enter the Directory (tenant) ID"},
		{in: "common", msg: `"common" means any tenant, but client credentials need one: enter your tenant's ID or domain`},
		{in: "Organizations", msg: `"organizations" means any tenant`},
		{in: "consumers", msg: `"consumers" means any tenant`},
		{in: "contoso", msg: "Not a tenant"},
		{in: "contoso.", msg: "Not a tenant"},
		{in: "-contoso.com", msg: "Not a tenant"},
		{in: "contoso .com", msg: "Not a tenant"},
		{in: "1.2.3.4", msg: "Not a tenant"},
		{in: "münchen.de", msg: "Not a tenant"},
		{in: "contoso.onmicrosoft.com\x07", msg: "Contains a control character"},
		{in: "11111111222243338444555555555555", msg: "Not a tenant", suggestion: guid},
		{in: "https://login.microsoftonline.com/" + guid + "/oauth2/token",
			msg: "This is a URL; the tenant is " + guid, suggestion: guid},
		{in: "https://login.microsoftonline.com/" + upper + "/oauth2/v2.0/token",
			msg: "This is a URL", suggestion: strings.ToLower(upper)},
		{in: "https://sts.windows.net/" + guid + "/", msg: "This is a URL", suggestion: guid},
		{in: "login.microsoftonline.com/contoso.onmicrosoft.com/v2.0", msg: "This is a URL",
			suggestion: "contoso.onmicrosoft.com"},
		{in: "https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions", msg: "This is a URL",
			suggestion: "contoso.onmicrosoft.com"},
		{in: "https://login.microsoftonline.com/common/oauth2/token", msg: `This is a URL, and in it "common" means any tenant, but`},
		{in: "https://login.microsoftonline.com/", msg: "This is a URL; enter just the tenant ID or domain"},
		{in: "https://login.microsoftonline.com/oauth2/v2.0/token", msg: "This is a URL; enter just"},
		{in: "https://" + long, msg: "Too long"},
		{in: long, msg: "Too long"},
		{in: strings.Repeat("é", 3000), msg: "Too long"},
		{in: strings.Repeat("a.", 200) + "com", msg: "Not a tenant"},
	})
}

func TestCheckName(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldName, CheckName, []checkCase{
		{in: "Contoso prod", want: "Contoso prod"},
		{in: "  Contoso prod\n", want: "Contoso prod"},
		{in: "Zürich — 本番 🚀", want: "Zürich — 本番 🚀"},
		{in: strings.Repeat("界", 64), want: strings.Repeat("界", 64)},
		{in: strings.Repeat("界", 65), msg: "Too long: at most 64 characters"},
		{in: "", msg: "Enter a name"},
		{in: "two\nlines", msg: "Contains a control character"},
		{in: "tab\there", msg: "Contains a control character"},
		{in: "line\u2028sep", msg: "Contains a control character"},
		{in: "bad\xffutf8", msg: "Contains bytes that are not text"},
		{in: long, msg: "Too long"},
	})
}

func TestCheckNotes(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldNotes, CheckNotes, []checkCase{
		{in: "", want: ""},
		{in: "Owner: ops\r\nRotate yearly\n", want: "Owner: ops\nRotate yearly"},
		{in: "col1\tcol2", want: "col1\tcol2"},
		{in: "bell\x07", msg: "Contains a control character"},
		{in: strings.Repeat("n", 2001), msg: "Too long: at most 2000 characters"},
	})
}

func TestCheckEndpoint(t *testing.T) {
	t.Parallel()
	check := func(s string) (string, error) { return CheckEndpoint(FieldAuthorityHost, s) }
	runChecks(t, FieldAuthorityHost, check, []checkCase{
		{in: "", want: ""},
		{in: " https://login.example.com/ ", want: "https://login.example.com"},
		{in: "https://adfs.local.azurestack.external/adfs", want: "https://adfs.local.azurestack.external/adfs"},
		{in: "http://localhost:8400", want: "http://localhost:8400"},
		{in: "http://127.0.0.1:8400/", want: "http://127.0.0.1:8400"},
		{in: "http://[::1]:8400", want: "http://[::1]:8400"},
		{in: "http://login.example.com", msg: "Plain http is allowed only for localhost; use https"},
		{in: "login.example.com", msg: "Must start with https://"},
		{in: "ftp://login.example.com", msg: "Must start with https://"},
		{in: "https://", msg: "Has no host name"},
		{in: "https://user:pw@login.example.com", msg: "Must not contain a user name or password"},
		{in: "https://login.example.com/?x=1", msg: "Must not contain a query"},
		{in: "https://login.example.com/\nx", msg: "Contains a control character"},
		{in: "https://" + long, msg: "Too long: at most 2048"},
	})
}

func TestCheckResource(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldResource, CheckResource, []checkCase{
		{in: "", want: ""},
		{in: "https://management.azure.com/", want: "https://management.azure.com/"},
		{in: " https://vault.azure.net\n", want: "https://vault.azure.net"},
		{in: "api://" + guid, want: "api://" + guid},
		{in: "{" + upper + "}", want: strings.ToLower(upper)},
		{in: "https://management.azure.com/.default", msg: "This is a v2 scope",
			suggestion: "https://management.azure.com/"},
		{in: "management.azure.com", msg: "Expected a URI"},
		{in: "https://management .azure.com/", msg: "Expected a URI"},
		{in: long, msg: "Too long"},
	})
}

func TestCheckScope(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldScope, CheckScope, []checkCase{
		{in: "", want: ""},
		{in: "https://management.azure.com/.default", want: "https://management.azure.com/.default"},
		{in: "api://" + guid + "/.default\n", want: "api://" + guid + "/.default"},
		{in: guid + "/.default", want: guid + "/.default"},
		{in: "https://management.azure.com/", msg: "Client credentials need a scope ending in /.default",
			suggestion: "https://management.azure.com/.default"},
		{in: "https://graph.microsoft.com/User.Read", msg: "Client credentials need a scope ending in /.default",
			suggestion: "https://graph.microsoft.com/User.Read/.default"},
		{in: "User.Read", msg: "Client credentials need a scope ending in /.default"},
		{in: "https://a.example/.default https://b.example/.default", msg: "Client credentials take a single scope"},
		{in: "/.default", msg: "Expected a URI"},
		{in: long, msg: "Too long"},
	})
}

func TestCheckSecret(t *testing.T) {
	t.Parallel()
	const value = "Abc8Q~kF3.xYz_0123456789-abcdefghijklmnop"
	cases := []struct {
		in, want, warning, msg string
	}{
		{in: value, want: value},
		{in: "\t" + value + "\r\n", want: value},
		{in: guid, want: guid, warning: "This looks like the secret's ID; paste its Value"},
		{in: "{" + guid + "}", want: "{" + guid + "}", warning: "This looks like the secret's ID"},
		{in: "", msg: "Paste the client secret's Value"},
		{in: "sec\x00ret", msg: "Contains a control character"},
		{in: long, msg: "Too long: at most 1024 characters"},
	}
	for _, c := range cases {
		got, warning, err := CheckSecret(c.in)
		if c.msg != "" {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != FieldSecret || !strings.HasPrefix(fe.Message, c.msg) {
				t.Errorf("%.20q: got %v; want %q", c.in, err, c.msg)
			}
			if err != nil && c.in != "" && strings.Contains(err.Error(), c.in) {
				t.Errorf("the message quotes the secret: %v", err)
			}
			continue
		}
		if err != nil || got != c.want || !strings.HasPrefix(warning, c.warning) || (c.warning == "") != (warning == "") {
			t.Errorf("%.20q: got %q, %q, %v; want %q, %q", c.in, got, warning, err, c.want, c.warning)
		}
	}
}

func TestCheckCloudCredentialDate(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldCloud, CheckCloud, []checkCase{
		{in: "", want: "public"},
		{in: "AzureCloud", want: "public"},
		{in: " usgov ", want: "usgov"},
		{in: "AzureUSGovernment", want: "usgov"},
		{in: "AzureChinaCloud", want: "china"},
		{in: "Custom", want: "custom"},
		{in: "germany", msg: "Unknown cloud"},
	})
	for _, c := range []struct {
		in   CredentialKind
		want CredentialKind
		msg  string
	}{
		{"", SecretCredential, ""}, {"secret", SecretCredential, ""}, {"certificate", CertificateCredential, ""},
		{"password", "", "Unknown credential"},
	} {
		k, err := CheckCredential(c.in)
		if k != c.want || c.msg == "" && err != nil || c.msg != "" && (err == nil || !strings.HasPrefix(err.(*FieldError).Message, c.msg)) {
			t.Errorf("CheckCredential(%q) = %q, %v; want %q, %q", c.in, k, err, c.want, c.msg)
		}
	}
	for in, want := range map[string]string{"": "", " 2026-12-31\n": "2026-12-31", "2028-02-29": "2028-02-29"} {
		if d, err := CheckDate(in); err != nil || d.String() != want {
			t.Errorf("CheckDate(%q) = %v, %v; want %q", in, d, err, want)
		}
	}
	for _, in := range []string{"31/12/2026", "2026-02-30", "2026-1-5", long} {
		if _, err := CheckDate(in); err == nil || err.Error() != "Secret expires: Expected a date like 2026-12-31" {
			t.Errorf("CheckDate(%.20q) = %v; want the date message", in, err)
		}
	}
}
