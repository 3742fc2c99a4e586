package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// readSecret takes the client secret from stdin (--secret-stdin) or a
// no-echo prompt, never from a flag value: flags end up in shell history
// and in ps.
func readSecret(env *Env, fromStdin bool) (string, error) {
	if fromStdin {
		line, err := bufio.NewReader(io.LimitReader(env.Stdin, 64<<10)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("reading the secret from stdin: %w", err)
		}
		secret := strings.TrimRight(line, "\r\n")
		if secret == "" {
			return "", usageErrorf("--secret-stdin: stdin held no secret")
		}
		return secret, nil
	}
	if env.ReadPassword == nil {
		return "", usageErrorf("no terminal to ask for the secret: pipe it in with --secret-stdin")
	}
	secret, err := env.ReadPassword("Client secret (the Value, not the Secret ID; input hidden): ")
	if err != nil {
		return "", err
	}
	if secret = strings.TrimSpace(secret); secret == "" {
		return "", usageErrorf("no secret entered")
	}
	return secret, nil
}

// terminalPassword reads without echo from the controlling terminal when
// stdin is one.
func terminalPassword() func(string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil
	}
	return func(prompt string) (string, error) {
		fmt.Fprint(os.Stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(os.Stderr)
		return string(b), err
	}
}
