package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/ui/version"
)

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
		}{version.Release, version.Commit()})
	}
	fmt.Fprintln(env.Stdout, version.Line())
	return nil
}
