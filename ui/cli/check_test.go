package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// expiresIn records a secret expiry days from today on a profile.
func (w *world) expiresIn(name string, days int) {
	w.t.Helper()
	date := time.Now().AddDate(0, 0, days).Format(time.DateOnly)
	if code, _, stderr := w.run("", "profiles", "edit", name, "--secret-expires", date); code != ExitOK {
		w.t.Fatalf("profiles edit: exit %d: %s", code, stderr)
	}
}

func TestCheckAllGreen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.expiresIn("dev", 180)
	code, stdout, stderr := w.run("", "check", "-p", "dev")
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %s\n%s", code, stderr, stdout)
	}
	if n := strings.Count(stdout, "\n✓ "); n != 7 || strings.ContainsAny(stdout, "✗⚠–") {
		t.Errorf("%d steps passed, want 7:\n%s", n, stdout)
	}
	if strings.Contains(stdout, emulator.SampleSecret) || strings.Contains(stdout, "eyJ") {
		t.Errorf("the checklist leaks the secret or the token:\n%s", stdout)
	}
}

// TestCheckExitCodes: the code is the first failure's kind; warnings alone
// still exit 0.
func TestCheckExitCodes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.addProfile("no-role", emulator.SampleNoRoleApp, emulator.SampleSecret)
	w.addProfile("wrong-secret", emulator.SampleApp, emulator.SampleSecretID)
	w.addProfile("expired", emulator.SampleApp, emulator.SampleSecret)
	w.expiresIn("expired", -3)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"expiry unknown is a warning", []string{"-p", "dev"}, ExitOK, "⚠ 7.", ""},
		{"no role", []string{"-p", "no-role"}, ExitARM, "✗ 6. The app can read", "Access control (IAM)"},
		{"wrong secret", []string{"-p", "wrong-secret"}, ExitCredential, "✗ 2.", "is a Secret ID, a GUID"},
		{"another tenant's subscription", []string{"-p", "dev", "--subscription", emulator.SampleOtherSub}, ExitARM,
			"✗ 4.", "Set the profile's tenant to " + emulator.SampleOtherTenant},
		{"expired secret", []string{"-p", "expired"}, ExitCredential, "expired on", "create a new client secret"},
		{"bad subscription", []string{"-p", "dev", "--subscription", "nope"}, ExitUsage, "", "Subscription"},
		{"bad format", []string{"-p", "dev", "--format", "yaml"}, ExitUsage, "", "unknown format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := w.run("", append([]string{"check"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
		})
	}
}

func TestCheckAsJSON(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("no-role", emulator.SampleNoRoleApp, emulator.SampleSecret)
	code, stdout, _ := w.run("", "check", "-p", "no-role", "--format", "json")
	var got struct {
		OK           bool
		Tenant       string
		Subscription string
		Steps        []struct{ Title, Status, Detail, Fix string }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if code != ExitARM || got.OK || got.Tenant != emulator.SampleTenant || got.Subscription != emulator.SampleSubscription || len(got.Steps) != 7 {
		t.Fatalf("exit %d, %+v", code, got)
	}
	want := []string{"pass", "pass", "pass", "pass", "warn", "fail", "warn"}
	for i, s := range got.Steps {
		if s.Status != want[i] || s.Title == "" {
			t.Errorf("step %d: %+v, want %s", i+1, s, want[i])
		}
	}
	if !strings.Contains(got.Steps[5].Fix, "Access control (IAM)") {
		t.Errorf("fix = %q", got.Steps[5].Fix)
	}
}
