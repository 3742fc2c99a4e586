package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/aztoken/aztoken/tokens"
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

// format is a --format flag that accepts only the values its command can
// print, so a typo fails before any work and completion offers the rest.
type format struct {
	value   string
	allowed []string
}

func (f *format) String() string { return f.value }

// Type names the value in the flag's help line.
func (f *format) Type() string { return "format" }

// Set accepts one of the allowed values, in any case.
func (f *format) Set(v string) error {
	v = strings.ToLower(v)
	if !slices.Contains(f.allowed, v) {
		return fmt.Errorf("unknown format %q; use %s", v, orList(f.allowed))
	}
	f.value = v
	return nil
}

// addFormat gives cmd a --format flag with its values, def first.
func addFormat(cmd *cobra.Command, def string, allowed ...string) *format {
	f := &format{value: def, allowed: allowed}
	cmd.Flags().Var(f, "format", "output format: "+orList(allowed))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
	return f
}

// orList writes "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// cloudNames are the values of --cloud, offered by completion.
func cloudNames() []string {
	var names []string
	for _, c := range tokens.BuiltinClouds() {
		names = append(names, c.Name)
	}
	return append(names, tokens.CustomCloud)
}

// completeProfileNames offers the names in the profiles file. It reads
// only the file: completion must never wake the keyring with a prompt.
func completeProfileNames(env *Env, toComplete string) ([]string, cobra.ShellCompDirective) {
	store, err := env.OpenStore()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, p := range store.List() {
		if strings.HasPrefix(strings.ToLower(p.Name), strings.ToLower(toComplete)) {
			names = append(names, p.Name)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// profileArgCompletion completes a command's one profile-name argument.
func profileArgCompletion(env *Env) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completeProfileNames(env, toComplete)
	}
}

// completeProfileFlag makes -p/--profile complete profile names.
func completeProfileFlag(cmd *cobra.Command, env *Env) {
	_ = cmd.RegisterFlagCompletionFunc("profile", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return completeProfileNames(env, toComplete)
	})
}

// changed reports whether the command line gave the flag.
func changed(fs *pflag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return f != nil && f.Changed
}

// confirm asks before a command destroys something, unless --yes said so
// already. Without a terminal to ask on it refuses: a script must say
// --yes rather than hang on a prompt nobody sees.
func confirm(env *Env, yes bool, command, question string) error {
	if yes {
		return nil
	}
	if env.ReadPassword == nil {
		return usageErrorf("%s: no terminal to ask whether to %s; add --yes to confirm", command, question)
	}
	fmt.Fprintf(env.Stderr, "%s%s? [y/N] ", strings.ToUpper(question[:1]), question[1:])
	answer, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
		return errNotConfirmed
	}
	return nil
}

// errNotConfirmed ends a destructive command the user said no to.
var errNotConfirmed = errors.New("not confirmed, so nothing was changed")

// writeJSON prints v indented, for scripts and jq.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
