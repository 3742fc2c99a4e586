package cli

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is aztoken's release, the same as FyneApp.toml's (a test keeps
// the two equal, so packages and `aztoken version` agree).
const Version = "0.1.0"

// commit is set by the Makefile with -ldflags "-X …/ui/cli.commit=abc1234";
// otherwise Commit falls back to what the Go toolchain stamped.
var commit string

// Commit names the source the binary was built from: the Makefile's value,
// or the VCS revision Go records when building in a git checkout (with
// "+dirty" for uncommitted changes); "unknown" when neither is there.
func Commit() string {
	if commit != "" {
		return commit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 7:
			rev = s.Value[:7]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "+dirty"
		}
	}
	if rev == "" {
		return "unknown"
	}
	return rev + dirty
}

// VersionLine is what `aztoken version` and the About dialog say.
func VersionLine() string {
	return "aztoken " + Version + " (commit " + Commit() + ")"
}

func newVersionCmd(env *Env, run func(context.Context, *Env, *versionOptions) error) *cobra.Command {
	opts := &versionOptions{}
	cmd := &cobra.Command{
		Use:   "version [--format table|json]",
		Short: "print aztoken's version",
		Long:  "Print aztoken's version and the commit it was built from.",
		Args:  noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return run(c.Context(), env, opts)
		},
	}
	opts.format = addFormat(cmd, "table", "table", "json")
	return cmd
}

// versionOptions are version's flags.
type versionOptions struct{ format *format }

func runVersion(_ context.Context, env *Env, opts *versionOptions) error {
	if opts.format.value == "json" {
		return writeJSON(env.Stdout, struct {
			Version string `json:"version"`
			Commit  string `json:"commit"`
		}{Version, Commit()})
	}
	fmt.Fprintln(env.Stdout, VersionLine())
	return nil
}
