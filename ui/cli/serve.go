package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/server"
)

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("serve", "-p NAME [--port N] [--allow-resource R]… [--cors-origin O]…",
		`Serve a profile's tokens on 127.0.0.1 until Ctrl+C, so that an app gets
short-lived tokens and the client secret stays in the keyring.

An app using an Azure SDK's DefaultAzureCredential or
ManagedIdentityCredential runs unchanged once it has the two variables
printed on stdout: the server speaks App Service's managed-identity protocol.
A front-end development server can GET /token with the same header for
{"access_token","expires_on",…}; a web page may only if its origin is listed
with --cors-origin. Every request must send the header value, which is new
each time the server starts. Requests are logged to stderr, never a token.

Only the profile's resource is served unless --allow-resource adds more.

Examples:
  aztoken serve -p dev --port 8123           then paste the export lines into the app's shell
  aztoken serve -p dev > serve.env &  sleep 1; . ./serve.env; go run ./myapp
  aztoken serve -p dev --allow-resource https://vault.azure.net --cors-origin http://localhost:5173`, env)
	var sel selection
	sel.register(fs)
	port := fs.Int("port", 0, "TCP `port` on 127.0.0.1; 0 picks a free one")
	var resources, origins stringList
	fs.Var(&resources, "allow-resource", "also serve tokens for this `resource`; repeatable")
	fs.Var(&origins, "cors-origin", "let web pages from this `origin` (http://localhost:5173) read /token; repeatable")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	p, cred, err := sel.resolve(ctx, env)
	if err != nil {
		return err
	}
	cfg := server.Config{
		Profile:        string(p.ID),
		Request:        p.Request(cred),
		Cache:          tokens.NewCache(env.Client, time.Now),
		Port:           *port,
		AllowResources: resources,
		CORSOrigins:    origins,
		Log:            func(e server.Entry) { fmt.Fprintln(env.Stderr, e) },
	}
	if cfg.Profile == "" {
		cfg.Profile = p.Name // --env has no stored profile
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	defer srv.Close()
	// A wrong secret is better told now than on the app's first request.
	if _, err := cfg.Cache.Token(ctx, tokens.CacheKey{Profile: cfg.Profile, Target: cfg.Request.Target}, cfg.Request); err != nil {
		return err
	}
	fmt.Fprint(env.Stdout, srv.Exports())
	fmt.Fprintf(env.Stderr, "Serving %s tokens for %s at %s (and %s); Ctrl+C stops.\n",
		profiles.Printable(p.Name), cfg.Request.Target.Audience(), srv.Endpoint(), srv.TokenURL())
	if err := srv.Serve(ctx); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, "Stopped.")
	return nil
}
