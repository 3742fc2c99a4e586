package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/server"
)

// serveMaxRetryAfter is how long serve itself waits when Entra ID asks it
// to, unless --max-retry-after says otherwise.
const serveMaxRetryAfter = 5 * time.Second

// serveOptions are serve's flags.
type serveOptions struct {
	sel                selection
	port               int
	envPath            string
	resources, origins []string
}

func newServeCmd(env *Env, run func(context.Context, *Env, *serveOptions) error) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve -p NAME [--port N] [--env-file PATH] [--allow-resource R]… [--cors-origin O]…",
		Short: "serve a profile's tokens to apps on this machine (managed-identity endpoint)",
		Long: `Serve a profile's tokens on 127.0.0.1 until Ctrl+C, so that an app gets
short-lived tokens and the client secret stays in its store.

An app using an Azure SDK's DefaultAzureCredential or
ManagedIdentityCredential runs unchanged once it has the two variables
printed on stdout, or written with --env-file to a file only you can read:
the server speaks App Service's managed-identity protocol.
A front-end development server can GET /token with the same header for
{"access_token","expires_on",…}; a web page may only if its origin is listed
with --cors-origin. Every request must send the header value, which is new
each time the server starts, and anyone who has it gets tokens: keep it out
of files others can read. Requests are logged to stderr, never a token.

Only the profile's resource is served unless --allow-resource adds more.`,
		Example: `  aztoken serve -p dev --port 8123           then paste the export lines into the app's shell
  aztoken serve -p dev --env-file serve.env &
  until [ -s serve.env ]; do sleep 1; done; . ./serve.env; go run ./myapp
  aztoken serve -p dev --allow-resource https://vault.azure.net --cors-origin http://localhost:5173`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if !changed(c.Flags(), "max-retry-after") {
				// An app waits on each request serve holds: pass a throttle on
				// (503 with Retry-After, which SDKs honour) rather than sit in it.
				opts.sel.maxRetryAfter = serveMaxRetryAfter
			}
			return run(c.Context(), env, opts)
		},
	}
	opts.sel.register(cmd, env)
	fs := cmd.Flags()
	fs.IntVar(&opts.port, "port", 0, "TCP `port` on 127.0.0.1; 0 picks a free one")
	fs.StringVar(&opts.envPath, "env-file", "", "write the export lines to this new `file` (mode 0600, removed on stop) instead of stdout")
	fs.StringArrayVar(&opts.resources, "allow-resource", nil, "also serve tokens for this `resource`; repeatable")
	fs.StringArrayVar(&opts.origins, "cors-origin", nil, "let web pages from this `origin` (http://localhost:5173) read /token; repeatable")
	return cmd
}

func runServe(ctx context.Context, env *Env, opts *serveOptions) error {
	var file *envFile
	if opts.envPath != "" {
		var err error
		if file, err = claimEnvFile(opts.envPath); err != nil {
			return err
		}
	}
	p, cred, err := opts.sel.resolve(ctx, env)
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
		Port:           opts.port,
		AllowResources: opts.resources,
		CORSOrigins:    opts.origins,
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
		fmt.Fprintf(env.Stderr, "Wrote IDENTITY_ENDPOINT and IDENTITY_HEADER to %s, readable by you only; it is removed on stop.\n", opts.envPath)
	}
	fmt.Fprintf(env.Stderr, "Serving %s tokens for %s at %s (and %s); Ctrl+C stops.\n",
		profiles.Printable(p.Name), cfg.Request.Target.Audience(), srv.Endpoint(), srv.TokenURL())
	if err := srv.Serve(ctx); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, "Stopped.")
	return nil
}
