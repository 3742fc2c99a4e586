package cli

import (
	"context"
	"fmt"

	"github.com/aztoken/aztoken/tokens/sharedcache"
)

func runCache(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("cache", "clear",
		`Manage the token cache that the window, the tray, serve and every command
share. Tokens are kept encrypted in your cache folder under a key in the
OS keyring and reused until five minutes before they expire.

  clear   remove every cached token and the cache's key; the next call of
          each profile asks Entra ID again

Example:
  aztoken cache clear`, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "clear" {
		return usageErrorf("cache: say 'aztoken cache clear'")
	}
	if env.Tokens == nil {
		fmt.Fprintln(env.Stderr, "There is no token cache on this system.")
		return nil
	}
	if err := env.Tokens.Clear(); err != nil {
		return fmt.Errorf("cannot clear the token cache: %w", err)
	}
	if err := (sharedcache.KeyringKey{Secrets: env.Secrets}).Forget(ctx); err != nil {
		return fmt.Errorf("removed the cached tokens, but not the cache's key from the keyring: %w", err)
	}
	fmt.Fprintln(env.Stderr, "Cleared the token cache.")
	return nil
}
