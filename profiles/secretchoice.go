package profiles

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SecretBackend is where client secrets are kept: the OS keyring, or the
// passphrase-encrypted file the user opted into.
type SecretBackend string

// The secret stores a user can choose.
const (
	KeyringBackend SecretBackend = "keyring"
	FileBackend    SecretBackend = "file"
)

// SecretStoreEnv names the environment variable that chooses the store,
// between the --secret-store flag and the saved choice.
const SecretStoreEnv = "AZTOKEN_SECRET_STORE"

// secretChoiceName is the file in the config folder that records the
// user's choice, read by the window and the command line alike. It holds
// one word, never a secret. A file of its own rather than a field of
// profiles.json: an older aztoken rewriting profiles.json would drop an
// unknown field, silently sending the user back to the keyring.
const secretChoiceName = "secret-store"

// ParseSecretBackend reads "keyring" or "file".
func ParseSecretBackend(s string) (SecretBackend, error) {
	switch b := SecretBackend(strings.ToLower(strings.TrimSpace(s))); b {
	case KeyringBackend, FileBackend:
		return b, nil
	}
	return "", fmt.Errorf("unknown secret store %q: choose keyring or file", s)
}

// SecretChoice is the store in use and what chose it.
type SecretChoice struct {
	Backend SecretBackend
	// By says what chose it, for messages and the Settings view:
	// "--secret-store", SecretStoreEnv, the choice file's path, or
	// "default".
	By string
}

// ChooseSecretBackend decides the store: the flag when given, else the
// variable, else the choice saved in dir, else the keyring. Nothing falls
// back to the file store on its own: a keyring that does not work stays
// an error that names the opt-in.
func ChooseSecretBackend(flag, env, dir string) (SecretChoice, error) {
	if flag != "" {
		b, err := ParseSecretBackend(flag)
		if err != nil {
			return SecretChoice{}, fmt.Errorf("--secret-store: %w", err)
		}
		return SecretChoice{b, "--secret-store"}, nil
	}
	if env != "" {
		b, err := ParseSecretBackend(env)
		if err != nil {
			return SecretChoice{}, fmt.Errorf("%s: %w", SecretStoreEnv, err)
		}
		return SecretChoice{b, SecretStoreEnv}, nil
	}
	if dir == "" {
		// No config folder: never read a choice from the working one.
		return SecretChoice{KeyringBackend, "default"}, nil
	}
	path := filepath.Join(dir, secretChoiceName)
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return SecretChoice{KeyringBackend, "default"}, nil
	case err != nil:
		return SecretChoice{}, fmt.Errorf("cannot read the secret store choice: %w", err)
	}
	b, err := ParseSecretBackend(string(data))
	if err != nil {
		return SecretChoice{}, fmt.Errorf("%s: %w", path, err)
	}
	return SecretChoice{b, path}, nil
}

// SaveSecretChoice records b as the store both front ends use from now on.
func SaveSecretChoice(dir string, b SecretBackend) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot save the secret store choice: %w", err)
	}
	return writeAtomic(filepath.Join(dir, secretChoiceName), []byte(string(b)+"\n"), writeAll)
}
