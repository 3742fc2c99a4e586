package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/aztoken/aztoken/profiles"
)

// fieldFlags are the flags named after profile fields, shared by add and
// edit.
type fieldFlags struct {
	fs                                          *pflag.FlagSet
	name, tenant, clientID, cloud               string
	authorityHost, armEndpoint, resource, scope string
	subscription, secretExpires, notes          string
	credential, certFile                        string
	secretStdin, certPasswordStdin              bool
	targets, removeTargets                      []string
}

func newFieldFlags(cmd *cobra.Command) *fieldFlags {
	fs := cmd.Flags()
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
	fs.StringVar(&f.credential, "credential", "", "`kind` of credential: secret or certificate (--cert-file implies certificate)")
	fs.StringVar(&f.certFile, "cert-file", "", "certificate `file`: a .pfx/.p12, or a .pem with the certificate and its private key")
	fs.BoolVar(&f.certPasswordStdin, "cert-password-stdin", false, "read the PFX file's password from stdin (otherwise prompted when needed)")
	_ = cmd.RegisterFlagCompletionFunc("cloud", cobra.FixedCompletions(cloudNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("credential", cobra.FixedCompletions(
		[]string{string(profiles.SecretCredential), string(profiles.CertificateCredential)}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("cert-file", "pfx", "p12", "pem")
	f.registerTargets(cmd)
	return f
}

// apply copies every flag the user gave onto p; fields not named on the
// command line keep their values.
func (f *fieldFlags) apply(p *profiles.Profile) error {
	var err error
	f.fs.Visit(func(fl *pflag.Flag) {
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
		case "credential":
			p.Credential = profiles.CredentialKind(f.credential)
		case "cert-file":
			p.CertificateFile, err = absPath(f.certFile)
			if !f.given("credential") {
				p.Credential = profiles.CertificateCredential
			}
		}
	})
	if err != nil {
		return err
	}
	return f.applyTargets(p)
}

// given reports whether the user named flag on the command line.
func (f *fieldFlags) given(name string) bool {
	found := false
	f.fs.Visit(func(fl *pflag.Flag) { found = found || fl.Name == name })
	return found
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

func newProfilesAddCmd(env *Env, run func(context.Context, *Env, *fieldFlags) error) *cobra.Command {
	var f *fieldFlags
	cmd := &cobra.Command{
		Use:   "add --name NAME --tenant T --client-id ID [flags]",
		Short: "add a profile; the secret is asked for, or read with --secret-stdin",
		Long: `Add a profile. The client secret is asked for without echo, or read from
stdin with --secret-stdin; it goes to the OS keyring, never to a file.
With --cert-file the app proves itself with a certificate instead: the
profile keeps the file's path, and a PFX file's password (asked for, or
read with --cert-password-stdin) goes to the keyring.`,
		Example: `  aztoken profiles add --name dev --tenant contoso.onmicrosoft.com --client-id 11111111-2222-3333-4444-555555555555
  printf %s "$SECRET" | aztoken profiles add --name ci --tenant … --client-id … --secret-stdin
  aztoken profiles add --name gov --cloud usgov --tenant … --client-id … --subscription …
  printf %s "$PFX_PASSWORD" | aztoken profiles add --name ci-cert --tenant … --client-id … --cert-file ci.pfx --cert-password-stdin`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return run(c.Context(), env, f) },
	}
	f = newFieldFlags(cmd)
	return cmd
}

func runProfilesAdd(ctx context.Context, env *Env, f *fieldFlags) error {
	p := profiles.Profile{Credential: profiles.SecretCredential, Cloud: "public"}
	if err := f.apply(&p); err != nil {
		return err
	}
	p, err := p.Validate()
	if err != nil {
		return err
	}
	change, err := f.secretChange(ctx, env, p, true)
	if err != nil {
		return err
	}
	return saveWithSecret(ctx, env, p, change, "Added")
}

// profilesEditOptions are profiles edit's flags and the profile's name.
type profilesEditOptions struct {
	name   string
	fields *fieldFlags
}

func newProfilesEditCmd(env *Env, run func(context.Context, *Env, *profilesEditOptions) error) *cobra.Command {
	opts := &profilesEditOptions{}
	cmd := &cobra.Command{
		Use:   "edit NAME [--field value …] [--secret-stdin]",
		Short: "change the fields given as flags; the others keep their values",
		Long: `Change the fields given as flags; the others keep their values. With
--secret-stdin the client secret is replaced too, and with
--cert-password-stdin a PFX file's password.`,
		Example: `  aztoken profiles edit dev --subscription 00000000-0000-0000-0000-000000000000
  printf %s "$NEW_SECRET" | aztoken profiles edit dev --secret-stdin --secret-expires 2027-06-30
  aztoken profiles edit dev --cert-file ~/certs/dev-2027.pem`,
		Args:              oneArg("profile", "dev --tenant …"),
		ValidArgsFunction: profileArgCompletion(env),
		RunE: func(c *cobra.Command, args []string) error {
			opts.name = args[0]
			return run(c.Context(), env, opts)
		},
	}
	opts.fields = newFieldFlags(cmd)
	return cmd
}

func runProfilesEdit(ctx context.Context, env *Env, opts *profilesEditOptions) error {
	f := opts.fields
	p, err := findProfile(env, opts.name)
	if err != nil {
		return err
	}
	wasCertificate := p.Credential == profiles.CertificateCredential
	if err := f.apply(&p); err != nil {
		return err
	}
	if p, err = p.Validate(); err != nil {
		return err
	}
	// A certificate profile turned into a secret one holds a PFX password,
	// not a secret: it needs one now.
	needSecret := wasCertificate && p.Credential == profiles.SecretCredential
	change, err := f.secretChange(ctx, env, p, needSecret)
	if err != nil {
		return err
	}
	return saveWithSecret(ctx, env, p, change, "Updated")
}

// secretChange is what the save does to the profile's keyring item: the
// client secret when given (or needed), or the password that opened the
// certificate file, which is checked here.
func (f *fieldFlags) secretChange(ctx context.Context, env *Env, p profiles.Profile, needSecret bool) (profiles.SecretChange, error) {
	if p.Credential == profiles.CertificateCredential {
		switch {
		case f.secretStdin:
			return profiles.KeepSecret(), usageErrorf("a certificate profile has no client secret; a PFX password goes in with --cert-password-stdin")
		case !f.certPasswordStdin && !f.given("cert-file") && !f.given("credential"):
			// An edit of other fields: the certificate is as it was.
			return profiles.KeepSecret(), nil
		}
		return certificateChange(ctx, env, p, f.certPasswordStdin)
	}
	if f.certPasswordStdin {
		return profiles.KeepSecret(), usageErrorf("--cert-password-stdin is for certificate profiles; this one uses a client secret")
	}
	if !f.secretStdin && !needSecret {
		return profiles.KeepSecret(), nil
	}
	secret, err := readSecret(env, f.secretStdin)
	if err != nil {
		return profiles.KeepSecret(), err
	}
	// The same checks as the window's secret field: trimmed, capped, no
	// control characters, and a warning for a pasted Secret ID.
	secret, warning, err := profiles.CheckSecret(secret)
	if err != nil {
		return profiles.KeepSecret(), err
	}
	if warning != "" {
		fmt.Fprintln(env.Stderr, "warning:", warning)
	}
	return profiles.SetSecret(secret), nil
}

// saveWithSecret saves the profile and its keyring item together, as
// profiles.Store.SaveWithSecret does for every front end: both or neither.
// A profile changed or removed by another process meanwhile is refused
// with a *profiles.ConflictError, and the command fails.
func saveWithSecret(ctx context.Context, env *Env, p profiles.Profile, change profiles.SecretChange, verb string) error {
	store, err := env.OpenStore()
	if err != nil {
		return err
	}
	saved, err := store.SaveWithSecret(ctx, p, change, env.Secrets)
	if err != nil {
		return err
	}
	if !change.Keeps() {
		// Tokens of the old credential must not outlive it in the shared
		// cache; other changes key the tokens anew anyway.
		forgetTokens(ctx, env, saved.ID)
	}
	fmt.Fprintf(env.Stderr, "%s profile %s.\n", verb, profiles.Printable(saved.Name))
	return nil
}

// forgetTokens drops a profile's tokens from the shared cache.
func forgetTokens(ctx context.Context, env *Env, id profiles.ID) {
	if env.Tokens != nil {
		_ = env.Tokens.Forget(ctx, string(id)) // a token left behind expires within the hour
	}
}

// secretWord names what the profile keeps in the keyring.
func secretWord(p profiles.Profile) string {
	if p.Credential == profiles.CertificateCredential {
		return "certificate password"
	}
	return "client secret"
}
