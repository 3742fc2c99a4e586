package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

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

// writeJSON prints v indented, for scripts and jq.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
