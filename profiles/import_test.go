package profiles

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

const fakeSecret = "FAKE~not-a-real-secret.0123456789abcdefgh"

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportPostmanEnvironment(t *testing.T) {
	t.Parallel()
	imp, err := ParseImport(readTestdata(t, "postman-environment.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := Profile{
		Name:         "Azure REST - Contoso dev",
		Tenant:       "11111111-2222-4333-8444-555555555555",
		ClientID:     "66666666-7777-4888-9999-aaaaaaaaaaaa",
		Credential:   SecretCredential,
		Cloud:        "public",
		Subscription: "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff",
	}
	if imp.Format != FormatPostmanEnv || len(imp.Candidates) != 1 {
		t.Fatalf("got %+v", imp)
	}
	c := imp.Candidates[0]
	if c.Profile != want || c.Secret != fakeSecret || c.Warning != "" {
		t.Errorf("got  %+v\nwant %+v", c.Profile, want)
	}
	if strings.Contains(fmtAll(imp), fakeSecret) {
		t.Error("printing the import shows the secret")
	}
}

func TestImportPostmanCollection(t *testing.T) {
	t.Parallel()
	imp, err := ParseImport(readTestdata(t, "postman-collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := imp.Candidates[0]
	// The recipe's US Government resource selects that cloud.
	if imp.Format != FormatPostmanCollection || c.Profile.Name != "Azure REST" || c.Profile.Cloud != "usgov" ||
		c.Profile.Resource != "" || c.Profile.Tenant != "contoso.onmicrosoft.com" || c.Secret != fakeSecret {
		t.Errorf("got %+v", c)
	}
}

// postmanEnv builds a Postman environment holding vars (key, value pairs).
func postmanEnvJSON(name string, vars ...string) []byte {
	var vals []map[string]any
	for i := 0; i+1 < len(vars); i += 2 {
		vals = append(vals, map[string]any{"key": vars[i], "value": vars[i+1], "type": "default", "enabled": true})
	}
	data, _ := json.Marshal(map[string]any{"id": "x", "name": name, "values": vals, "_postman_variable_scope": "environment"})
	return data
}

func TestImportPostmanVariants(t *testing.T) {
	t.Parallel()
	data := []byte(`{"name": "v2", "values": [
		{"key": "TENANTID", "value": "{` + upper + `}", "enabled": true},
		{"key": "tenantId", "value": "ignored.example.com", "enabled": true},
		{"key": "clientid", "value": "` + guid + `", "enabled": false},
		{"key": "clientId", "value": "` + guid + `"},
		{"key": "scope", "value": "https://graph.microsoft.com/.default"},
		{"key": "clientSecret", "value": "` + guid + `", "type": "secret"}
	]}`)
	imp, err := ParseImport(data)
	if err != nil {
		t.Fatal(err)
	}
	c := imp.Candidates[0]
	if c.Profile.Tenant != strings.ToLower(upper) || c.Profile.Scope != "https://graph.microsoft.com/.default" ||
		c.Warning != "This looks like the secret's ID; paste its Value" {
		t.Errorf("got %+v", c)
	}
	col := []byte(`{"info": {"name": "col", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": [{"key": "tenantId", "value": "` + guid + `", "disabled": true}, {"key": "clientId", "value": "` + guid + `"}]}`)
	if _, err := ParseImport(col); err == nil || !strings.Contains(err.Error(), "Tenant: The file has no tenantId variable with a value") {
		t.Errorf("a disabled collection variable was used: %v", err)
	}
}

// TestBadImportFiles checks that every bad file gets an error naming the
// problem, and never quotes a secret.
func TestBadImportFiles(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", []byte("  \n"), "the file is empty"},
		{"huge", bytes.Repeat([]byte(" "), MaxImportSize+1), "the file is too large (1024 KiB); an import file is at most 1024 KiB"},
		{"not JSON", []byte("tenantId=abc\n"), "not JSON: invalid character 'e' in literal true (expecting 'r') (line 1, column 2)"},
		{"broken JSON", []byte("{\n\t\"name\": \"x\",\n\t\"values\": [\n}"), "not JSON: invalid character '}' looking for beginning of value (line 4, column 1)"},
		{"array", []byte(`[1, 2]`), "wrong shape: expected an aztoken profiles export"},
		{"other JSON", []byte(`{"hello": "world"}`), `not an import file: expected an aztoken profiles export (with an "aztoken" key), a Postman environment (with "values") or a Postman collection (with "info" and "variable")`},
		{"info without Postman", []byte(`{"info": {"name": "x"}}`), "not an import file"},
		{"values not a list", []byte(`{"name": "x", "values": {"key": "tenantId"}}`), `Postman environment: wrong shape: "values" should be a list, not a object`},
		{"missing tenant", postmanEnvJSON("Dev", "clientId", guid), `Postman environment "Dev": Tenant: The file has no tenantId variable with a value`},
		{"missing client", postmanEnvJSON("Dev", "tenantId", guid), `Postman environment "Dev": Client ID: The file has no clientId variable with a value`},
		{"placeholder", postmanEnvJSON("Dev", "tenantId", "{{tenant}}", "clientId", guid), `Postman environment "Dev": Tenant: Holds a Postman variable reference, not a value`},
		{"placeholder secret", postmanEnvJSON("Dev", "tenantId", guid, "clientId", guid, "clientSecret", "{{secret}}"), "Client secret: Holds a Postman variable reference"},
		{"common tenant", postmanEnvJSON("Dev", "tenantId", "common", "clientId", guid), `profile "Dev": Tenant: "common" means any tenant`},
		{"bad resource", postmanEnvJSON("Dev", "tenantId", guid, "clientId", guid, "resource", "management"), `profile "Dev": Resource: Expected a URI`},
		{"secret with a newline", postmanEnvJSON("Dev", "tenantId", guid, "clientId", guid, "clientSecret", "S3cret-in\nside"), "Client secret: Contains a control character"},
		{"number value", []byte(`{"name": "n", "values": [{"key": "tenantId", "value": 42}]}`), `"tenantId" should be text`},
		{"newer export", []byte(`{"aztoken": "profiles", "schema": 9, "profiles": []}`), "made by a newer aztoken (format 9; this version knows 1)"},
		{"other aztoken file", []byte(`{"aztoken": "settings", "schema": 1}`), `not an aztoken profiles export: "aztoken" is "settings"`},
		{"no profiles", []byte(`{"aztoken": "profiles", "schema": 1, "profiles": []}`), "the file holds no profiles"},
		{"invalid second profile", []byte(`{"aztoken": "profiles", "schema": 1, "profiles": [
			{"name": "good", "tenant": "` + guid + `", "clientId": "` + guid + `"},
			{"name": "bad", "tenant": "` + guid + `", "clientId": "nope"}]}`), `profile "bad": Client ID: Not a GUID`},
		{"nameless profile", []byte(`{"aztoken": "profiles", "schema": 1, "profiles": [{"tenant": "` + guid + `"}]}`), `profile "number 1": Name: Enter a name`},
		{"same name twice", []byte(`{"aztoken": "profiles", "schema": 1, "profiles": [
			{"name": "Dup", "tenant": "` + guid + `", "clientId": "` + guid + `"},
			{"name": "dup", "tenant": "` + guid + `", "clientId": "` + guid + `"}]}`), `two profiles in the file are called "dup"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			imp, err := ParseImport(c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, %+v\nwant %q", err, imp, c.want)
			}
			if imp != nil {
				t.Error("a half import was returned with the error")
			}
			if err != nil && strings.Contains(err.Error(), "S3cret") {
				t.Errorf("the error quotes the secret: %v", err)
			}
		})
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	src := newStore(t)
	a := mustSave(t, src, Profile{Name: "Gov", Tenant: guid, ClientID: guid, Cloud: "usgov",
		Subscription: guid, SecretExpires: NewDate(2026, time.June, 30), Notes: "team"})
	b := mustSave(t, src, sample("Public"))
	var buf bytes.Buffer
	if err := Export(&buf, src.List()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), string(a.ID)) || strings.Contains(buf.String(), `"id"`) {
		t.Errorf("the export holds IDs:\n%s", buf.String())
	}
	imp, err := ParseImport(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	dst := newStore(t)
	added, err := dst.ApplyImport(t.Context(), imp, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 2 {
		t.Fatalf("added %d", len(added))
	}
	for i, orig := range []Profile{a, b} {
		got := added[i]
		if got.ID == "" || got.ID == orig.ID {
			t.Errorf("%s: ID %q; want a new one", orig.Name, got.ID)
		}
		got.ID = orig.ID
		if got != orig {
			t.Errorf("got  %+v\nwant %+v", got, orig)
		}
	}
}

func TestExportFormatIsStable(t *testing.T) {
	t.Parallel()
	p := Profile{ID: "0123456789abcdef", Name: "Contoso", Tenant: "contoso.onmicrosoft.com", ClientID: guid,
		Credential: SecretCredential, Cloud: "public", Subscription: guid, SecretExpires: NewDate(2026, time.December, 31)}
	var buf bytes.Buffer
	if err := Export(&buf, []Profile{p}); err != nil {
		t.Fatal(err)
	}
	if want := string(readTestdata(t, "aztoken-export.json")); buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestImportClashesAreAskedAbout(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	existing := mustSave(t, s, sample("Contoso"))
	mustSave(t, s, sample("Fabrikam"))
	var buf bytes.Buffer
	_ = Export(&buf, []Profile{sample("contoso"), sample("New"), sample("fabrikam")})
	imp, err := ParseImport(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	clashes := s.ImportPlan(imp)
	if len(clashes) != 2 || clashes[0] != (Clash{Index: 0, Name: "contoso", Suggestion: "contoso (2)"}) || clashes[1].Index != 2 {
		t.Fatalf("plan = %+v", clashes)
	}
	before, _ := os.ReadFile(diskOf(s).path)
	// Unanswered clashes store nothing.
	_, err = s.ApplyImport(t.Context(), imp, nil, NewMemory())
	var ce *ClashError
	if !errors.As(err, &ce) || len(ce.Clashes) != 2 || err.Error() != `choose a new name or skip: already in use: "contoso", "fabrikam"` {
		t.Fatalf("got %v", err)
	}
	// A rename onto another taken name is a clash too.
	_, err = s.ApplyImport(t.Context(), imp, map[int]Decision{0: Rename("New"), 2: Skip()}, nil)
	if !errors.As(err, &ce) || len(ce.Clashes) != 1 || ce.Clashes[0].Name != "New" {
		t.Fatalf("rename onto an imported name: %v", err)
	}
	if _, err = s.ApplyImport(t.Context(), imp, map[int]Decision{0: Rename(" \n"), 2: Skip()}, nil); err == nil ||
		!strings.Contains(err.Error(), `new name for "contoso": Name: Enter a name`) {
		t.Fatalf("empty rename: %v", err)
	}
	if after, _ := os.ReadFile(diskOf(s).path); string(after) != string(before) {
		t.Fatal("a refused import changed the file")
	}
	added, err := s.ApplyImport(t.Context(), imp, map[int]Decision{0: Rename(clashes[0].Suggestion), 2: Skip()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if names(added) != "contoso (2),New" || names(s.List()) != "Contoso,contoso (2),Fabrikam,New" {
		t.Errorf("added %s, now %s", names(added), names(s.List()))
	}
	if got, _ := s.Get(existing.ID); got != existing {
		t.Error("the existing profile was overwritten")
	}
}

func TestPostmanImportStoresTheSecretAllOrNothing(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	imp, err := ParseImport(readTestdata(t, "postman-environment.json"))
	if err != nil {
		t.Fatal(err)
	}
	locked := &Keyring{backend: &fakeBackend{err: errors.New("failed to unlock correct collection")}}
	_, err = s.ApplyImport(t.Context(), imp, nil, locked)
	var ke *KeyringError
	if !errors.As(err, &ke) || !strings.Contains(err.Error(), `profile "Azure REST - Contoso dev": cannot save the secret in the keyring: the keyring is locked`) {
		t.Fatalf("got %v", err)
	}
	if len(s.List()) != 0 {
		t.Fatal("a profile was added without its secret")
	}
	if _, err := s.ApplyImport(t.Context(), imp, nil, nil); err == nil {
		t.Fatal("imported secrets with no store for them")
	}
	secrets := NewMemory()
	added, err := s.ApplyImport(t.Context(), imp, nil, secrets)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := secrets.Get(t.Context(), added[0].ID); err != nil || got != fakeSecret {
		t.Errorf("secret = %q, %v", got, err)
	}
	// A failed write takes back the secrets it stored.
	diskOf(s).write = func(io.Writer, []byte) error { return errors.New("disk full") }
	imp.Candidates[0].Profile.Name = "Again"
	secrets2 := NewMemory()
	if _, err := s.ApplyImport(t.Context(), imp, nil, secrets2); err == nil {
		t.Fatal("the failed write was not reported")
	}
	if len(secrets2.secrets) != 0 {
		t.Error("a secret outlived the failed import")
	}
}

func TestExportPostman(t *testing.T) {
	t.Parallel()
	p := Profile{Name: "Contoso dev", Tenant: guid, ClientID: guid, Subscription: guid}
	expires := time.Date(2026, time.January, 2, 3, 4, 5, 0, time.UTC)
	var withSecret, without bytes.Buffer
	if err := ExportPostman(&withSecret, p, &PostmanToken{AccessToken: "eyJ0eXAi.fake.token", ExpiresOn: expires}, fakeSecret); err != nil {
		t.Fatal(err)
	}
	if err := ExportPostman(&without, p, nil, ""); err != nil {
		t.Fatal(err)
	}
	var env struct {
		ID         string `json:"id"`
		Name       string `json:"name"`
		Scope      string `json:"_postman_variable_scope"`
		ExportedAt string `json:"_postman_exported_at"`
		Values     []struct {
			Key, Value, Type string
			Enabled          bool
		} `json:"values"`
	}
	if err := json.Unmarshal(withSecret.Bytes(), &env); err != nil {
		t.Fatal(err)
	}
	if _, err := time.Parse(time.RFC3339, env.ExportedAt); err != nil || env.Scope != "environment" || env.Name != p.Name || len(env.ID) != 36 {
		t.Errorf("header: %+v", env)
	}
	got := map[string]string{}
	for _, v := range env.Values {
		got[v.Key] = v.Value + "|" + v.Type
		if !v.Enabled {
			t.Errorf("%s is disabled", v.Key)
		}
	}
	want := map[string]string{
		"tenantId": guid + "|default", "clientId": guid + "|default", "clientSecret": fakeSecret + "|secret",
		"resource": "https://management.azure.com/|default", "subscriptionId": guid + "|default",
		"bearerToken": "eyJ0eXAi.fake.token|secret", "bearerTokenExpiresOn": "1767323045|default",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q; want %q", k, got[k], v)
		}
	}
	if strings.Contains(without.String(), "clientSecret") || strings.Contains(without.String(), fakeSecret) {
		t.Error("the secret was exported without being asked for")
	}
	// Postman's own files and ours read back the same way.
	imp, err := ParseImport(withSecret.Bytes())
	if err != nil || imp.Candidates[0].Secret != fakeSecret || imp.Candidates[0].Profile.Tenant != guid {
		t.Errorf("reimport: %v %+v", err, imp)
	}
	imp, err = ParseImport(without.Bytes())
	if err != nil || imp.Candidates[0].Secret != "" {
		t.Errorf("reimport without secret: %v", err)
	}
}

func TestExportPostmanScopeProfileGivesItsResource(t *testing.T) {
	t.Parallel()
	p := Profile{Name: "v2", Tenant: guid, ClientID: guid, Scope: "api://" + guid + "/.default"}
	var buf bytes.Buffer
	_ = ExportPostman(&buf, p, nil, tokens.ClientSecret(""))
	if !strings.Contains(buf.String(), `"value": "api://`+guid+`"`) {
		t.Errorf("resource not derived from the scope:\n%s", buf.String())
	}
}
