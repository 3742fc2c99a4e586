package cli

import (
	"context"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
)

// PassphraseEnv names the variable a script or CI job sets to the
// passphrase of the file store, when no one is at a terminal to type it.
const PassphraseEnv = "AZTOKEN_SECRETS_PASSPHRASE"

// systemStores are the real keyring and secrets.age in the user's config
// folder, the passphrase asked on the terminal or read from PassphraseEnv.
func systemStores(getenv func(string) string, readPassword func(string) (string, error)) *profiles.ChosenStore {
	s := &profiles.ChosenStore{Keyring: profiles.NewKeyring(), Getenv: getenv}
	path, err := profiles.DefaultSecretsPath()
	if err == nil {
		s.Dir = filepath.Dir(path)
	}
	s.File = profiles.NewFileStore(path, askPassphrase(getenv, readPassword))
	return s
}

// addSecretStoreFlag gives every command --secret-store, which Run hands
// to env's stores before the command runs.
func addSecretStoreFlag(root *cobra.Command, flag *string) {
	root.PersistentFlags().StringVar(flag, "secret-store", "",
		"keep client secrets for this command in `store`: keyring, or file (secrets.age, passphrase-encrypted); "+
			"default: $"+profiles.SecretStoreEnv+", then the choice saved by 'aztoken secrets use', then keyring")
	_ = root.RegisterFlagCompletionFunc("secret-store", cobra.FixedCompletions(
		[]string{"keyring\tthe OS keyring", "file\tsecrets.age, encrypted with a passphrase"}, cobra.ShellCompDirectiveNoFileComp))
}

// askPassphrase asks for the file store's passphrase: from PassphraseEnv
// when set, else without echo on the terminal, twice for a new file so a
// typo does not lock the user out.
func askPassphrase(getenv func(string) string, readPassword func(string) (string, error)) profiles.Passphrase {
	return func(_ context.Context, path string, create bool) (string, error) {
		if p := getenv(PassphraseEnv); p != "" {
			return p, nil
		}
		if readPassword == nil {
			return "", usageErrorf("no terminal to ask for the passphrase of %s: set %s to it", path, PassphraseEnv)
		}
		if !create {
			return readPassword("Passphrase of " + path + " (input hidden): ")
		}
		p, err := readPassword("New passphrase for " + path + " (input hidden): ")
		if err != nil || p == "" {
			return p, err
		}
		again, err := readPassword("The same passphrase again: ")
		if err != nil {
			return "", err
		}
		if again != p {
			return "", usageErrorf("the two passphrases differ; nothing was saved")
		}
		return p, nil
	}
}

// secretPlace names the store in use, for "no secret in ..." messages.
func (env *Env) secretPlace() string {
	if env.Stores != nil {
		if _, c, err := env.Stores.Current(); err == nil && c.Backend == profiles.FileBackend {
			return "the encrypted secrets file"
		}
	}
	return "the keyring"
}
