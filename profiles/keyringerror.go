package profiles

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/zalando/go-keyring"
)

// KeyringProblem is why the keyring could not be used, so that the UI can
// decide what to offer (keeping the secret in memory, trying again).
type KeyringProblem int

// The problems a keyring call runs into.
const (
	// KeyringFailed is any other error; the message carries the cause.
	KeyringFailed KeyringProblem = iota
	KeyringNoSession
	KeyringNoSecretService
	KeyringLocked
	KeyringTimedOut
	KeyringTooBig
	KeyringUnsupported
	KeyringCrashed
	KeyringCancelled
)

// wayRound is what a user without a working keyring can do instead: opt
// into the passphrase-encrypted file store (never chosen silently), or, in
// the window, keep the secret in memory, or on the command line read it
// from AZURE_CLIENT_SECRET with --env.
const wayRound = "or keep secrets in aztoken's passphrase-encrypted file instead (aztoken secrets use file; --secret-store file or " +
	SecretStoreEnv + "=file for one command); " +
	"or keep the secret in memory (window) or in AZURE_CLIENT_SECRET with --env (command line)"

// plainWords say each problem to the user: the cause, then what to do.
// The ways round a missing keyring are named in wayRound.
var plainWords = map[KeyringProblem]string{
	KeyringNoSession: "there is no D-Bus session bus to reach a keyring through, as in an SSH login, a container or WSL. " +
		"Run aztoken in a desktop session, or start a bus with a keyring: " +
		"dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets; exec $SHELL' (type a password for it, then Ctrl+D); " +
		wayRound,
	KeyringNoSecretService: "no Secret Service answers on the session bus. " +
		"Install and start one: gnome-keyring (apt install gnome-keyring), or KeePassXC with its Secret Service integration on; " +
		wayRound,
	KeyringLocked: "the keyring is locked, and no login unlocked it or its unlock prompt was dismissed. " +
		"Unlock it: in a desktop session with Passwords and Keys (Seahorse), in a terminal with " +
		"gnome-keyring-daemon --replace --unlock --components=secrets and your login password; " +
		wayRound,
	KeyringTimedOut:    "timed out waiting for the keyring: an unlock prompt may be open",
	KeyringTooBig:      "secret too large for the keyring (Windows allows about 2.5 KB)",
	KeyringUnsupported: "this system has no keyring aztoken can use",
	KeyringCrashed:     "the keyring library failed unexpectedly",
	KeyringCancelled:   "cancelled",
}

// KeyringError is a keyring call that failed. Its message names the cause
// in plain words and never contains a secret.
type KeyringError struct {
	// Op is what was attempted: "read", "save" or "delete".
	Op      string
	Problem KeyringProblem
	// Cause is the error go-keyring (or the timeout) gave.
	Cause error
}

func newKeyringError(op string, cause error) *KeyringError {
	return &KeyringError{Op: op, Problem: classify(cause), Cause: cause}
}

// Error says what failed and why, for example "cannot save the secret in
// the keyring: the keyring is locked".
func (e *KeyringError) Error() string {
	why, ok := plainWords[e.Problem]
	if !ok {
		why = e.Cause.Error()
	}
	return "cannot " + e.Op + " the secret in the keyring: " + why
}

// Unwrap returns the cause.
func (e *KeyringError) Unwrap() error { return e.Cause }

// Unavailable reports whether the keyring cannot be used at the moment, the
// case where the UI offers to keep the secret in memory for this session.
// A secret that is too large, or a call the user cancelled, is not that.
func (e *KeyringError) Unavailable() bool {
	return e.Problem != KeyringTooBig && e.Problem != KeyringCancelled
}

// classify turns go-keyring's errors, which on Linux are raw D-Bus errors,
// into a KeyringProblem. D-Bus errors are matched by their text because
// go-keyring passes them through untyped.
func classify(err error) KeyringProblem {
	switch {
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return KeyringTooBig
	case errors.Is(err, keyring.ErrUnsupportedPlatform):
		return KeyringUnsupported
	case errors.Is(err, context.DeadlineExceeded):
		return KeyringTimedOut
	case errors.Is(err, context.Canceled):
		return KeyringCancelled
	case errors.Is(err, errPanicked):
		return KeyringCrashed
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return KeyringNoSession
	}
	msg := err.Error()
	for _, m := range messageProblems {
		if strings.Contains(msg, m.text) {
			return m.problem
		}
	}
	return KeyringFailed
}

// messageProblems are the texts of errors seen from godbus, the Secret
// Service and macOS's security tool, and what they mean.
var messageProblems = []struct {
	text    string
	problem KeyringProblem
}{
	{"couldn't determine address of session bus", KeyringNoSession},
	{"dbus-launch", KeyringNoSession},
	{"org.freedesktop.DBus.Error.NoServer", KeyringNoSession},
	{"org.freedesktop.secrets was not provided", KeyringNoSecretService},
	{"org.freedesktop.DBus.Error.ServiceUnknown", KeyringNoSecretService},
	{"failed to unlock", KeyringLocked},
	{"org.freedesktop.Secret.Error.IsLocked", KeyringLocked},
	{"User interaction is not allowed", KeyringLocked},
}
