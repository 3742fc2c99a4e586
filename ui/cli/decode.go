package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// decodeOptions are decode's flags and its optional token argument.
type decodeOptions struct {
	args          []string
	fromClipboard bool
	expectAud     string
	format        *format
}

func newDecodeCmd(env *Env, run func(context.Context, *Env, *decodeOptions) error) *cobra.Command {
	opts := &decodeOptions{}
	cmd := &cobra.Command{
		Use:   "decode [TOKEN | -] [--clipboard] [--expect-aud API] [--format table|json]",
		Short: "decode any access token offline and say what is wrong with it",
		Long: `Decode any access token offline and say what is wrong with it: expired or
not yet valid, app or user token, which tenant and cloud issued it, which
API it is for, which roles or scopes it carries, and which profile it came
from. Nothing is sent anywhere; the signature is not checked.

The token may be bare, "Bearer …" or a whole "Authorization: Bearer …"
header. Give it on stdin or with --clipboard rather than as an argument,
which other users of this computer can see in the process list.
Exit code 0 when the token has no problem, 1 when it has one.`,
		Example: `  aztoken token -p dev | aztoken decode
  aztoken decode --clipboard --expect-aud https://management.azure.com/
  pbpaste | aztoken decode --format json`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("%s: give one token, not %d arguments", commandName(c), len(args))
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(c *cobra.Command, args []string) error {
			opts.args = args
			return run(c.Context(), env, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.fromClipboard, "clipboard", false, "read the token from the clipboard")
	cmd.Flags().StringVar(&opts.expectAud, "expect-aud", "", "the `API` (resource or scope) the token should be for")
	opts.format = addFormat(cmd, "table", "table", "json")
	return cmd
}

func runDecode(_ context.Context, env *Env, opts *decodeOptions) error {
	text, err := tokenInput(env, opts.args, opts.fromClipboard)
	if err != nil {
		return err
	}
	j, err := tokens.ReadTokenText(text)
	if err != nil {
		return err
	}
	now := time.Now()
	findings := tokens.Judge(j, now, tokens.Expectation{Audience: opts.expectAud})
	var from []string
	if store, err := env.OpenStore(); err == nil {
		for _, p := range profiles.IssuedTo(store.List(), j.Claims) {
			from = append(from, p.Name)
		}
	}
	if opts.format.value == "json" {
		err = writeDecodedJSON(env.Stdout, j, findings, from)
	} else {
		writeDecoded(env.Stdout, j, findings, from, now)
	}
	if err != nil {
		return err
	}
	return problemsIn(findings)
}

// tokenInput reads the token from the argument, the clipboard or stdin.
func tokenInput(env *Env, args []string, fromClipboard bool) (string, error) {
	switch {
	case len(args) > 1:
		return "", usageErrorf("decode: give one token, not %d arguments", len(args))
	case fromClipboard && len(args) == 1:
		return "", usageErrorf("decode: give the token as an argument or with --clipboard, not both")
	case fromClipboard:
		return env.Clipboard.ReadAll()
	case len(args) == 1 && args[0] != "-":
		return args[0], nil
	case len(args) == 0 && env.ReadPassword != nil:
		// stdin is a terminal: nobody is about to pipe a token in.
		return "", usageErrorf("decode: give the token on stdin (aztoken token -p NAME | aztoken decode), with --clipboard, or as an argument")
	}
	b, err := io.ReadAll(io.LimitReader(env.Stdin, tokens.MaxTokenText+1))
	return string(b), err
}

// decodeProblems ends decode with exit code 1 when the token has a
// problem; the verdict above has already said which.
type decodeProblems int

func (n decodeProblems) Error() string {
	if n == 1 {
		return "the token has a problem (see the verdict)"
	}
	return fmt.Sprintf("the token has %d problems (see the verdict)", int(n))
}

// ExitCode makes a token with problems exit 1, like a failed check.
func (decodeProblems) ExitCode() int { return ExitFailure }

func problemsIn(fs []tokens.Finding) error {
	n := 0
	for _, f := range fs {
		if f.Severity == tokens.Problem {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return decodeProblems(n)
}

// timeClaims are shown with the date and time they stand for.
var timeClaims = []string{"iat", "nbf", "exp", "auth_time", "xms_tcdt"}

func writeDecoded(w io.Writer, j tokens.JWT, findings []tokens.Finding, from []string, now time.Time) {
	fmt.Fprintln(w, "Header")
	for _, k := range slices.Sorted(maps.Keys(j.Header)) {
		fmt.Fprintf(w, "  %-16s %s\n", shown(k), shown(fmt.Sprint(j.Header[k])))
	}
	fmt.Fprintln(w, "Claims")
	for _, k := range slices.Sorted(maps.Keys(j.Raw)) {
		value := claimText(j.Raw[k])
		if n, err := strconv.ParseInt(value, 10, 64); err == nil && slices.Contains(timeClaims, k) {
			value = fmt.Sprintf("%d  %s", n, tokens.LocalAndUTC(time.Unix(n, 0), now))
		}
		fmt.Fprintf(w, "  %-16s %s\n", shown(k), shown(value))
	}
	fmt.Fprintln(w, "Verdict")
	for _, f := range findings {
		fmt.Fprintf(w, "  %-8s %s\n", f.Severity, shown(f.Text))
	}
	if len(from) > 0 {
		fmt.Fprintf(w, "  %-8s It came from profile %s (same client ID and tenant).\n", tokens.Note, shown(strings.Join(from, ", ")))
	}
}

func writeDecodedJSON(w io.Writer, j tokens.JWT, findings []tokens.Finding, from []string) error {
	type finding struct {
		Severity string `json:"severity"`
		Topic    string `json:"topic"`
		Text     string `json:"text"`
	}
	out := struct {
		Header   map[string]any             `json:"header"`
		Claims   map[string]json.RawMessage `json:"claims"`
		Findings []finding                  `json:"findings"`
		Profiles []string                   `json:"profiles"`
	}{Header: j.Header, Claims: j.Raw, Profiles: from}
	if out.Profiles == nil {
		out.Profiles = []string{}
	}
	for _, f := range findings {
		out.Findings = append(out.Findings, finding{f.Severity.String(), f.Topic, f.Text})
	}
	return writeJSON(w, out)
}

// claimText shows a string claim bare and anything else as its JSON.
func claimText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// shown keeps text from a token, which anyone can write, from steering
// the terminal: text with anything but printable characters (control
// codes, bidi overrides, zero-width characters, invalid UTF-8) is quoted.
func shown(s string) string {
	if !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return strconv.QuoteToASCII(s)
	}
	return s
}
