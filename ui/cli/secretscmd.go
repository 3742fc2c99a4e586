package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/sharedcache"
)

// secretsUseOptions are secrets use's flags.
type secretsUseOptions struct {
	// leave records the choice without moving any secret.
	leave bool
}

func newSecretsCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "secrets use [keyring|file]",
		Short: "choose where client secrets are kept: the OS keyring or a passphrase-encrypted file",
		Long: `Client secrets live in the OS keyring unless you choose the file store:
secrets.age beside profiles.json, encrypted with age under a passphrase
that is asked once per command (or read from ` + PassphraseEnv + `)
and never stored. Nothing switches to the file on its own.`,
		Example: "  aztoken secrets use file\n  aztoken secrets use",
		Args:    cobra.ArbitraryArgs,
		RunE: func(*cobra.Command, []string) error {
			return usageErrorf("secrets: say 'aztoken secrets use keyring' or 'aztoken secrets use file'")
		},
	}
	cmd.AddCommand(newSecretsUseCmd(env, runSecretsUse))
	return cmd
}

func newSecretsUseCmd(env *Env, run func(context.Context, *Env, string, *secretsUseOptions) error) *cobra.Command {
	opts := &secretsUseOptions{}
	cmd := &cobra.Command{
		Use:   "use [keyring|file]",
		Short: "move every secret to the keyring or the encrypted file, and keep them there from now on",
		Long: `Move every profile's secret, and the token cache's key, from the store in
use to the one named, then keep secrets there in the window and on the
command line. Every secret is read before any is written: if one cannot
be read, nothing changes. Without a store, say which one is in use.
With --leave-secrets, only the choice changes (for a keyring that cannot
be reached): enter each profile's secret again with 'profiles edit'.`,
		Example:   "  aztoken secrets use file\n  AZTOKEN_SECRETS_PASSPHRASE=... aztoken secrets use keyring\n  aztoken secrets use file --leave-secrets",
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"keyring\tthe OS keyring", "file\tsecrets.age, encrypted with a passphrase"},
		RunE: func(c *cobra.Command, args []string) error {
			target := ""
			if len(args) == 1 {
				target = args[0]
			}
			return run(c.Context(), env, target, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.leave, "leave-secrets", false, "record the choice without moving the secrets")
	return cmd
}

func runSecretsUse(ctx context.Context, env *Env, target string, opts *secretsUseOptions) error {
	if env.Stores == nil {
		return errors.New("this aztoken has no choice of secret store")
	}
	_, choice, err := env.Stores.Current()
	if err != nil {
		return err
	}
	if target == "" {
		fmt.Fprintln(env.Stdout, "Secrets are kept in the", describeChoice(choice))
		return nil
	}
	to, err := profiles.ParseSecretBackend(target)
	if err != nil {
		return usageErrorf("secrets use: %v", err)
	}
	var items []profiles.SecretItem
	if !opts.leave && to != choice.Backend {
		if items, err = secretItems(env); err != nil {
			return err
		}
	}
	moved, err := env.Stores.Use(ctx, to, items, opts.leave)
	if errors.As(err, new(*profiles.UnreadableSecretError)) {
		return fmt.Errorf("%w\n(to change only the choice, add --leave-secrets and enter the secrets again)", err)
	}
	if moved > 0 {
		fmt.Fprintf(env.Stdout, "Moved %d secrets from the %s to the %s.\n", moved, choice.Backend, to)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Secrets are now kept in the %s, in the window and on the command line.\n", to)
	if v := env.Getenv(profiles.SecretStoreEnv); v != "" && v != string(to) {
		fmt.Fprintf(env.Stderr, "note: %s=%s is set and still overrides this choice where it is set.\n", profiles.SecretStoreEnv, v)
	}
	return nil
}

// secretItems are the secrets a move carries.
func secretItems(env *Env) ([]profiles.SecretItem, error) {
	store, err := env.OpenStore()
	if err != nil {
		return nil, err
	}
	return profiles.MoveItems(store.List(), profiles.SecretItem{ID: sharedcache.KeyID, Label: "the token cache key"}), nil
}

// describeChoice says which store is in use and what chose it.
func describeChoice(c profiles.SecretChoice) string {
	by := "by default"
	switch c.By {
	case "default":
	case "--secret-store", profiles.SecretStoreEnv:
		by = "chosen by " + c.By
	default:
		by = "chosen in " + c.By
	}
	return fmt.Sprintf("%s (%s)", c.Backend, by)
}
