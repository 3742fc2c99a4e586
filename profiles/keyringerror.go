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

// plainWords say each problem to the user.
var plainWords = map[KeyringProblem]string{
	KeyringNoSession:       "no D-Bus session (aztoken must run inside a desktop session to reach the keyring)",
	KeyringNoSecretService: "no Secret Service on the session bus (install and start gnome-keyring or KeePassXC)",
	KeyringLocked:          "the keyring is locked",
	KeyringTimedOut:        "timed out waiting for the keyring: an unlock prompt may be open",
	KeyringTooBig:          "secret too large for the keyring (Windows allows about 2.5 KB)",
	KeyringUnsupported:     "this system has no keyring aztoken can use",
	KeyringCrashed:         "the keyring library failed unexpectedly",
	KeyringCancelled:       "cancelled",
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
