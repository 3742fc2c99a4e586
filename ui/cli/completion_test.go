package cli

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestCompletionScriptForEveryShell(t *testing.T) {
	w := newWorld(t)
	for shell, marker := range map[string]string{
		"bash":       "complete -o default -F __start_aztoken aztoken",
		"zsh":        "#compdef aztoken",
		"fish":       "complete -c aztoken",
		"powershell": "Register-ArgumentCompleter -CommandName 'aztoken'",
	} {
		code, stdout, stderr := w.run("", "completion", shell)
		if code != ExitOK || !strings.Contains(stdout, marker) || stderr != "" {
			t.Errorf("completion %s: exit %d, no %q in %d bytes; stderr %s", shell, code, marker, len(stdout), stderr)
		}
	}
	if code, _, stderr := w.run("", "completion", "tcsh"); code != ExitUsage {
		t.Errorf("completion tcsh: exit %d: %s", code, stderr)
	}
}

// keyringTripwire fails the test when anything touches the keyring.
type keyringTripwire struct{ t *testing.T }

func (k keyringTripwire) Get(context.Context, profiles.ID) (string, error) {
	k.t.Error("completion read the keyring")
	return "", profiles.ErrSecretNotFound
}
func (k keyringTripwire) Set(context.Context, profiles.ID, string) error {
	k.t.Error("completion wrote the keyring")
	return nil
}
func (k keyringTripwire) Delete(context.Context, profiles.ID) error {
	k.t.Error("completion deleted from the keyring")
	return nil
}

// complete asks the command line what a shell would offer after args,
// as the completion scripts do, and returns the offers without their
// descriptions.
func (w *world) complete(args ...string) []string {
	w.t.Helper()
	code, stdout, stderr := w.run("", append([]string{"__complete"}, args...)...)
	if code != ExitOK {
		w.t.Fatalf("__complete %q: exit %d: %s", args, code, stderr)
	}
	var offers []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if line == "" || strings.HasPrefix(line, ":") {
			continue // the directive for the shell
		}
		name, _, _ := strings.Cut(line, "\t")
		offers = append(offers, name)
	}
	return offers
}

func TestCompletionOffersProfilesFormatsAndClouds(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.addProfile("Azure REST", emulator.SampleApp, emulator.SampleSecret)
	w.env.Secrets = keyringTripwire{t}

	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"token", "-p", ""}, []string{"Azure REST", "dev"}},
		{[]string{"token", "--profile", "d"}, []string{"dev"}},
		{[]string{"test", "--format", "json", "-p", "az"}, []string{"Azure REST"}},
		{[]string{"profiles", "rm", ""}, []string{"Azure REST", "dev"}},
		{[]string{"profiles", "show", "--format", "json", ""}, []string{"Azure REST", "dev"}},
		{[]string{"profiles", "export", "team.json", "-p", ""}, []string{"Azure REST", "dev"}},
		{[]string{"token", "--format", ""}, []string{"raw", "header", "json", "env"}},
		{[]string{"profiles", "list", "--format", ""}, []string{"table", "json"}},
		{[]string{"profiles", "add", "--cloud", ""}, []string{"public", "usgov", "china", "custom"}},
		{[]string{"profiles", "edit", "dev", "--cloud", "u"}, []string{"public", "usgov", "china", "custom"}},
		{[]string{"prof"}, []string{"profiles"}},
		{[]string{"profiles", "r"}, []string{"rm"}},
	}
	for _, tt := range tests {
		got := w.complete(tt.args...)
		for _, want := range tt.want {
			if !slices.Contains(got, want) {
				t.Errorf("%q offers %q, without %q", tt.args, got, want)
			}
		}
	}
	if got := w.complete("token", "--"); !slices.Contains(got, "--profile") || !slices.Contains(got, "--format") {
		t.Errorf("token's flags: %q", got)
	}
	if got := w.complete("profiles", "rm", "dev", ""); len(got) != 0 {
		t.Errorf("rm takes one name, yet offers %q after it", got)
	}
}
