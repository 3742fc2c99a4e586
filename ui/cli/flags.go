package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError turns pflag's complaint about a flag into a usage error that
// names the command. An unknown flag keeps the words of Go's flag package,
// which aztoken used before and scripts may match.
func flagError(c *cobra.Command, err error) error {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "unknown flag: "); ok {
		msg = "flag provided but not defined: " + rest
	} else if rest, ok := strings.CutPrefix(msg, "unknown shorthand flag: "); ok {
		msg = "flag provided but not defined: " + rest
	}
	if c == c.Root() {
		return usageErrorf("%s", msg)
	}
	return usageErrorf("%s: %s", commandName(c), msg)
}

// commandName is the command as errors name it, after report's
// "aztoken:": "profiles rm".
func commandName(c *cobra.Command) string {
	return strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
}

// noArgs refuses positional arguments a command does not take.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s: unexpected argument %q", commandName(c), args[0])
	}
	return nil
}

// oneArg requires exactly one positional argument, saying what it is with
// an example of the command itself.
func oneArg(what, example string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usageErrorf("%s: name one %s, for example '%s %s'", commandName(c), what, c.CommandPath(), example)
		}
		return nil
	}
}

// changed reports whether the command line gave the flag.
func changed(fs *pflag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return f != nil && f.Changed
}
