package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/aztoken/aztoken/profiles"
)

// fieldFlags are the flags named after profile fields, shared by add and
// edit.
type fieldFlags struct {
	fs                                          *flag.FlagSet
	name, tenant, clientID, cloud               string
	authorityHost, armEndpoint, resource, scope string
	subscription, secretExpires, notes          string
	secretStdin                                 bool
}

func newFieldFlags(fs *flag.FlagSet) *fieldFlags {
	f := &fieldFlags{fs: fs}
	fs.StringVar(&f.name, "name", "", "display `name`, unique")
	fs.StringVar(&f.tenant, "tenant", "", "directory (tenant) `ID` or domain, such as contoso.onmicrosoft.com")
	fs.StringVar(&f.clientID, "client-id", "", "application (client) `ID`")
	fs.StringVar(&f.cloud, "cloud", "", "`cloud`: public, usgov, china or custom")
	fs.StringVar(&f.authorityHost, "authority-host", "", "Entra ID login `URL` (custom clouds, or to override)")
	fs.StringVar(&f.armEndpoint, "arm-endpoint", "", "Resource Manager `URL` (custom clouds, or to override)")
	fs.StringVar(&f.resource, "resource", "", "v1 `resource`, default the cloud's ARM resource")
	fs.StringVar(&f.scope, "scope", "", "v2 `scope` ending in /.default (instead of --resource)")
	fs.StringVar(&f.subscription, "subscription", "", "subscription `ID` for the test call")
	fs.StringVar(&f.secretExpires, "secret-expires", "", "the secret's expiry `date`, YYYY-MM-DD, for reminders")
	fs.StringVar(&f.notes, "notes", "", "free `text`")
	fs.BoolVar(&f.secretStdin, "secret-stdin", false, "read the client secret from stdin (otherwise add prompts without echo)")
	return f
}

// apply copies every flag the user gave onto p; fields not named on the
// command line keep their values.
func (f *fieldFlags) apply(p *profiles.Profile) error {
	var err error
	f.fs.Visit(func(fl *flag.Flag) {
		if err != nil {
			return
		}
		switch fl.Name {
		case "name":
			p.Name = f.name
		case "tenant":
			p.Tenant = f.tenant
		case "client-id":
			p.ClientID = f.clientID
		case "cloud":
			p.Cloud = f.cloud
		case "authority-host":
			p.AuthorityHost = f.authorityHost
		case "arm-endpoint":
			p.ARMEndpoint = f.armEndpoint
		case "resource":
			p.Resource, p.Scope = f.resource, ""
		case "scope":
			p.Scope, p.Resource = f.scope, ""
		case "subscription":
			p.Subscription = f.subscription
		case "secret-expires":
			p.SecretExpires, err = parseDateFlag(f.secretExpires)
		case "notes":
			p.Notes = f.notes
		}
	})
	return err
}

func parseDateFlag(s string) (profiles.Date, error) {
	if s == "" {
		return profiles.Date{}, nil
	}
	d, err := profiles.ParseDate(s)
	if err != nil {
		return d, &profiles.FieldError{Field: profiles.FieldSecretExpires, Message: "use YYYY-MM-DD, for example 2027-03-31"}
	}
	return d, nil
}

func runProfilesAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("profiles add", "--name NAME --tenant T --client-id ID [flags]",
		`Add a profile. The client secret is asked for without echo, or read from
stdin with --secret-stdin; it goes to the OS keyring, never to a file.

Examples:
  aztoken profiles add --name dev --tenant contoso.onmicrosoft.com --client-id 11111111-2222-3333-4444-555555555555
  printf %s "$SECRET" | aztoken profiles add --name ci --tenant … --client-id … --secret-stdin
  aztoken profiles add --name gov --cloud usgov --tenant … --client-id … --subscription …`, env)
	f := newFieldFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	p := profiles.Profile{Credential: profiles.SecretCredential, Cloud: "public"}
	if err := f.apply(&p); err != nil {
		return err
	}
	p, err := p.Validate()
	if err != nil {
		return err
	}
	secret, err := readSecret(env, f.secretStdin)
	if err != nil {
		return err
	}
	return saveWithSecret(ctx, env, p, secret, "Added")
}

func runProfilesEdit(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("profiles edit", "NAME [flags]",
		`Change the fields given as flags; the others keep their values. With
--secret-stdin the client secret is replaced too.

Examples:
  aztoken profiles edit dev --subscription 00000000-0000-0000-0000-000000000000
  printf %s "$NEW_SECRET" | aztoken profiles edit dev --secret-stdin --secret-expires 2027-06-30`, env)
	f := newFieldFlags(fs)
	// The name comes first (aztoken profiles edit dev --flag …); Go's flag
	// package stops at the first non-flag, so take it off before parsing.
	if len(args) == 0 || args[0] == "" || args[0][0] == '-' {
		if err := parse(fs, args); err != nil {
			return err
		}
		return usageErrorf("profiles edit: name the profile first, for example 'aztoken profiles edit dev --tenant …'")
	}
	p, err := findProfile(env, args[0])
	if err != nil {
		return err
	}
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := f.apply(&p); err != nil {
		return err
	}
	if p, err = p.Validate(); err != nil {
		return err
	}
	secret := ""
	if f.secretStdin {
		if secret, err = readSecret(env, true); err != nil {
			return err
		}
	}
	return saveWithSecret(ctx, env, p, secret, "Updated")
}

// saveWithSecret stores the secret first and the profile second, so a
// profile never points at a secret that failed to save.
func saveWithSecret(ctx context.Context, env *Env, p profiles.Profile, secret, verb string) error {
	isNew := p.ID == ""
	if isNew {
		p.ID = profiles.NewID()
	}
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	if secret != "" {
		warnAboutSecret(env, secret)
		if err := env.Secrets.Set(ctx, p.ID, secret); err != nil {
			return fmt.Errorf("storing the client secret: %w", err)
		}
	}
	if _, err := store.Save(p); err != nil {
		if isNew && secret != "" {
			// Best effort: the error that matters is the one from Save.
			_ = env.Secrets.Delete(ctx, p.ID)
		}
		return err
	}
	fmt.Fprintf(env.Stderr, "%s profile %s.\n", verb, p.Name)
	return nil
}

// warnAboutSecret says when a secret looks like the Secret ID, the most
// common mistake, without refusing it.
func warnAboutSecret(env *Env, secret string) {
	if _, warning, _ := profiles.CheckSecret(secret); warning != "" {
		fmt.Fprintln(env.Stderr, "warning:", warning)
	}
}
