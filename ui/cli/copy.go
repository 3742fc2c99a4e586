package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/aztoken/aztoken/profiles"
)

func runCopy(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("copy", "-p NAME [--raw]",
		`Put "Authorization: Bearer <token>" for a profile on the clipboard, ready to
paste into Postman's headers; --raw copies the token alone.

Example:
  aztoken copy -p dev`, env)
	var sel selection
	sel.register(fs)
	sel.registerFresh(fs)
	raw := fs.Bool("raw", false, "copy the token alone, without \"Authorization: Bearer\"")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	p, tok, err := sel.fetch(ctx, env)
	if err != nil {
		return err
	}
	text, what := tok.AuthorizationHeader(), "Authorization header"
	if *raw {
		text, what = tok.AccessToken, "token"
	}
	if err := env.Clipboard.WriteAll(text); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Copied the %s for %s; it expires at %s (in %s).\n",
		what, profiles.Printable(p.Name), tok.ExpiresOn.Local().Format("15:04"), tok.Remaining(env.Client.Now()).Round(time.Minute))
	return nil
}
