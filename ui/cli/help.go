package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// unknownCommand refuses a first word that is no command, with the
// commands it may be a typo of.
func unknownCommand(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if near := c.SuggestionsFor(args[0]); len(near) > 0 {
		msg += "; did you mean " + orList(near) + "?"
	}
	return usageErrorf("%s", msg)
}

// newHelpCmd is `aztoken help [COMMAND]`, which, unlike cobra's own, fails
// with a usage error on a command that does not exist.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "show help for a command",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, sub := range c.Root().Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, sub.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 || (target == c.Root() && len(args) > 0) {
				return usageErrorf("help: no command %q; run 'aztoken help'", strings.Join(args, " "))
			}
			return target.Help()
		},
	}
}

// useLinesAsWritten keeps cobra from appending "[flags]" to usage lines
// that already show the flags that matter.
func useLinesAsWritten(c *cobra.Command) {
	c.DisableFlagsInUseLine = true
	for _, sub := range c.Commands() {
		useLinesAsWritten(sub)
	}
}

// helpTemplate puts the usage line first, as aztoken's help always did,
// then the description, the subcommands, the examples and the flags,
// its own first.
const helpTemplate = `Usage: {{.UseLine}}
{{with .Long}}
{{. | trimTrailingWhitespaces}}
{{end}}{{if .HasAvailableSubCommands}}
Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding}} {{.Short}}{{end}}{{end}}
{{end}}{{if .HasExample}}
Examples:
{{.Example}}
{{end}}{{if .HasAvailableLocalFlags}}
Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}
{{end}}{{if .HasAvailableInheritedFlags}}
Flags of every command:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}
{{end}}{{if .HasAvailableSubCommands}}
Run '{{.CommandPath}} COMMAND -h' for a command's flags and examples.
{{end}}`
