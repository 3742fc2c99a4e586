package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

func newProfilesCmd(env *Env) *cobra.Command {
	path, _ := profiles.DefaultPath()
	cmd := &cobra.Command{
		Use:   "profiles list|show|add|edit|rm|import|export",
		Short: "list, show, add, edit, remove, import and export profiles",
		Long: fmt.Sprintf(`Profiles live in %s;
their client secrets live only in the OS keyring, or in the encrypted
secrets.age beside them when you chose it (aztoken secrets use file).`, path),
		Example: `  aztoken profiles list --format json
  aztoken profiles show dev
  aztoken profiles rm "Azure REST" --yes`,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				_ = c.Help()
				return usageErrorf("profiles: name a subcommand")
			}
			return usageErrorf("profiles: unknown subcommand %q", args[0])
		},
	}
	cmd.AddCommand(
		newProfilesListCmd(env, runProfilesList),
		newProfilesShowCmd(env, runProfilesShow),
		newProfilesAddCmd(env, runProfilesAdd),
		newProfilesEditCmd(env, runProfilesEdit),
		newProfilesRemoveCmd(env, runProfilesRemove),
		newProfilesImportCmd(env, runProfilesImport),
		newProfilesExportCmd(env, runProfilesExport),
	)
	return cmd
}

// profilesListOptions are profiles list's flags.
type profilesListOptions struct{ format *format }

func newProfilesListCmd(env *Env, run func(context.Context, *Env, *profilesListOptions) error) *cobra.Command {
	opts := &profilesListOptions{}
	cmd := &cobra.Command{
		Use:   "list [--format table|json]",
		Short: "one line per profile",
		Long: `List the profiles: name, tenant, client ID, cloud, target. With --format
json, an array of objects that scripts can read whatever the names hold;
never with a secret ('profiles show' says whether one is stored).`,
		Example: `  aztoken profiles list
  aztoken profiles list --format json | jq -r '.[].name'`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return run(c.Context(), env, opts) },
	}
	opts.format = addFormat(cmd, "table", "table", "json")
	return cmd
}

func runProfilesList(_ context.Context, env *Env, opts *profilesListOptions) error {
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	list := store.List()
	if opts.format.value == "json" {
		out := make([]profileSummary, 0, len(list))
		for _, p := range list {
			out = append(out, summarize(p))
		}
		return writeJSON(env.Stdout, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stderr, "No profiles yet; add one with 'aztoken profiles add' or import a Postman environment.")
		return nil
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tTENANT\tCLIENT ID\tCLOUD\tTARGET")
	for _, p := range list {
		// The file may hold anything another program wrote; escape codes
		// and direction marks must not reach the terminal.
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", profiles.Printable(p.Name), profiles.Printable(p.Tenant),
			profiles.Printable(p.ClientID), profiles.Printable(p.Endpoints().Name), profiles.Printable(p.Target().String()))
	}
	return w.Flush()
}

// profilesShowOptions are profiles show's flags and the profile's name.
type profilesShowOptions struct {
	name   string
	format *format
}

func newProfilesShowCmd(env *Env, run func(context.Context, *Env, *profilesShowOptions) error) *cobra.Command {
	opts := &profilesShowOptions{}
	cmd := &cobra.Command{
		Use:   "show NAME [--format table|json]",
		Short: "every field of a profile (the secret masked, the certificate described)",
		Long: `Show every field of a profile; the secret is masked. With --format json
the secret is left out altogether: secretStored says whether the keyring
holds one.`,
		Example: `  aztoken profiles show dev
  aztoken profiles show "Azure REST" --format json`,
		Args:              oneArg("profile", "dev"),
		ValidArgsFunction: profileArgCompletion(env),
		RunE: func(c *cobra.Command, args []string) error {
			opts.name = args[0]
			return run(c.Context(), env, opts)
		},
	}
	opts.format = addFormat(cmd, "table", "table", "json")
	return cmd
}

func runProfilesShow(ctx context.Context, env *Env, opts *profilesShowOptions) error {
	p, err := findProfile(env, opts.name)
	if err != nil {
		return err
	}
	if opts.format.value == "json" {
		return writeJSON(env.Stdout, detail(ctx, env, p))
	}
	cloud := p.Endpoints()
	credential, warning := credentialRows(ctx, env, p)
	rows := [][2]string{{"Name", p.Name}, {"ID", string(p.ID)}, {"Tenant", p.Tenant}, {"Client ID", p.ClientID},
		{"Credential", string(p.Credential)}}
	rows = append(append(rows, credential...), [][2]string{
		{"Cloud", cloud.Name}, {"Authority host", cloud.AuthorityHost}, {"ARM endpoint", cloud.ARMEndpoint},
		{"Target", p.Target().String()},
	}...)
	for _, t := range p.Targets.All() {
		rows = append(rows, [2]string{"Target " + strconv.Quote(t.Name), t.Target().String()})
	}
	rows = append(rows, [][2]string{{"Subscription", p.Subscription}, {"Notes", p.Notes}}...)
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	for _, row := range rows {
		fmt.Fprintf(w, "%s:\t%s\n", row[0], profiles.Printable(row[1]))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if warning != "" {
		fmt.Fprintln(env.Stderr, "warning:", warning)
	}
	return nil
}

// credentialRows describe how the profile's app proves itself: the masked
// secret and its reminder date, or the certificate.
func credentialRows(ctx context.Context, env *Env, p profiles.Profile) (rows [][2]string, warning string) {
	if p.Credential == profiles.CertificateCredential {
		return certificateRows(ctx, env, p, time.Now())
	}
	secret := "(none stored)"
	if s, err := env.Secrets.Get(ctx, p.ID); err == nil {
		secret = tokens.Mask(s) + " (in the OS keyring)"
	} else if !errors.Is(err, profiles.ErrSecretNotFound) {
		secret = "(keyring: " + err.Error() + ")"
	}
	return [][2]string{{"Client secret", secret}, {"Secret expires", p.SecretExpires.String()}}, ""
}

// profilesRemoveOptions are profiles rm's flags and the profile's name.
type profilesRemoveOptions struct {
	name string
	yes  bool
}

func newProfilesRemoveCmd(env *Env, run func(context.Context, *Env, *profilesRemoveOptions) error) *cobra.Command {
	opts := &profilesRemoveOptions{}
	cmd := &cobra.Command{
		Use:   "rm NAME [--yes]",
		Short: "delete a profile and its keyring secret",
		Long: `Delete a profile and its client secret from the keyring. Asks first in a
terminal; a script says --yes.`,
		Example: `  aztoken profiles rm dev
  aztoken profiles rm "Azure REST" --yes`,
		Args:              oneArg("profile", "dev"),
		ValidArgsFunction: profileArgCompletion(env),
		RunE: func(c *cobra.Command, args []string) error {
			opts.name = args[0]
			return run(c.Context(), env, opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.yes, "yes", "y", false, "delete without asking")
	return cmd
}

func runProfilesRemove(ctx context.Context, env *Env, opts *profilesRemoveOptions) error {
	p, err := findProfile(env, opts.name)
	if err != nil {
		return err
	}
	question := fmt.Sprintf("delete profile %s and its %s", profiles.Printable(p.Name), secretWord(p))
	if err := confirm(env, opts.yes, "profiles rm", question); err != nil {
		return err
	}
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	forgetTokens(ctx, env, p.ID)
	if err := store.Delete(ctx, p.ID, env.Secrets); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Deleted profile %s and its secret.\n", profiles.Printable(p.Name))
	return nil
}
