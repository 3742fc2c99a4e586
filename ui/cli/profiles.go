package cli

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/aztoken/aztoken/tokens"

	"github.com/aztoken/aztoken/profiles"
)

// profileCommands are the subcommands of `aztoken profiles`.
var profileCommands = map[string]func(context.Context, *Env, []string) error{
	"list":   runProfilesList,
	"show":   runProfilesShow,
	"add":    runProfilesAdd,
	"edit":   runProfilesEdit,
	"rm":     runProfilesRemove,
	"import": runProfilesImport,
	"export": runProfilesExport,
}

const profilesUsage = `Usage: aztoken profiles list|show|add|edit|rm|import|export [flags]

Profiles live in %s;
their client secrets live only in the OS keyring.

  list                   one line per profile
  show NAME              every field of a profile (the secret masked, the certificate described)
  add --name … --tenant … --client-id … [--secret-stdin]
  edit NAME [--field value …] [--secret-stdin]
  rm NAME                delete a profile and its keyring secret
  import FILE            an aztoken export, a Postman environment or collection
  export FILE [-p NAME]… aztoken's format, without secrets; --postman for Postman

Run 'aztoken profiles COMMAND -h' for flags and examples.
`

func runProfiles(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		path, _ := profiles.DefaultPath()
		fmt.Fprintf(env.Stdout, profilesUsage, path)
		if len(args) == 0 {
			return usageErrorf("profiles: name a subcommand")
		}
		return nil
	}
	run, ok := profileCommands[args[0]]
	if !ok {
		return usageErrorf("profiles: unknown subcommand %q", args[0])
	}
	return run(ctx, env, args[1:])
}

func runProfilesList(_ context.Context, env *Env, args []string) error {
	fs := newFlagSet("profiles list", "", "List the profiles: name, tenant, client ID, cloud, target.", env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	list := store.List()
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

func runProfilesShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("profiles show", "NAME", "Show every field of a profile; the secret is masked.", env)
	if err := parse(fs, args); err != nil {
		return err
	}
	p, err := namedProfile(env, fs.Args())
	if err != nil {
		return err
	}
	cloud := p.Endpoints()
	credential, warning := credentialRows(ctx, env, p)
	rows := [][2]string{{"Name", p.Name}, {"ID", string(p.ID)}, {"Tenant", p.Tenant}, {"Client ID", p.ClientID},
		{"Credential", string(p.Credential)}}
	rows = append(append(rows, credential...), [][2]string{
		{"Cloud", cloud.Name}, {"Authority host", cloud.AuthorityHost}, {"ARM endpoint", cloud.ARMEndpoint},
		{"Target", p.Target().String()}, {"Subscription", p.Subscription}, {"Notes", p.Notes},
	}...)
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

func runProfilesRemove(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("profiles rm", "NAME", "Delete a profile and its client secret from the keyring.", env)
	if err := parse(fs, args); err != nil {
		return err
	}
	p, err := namedProfile(env, fs.Args())
	if err != nil {
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

// namedProfile finds the one profile named in a command's arguments.
func namedProfile(env *Env, args []string) (profiles.Profile, error) {
	if len(args) != 1 {
		return profiles.Profile{}, usageErrorf("name one profile, for example 'aztoken profiles show dev'")
	}
	return findProfile(env, args[0])
}
