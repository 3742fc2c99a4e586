package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestTokenInEveryFormat(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)

	code, raw, stderr := w.run("", "token", "-p", "dev")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	token := strings.TrimSpace(raw)
	if _, err := tokens.DecodeJWT(token); err != nil {
		t.Fatalf("raw output is not a token: %q", raw)
	}

	_, header, _ := w.run("", "token", "-p", "dev", "--format", "header")
	if !strings.HasPrefix(header, "Authorization: Bearer eyJ") || strings.Count(header, "\n") != 1 {
		t.Errorf("header = %q", header)
	}

	_, js, _ := w.run("", "token", "-p", "DEV", "--format=json")
	var got map[string]any
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatalf("json output: %v\n%s", err, js)
	}
	expires, err := time.Parse(time.RFC3339, got["expiresOn"].(string))
	if err != nil || time.Until(expires) < 59*time.Minute {
		t.Errorf("expiresOn = %v", got["expiresOn"])
	}
	if got["tokenType"] != "Bearer" || got["tenant"] != emulator.SampleTenant || got["resource"] != "https://management.azure.com/" ||
		got["expires_on"].(float64) != float64(expires.Unix()) || !strings.HasPrefix(got["accessToken"].(string), "eyJ") {
		t.Errorf("json = %v", got)
	}

	_, env, _ := w.run("", "token", "-p", "dev", "--format", "env")
	lines := strings.Split(strings.TrimSpace(env), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "export bearerToken='eyJ") || !strings.HasPrefix(lines[1], "export bearerTokenExpiresOn=1") {
		t.Errorf("env = %q", env)
	}
}

func TestCopyPutsTheHeaderOnTheClipboard(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	code, stdout, stderr := w.run("", "copy", "-p", "dev")
	got, _ := w.clipboard.ReadAll()
	if code != ExitOK || !strings.HasPrefix(got, "Authorization: Bearer eyJ") || strings.ContainsAny(got, "\r\n") {
		t.Fatalf("exit %d, clipboard %q, stderr %s", code, got, stderr)
	}
	if stdout != "" || !strings.Contains(stderr, "Copied the Authorization header for dev") {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
	w.run("", "copy", "-p", "dev", "--raw")
	if raw, _ := w.clipboard.ReadAll(); !strings.HasPrefix(raw, "eyJ") {
		t.Errorf("--raw copied %q", raw)
	}
}

func TestExitCodesTellWhatWentWrong(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.addProfile("wrong-secret", emulator.SampleApp, emulator.SampleSecretID)
	w.addProfile("no-role", emulator.SampleNoRoleApp, emulator.SampleSecret)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown command", []string{"tokne"}, ExitUsage, "unknown command"},
		{"bad flag", []string{"token", "-p", "dev", "--colour"}, ExitUsage, "flag provided but not defined"},
		{"bad format", []string{"token", "-p", "dev", "--format", "yaml"}, ExitUsage, "unknown format"},
		{"no profile named", []string{"token"}, ExitUsage, "-p NAME"},
		{"unknown profile", []string{"token", "-p", "prod"}, ExitUsage, `no profile named "prod"`},
		{"wrong secret", []string{"token", "-p", "wrong-secret"}, ExitCredential, "is a Secret ID, a GUID"},
		{"no role", []string{"test", "-p", "no-role"}, ExitARM, "Access control (IAM)"},
		{"bad subscription", []string{"test", "-p", "dev", "--subscription", "nope"}, ExitUsage, "Subscription"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := w.run("", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want %d), stderr:\n%s", code, tt.code, stderr)
			}
		})
	}
}

func TestNetworkFailureExitCode(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.srv.Close()
	code, _, stderr := w.run("", "token", "-p", "dev")
	if code != ExitNetwork || !strings.Contains(stderr, "refused the connection") || !strings.Contains(stderr, "fix:") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
}

func TestErrorsAsJSON(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("wrong-secret", emulator.SampleApp, emulator.SampleSecretID)
	code, stdout, stderr := w.run("", "token", "-p", "wrong-secret", "--format", "json")
	var got struct {
		Error struct {
			Message, Fix, TraceID string
			AADSTS                int
			ExitCode              int
		}
	}
	if err := json.Unmarshal([]byte(stderr), &got); err != nil {
		t.Fatalf("stderr is not JSON: %v\n%s", err, stderr)
	}
	if code != ExitCredential || stdout != "" || got.Error.AADSTS != 7000215 || got.Error.TraceID == "" ||
		!strings.Contains(got.Error.Fix, "Value") || got.Error.ExitCode != ExitCredential {
		t.Errorf("exit %d, error %+v", code, got.Error)
	}
}

func TestResourceGroupsAsATable(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	code, stdout, stderr := w.run("", "test", "-p", "dev")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"NAME", "LOCATION", "rg-app", "westeurope", "Deleting", "managedClusters/aks"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "HTTP 200") || !strings.Contains(stderr, "x-ms-request-id") {
		t.Errorf("stderr = %s", stderr)
	}
}

func TestEnvProfileUsesAzureSDKVariables(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	vars := map[string]string{
		"AZURE_TENANT_ID": emulator.SampleTenant, "AZURE_CLIENT_ID": emulator.SampleApp,
		"AZURE_CLIENT_SECRET": emulator.SampleSecret, "AZURE_AUTHORITY_HOST": w.srv.URL(),
	}
	w.env.Getenv = func(k string) string { return vars[k] }
	code, stdout, stderr := w.run("", "token", "--env")
	if code != ExitOK || !strings.HasPrefix(stdout, "eyJ") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	delete(vars, "AZURE_CLIENT_SECRET")
	if code, _, stderr := w.run("", "token", "--env"); code != ExitUsage || !strings.Contains(stderr, "AZURE_CLIENT_SECRET") {
		t.Errorf("without a secret: exit %d, %s", code, stderr)
	}
}

func TestProfilesLifecycle(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)

	_, list, _ := w.run("", "profiles", "list")
	if !strings.Contains(list, "dev") || !strings.Contains(list, emulator.SampleTenant) {
		t.Errorf("list:\n%s", list)
	}
	code, _, stderr := w.run("", "profiles", "edit", "dev", "--name", "staging", "--secret-expires", "2027-01-31")
	if code != ExitOK {
		t.Fatalf("edit: %d %s", code, stderr)
	}
	_, show, _ := w.run("", "profiles", "show", "staging")
	if !strings.Contains(show, "2027-01-31") || !strings.Contains(show, "Qm8••••••") || strings.Contains(show, emulator.SampleSecret) {
		t.Errorf("show:\n%s", show)
	}
	if code, _, stderr := w.run("", "profiles", "edit", "staging", "--secret-expires", "31/01/2027"); code != ExitUsage || !strings.Contains(stderr, "YYYY-MM-DD") {
		t.Errorf("bad date: %d %s", code, stderr)
	}
	store, _ := w.env.OpenStore()
	p, _ := store.ByName("staging")
	if code, _, _ := w.run("", "profiles", "rm", "staging", "--yes"); code != ExitOK {
		t.Fatal("rm failed")
	}
	if _, err := w.secrets.Get(context.Background(), p.ID); err != profiles.ErrSecretNotFound {
		t.Errorf("secret survived its profile: %v", err)
	}
}

func TestAddRefusesBadFieldsAndSavesNothing(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	code, _, stderr := w.run("s3cret\n", "profiles", "add", "--name", "x", "--tenant", "common", "--client-id", emulator.SampleApp, "--secret-stdin")
	if code != ExitUsage || !strings.Contains(strings.ToLower(stderr), "tenant") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(w.dir, "profiles.json")); !os.IsNotExist(err) {
		t.Error("a profiles file was written for an invalid profile")
	}
	code, _, stderr = w.run("", "profiles", "add", "--name", "x", "--tenant", emulator.SampleTenant, "--client-id", emulator.SampleApp)
	if code != ExitUsage || !strings.Contains(stderr, "--secret-stdin") {
		t.Errorf("no terminal and no --secret-stdin: exit %d: %s", code, stderr)
	}
}

func TestSecretLookingLikeAnIDIsWarnedAbout(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	code, _, stderr := w.run(emulator.SampleSecretID+"\n", "profiles", "add", "--name", "x", "--tenant", emulator.SampleTenant, "--client-id", emulator.SampleApp, "--secret-stdin")
	if code != ExitOK || !strings.Contains(stderr, "warning:") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, args := range [][]string{{"-h"}, {"help"}, {"help", "token"}, {"token", "-h"}, {"copy", "--help"}, {"test", "-h"}, {"profiles", "-h"}, {"profiles", "add", "-h"}, {"profiles", "import", "-h"}, {"profiles", "export", "-h"}, {"version", "-h"}} {
		code, stdout, _ := w.run("", args...)
		if code != ExitOK || !strings.Contains(stdout, "Usage") && !strings.Contains(stdout, "aztoken") {
			t.Errorf("%v: exit %d\n%s", args, code, stdout)
		}
	}
	_, stdout, _ := w.run("", "token", "-h")
	if strings.Count(stdout, "Usage:") != 1 {
		t.Errorf("help printed %d times", strings.Count(stdout, "Usage:"))
	}
	if !strings.Contains(stdout, "Examples:") || !strings.Contains(stdout, "--format") && !strings.Contains(stdout, "-format") {
		t.Errorf("token help:\n%s", stdout)
	}
}

func TestExportAndImportRoundTrip(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	file := filepath.Join(t.TempDir(), "team.json")
	if code, _, stderr := w.run("", "profiles", "export", file); code != ExitOK {
		t.Fatalf("export: %s", stderr)
	}
	data, _ := os.ReadFile(file)
	if strings.Contains(string(data), emulator.SampleSecret) {
		t.Fatal("the export holds the secret")
	}
	// Importing into the same store clashes; without a terminal the user
	// must say what to do, and nothing is overwritten.
	if code, _, stderr := w.run("", "profiles", "import", file); code != ExitUsage || !strings.Contains(stderr, "--on-clash") {
		t.Fatalf("clash without a decision: %d %s", code, stderr)
	}
	if code, _, stderr := w.run("", "profiles", "import", file, "--on-clash", "rename"); code != ExitOK {
		t.Fatalf("import: %s", stderr)
	}
	store, _ := w.env.OpenStore()
	if n := len(store.List()); n != 2 {
		t.Errorf("%d profiles after a renaming import, want 2", n)
	}
}

func TestPostmanExportHasTheRecipesVariables(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	file := filepath.Join(t.TempDir(), "dev.postman_environment.json")
	if code, _, stderr := w.run("", "profiles", "export", file, "--postman", "-p", "dev", "--with-token"); code != ExitOK {
		t.Fatalf("export: %s", stderr)
	}
	data, _ := os.ReadFile(file)
	var env struct {
		Values []struct{ Key, Value string }
	}
	json.Unmarshal(data, &env)
	vars := map[string]string{}
	for _, v := range env.Values {
		vars[v.Key] = v.Value
	}
	if vars["tenantId"] != emulator.SampleTenant || !strings.HasPrefix(vars["bearerToken"], "eyJ") || vars["bearerTokenExpiresOn"] == "" {
		t.Errorf("variables = %v", vars)
	}
	if strings.Contains(string(data), emulator.SampleSecret) {
		t.Error("the secret was exported without --include-secret")
	}
}

func TestFailedEditKeepsTheOldSecret(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.addProfile("prod", emulator.SampleApp, emulator.SampleSecret)
	// Renaming dev to a taken name fails; the new secret must not stay.
	code, _, stderr := w.run("brand-new-secret-value\n", "profiles", "edit", "dev", "--name", "prod", "--secret-stdin")
	if code != ExitUsage {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	store, _ := w.env.OpenStore()
	dev, _ := store.ByName("dev")
	if got, _ := w.secrets.Get(context.Background(), dev.ID); got != emulator.SampleSecret {
		t.Errorf("after a failed edit the keyring holds %q", got)
	}
}

func TestSecretFromStdinIsChecked(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	code, _, stderr := w.run("bad\x01secret\n", "profiles", "add", "--name", "x", "--tenant", emulator.SampleTenant, "--client-id", emulator.SampleApp, "--secret-stdin")
	if code != ExitUsage || strings.Contains(stderr, "bad\x01secret") {
		t.Errorf("a control character was accepted: exit %d, %q", code, stderr)
	}
}
