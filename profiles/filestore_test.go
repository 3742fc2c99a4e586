package profiles

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// testWorkFactor keeps scrypt cheap in tests; the format is the same.
const testWorkFactor = 10

// passphraseAsker answers with a fixed passphrase and counts the questions.
type passphraseAsker struct {
	mu        sync.Mutex
	answer    string
	asked     int
	createdAs []bool
}

func (a *passphraseAsker) ask(_ context.Context, _ string, create bool) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.asked++
	a.createdAs = append(a.createdAs, create)
	return a.answer, nil
}

func (a *passphraseAsker) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.asked
}

func newFileStore(t *testing.T, path, passphrase string) (*FileStore, *passphraseAsker) {
	t.Helper()
	a := &passphraseAsker{answer: passphrase}
	return &FileStore{Path: path, Ask: a.ask, WorkFactor: testWorkFactor}, a
}

func TestFileStoreKeepsSecretsAcrossProcessesAndAsksOnce(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "aztoken", SecretsFileName)
	s, asker := newFileStore(t, path, "correct horse")

	if _, err := s.Get(ctx, "dev"); !errors.Is(err, ErrSecretNotFound) {
		t.Fatalf("an empty store gave %v", err)
	}
	if asker.count() != 0 {
		t.Error("reading a store that does not exist yet asked for a passphrase")
	}
	for id, secret := range map[ID]string{"dev": knownSecret, "prod": "other~secret"} {
		if err := s.Set(ctx, id, secret); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := s.Get(ctx, "dev"); got != knownSecret || err != nil {
		t.Fatalf("got %q, %v", got, err)
	}
	if asker.count() != 1 || !asker.createdAs[0] {
		t.Errorf("asked %d times (creating: %v); want once, for a new file", asker.count(), asker.createdAs)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("secrets.age has mode %v; want 0600", info.Mode().Perm())
	}

	// A later process opens the file with the same passphrase.
	again, asker2 := newFileStore(t, path, "correct horse")
	if got, err := again.Get(ctx, "prod"); got != "other~secret" || err != nil {
		t.Fatalf("a new process got %q, %v", got, err)
	}
	if err := again.Delete(ctx, "prod"); err != nil {
		t.Fatal(err)
	}
	if _, err := again.Get(ctx, "prod"); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("deleted secret still there: %v", err)
	}
	if err := again.Delete(ctx, "never-there"); err != nil {
		t.Errorf("deleting a missing secret: %v", err)
	}
	if asker2.count() != 1 || asker2.createdAs[0] {
		t.Errorf("the second process was asked %d times (creating: %v); want once, for an existing file", asker2.count(), asker2.createdAs)
	}
}

func TestFileStoreWrongPassphraseSaysSoAndAsksAgain(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), SecretsFileName)
	s, _ := newFileStore(t, path, "right one")
	if err := s.Set(ctx, "dev", knownSecret); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	wrong, asker := newFileStore(t, path, "wrong one")
	_, err := wrong.Get(ctx, "dev")
	var wp *WrongPassphraseError
	if !errors.As(err, &wp) || !strings.Contains(err.Error(), "the passphrase does not open "+path) {
		t.Fatalf("got %v; want the passphrase named as the cause", err)
	}
	if strings.Contains(err.Error(), "corrupt") || strings.Contains(err.Error(), "cannot be used") {
		t.Errorf("a wrong passphrase reads as a damaged file: %v", err)
	}
	if err := wrong.Set(ctx, "dev", "overwritten"); !errors.As(err, &wp) {
		t.Fatalf("a save with the wrong passphrase gave %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a wrong passphrase changed the file")
	}
	asker.answer = "right one"
	if got, err := wrong.Get(ctx, "dev"); got != knownSecret || err != nil {
		t.Fatalf("after the right passphrase: %q, %v", got, err)
	}
	if asker.count() != 3 {
		t.Errorf("asked %d times; want each try after a wrong passphrase to ask again (3)", asker.count())
	}
}

func TestFileStoreNeverOverwritesADamagedFile(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.age")
	s, _ := newFileStore(t, good, "pass")
	if err := s.SetAll(ctx, map[ID]string{"a": knownSecret, "b": strings.Repeat("x", 70000)}); err != nil {
		t.Fatal(err)
	}
	whole, _ := os.ReadFile(good)
	flipped := bytes.Clone(whole)
	flipped[len(flipped)-3] ^= 1
	header := whole[:bytes.Index(whole, []byte("\n---"))+1]
	for name, data := range map[string][]byte{
		"empty":         {},
		"not age":       []byte(`{"schema":1}`),
		"cut in header": header[:len(header)/2],
		"header only":   header,
		"cut payload":   whole[:len(whole)-100],
		"changed byte":  flipped,
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".age")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		damaged, _ := newFileStore(t, path, "pass")
		_, getErr := damaged.Get(ctx, "a")
		setErr := damaged.Set(ctx, "a", "new")
		for _, err := range []error{getErr, setErr} {
			var fe *SecretsFileError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "left as it is") {
				t.Errorf("%s: got %v; want a damaged-file error naming %s", name, err, path)
			}
			if err != nil && strings.Contains(err.Error(), "passphrase does not open") {
				t.Errorf("%s: blamed the passphrase: %v", name, err)
			}
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
			t.Errorf("%s: the damaged file was overwritten", name)
		}
	}
}

func TestFileStoreConcurrentWritersLoseNothing(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), SecretsFileName)
	first, _ := newFileStore(t, path, "shared")
	second, _ := newFileStore(t, path, "shared")
	var wg sync.WaitGroup
	for g := range 4 {
		s := []*FileStore{first, second}[g%2]
		wg.Go(func() {
			for i := range 5 {
				if err := s.Set(ctx, ID(fmt.Sprintf("g%d-%d", g, i)), "secret"); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	assertSecrets(t, path, "shared", 20, func(i int) ID { return ID(fmt.Sprintf("g%d-%d", i/5, i%5)) })
}

// TestFileStoreTwoProcessesWritingAtOnce has a second process set secrets
// while this one does, each read–decrypt–change–encrypt–write under the
// lock, and checks none is lost.
func TestFileStoreTwoProcessesWritingAtOnce(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), SecretsFileName)
	s, _ := newFileStore(t, path, "shared")
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestFileStoreHelperProcess$")
	cmd.Env = append(os.Environ(), "AZTOKEN_FILESTORE_HELPER="+path)
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := range 15 {
		if err := s.Set(ctx, ID(fmt.Sprintf("test-%d", i)), "secret"); err != nil {
			t.Fatal(err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v %s", err, stderr.String())
	}
	assertSecrets(t, path, "shared", 30, func(i int) ID {
		if i < 15 {
			return ID(fmt.Sprintf("test-%d", i))
		}
		return ID(fmt.Sprintf("process-%d", i-15))
	})
}

// TestFileStoreHelperProcess is not a test: it is the second process of
// the test above, and does nothing unless started by it.
func TestFileStoreHelperProcess(t *testing.T) {
	path := os.Getenv("AZTOKEN_FILESTORE_HELPER")
	if path == "" {
		t.Skip("started by TestFileStoreTwoProcessesWritingAtOnce")
	}
	s, _ := newFileStore(t, path, "shared")
	for i := range 15 {
		if err := s.Set(context.Background(), ID(fmt.Sprintf("process-%d", i)), "secret"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	os.Exit(0)
}

// assertSecrets opens path afresh and checks it holds the n secrets id(i).
func assertSecrets(t *testing.T, path, passphrase string, n int, id func(int) ID) {
	t.Helper()
	fresh, _ := newFileStore(t, path, passphrase)
	for i := range n {
		if _, err := fresh.Get(t.Context(), id(i)); err != nil {
			t.Errorf("%s: %v", id(i), err)
		}
	}
}

func TestFileStoreKeepsTheSecretAndPassphraseOffTheDisk(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	dir := t.TempDir()
	const passphrase = "P4ss-known-phrase~xyz"
	path := filepath.Join(dir, SecretsFileName)
	s, _ := newFileStore(t, path, passphrase)
	var seen []string
	record := func(vs ...any) {
		for _, v := range vs {
			if v != nil {
				seen = append(seen, fmtAll(v))
			}
		}
	}
	record(s.Set(ctx, "dev", knownSecret), s, s.Set(ctx, "other", "x"), s.Delete(ctx, "other"))
	_, err := s.Get(ctx, "dev")
	record(err)
	wrong, _ := newFileStore(t, path, "not it")
	_, err = wrong.Get(ctx, "dev")
	record(err, wrong.Set(ctx, "dev", knownSecret))
	data, _ := os.ReadFile(path)
	cut := filepath.Join(dir, "cut.age")
	if err := os.WriteFile(cut, data[:len(data)-5], 0o600); err != nil {
		t.Fatal(err)
	}
	damaged, _ := newFileStore(t, cut, passphrase)
	_, err = damaged.Get(ctx, "dev")
	record(err, damaged.Set(ctx, "dev", knownSecret))

	for i, text := range seen {
		if strings.Contains(text, knownSecret) || strings.Contains(text, passphrase) {
			t.Errorf("output %d shows the secret or the passphrase: %s", i, text)
		}
	}
	files := 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(path)
		if bytes.Contains(data, []byte(knownSecret)) || bytes.Contains(data, []byte(passphrase)) {
			t.Errorf("%s holds the secret or the passphrase", path)
		}
		return err
	})
	if err != nil || files < 2 {
		t.Fatalf("walked %d files: %v", files, err)
	}
}

// A save with a secret asks for the passphrase before it takes the
// profiles lock, so that other aztoken processes never wait on a user
// typing.
func TestAProfileSaveAsksForThePassphraseOutsideTheProfilesLock(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("first")) // makes the folder
	profilesPath := diskOf(s).path
	locked := 0
	file := &FileStore{Path: filepath.Join(filepath.Dir(profilesPath), SecretsFileName), WorkFactor: testWorkFactor,
		Ask: func(context.Context, string, bool) (string, error) {
			unlock, err := lockFile(profilesPath+".lock", 0)
			switch {
			case errors.Is(err, ErrLocked):
				locked++
			case err != nil:
				t.Error(err)
			default:
				unlock()
			}
			return "pass", nil
		}}
	secrets := &ChosenStore{Dir: filepath.Dir(profilesPath), File: file, Getenv: func(string) string { return "file" }}
	p, err := s.SaveWithSecret(t.Context(), sample("dev"), SetSecret(knownSecret), secrets)
	if err != nil {
		t.Fatal(err)
	}
	if locked != 0 {
		t.Error("the passphrase was asked while the profiles file was locked")
	}
	if got, err := file.Get(t.Context(), p.ID); got != knownSecret || err != nil {
		t.Errorf("stored %q, %v", got, err)
	}
}
