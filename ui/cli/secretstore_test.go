package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// filePassphrase is the file store's passphrase in these tests; like the
// client secret, it must never reach the output or the disk.
const filePassphrase = "Known-passphrase~7731"

// unavailableKeyring is a machine without a session bus: every call fails
// as the real keyring does there.
type unavailableKeyring struct{}

func (unavailableKeyring) err(op string) error {
	return &profiles.KeyringError{Op: op, Problem: profiles.KeyringNoSession, Cause: errors.New("no bus")}
}
func (k unavailableKeyring) Get(context.Context, profiles.ID) (string, error) {
	return "", k.err("read")
}
func (k unavailableKeyring) Set(context.Context, profiles.ID, string) error { return k.err("save") }
func (k unavailableKeyring) Delete(context.Context, profiles.ID) error      { return k.err("delete") }

// storeWorld is a world whose secrets go through the real choice of
// store: keyring (memory, or unavailable) or secrets.age in the config
// folder, with variables in vars and no terminal unless terminal is set.
type storeWorld struct {
	*world
	mu    sync.Mutex
	vars  map[string]string
	typed []string // answers to the no-echo prompts, in order
	asked []string // the prompts shown
	// terminal says a user is at a terminal to type passphrases.
	terminal bool
}

func newStoreWorld(t *testing.T, keyring profiles.SecretStore) *storeWorld {
	t.Helper()
	w := &storeWorld{world: newWorld(t), vars: map[string]string{}}
	w.env.Getenv = func(k string) string {
		w.mu.Lock()
		defer w.mu.Unlock()
		return w.vars[k]
	}
	w.env.ReadPassword = nil
	if keyring == nil {
		keyring = w.secrets
	}
	w.env.Stores = &profiles.ChosenStore{Dir: w.dir, Keyring: keyring, Getenv: w.env.Getenv}
	w.env.Secrets = w.env.Stores
	w.restart()
	return w
}

// restart forgets the passphrase and the stores' choice, as a new
// aztoken process would.
func (w *storeWorld) restart() {
	var terminal func(string) (string, error)
	if w.terminal {
		terminal = w.typeAnswer
	}
	ask := askPassphrase(w.env.Getenv, terminal)
	w.env.Stores.File = &profiles.FileStore{Path: filepath.Join(w.dir, profiles.SecretsFileName), WorkFactor: 10, Ask: ask}
}

// typeAnswer is the user at the terminal, typing the next of typed.
func (w *storeWorld) typeAnswer(prompt string) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.asked = append(w.asked, prompt)
	if len(w.typed) == 0 {
		return "", errors.New("no more typing")
	}
	p := w.typed[0]
	w.typed = w.typed[1:]
	return p, nil
}

func (w *storeWorld) set(k, v string) {
	w.mu.Lock()
	w.vars[k] = v
	w.mu.Unlock()
}

// fileSecret opens secrets.age afresh, as another process would.
func (w *storeWorld) fileSecret(name string) (string, error) {
	store, err := w.env.OpenStore()
	if err != nil {
		return "", err
	}
	p, ok := store.ByName(name)
	if !ok {
		return "", fmt.Errorf("no profile %s", name)
	}
	f := &profiles.FileStore{Path: filepath.Join(w.dir, profiles.SecretsFileName),
		Ask: func(context.Context, string, bool) (string, error) { return filePassphrase, nil }}
	return f.Get(context.Background(), p.ID)
}

func TestTheFileStoreWithThePassphraseFromTheVariable(t *testing.T) {
	t.Parallel()
	w := newStoreWorld(t, unavailableKeyring{})
	w.set(PassphraseEnv, filePassphrase)
	var output strings.Builder
	run := func(args ...string) (int, string) {
		code, stdout, stderr := w.run(emulator.SampleSecret+"\n", args...)
		output.WriteString(stdout + stderr)
		return code, stdout + stderr
	}
	if code, out := run("profiles", "add", "--name", "dev", "--tenant", emulator.SampleTenant,
		"--client-id", emulator.SampleApp, "--cloud", "custom", "--authority-host", w.srv.URL(),
		"--arm-endpoint", w.srv.URL(), "--resource", "https://management.azure.com/",
		"--secret-stdin", "--secret-store", "file"); code != ExitOK {
		t.Fatalf("add: exit %d: %s", code, out)
	}
	if got, err := w.fileSecret("dev"); got != emulator.SampleSecret || err != nil {
		t.Fatalf("secrets.age holds %q, %v", got, err)
	}
	if code, out := run("token", "-p", "dev", "--secret-store", "file", "--format", "header"); code != ExitOK || !strings.Contains(out, "Bearer eyJ") {
		t.Errorf("token from the file store: exit %d: %s", code, out)
	}
	w.set(profiles.SecretStoreEnv, "file")
	if code, out := run("token", "-p", "dev", "--fresh"); code != ExitOK {
		t.Errorf("token with %s=file: exit %d: %s", profiles.SecretStoreEnv, code, out)
	}
	if code, out := run("profiles", "show", "dev"); code != ExitOK {
		t.Errorf("show: exit %d: %s", code, out)
	}

	// The secret and the passphrase are in no output and in no file.
	for _, known := range []string{emulator.SampleSecret, filePassphrase} {
		if strings.Contains(output.String(), known) {
			t.Errorf("the output shows %q:\n%s", known, output.String())
		}
		err := filepath.WalkDir(w.dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if data, _ := os.ReadFile(path); bytes.Contains(data, []byte(known)) {
					t.Errorf("%s holds %q", path, known)
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestTheFileStoreWithoutTerminalOrVariableNamesTheVariable(t *testing.T) {
	t.Parallel()
	w := newStoreWorld(t, nil)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret) // in the keyring
	w.set(PassphraseEnv, filePassphrase)
	if code, _, stderr := w.run("", "secrets", "use", "file"); code != ExitOK {
		t.Fatalf("use file: exit %d: %s", code, stderr)
	}
	w.set(PassphraseEnv, "")
	w.restart()
	code, _, stderr := w.run("", "token", "-p", "dev")
	if code != ExitUsage || !strings.Contains(stderr, "no terminal to ask for the passphrase") || !strings.Contains(stderr, PassphraseEnv) {
		t.Errorf("exit %d: %s", code, stderr)
	}

	// A wrong passphrase says so, and changes nothing.
	w.set(PassphraseEnv, "not the passphrase")
	code, _, stderr = w.run("", "token", "-p", "dev")
	if code != ExitFailure || !strings.Contains(stderr, "the passphrase does not open") || !strings.Contains(stderr, "secrets.age") {
		t.Errorf("wrong passphrase: exit %d: %s", code, stderr)
	}
}

func TestTheTerminalAsksForANewPassphraseTwice(t *testing.T) {
	t.Parallel()
	w := newStoreWorld(t, nil)
	w.terminal = true
	w.restart()
	add := func(name string, typed ...string) (int, string) {
		w.mu.Lock()
		w.typed = typed
		w.mu.Unlock()
		code, _, stderr := w.run("s3cret-value\n", "profiles", "add", "--name", name, "--tenant", emulator.SampleTenant,
			"--client-id", emulator.SampleApp, "--secret-stdin", "--secret-store", "file")
		return code, stderr
	}
	if code, stderr := add("typo", "one passphrase", "another"); code != ExitUsage || !strings.Contains(stderr, "the two passphrases differ") {
		t.Errorf("differing passphrases: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(w.dir, profiles.SecretsFileName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("secrets.age was written after a mismatch: %v", err)
	}
	if code, stderr := add("dev", filePassphrase, filePassphrase); code != ExitOK {
		t.Fatalf("add: exit %d: %s", code, stderr)
	}
	if len(w.asked) != 4 || !strings.HasPrefix(w.asked[2], "New passphrase for ") || !strings.Contains(w.asked[3], "again") {
		t.Errorf("prompts: %q", w.asked)
	}
	if got, err := w.fileSecret("dev"); got != "s3cret-value" || err != nil {
		t.Errorf("secrets.age holds %q, %v", got, err)
	}
}

// The explicit-choice rule: a keyring that does not work is an error that
// names the file store, never a silent switch to it.
func TestAnUnavailableKeyringNeverFallsBackToTheFile(t *testing.T) {
	t.Parallel()
	w := newStoreWorld(t, unavailableKeyring{})
	w.set(PassphraseEnv, filePassphrase)
	code, _, stderr := w.run("s3cret-value\n", "profiles", "add", "--name", "dev", "--tenant", emulator.SampleTenant,
		"--client-id", emulator.SampleApp, "--secret-stdin")
	if code == ExitOK || !strings.Contains(stderr, "no D-Bus session bus") || !strings.Contains(stderr, "--secret-store file") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(w.dir, profiles.SecretsFileName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("secrets.age was written without being chosen: %v", err)
	}
	code, _, stderr = w.run("", "profiles", "list", "--secret-store", "vault")
	if code != ExitUsage || !strings.Contains(stderr, "choose keyring or file") {
		t.Errorf("a bad --secret-store: exit %d: %s", code, stderr)
	}
}

func TestSecretsUseMovesEverySecretAndRemembers(t *testing.T) {
	t.Parallel()
	w := newStoreWorld(t, nil)
	w.set(PassphraseEnv, filePassphrase)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.addProfile("other", emulator.SampleApp, "other-secret")
	if code, stdout, stderr := w.run("", "secrets", "use"); code != ExitOK || !strings.Contains(stdout, "keyring (by default)") {
		t.Errorf("use: exit %d: %s%s", code, stdout, stderr)
	}
	code, stdout, stderr := w.run("", "secrets", "use", "file")
	if code != ExitOK || !strings.Contains(stdout, "Moved 2 secrets from the keyring to the file") {
		t.Fatalf("use file: exit %d: %s%s", code, stdout, stderr)
	}
	if got, err := w.fileSecret("other"); got != "other-secret" || err != nil {
		t.Errorf("secrets.age holds %q, %v", got, err)
	}
	if s := w.secrets.String(); s != "profiles.Memory{0 secrets}" {
		t.Errorf("the keyring still holds secrets: %s", s)
	}
	// The choice holds for the next command, without the flag.
	if code, _, stderr := w.run("", "token", "-p", "dev"); code != ExitOK {
		t.Errorf("token after the move: exit %d: %s", code, stderr)
	}
	if code, stdout, _ := w.run("", "secrets", "use"); code != ExitOK || !strings.Contains(stdout, "file (chosen in") {
		t.Errorf("use: %s", stdout)
	}
	if code, stdout, stderr := w.run("", "secrets", "use", "keyring"); code != ExitOK || !strings.Contains(stdout, "Moved 2 secrets") {
		t.Fatalf("use keyring: exit %d: %s%s", code, stdout, stderr)
	}
	if s := w.secrets.String(); s != "profiles.Memory{2 secrets}" {
		t.Errorf("the keyring after moving back: %s", s)
	}
}

func TestSecretsUseRefusesWhenTheKeyringCannotBeRead(t *testing.T) {
	t.Parallel()
	w := newStoreWorld(t, unavailableKeyring{})
	// With no profile yet there is nothing to move: the switch is at once,
	// and the passphrase is chosen when the first secret is saved.
	if code, stdout, stderr := w.run("", "secrets", "use", "file"); code != ExitOK || !strings.Contains(stdout, "now kept in the file") {
		t.Fatalf("use file with no profiles: exit %d: %s%s", code, stdout, stderr)
	}
	if err := profiles.SaveSecretChoice(w.dir, profiles.KeyringBackend); err != nil {
		t.Fatal(err)
	}
	w.set(PassphraseEnv, filePassphrase)
	w.env.Secrets = w.secrets // a profile added while the keyring worked
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.env.Secrets = w.env.Stores
	code, stdout, stderr := w.run("", "secrets", "use", "file")
	if code == ExitOK || !strings.Contains(stderr, `profile "dev"`) || !strings.Contains(stderr, "nothing was moved") ||
		!strings.Contains(stderr, "--leave-secrets") {
		t.Errorf("exit %d: %s%s", code, stdout, stderr)
	}
	if code, stdout, _ := w.run("", "secrets", "use"); !strings.Contains(stdout, "keyring") {
		t.Errorf("the choice changed after a refused move: %d %s", code, stdout)
	}
	if code, stdout, stderr := w.run("", "secrets", "use", "file", "--leave-secrets"); code != ExitOK || !strings.Contains(stdout, "now kept in the file") {
		t.Errorf("--leave-secrets: exit %d: %s%s", code, stdout, stderr)
	}
	if _, stdout, _ := w.run("", "secrets", "use"); !strings.Contains(stdout, "file") {
		t.Errorf("the choice after --leave-secrets: %s", stdout)
	}
}

// TestTwoProcessesAddingToTheFileStoreAtOnce runs `profiles add` in this
// process and in a second one, on one config folder and secrets.age, and
// checks no secret is lost.
func TestTwoProcessesAddingToTheFileStoreAtOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestFileStoreCLIHelperProcess$")
	cmd.Env = append(os.Environ(), "AZTOKEN_CLI_HELPER_DIR="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if err := addInFileStore(dir, "here"); err != nil {
		t.Error(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v %s", err, stderr.String())
	}
	store, err := profiles.Open(filepath.Join(dir, "profiles.json"))
	if err != nil {
		t.Fatal(err)
	}
	f := &profiles.FileStore{Path: filepath.Join(dir, profiles.SecretsFileName),
		Ask: func(context.Context, string, bool) (string, error) { return filePassphrase, nil }}
	for _, who := range []string{"here", "there"} {
		for i := range 6 {
			name := fmt.Sprintf("%s-%d", who, i)
			p, ok := store.ByName(name)
			if !ok {
				t.Errorf("profile %s lost", name)
				continue
			}
			if got, err := f.Get(t.Context(), p.ID); got != "secret-"+name || err != nil {
				t.Errorf("%s's secret: %q, %v", name, got, err)
			}
		}
	}
}

// TestFileStoreCLIHelperProcess is not a test: it is the second process
// of the test above, and does nothing unless started by it.
func TestFileStoreCLIHelperProcess(t *testing.T) {
	dir := os.Getenv("AZTOKEN_CLI_HELPER_DIR")
	if dir == "" {
		t.Skip("started by TestTwoProcessesAddingToTheFileStoreAtOnce")
	}
	if err := addInFileStore(dir, "there"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(0)
}

// addInFileStore runs `profiles add` six times with the file store, as a
// command line would in its own process.
func addInFileStore(dir, who string) error {
	getenv := func(k string) string {
		return map[string]string{PassphraseEnv: filePassphrase, profiles.SecretStoreEnv: "file"}[k]
	}
	file := &profiles.FileStore{Path: filepath.Join(dir, profiles.SecretsFileName), WorkFactor: 10, Ask: askPassphrase(getenv, nil)}
	stores := &profiles.ChosenStore{Dir: dir, Keyring: unavailableKeyring{}, File: file, Getenv: getenv}
	for i := range 6 {
		name := fmt.Sprintf("%s-%d", who, i)
		var out bytes.Buffer
		env := &Env{
			Stdin: strings.NewReader("secret-" + name + "\n"), Stdout: &out, Stderr: &out, Getenv: getenv,
			OpenStore: func() (*profiles.Store, error) { return profiles.Open(filepath.Join(dir, "profiles.json")) },
			Secrets:   stores, Stores: stores,
		}
		code := Run(context.Background(), []string{"profiles", "add", "--name", name, "--tenant", emulator.SampleTenant,
			"--client-id", emulator.SampleApp, "--secret-stdin"}, env)
		if code != ExitOK {
			return fmt.Errorf("add %s: exit %d: %s", name, code, out.String())
		}
	}
	return nil
}

// A command that needs no secret never reads the store's choice: version
// stays quiet where the config folder cannot be read, and a bad variable
// is reported by the first command that needs a secret, naming it.
func TestCommandsWithoutSecretsNeverReadTheStoreChoice(t *testing.T) {
	w := newStoreWorld(t, nil)
	notAFolder := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notAFolder, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	w.env.Stores.Dir = notAFolder
	if code, _, stderr := w.run("", "version"); code != ExitOK || stderr != "" {
		t.Errorf("version: exit %d, stderr %q", code, stderr)
	}
	w.env.Stores.Dir = w.dir
	w.vars[profiles.SecretStoreEnv] = "vault"
	if code, _, stderr := w.run("", "version"); code != ExitOK || stderr != "" {
		t.Errorf("version with a bad %s: exit %d, stderr %q", profiles.SecretStoreEnv, code, stderr)
	}
	if code, _, stderr := w.run(emulator.SampleSecret+"\n", "profiles", "add", "--name", "dev", "--tenant", emulator.SampleTenant, "--client-id", emulator.SampleApp, "--secret-stdin"); code == ExitOK || !strings.Contains(stderr, profiles.SecretStoreEnv) {
		t.Errorf("add with a bad %s: exit %d: %s", profiles.SecretStoreEnv, code, stderr)
	}
}
