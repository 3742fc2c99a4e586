package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
)

// copyOptions are copy's flags.
type copyOptions struct {
	sel selection
	raw bool
}

func newCopyCmd(env *Env, run func(context.Context, *Env, *copyOptions) error) *cobra.Command {
	opts := &copyOptions{}
	cmd := &cobra.Command{
		Use:   "copy -p NAME [--raw]",
		Short: "copy \"Authorization: Bearer …\" for a profile to the clipboard",
		Long: `Put "Authorization: Bearer <token>" for a profile on the clipboard, ready to
paste into Postman's headers; --raw copies the token alone.`,
		Example: "  aztoken copy -p dev",
		Args:    noArgs,
		RunE:    func(c *cobra.Command, _ []string) error { return run(c.Context(), env, opts) },
	}
	opts.sel.register(cmd, env)
	opts.sel.registerFresh(cmd)
	opts.sel.registerTarget(cmd, env)
	cmd.Flags().BoolVar(&opts.raw, "raw", false, "copy the token alone, without \"Authorization: Bearer\"")
	return cmd
}

func runCopy(ctx context.Context, env *Env, opts *copyOptions) error {
	p, tok, err := opts.sel.fetch(ctx, env)
	if err != nil {
		return err
	}
	text, what := tok.AuthorizationHeader(), "Authorization header"
	if opts.raw {
		text, what = tok.AccessToken, "token"
	}
	if err := env.Clipboard.WriteAll(text); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Copied the %s for %s; it expires at %s (in %s).\n",
		what, profiles.Printable(p.Name), tok.ExpiresOn.Local().Format("15:04"), tok.Remaining(env.Client.Now()).Round(time.Minute))
	return nil
}
