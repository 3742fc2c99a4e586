// Package cli is aztoken's command line: the same profiles, keyring secrets
// and token engine as the window, for scripts and terminals. It never
// imports Fyne, so it runs over SSH with no display.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/clipboard"
	"github.com/aztoken/aztoken/tokens/sharedcache"
)

// Env is everything a command touches, so tests can run commands in
// process or as a real binary against the emulator.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// OpenStore opens the profile store.
	OpenStore func() (*profiles.Store, error)
	// Secrets holds client secrets: Stores for real.
	Secrets profiles.SecretStore
	// Stores, when set, is Secrets: the keyring or the file store, as
	// --secret-store and the saved choice say. Tests that set a plain
	// Secrets leave it nil.
	Stores *profiles.ChosenStore
	// Client talks to Entra ID and ARM.
	Client *tokens.Client
	// Tokens is the token cache shared with the window and other
	// processes; nil fetches every token anew.
	Tokens *sharedcache.Cache
	// Clipboard receives copied headers.
	Clipboard clipboard.Clipboard
	// ReadPassword reads a line without echo from the terminal; nil when
	// stdin is not a terminal.
	ReadPassword func(prompt string) (string, error)
}

// knownCommand reports whether name is one of root's commands.
func knownCommand(root *cobra.Command, name string) bool {
	switch name {
	case "help", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
		return true
	}
	for _, c := range root.Commands() {
		if c.Name() == name {
			return true
		}
	}
	return false
}

// Main runs the command line with the real environment and returns the
// process exit code.
func Main(args []string) int {
	// cobra's "run me from cmd.exe" pause is for console programs opened
	// from Explorer; aztoken opens its window then, and never gets here.
	cobra.MousetrapHelpText = ""
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return Run(ctx, args, SystemEnv())
}

// SystemEnv is the real environment: the user's config folder, the
// chosen secret store, the shared HTTP client and the system clipboard.
func SystemEnv() *Env {
	readPassword := terminalPassword()
	secrets, client := systemStores(os.Getenv, readPassword), tokens.NewClient()
	return &Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		OpenStore: func() (*profiles.Store, error) {
			path, err := profiles.DefaultPath()
			if err != nil {
				return nil, err
			}
			return profiles.Open(path)
		},
		Secrets:      secrets,
		Stores:       secrets,
		Client:       client,
		Tokens:       sharedcache.OpenDefault(secrets, client.Now),
		Clipboard:    clipboard.System{},
		ReadPassword: readPassword,
	}
}

// Run executes one command line and returns its exit code.
func Run(ctx context.Context, args []string, env *Env) int {
	asJSON := wantsJSON(args)
	if env.Client != nil {
		env.Client.Retry.OnRetryAfter = nil
		if !asJSON && (len(args) == 0 || args[0] != "serve") {
			// A wait Azure asked for can last a minute: say so rather
			// than sit silent. JSON output and serve's log stay as they are.
			env.Client.Retry.OnRetryAfter = func(host string, wait time.Duration) {
				fmt.Fprintf(env.Stderr, "aztoken: %s asked to wait %s before trying again; waiting (Ctrl+C stops)\n", host, wait)
			}
		}
	}
	started := false
	root := newRootCmd(env, &started)
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !knownCommand(root, args[0]) {
		// Before cobra parses the flags, which belong to the command
		// the user meant and would be reported as unknown instead.
		return report(env, asJSON, unknownCommand(root, args[:1]))
	}
	if err := singleDashFlag(root, args); err != nil {
		return report(env, asJSON, err)
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	var usage *usageError
	if err != nil && !errors.As(err, &usage) && !started {
		// Cobra refused the line before any command ran: a wrong number
		// of arguments, which scripts see as 2 like any usage error.
		usage = &usageError{msg: err.Error()}
		err = usage
	}
	if usage != nil && usage.command == "" && cmd != nil && cmd != root && cmd.Name() != "help" {
		usage.command = cmd.CommandPath()
	}
	return report(env, asJSON, err)
}

// newRootCmd builds the command tree over env; started becomes true when a
// command begins to run, after its flags and arguments were accepted.
func newRootCmd(env *Env, started *bool) *cobra.Command {
	var secretStore string
	root := &cobra.Command{
		Use:   "aztoken [COMMAND]",
		Short: "Azure Entra ID tokens for app registrations",
		Long: `aztoken: Azure Entra ID tokens for app registrations.

Without a command aztoken opens its window; with one it runs without a
window, over SSH too. Flags go anywhere on the line.`,
		Example: `  aztoken profiles add --name dev --tenant contoso.onmicrosoft.com --client-id 11111111-2222-3333-4444-555555555555
  curl -H "$(aztoken token -p dev --format header)" "https://management.azure.com/subscriptions?api-version=2022-12-01"
  aztoken test -p dev --subscription 00000000-0000-0000-0000-000000000000
  aztoken profiles list --format json
  source <(aztoken completion bash)`,
		Args:          unknownCommand,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(*cobra.Command, []string) error {
			*started = true
			if env.Stores == nil {
				return nil
			}
			if err := env.Stores.UseFlag(secretStore); err != nil {
				return usageErrorf("%v", err)
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	addSecretStoreFlag(root, &secretStore)
	root.SuggestionsMinimumDistance = 2 // cobra's own default, set only when it suggests itself
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetFlagErrorFunc(flagError)
	root.SetHelpTemplate(helpTemplate)
	root.SetHelpCommand(newHelpCmd())
	root.AddCommand(
		newTokenCmd(env, runToken),
		newCopyCmd(env, runCopy),
		newTestCmd(env, runTest),
		newCheckCmd(env, runCheck),
		newDecodeCmd(env, runDecode),
		newServeCmd(env, runServe),
		newCacheCmd(env),
		newProfilesCmd(env),
		newSecretsCmd(env),
		newVersionCmd(env, runVersion),
	)
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			completionCmd(c)
		}
	}
	useLinesAsWritten(root)
	return root
}
