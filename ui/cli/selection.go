package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// selection is how a command names the profile it uses: -p NAME, or --env
// for the Azure SDK's environment variables.
type selection struct {
	name    string
	fromEnv bool
	// fresh skips the shared token cache: a new token from Entra ID.
	fresh bool
	// resource or scope asks for a token for another API than the
	// profile's own: Microsoft Graph, Key Vault, the team's own API.
	resource, scope string
	// target names one of the profile's stored targets instead.
	target string
	// maxRetryAfter bounds the waits Azure may ask for, and timeout the
	// time without an answer, for the scripts that would rather wait
	// longer or shorter than the defaults.
	maxRetryAfter, timeout time.Duration
}

// register adds -p/--profile, --env and the limits to cmd, with profile
// names for completion.
func (s *selection) register(cmd *cobra.Command, env *Env) {
	fs := cmd.Flags()
	fs.StringVarP(&s.name, "profile", "p", "", "the profile's `name`")
	fs.BoolVar(&s.fromEnv, "env", false, "use AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH and _PASSWORD) and AZURE_AUTHORITY_HOST instead of a profile")
	fs.DurationVar(&s.maxRetryAfter, "max-retry-after", tokens.DefaultMaxRetryAfter, "the longest `wait` Azure's Retry-After may ask for, over all retries; beyond it aztoken stops and says when to try again")
	fs.DurationVar(&s.timeout, "timeout", tokens.DefaultTimeout, "how long a request may go without an answer, over all its attempts")
	completeProfileFlag(cmd, env)
}

// registerFresh adds --fresh to a command that prints or uses a token.
func (s *selection) registerFresh(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&s.fresh, "fresh", false, "get a new token from Entra ID even when the shared cache has a fresh one")
}

// registerTarget adds --target, --resource and --scope to a command that
// prints or copies a token.
func (s *selection) registerTarget(cmd *cobra.Command, env *Env) {
	fs := cmd.Flags()
	fs.StringVar(&s.target, "target", "", "a token for the profile's target called `NAME`, such as \"Microsoft Graph\" ('aztoken profiles show' lists them)")
	completeTargetFlag(cmd, env)
	fs.StringVar(&s.resource, "resource", "", "a token for this v1 `resource` (App ID URI) instead of the profile's, such as https://graph.microsoft.com/")
	fs.StringVar(&s.scope, "scope", "", "a token for this v2 `scope` instead of the profile's, such as https://vault.azure.net/.default")
}

// retarget points p at --resource or --scope when one was given, checked
// as the profile's own fields are. The shared cache keys tokens by target,
// so each API's token has its own entry.
func (s selection) retarget(p profiles.Profile) (profiles.Profile, error) {
	switch {
	case s.target != "" && (s.resource != "" || s.scope != ""):
		return p, usageErrorf("give --target (a stored target), --resource or --scope, one of them")
	case s.target != "":
		return pickTarget(p, s.target)
	case s.resource == "" && s.scope == "":
		return p, nil
	case s.resource != "" && s.scope != "":
		return p, usageErrorf("give --resource (v1) or --scope (v2), not both")
	}
	p.Resource, p.Scope = s.resource, s.scope
	// The stored extra targets play no part in a one-off target, which may
	// well be one of them.
	p.Targets = profiles.TargetList{}
	return p.Validate()
}

// pickTarget is p asking for its target called name.
func pickTarget(p profiles.Profile, name string) (profiles.Profile, error) {
	picked, ok := p.WithTarget(name)
	if !ok {
		return p, usageErrorf("profile %q has no target %q; its targets: %s", p.Name, name, strings.Join(p.TargetNames(), ", "))
	}
	return picked, nil
}

// resolve finds the profile and its credential.
func (s selection) resolve(ctx context.Context, env *Env) (profiles.Profile, tokens.Credential, error) {
	if err := s.applyLimits(env); err != nil {
		return profiles.Profile{}, nil, err
	}
	switch {
	case s.fromEnv && s.name != "":
		return profiles.Profile{}, nil, usageErrorf("use either -p or --env, not both")
	case s.fromEnv && s.target != "":
		return profiles.Profile{}, nil, usageErrorf("--target names a profile's stored target; with --env use --resource or --scope")
	case s.fromEnv:
		p, cred, err := envProfile(env)
		if err != nil {
			return p, cred, err
		}
		p, err = s.retarget(p)
		return p, cred, err
	case s.name == "":
		return profiles.Profile{}, nil, usageErrorf("name a profile with -p NAME (see 'aztoken profiles list'), or use --env")
	}
	p, err := s.profile(env)
	if err != nil {
		return profiles.Profile{}, nil, err
	}
	cred, err := loadCredential(ctx, env, p)
	return p, cred, err
}

// profile is the named profile, pointed at --resource or --scope.
func (s selection) profile(env *Env) (profiles.Profile, error) {
	p, err := findProfile(env, s.name)
	if err != nil {
		return p, err
	}
	return s.retarget(p)
}

// applyLimits sets the client's waits from --max-retry-after and
// --timeout.
func (s selection) applyLimits(env *Env) error {
	if s.maxRetryAfter <= 0 || s.timeout <= 0 {
		return usageErrorf("--max-retry-after and --timeout must be positive durations such as 45s or 5m")
	}
	env.Client.Retry.MaxRetryAfter, env.Client.Retry.Timeout = s.maxRetryAfter, s.timeout
	return nil
}

// loadCredential reads a stored profile's secret or certificate.
func loadCredential(ctx context.Context, env *Env, p profiles.Profile) (tokens.Credential, error) {
	cred, err := p.LoadCredential(ctx, env.Secrets)
	if errors.Is(err, profiles.ErrSecretNotFound) {
		return nil, fmt.Errorf("profile %q has no client secret in %s; store one with 'aztoken profiles edit %s --secret-stdin': %w", p.Name, env.secretPlace(), p.Name, tokens.ErrNoSecret)
	}
	return cred, err
}

// findProfile looks a profile up by name (or ID) in the store.
func findProfile(env *Env, name string) (profiles.Profile, error) {
	store, err := env.OpenStore()
	if err != nil {
		return profiles.Profile{}, err
	}
	if p, ok := store.ByName(name); ok {
		return p, nil
	}
	if p, ok := store.Get(profiles.ID(name)); ok {
		return p, nil
	}
	return profiles.Profile{}, usageErrorf("no profile named %q; 'aztoken profiles list' shows them", name)
}

// envProfile builds a profile from the variables Azure SDKs read, for CI
// jobs that already have them: a client secret, or else a certificate.
func envProfile(env *Env) (profiles.Profile, tokens.Credential, error) {
	p := profiles.Profile{
		Name:          "environment",
		Tenant:        env.Getenv("AZURE_TENANT_ID"),
		ClientID:      env.Getenv("AZURE_CLIENT_ID"),
		Credential:    profiles.SecretCredential,
		Cloud:         tokens.AzurePublic.Name,
		AuthorityHost: env.Getenv("AZURE_AUTHORITY_HOST"),
	}
	secret := env.Getenv("AZURE_CLIENT_SECRET")
	if secret == "" && env.Getenv("AZURE_CLIENT_CERTIFICATE_PATH") != "" {
		p.Credential, p.CertificateFile = profiles.CertificateCredential, env.Getenv("AZURE_CLIENT_CERTIFICATE_PATH")
	}
	var missing []string
	for _, v := range []string{"AZURE_TENANT_ID", "AZURE_CLIENT_ID"} {
		if env.Getenv(v) == "" {
			missing = append(missing, v)
		}
	}
	if secret == "" && p.CertificateFile == "" {
		missing = append(missing, "AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)")
	}
	if len(missing) > 0 {
		return p, nil, usageErrorf("--env needs %v set", missing)
	}
	p, err := p.Validate()
	if err != nil {
		return p, nil, err
	}
	if p.Credential == profiles.SecretCredential {
		return p, tokens.ClientSecret(secret), nil
	}
	cert, warning, err := profiles.CheckCertificateFile(p.CertificateFile, env.Getenv("AZURE_CLIENT_CERTIFICATE_PASSWORD"), time.Now())
	if err != nil {
		return p, nil, err
	}
	if warning != "" {
		fmt.Fprintln(env.Stderr, "warning:", warning)
	}
	return p, tokens.CertificateCredential{Certificate: cert}, nil
}

// fetch gets a token for the selected profile through the token cache
// the window and other processes share: a fresh one from there (unless
// --fresh), else a new one from Entra ID, left there for the next call.
// When Entra fails while the cached token is still valid, inside its
// refresh margin, that token is used and the failure is a warning on
// stderr: a hiccup must not break a script that has a token. Tokens for
// --env are never cached: there is no profile to key them by.
func (s selection) fetch(ctx context.Context, env *Env) (profiles.Profile, tokens.Token, error) {
	if s.fromEnv || s.name == "" {
		p, cred, err := s.resolve(ctx, env)
		if err != nil {
			return p, tokens.Token{}, err
		}
		tok, err := env.Client.Token(ctx, p.Request(cred))
		return p, tok, err
	}
	if err := s.applyLimits(env); err != nil {
		return profiles.Profile{}, tokens.Token{}, err
	}
	p, err := s.profile(env)
	if err != nil {
		return p, tokens.Token{}, err
	}
	cache := tokens.NewCache(env.Client, env.Client.Now)
	if env.Tokens != nil {
		cache.WithShelf(env.Tokens)
	}
	request := func(ctx context.Context) (tokens.Request, error) {
		cred, err := loadCredential(ctx, env, p)
		return p.Request(cred), err
	}
	obtain := cache.Obtain
	if s.fresh {
		obtain = cache.ObtainNew
	}
	tok, err := obtain(ctx, p.CacheKey(), request)
	var soft *tokens.RefreshError
	if errors.As(err, &soft) {
		fmt.Fprintf(env.Stderr, "aztoken: warning: could not refresh the token for %s, so this is the cached one, valid for %s more: %v\n",
			p.Name, soft.Token.Remaining(env.Client.Now()).Round(time.Second), soft.Err)
		return p, soft.Token, nil
	}
	return p, tok, err
}

// subscriptionFor is the subscription a command works on: the one given
// with --subscription, checked, or else the profile's own.
func subscriptionFor(p profiles.Profile, flagValue string) (string, error) {
	if flagValue == "" {
		return p.Subscription, nil
	}
	return profiles.CheckSubscription(flagValue)
}
