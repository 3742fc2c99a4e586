package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/server"
)

// serveMaxRetryAfter is how long serve itself waits when Entra ID asks it
// to, unless --max-retry-after says otherwise.
const serveMaxRetryAfter = 5 * time.Second

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("serve", "-p NAME [--port N] [--env-file PATH] [--allow-resource R]… [--cors-origin O]…",
		`Serve a profile's tokens on 127.0.0.1 until Ctrl+C, so that an app gets
short-lived tokens and the client secret stays in the keyring.

An app using an Azure SDK's DefaultAzureCredential or
ManagedIdentityCredential runs unchanged once it has the two variables
printed on stdout, or written with --env-file to a file only you can read:
the server speaks App Service's managed-identity protocol.
A front-end development server can GET /token with the same header for
{"access_token","expires_on",…}; a web page may only if its origin is listed
with --cors-origin. Every request must send the header value, which is new
each time the server starts, and anyone who has it gets tokens: keep it out
of files others can read. Requests are logged to stderr, never a token.

Only the profile's resource is served unless --allow-resource adds more.

Examples:
  aztoken serve -p dev --port 8123           then paste the export lines into the app's shell
  aztoken serve -p dev --env-file serve.env &
  until [ -s serve.env ]; do sleep 1; done; . ./serve.env; go run ./myapp
  aztoken serve -p dev --allow-resource https://vault.azure.net --cors-origin http://localhost:5173`, env)
	var sel selection
	sel.register(fs)
	port := fs.Int("port", 0, "TCP `port` on 127.0.0.1; 0 picks a free one")
	envPath := fs.String("env-file", "", "write the export lines to this new `file` (mode 0600, removed on stop) instead of stdout")
	var resources, origins stringList
	fs.Var(&resources, "allow-resource", "also serve tokens for this `resource`; repeatable")
	fs.Var(&origins, "cors-origin", "let web pages from this `origin` (http://localhost:5173) read /token; repeatable")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !flagSet(fs, "max-retry-after") {
		// An app waits on each request serve holds: pass a throttle on
		// (503 with Retry-After, which SDKs honour) rather than sit in it.
		sel.maxRetryAfter = serveMaxRetryAfter
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	var file *envFile
	if *envPath != "" {
		var err error
		if file, err = claimEnvFile(*envPath); err != nil {
			return err
		}
	}
	p, cred, err := sel.resolve(ctx, env)
	if err != nil {
		return err
	}
	cache := tokens.NewCache(env.Client, time.Now)
	if env.Tokens != nil && p.ID != "" {
		cache.WithShelf(env.Tokens)
	}
	cfg := server.Config{
		Profile:        string(p.ID),
		Identity:       p.CacheKey().Identity,
		Request:        p.Request(cred),
		Cache:          cache,
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
	if file == nil {
		fmt.Fprint(env.Stdout, srv.Exports())
	} else {
		if err := file.write(srv.Exports()); err != nil {
			return err
		}
		defer file.remove()
		fmt.Fprintf(env.Stderr, "Wrote IDENTITY_ENDPOINT and IDENTITY_HEADER to %s, readable by you only; it is removed on stop.\n", *envPath)
	}
	fmt.Fprintf(env.Stderr, "Serving %s tokens for %s at %s (and %s); Ctrl+C stops.\n",
		profiles.Printable(p.Name), cfg.Request.Target.Audience(), srv.Endpoint(), srv.TokenURL())
	if err := srv.Serve(ctx); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, "Stopped.")
	return nil
}
