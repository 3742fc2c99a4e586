package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// tokenOptions are token's flags.
type tokenOptions struct {
	sel    selection
	format *format
}

func newTokenCmd(env *Env, run func(context.Context, *Env, *tokenOptions) error) *cobra.Command {
	opts := &tokenOptions{}
	cmd := &cobra.Command{
		Use:   "token -p NAME [--format raw|header|json|env]",
		Short: "print a token for a profile (raw, header, json or env)",
		Long: `Print an access token for a profile.

  raw     the token alone
  header  Authorization: Bearer <token>, for curl -H
  json    accessToken, tokenType, expiresOn, expires_on, tenant, resource or scope
  env     export lines for the Postman recipe's bearerToken and bearerTokenExpiresOn`,
		Example: `  curl -H "$(aztoken token -p dev --format header)" "https://management.azure.com/subscriptions?api-version=2022-12-01"
  eval "$(aztoken token -p dev --format env)"
  aztoken token -p dev --scope https://graph.microsoft.com/.default
  AZURE_TENANT_ID=… AZURE_CLIENT_ID=… AZURE_CLIENT_SECRET=… aztoken token --env`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return run(c.Context(), env, opts) },
	}
	opts.sel.register(cmd, env)
	opts.sel.registerFresh(cmd)
	opts.sel.registerTarget(cmd, env)
	opts.format = addFormat(cmd, "raw", "raw", "header", "json", "env")
	return cmd
}

func runToken(ctx context.Context, env *Env, opts *tokenOptions) error {
	p, tok, err := opts.sel.fetch(ctx, env)
	if err != nil {
		return err
	}
	return tokenFormats[opts.format.value](env.Stdout, p, tok)
}

// tokenFormats write a token the ways scripts want it.
var tokenFormats = map[string]func(io.Writer, profiles.Profile, tokens.Token) error{
	"raw": func(w io.Writer, _ profiles.Profile, t tokens.Token) error {
		_, err := fmt.Fprintln(w, t.AccessToken)
		return err
	},
	"header": func(w io.Writer, _ profiles.Profile, t tokens.Token) error {
		_, err := fmt.Fprintln(w, t.AuthorizationHeader())
		return err
	},
	"json": writeTokenJSON,
	"env": func(w io.Writer, _ profiles.Profile, t tokens.Token) error {
		_, err := fmt.Fprintf(w, "export bearerToken=%s\nexport bearerTokenExpiresOn=%d\n",
			shellQuote(t.AccessToken), t.ExpiresOn.Unix())
		return err
	},
}

// writeTokenJSON prints the fields `az account get-access-token` prints
// (expiresOn in RFC 3339 UTC rather than az's local time) and more.
func writeTokenJSON(w io.Writer, p profiles.Profile, t tokens.Token) error {
	out := struct {
		AccessToken  string `json:"accessToken"`
		TokenType    string `json:"tokenType"`
		ExpiresOn    string `json:"expiresOn"`
		ExpiresOnRaw int64  `json:"expires_on"`
		Tenant       string `json:"tenant"`
		Resource     string `json:"resource,omitempty"`
		Scope        string `json:"scope,omitempty"`
		Subscription string `json:"subscription,omitempty"`
		Profile      string `json:"profile"`
	}{
		AccessToken:  t.AccessToken,
		TokenType:    t.Type,
		ExpiresOn:    t.ExpiresOn.UTC().Format(time.RFC3339),
		ExpiresOnRaw: t.ExpiresOn.Unix(),
		Tenant:       p.Tenant,
		Subscription: p.Subscription,
		Profile:      p.Name,
	}
	if t.Target.IsScope() {
		out.Scope = t.Target.Value()
	} else {
		out.Resource = t.Target.Value()
	}
	return writeJSON(w, out)
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	out := []byte{'\''}
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			out = append(out, `'\''`...)
			continue
		}
		out = append(out, s[i])
	}
	return string(append(out, '\''))
}
