package cli

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// parse runs only the parsing half of a command: build makes it with a
// run function that keeps the options instead of acting on them.
func parse[T any](t *testing.T, build func(*Env, func(context.Context, *Env, *T) error) *cobra.Command, args ...string) (*T, error) {
	t.Helper()
	var got *T
	cmd := build(&Env{}, func(_ context.Context, _ *Env, o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetFlagErrorFunc(flagError)
	err := cmd.Execute()
	return got, err
}

func TestFlagsGoBeforeOrAfterTheName(t *testing.T) {
	for _, args := range [][]string{
		{"Azure REST", "--yes"},
		{"--yes", "Azure REST"},
		{"-y", "Azure REST"},
	} {
		opts, err := parse(t, newProfilesRemoveCmd, args...)
		if err != nil || opts.name != "Azure REST" || !opts.yes {
			t.Errorf("profiles rm %q: %+v, %v", args, opts, err)
		}
	}
	for _, args := range [][]string{
		{"dev", "--notes", "the team's", "--subscription", "s"},
		{"--notes", "the team's", "dev", "--subscription", "s"},
		{"--notes=the team's", "--subscription", "s", "dev"},
	} {
		opts, err := parse(t, newProfilesEditCmd, args...)
		if err != nil || opts.name != "dev" || opts.fields.notes != "the team's" || opts.fields.subscription != "s" || opts.fields.given("tenant") {
			t.Errorf("profiles edit %q: %+v, %v", args, opts, err)
		}
	}
	opts, err := parse(t, newProfilesExportCmd, "-p", "dev", "team.json", "--profile", "Azure REST")
	if err != nil || opts.file != "team.json" || !slices.Equal(opts.names, []string{"dev", "Azure REST"}) {
		t.Errorf("profiles export: %+v, %v", opts, err)
	}
}

func TestDashPAndProfileAreOneFlag(t *testing.T) {
	for _, args := range [][]string{
		{"-p", "dev"}, {"--profile", "dev"}, {"--profile=dev"}, {"--format", "json", "-p", "dev"},
	} {
		opts, err := parse(t, newTokenCmd, args...)
		if err != nil || opts.sel.name != "dev" {
			t.Errorf("token %q: %+v, %v", args, opts, err)
		}
	}
}

func TestFormatIsCheckedWhenParsed(t *testing.T) {
	opts, err := parse(t, newTokenCmd, "-p", "dev", "--format", "HEADER")
	if err != nil || opts.format.value != "header" {
		t.Errorf("--format HEADER: %+v, %v", opts, err)
	}
	if _, err := parse(t, newTokenCmd, "-p", "dev", "--format", "table"); err == nil || exitCode(err) != ExitUsage ||
		!strings.Contains(err.Error(), "use raw, header, json or env") {
		t.Errorf("token --format table: %v", err)
	}
	if _, err := parse(t, newProfilesListCmd, "--format", "env"); err == nil || !strings.Contains(err.Error(), "use table or json") {
		t.Errorf("profiles list --format env: %v", err)
	}
}

func TestArgumentCountErrorsNameTheCommand(t *testing.T) {
	w := newWorld(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"profiles", "rm"}, "profiles rm: name one profile, for example 'aztoken profiles rm dev'"},
		{[]string{"profiles", "rm", "a", "b", "--yes"}, "profiles rm: name one profile, for example 'aztoken profiles rm dev'"},
		{[]string{"profiles", "show"}, "profiles show: name one profile, for example 'aztoken profiles show dev'"},
		{[]string{"profiles", "edit", "--notes", "x"}, "profiles edit: name one profile"},
		{[]string{"profiles", "import"}, "profiles import: name one file"},
		{[]string{"profiles", "export", "a.json", "b.json"}, "profiles export: name one output file"},
		{[]string{"token", "dev"}, `token: unexpected argument "dev"`},
		{[]string{"profiles", "frobnicate"}, `profiles: unknown subcommand "frobnicate"`},
	}
	for _, tt := range tests {
		code, stdout, stderr := w.run("", tt.args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q, stdout %q", tt.args, code, stderr, stdout)
		}
	}
}

func TestAProfileWithASpaceIsRemovedWithYesAfterItsName(t *testing.T) {
	w := newWorld(t)
	w.addProfile("Azure REST", "11111111-2222-3333-4444-555555555555", "s3cret-value")
	code, _, stderr := w.run("", "profiles", "rm", "Azure REST", "--yes")
	if code != ExitOK || !strings.Contains(stderr, "Deleted profile Azure REST") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if store, _ := w.env.OpenStore(); len(store.List()) != 0 {
		t.Error("the profile is still there")
	}
}

func TestUsageErrorsAreJSONWithFormatJSON(t *testing.T) {
	w := newWorld(t)
	code, stdout, stderr := w.run("", "profiles", "show", "--format", "json")
	if code != ExitUsage || stdout != "" || !strings.HasPrefix(stderr, "{") || !strings.Contains(stderr, `"exitCode": 2`) ||
		!strings.Contains(stderr, "profiles show: name one profile") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
}

func TestALongFlagWithOneDashIsNamed(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	code, _, stderr := w.run("", "token", "-profile", "dev")
	if code != ExitUsage || !strings.Contains(stderr, "aztoken token: -profile is not a flag: long flags take two dashes, --profile") {
		t.Errorf("-profile: exit %d: %s", code, stderr)
	}
	if code, _, stderr := w.run("", "token", "-p", "dev", "-format=header"); code != ExitUsage || !strings.Contains(stderr, "--format") {
		t.Errorf("-format=header: exit %d: %s", code, stderr)
	}
	// A value that starts with a dash belongs to its flag.
	if code, _, stderr := w.run("", "token", "--profile", "-profile"); strings.Contains(stderr, "two dashes") {
		t.Errorf("a flag's value was taken for a flag: exit %d: %s", code, stderr)
	}
}
