package profiles

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseImport feeds ParseImport damaged files: it must never panic,
// and whatever it accepts must be valid profiles with distinct names.
func FuzzParseImport(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(postmanEnvJSON("x", "tenantId", "{{t}}", "clientId", guid))
	f.Add([]byte(`{"info": {"_postman_id": "x"}, "variable": [{"key": "tenantId", "value": null}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, err := ParseImport(data)
		if err != nil {
			if imp != nil {
				t.Fatal("a result came with an error")
			}
			return
		}
		seen := map[string]bool{}
		for _, c := range imp.Candidates {
			p, err := c.Profile.Validate()
			if err != nil || p != c.Profile {
				t.Fatalf("accepted an unclean profile %+v: %v", c.Profile, err)
			}
			if seen[strings.ToLower(p.Name)] {
				t.Fatalf("two candidates named %q", p.Name)
			}
			seen[strings.ToLower(p.Name)] = true
		}
	})
}

// FuzzCheckTenant checks that what CheckTenant keeps is clean and stable,
// and that what it suggests it would accept.
func FuzzCheckTenant(f *testing.F) {
	for _, s := range []string{guid, "{" + upper + "}", "contoso.onmicrosoft.com", "common",
		"https://login.microsoftonline.com/" + guid + "/oauth2/token", "https://portal.azure.com/#@contoso.com/x",
		"11111111222243338444555555555555", "a\u200b.com", "münchen.de", "v2.0", "/", "{}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := CheckTenant(s)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != FieldTenant || fe.Message == "" {
				t.Fatalf("%q: not a tenant FieldError: %v", s, err)
			}
			if fe.Suggestion != "" {
				if again, err := CheckTenant(fe.Suggestion); err != nil || again != fe.Suggestion {
					t.Fatalf("%q: suggestion %q is refused: %v", s, fe.Suggestion, err)
				}
			}
			return
		}
		if again, err := CheckTenant(got); err != nil || again != got {
			t.Fatalf("%q: kept %q, which checks as %q, %v", s, got, again, err)
		}
		if got != strings.ToLower(got) || strings.ContainsAny(got, " /{}") || len(got) > maxDomain {
			t.Fatalf("%q: kept %q", s, got)
		}
	})
}
