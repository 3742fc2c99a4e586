package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

func runProfilesImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("profiles import", "FILE [--on-clash ask|rename|skip]",
		`Import profiles from an aztoken export, a Postman environment or a Postman
collection (its variables tenantId, clientId, clientSecret, resource). A
secret in a Postman file goes to the OS keyring. Nothing is overwritten: a
name that is taken is renamed or skipped, and nothing is imported if any
entry is invalid.

Examples:
  aztoken profiles import team-profiles.json
  aztoken profiles import "Azure REST.postman_environment.json" --on-clash rename`, env)
	onClash := fs.String("on-clash", "ask", "what to do with a name that is taken: `ask`, rename or skip")
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		// Accept the file before the flags, as the examples show.
		args = append(args[1:], args[0])
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf("profiles import: name one file")
	}
	data, err := profiles.ReadImportFile(fs.Arg(0))
	if err != nil {
		return err
	}
	imp, err := profiles.ParseImport(data)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	decisions, err := decideClashes(env, store.ImportPlan(imp), *onClash)
	if err != nil {
		return err
	}
	added, err := store.ApplyImport(ctx, imp, decisions, env.Secrets)
	if err != nil {
		return err
	}
	for _, c := range imp.Candidates {
		if c.Warning != "" {
			fmt.Fprintf(env.Stderr, "warning: %s: %s\n", profiles.Printable(c.Profile.Name), c.Warning)
		}
	}
	for _, p := range added {
		fmt.Fprintf(env.Stderr, "Imported %s.\n", profiles.Printable(p.Name))
	}
	fmt.Fprintf(env.Stderr, "%d of %d profile(s) imported from %s (%s).\n", len(added), len(imp.Candidates), fs.Arg(0), imp.Format)
	return nil
}

// decideClashes turns the user's choice into a decision per clash, asking
// on the terminal when told to and able to.
func decideClashes(env *Env, clashes []profiles.Clash, policy string) (map[int]profiles.Decision, error) {
	decisions := map[int]profiles.Decision{}
	in := bufio.NewReader(env.Stdin)
	for _, c := range clashes {
		switch policy {
		case "rename":
			decisions[c.Index] = profiles.Rename(c.Suggestion)
		case "skip":
			decisions[c.Index] = profiles.Skip()
		case "ask":
			if env.ReadPassword == nil {
				return nil, usageErrorf("profile %q exists already; choose --on-clash rename or --on-clash skip", c.Name)
			}
			fmt.Fprintf(env.Stderr, "A profile named %q exists. Rename the import to %q, or skip it? [r/s] ", c.Name, c.Suggestion)
			answer, _ := in.ReadString('\n')
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(answer)), "r") {
				decisions[c.Index] = profiles.Rename(c.Suggestion)
			} else {
				decisions[c.Index] = profiles.Skip()
			}
		default:
			return nil, usageErrorf("--on-clash takes ask, rename or skip, not %q", policy)
		}
	}
	return decisions, nil
}

// stringList collects a repeated flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func runProfilesExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("profiles export", "FILE [-p NAME]… [--postman [--with-token] [--include-secret]]",
		`Write profiles to FILE without their secrets, for a team to share; all
profiles unless -p names some. --postman writes one profile as a Postman
environment with the recipe's variables (tenantId, clientId, resource,
bearerToken, bearerTokenExpiresOn); --with-token fills in a fresh token and
--include-secret adds the client secret, only because you asked.

Examples:
  aztoken profiles export team.json
  aztoken profiles export dev.postman_environment.json --postman -p dev --with-token`, env)
	var names stringList
	fs.Var(&names, "p", "a profile `name` to export (repeatable)")
	postman := fs.Bool("postman", false, "write a Postman environment (one profile)")
	withToken := fs.Bool("with-token", false, "with --postman: include a fresh bearerToken")
	withSecret := fs.Bool("include-secret", false, "with --postman: include the client secret in the file")
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		args = append(args[1:], args[0])
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf("profiles export: name one output file")
	}
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	chosen, err := chooseProfiles(store, names)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if *postman {
		if len(chosen) != 1 {
			return usageErrorf("--postman exports one profile: name it with -p")
		}
		err = exportPostman(ctx, env, &buf, chosen[0], *withToken, *withSecret)
	} else {
		if *withToken || *withSecret {
			return usageErrorf("--with-token and --include-secret go with --postman")
		}
		err = profiles.Export(&buf, chosen)
	}
	if err != nil {
		return err
	}
	if err := writeFile(fs.Arg(0), buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Exported %d profile(s) to %s.\n", len(chosen), fs.Arg(0))
	return nil
}

func chooseProfiles(store *profiles.Store, names []string) ([]profiles.Profile, error) {
	if len(names) == 0 {
		return store.List(), nil
	}
	var out []profiles.Profile
	for _, n := range names {
		p, ok := store.ByName(n)
		if !ok {
			return nil, usageErrorf("no profile named %q", n)
		}
		out = append(out, p)
	}
	return out, nil
}

func exportPostman(ctx context.Context, env *Env, w io.Writer, p profiles.Profile, withToken, withSecret bool) error {
	if withSecret && p.Credential == profiles.CertificateCredential {
		return usageErrorf("profile %s uses a certificate: it has no client secret to export, and Postman's recipe cannot sign with a certificate (use --with-token)", profiles.Printable(p.Name))
	}
	var cred tokens.Credential
	if withToken || withSecret {
		var err error
		if cred, err = p.LoadCredential(ctx, env.Secrets); err != nil {
			return err
		}
	}
	var tok *profiles.PostmanToken
	if withToken {
		t, err := env.Client.Token(ctx, p.Request(cred))
		if err != nil {
			return err
		}
		tok = &profiles.PostmanToken{AccessToken: t.AccessToken, ExpiresOn: t.ExpiresOn}
	}
	var secret tokens.ClientSecret
	if withSecret {
		secret, _ = cred.(tokens.ClientSecret)
	}
	return profiles.ExportPostman(w, p, tok, secret)
}

// writeFile writes an export with owner-only permissions, through a
// temporary file, so a half-written export never replaces a good one. A
// symbolic link at path is refused, as profiles.json's is.
func writeFile(path string, data []byte) error {
	if err := profiles.RefuseSymlink(path); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".aztoken-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
