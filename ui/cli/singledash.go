package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// singleDashFlag finds a long flag written with one dash, as Go's flag
// package accepted ("-profile dev"). pflag reads that as -p with the value
// "rofile" and the user would be told no such profile exists; name the
// real mistake instead. Values of flags are skipped, so "--name -dev" is
// left alone.
func singleDashFlag(root *cobra.Command, args []string) error {
	cmd, _, err := root.Find(args)
	if err != nil || cmd == nil {
		return nil
	}
	lookup := func(name string) *pflag.Flag {
		if f := cmd.Flags().Lookup(name); f != nil {
			return f
		}
		return cmd.InheritedFlags().Lookup(name)
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return nil
		}
		if strings.HasPrefix(a, "--") {
			if f := lookup(strings.TrimPrefix(a, "--")); f != nil && f.NoOptDefVal == "" {
				i++ // its value, which may start with a dash
			}
			continue
		}
		if !strings.HasPrefix(a, "-") || len(a) < 3 {
			continue
		}
		name, _, _ := strings.Cut(a[1:], "=")
		if f := lookup(name); f != nil && len(name) > 1 {
			return usageErrorf("%s: %s is not a flag: long flags take two dashes, --%s", cmd.CommandPath(), a, name)
		}
	}
	return nil
}
