package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/tokens/sharedcache"
)

// cacheClearOptions are cache clear's flags.
type cacheClearOptions struct{ yes bool }

func newCacheCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cache clear [--yes]",
		Short: "clear the token cache shared by the window and the command line",
		Long: `Manage the token cache that the window, the tray, serve and every command
share. Tokens are kept encrypted in your cache folder under a key kept
with your client secrets (the OS keyring, or secrets.age) and reused until five minutes before they expire.`,
		Example: "  aztoken cache clear --yes",
		Args:    cobra.ArbitraryArgs,
		RunE: func(*cobra.Command, []string) error {
			return usageErrorf("cache: say 'aztoken cache clear'")
		},
	}
	cmd.AddCommand(newCacheClearCmd(env, runCacheClear))
	return cmd
}

func newCacheClearCmd(env *Env, run func(context.Context, *Env, *cacheClearOptions) error) *cobra.Command {
	opts := &cacheClearOptions{}
	cmd := &cobra.Command{
		Use:   "clear [--yes]",
		Short: "remove every cached token and the cache's key; the next call of each profile asks Entra ID again",
		Long: `Remove every cached token and the cache's key from the secret store; the next
call of each profile asks Entra ID again. Asks first, unless --yes.`,
		Example: "  aztoken cache clear --yes",
		Args:    noArgs,
		RunE:    func(c *cobra.Command, _ []string) error { return run(c.Context(), env, opts) },
	}
	cmd.Flags().BoolVarP(&opts.yes, "yes", "y", false, "clear without asking")
	return cmd
}

func runCacheClear(ctx context.Context, env *Env, opts *cacheClearOptions) error {
	if err := confirm(env, opts.yes, "cache clear", "clear the token cache"); err != nil {
		return err
	}
	if env.Tokens == nil {
		fmt.Fprintln(env.Stderr, "There is no token cache on this system.")
		return nil
	}
	if err := env.Tokens.Clear(); err != nil {
		return fmt.Errorf("cannot clear the token cache: %w", err)
	}
	if err := (sharedcache.KeyringKey{Secrets: env.Secrets}).Forget(ctx); err != nil {
		return fmt.Errorf("removed the cached tokens, but not the cache's key from the secret store: %w", err)
	}
	fmt.Fprintln(env.Stderr, "Cleared the token cache.")
	return nil
}
