// Package cli is aztoken's command line: the same profiles, keyring secrets
// and token engine as the window, for scripts and terminals. It never
// imports Fyne, so it runs over SSH with no display.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/sharedcache"
	"github.com/aztoken/aztoken/ui/clipboard"
)

// Env is everything a command touches, so tests can run commands in
// process or as a real binary against the emulator.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// OpenStore opens the profile store.
	OpenStore func() (*profiles.Store, error)
	// Secrets holds client secrets: the OS keyring for real.
	Secrets profiles.SecretStore
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

// IsCommand reports whether args (without the program name) start with a
// subcommand, as opposed to GUI options.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	_, ok := commands[args[0]]
	return ok || args[0] == "-h" || args[0] == "--help" || args[0] == "help"
}

// Main runs the command line with the real environment and returns the
// process exit code.
func Main(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return Run(ctx, args, SystemEnv())
}

// SystemEnv is the real environment: the user's config folder, the OS
// keyring, the shared HTTP client and the system clipboard.
func SystemEnv() *Env {
	secrets, client := profiles.NewKeyring(), tokens.NewClient()
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
		Client:       client,
		Tokens:       sharedcache.OpenDefault(secrets, client.Now),
		Clipboard:    clipboard.System{},
		ReadPassword: terminalPassword(),
	}
}

// command is one subcommand: its one-line summary and what it does.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

var commands map[string]command

func init() {
	// Set in init because the help command lists the table it is part of.
	commands = map[string]command{
		"token":    {"print a token for a profile (raw, header, json or env)", runToken},
		"copy":     {"copy \"Authorization: Bearer …\" for a profile to the clipboard", runCopy},
		"test":     {"list a subscription's resource groups with a profile's token", runTest},
		"check":    {"run the setup check: tenant, secret, token, roles, subscription, expiry", runCheck},
		"decode":   {"decode any access token offline and say what is wrong with it", runDecode},
		"serve":    {"serve a profile's tokens to apps on this machine (managed-identity endpoint)", runServe},
		"cache":    {"clear the token cache shared by the window and the command line", runCache},
		"profiles": {"list, show, add, edit, remove, import and export profiles", runProfiles},
		"version":  {"print aztoken's version", runVersion},
		"help":     {"show help for a command", runHelp},
	}
}

// Run executes one command line and returns its exit code.
func Run(ctx context.Context, args []string, env *Env) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		printUsage(env.Stdout)
		return ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return report(env, false, usageErrorf("unknown command %q; run 'aztoken help'", args[0]))
	}
	asJSON := wantsJSON(args[1:])
	if env.Client != nil {
		env.Client.Retry.OnRetryAfter = nil
		if !asJSON && args[0] != "serve" {
			// A wait Azure asked for can last a minute: say so rather
			// than sit silent. JSON output and serve's log stay as they are.
			env.Client.Retry.OnRetryAfter = func(host string, wait time.Duration) {
				fmt.Fprintf(env.Stderr, "aztoken: %s asked to wait %s before trying again; waiting (Ctrl+C stops)\n", host, wait)
			}
		}
	}
	err := cmd.run(ctx, env, args[1:])
	return report(env, asJSON, err)
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `aztoken: Azure Entra ID tokens for app registrations.

Usage:
  aztoken                      open the window
  aztoken COMMAND [flags]      run a command without a window

Commands:
`)
	for _, name := range []string{"token", "copy", "decode", "test", "check", "serve", "profiles", "cache", "version", "help"} {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprint(w, `
Examples:
  aztoken profiles add --name dev --tenant contoso.onmicrosoft.com --client-id 11111111-2222-3333-4444-555555555555
  curl -H "$(aztoken token -p dev --format header)" "https://management.azure.com/subscriptions?api-version=2022-12-01"
  aztoken test -p dev --subscription 00000000-0000-0000-0000-000000000000

Run 'aztoken help COMMAND' or 'aztoken COMMAND -h' for a command's flags.
`)
}

func runHelp(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		printUsage(env.Stdout)
		return nil
	}
	if _, ok := commands[args[0]]; !ok || args[0] == "help" {
		return usageErrorf("no command %q; run 'aztoken help'", args[0])
	}
	return commands[args[0]].run(ctx, env, []string{"-h"})
}

func runVersion(_ context.Context, env *Env, args []string) error {
	fs := newFlagSet("version", "", "Print aztoken's version.", env)
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, VersionLine())
	return nil
}
