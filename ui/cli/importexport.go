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

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// profilesImportOptions are profiles import's flags and its file.
type profilesImportOptions struct {
	file, onClash string
}

func newProfilesImportCmd(env *Env, run func(context.Context, *Env, *profilesImportOptions) error) *cobra.Command {
	opts := &profilesImportOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE [--on-clash ask|rename|skip]",
		Short: "an aztoken export, a Postman environment or collection",
		Long: `Import profiles from an aztoken export, a Postman environment or a Postman
collection (its variables tenantId, clientId, clientSecret, resource). A
secret in a Postman file goes to the OS keyring. Nothing is overwritten: a
name that is taken is renamed or skipped, and nothing is imported if any
entry is invalid.`,
		Example: `  aztoken profiles import team-profiles.json
  aztoken profiles import "Azure REST.postman_environment.json" --on-clash rename`,
		Args: oneArg("file", "team-profiles.json"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.file = args[0]
			return run(c.Context(), env, opts)
		},
	}
	cmd.Flags().StringVar(&opts.onClash, "on-clash", "ask", "what to do with a name that is taken: `ask`, rename or skip")
	_ = cmd.RegisterFlagCompletionFunc("on-clash", cobra.FixedCompletions([]string{"ask", "rename", "skip"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runProfilesImport(ctx context.Context, env *Env, opts *profilesImportOptions) error {
	data, err := profiles.ReadImportFile(opts.file)
	if err != nil {
		return err
	}
	imp, err := profiles.ParseImport(data)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.file, err)
	}
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	decisions, err := decideClashes(env, store.ImportPlan(imp), opts.onClash)
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
	fmt.Fprintf(env.Stderr, "%d of %d profile(s) imported from %s (%s).\n", len(added), len(imp.Candidates), opts.file, imp.Format)
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

// profilesExportOptions are profiles export's flags and its file.
type profilesExportOptions struct {
	file                           string
	names                          []string
	postman, withToken, withSecret bool
	// yes replaces an existing FILE without asking.
	yes bool
}

func newProfilesExportCmd(env *Env, run func(context.Context, *Env, *profilesExportOptions) error) *cobra.Command {
	opts := &profilesExportOptions{}
	cmd := &cobra.Command{
		Use:   "export FILE [-p NAME]… [--postman [--with-token] [--include-secret]]",
		Short: "aztoken's format, without secrets; --postman for Postman",
		Long: `Write profiles to FILE without their secrets, for a team to share; all
profiles unless -p names some. --postman writes one profile as a Postman
environment with the recipe's variables (tenantId, clientId, resource,
bearerToken, bearerTokenExpiresOn); --with-token fills in a fresh token and
--include-secret adds the client secret, only because you asked.`,
		Example: `  aztoken profiles export team.json
  aztoken profiles export dev.postman_environment.json --postman -p dev --with-token`,
		Args: oneArg("output file", "team.json"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.file = args[0]
			return run(c.Context(), env, opts)
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVarP(&opts.names, "profile", "p", nil, "a profile `name` to export (repeatable)")
	fs.BoolVar(&opts.postman, "postman", false, "write a Postman environment (one profile)")
	fs.BoolVar(&opts.withToken, "with-token", false, "with --postman: include a fresh bearerToken")
	fs.BoolVar(&opts.withSecret, "include-secret", false, "with --postman: include the client secret in the file")
	fs.BoolVar(&opts.yes, "yes", false, "replace FILE if it exists, without asking")
	completeProfileFlag(cmd, env)
	return cmd
}

func runProfilesExport(ctx context.Context, env *Env, opts *profilesExportOptions) error {
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	chosen, err := chooseProfiles(store, opts.names)
	if err != nil {
		return err
	}
	if err := confirmReplace(env, opts.file, opts.yes); err != nil {
		return err
	}
	var buf bytes.Buffer
	if opts.postman {
		if len(chosen) != 1 {
			return usageErrorf("--postman exports one profile: name it with -p")
		}
		err = exportPostman(ctx, env, &buf, chosen[0], opts.withToken, opts.withSecret)
	} else {
		if opts.withToken || opts.withSecret {
			return usageErrorf("--with-token and --include-secret go with --postman")
		}
		err = profiles.Export(&buf, chosen)
	}
	if err != nil {
		return err
	}
	if err := writeFile(opts.file, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Exported %d profile(s) to %s.\n", len(chosen), opts.file)
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

// confirmReplace asks before an export replaces a file that exists: the
// file may be last week's export, or something else with the same name.
func confirmReplace(env *Env, path string, yes bool) error {
	if err := profiles.RefuseSymlink(path); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err != nil {
		return nil // nothing to replace; writeFile reports a bad folder
	}
	return confirm(env, yes, "profiles export", "replace "+path)
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
