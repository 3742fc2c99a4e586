package profiles

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// SecretsFileName is the encrypted file store's file, beside profiles.json.
const SecretsFileName = "secrets.age"

// DefaultWorkFactor is the scrypt work factor (log2 of N) of a new
// secrets.age. age's own default, 18, took 1.7 to 2.8 s per unlock on the
// 2-core build machine and needs 256 MiB; 16 took 0.3 to 0.5 s there with
// 64 MiB, which a command run from a script can afford each time. A weak
// passphrase is not saved by either.
const DefaultWorkFactor = 16

// Passphrase asks the user for the passphrase of the secrets file at path.
// create says the file does not exist yet, so the passphrase is being
// chosen: a front end asks for it twice then. It is called outside any
// lock, and at most once per successful unlock.
type Passphrase func(ctx context.Context, path string, create bool) (string, error)

// FileStore is a SecretStore in one file encrypted with age under a
// passphrase (scrypt), for machines without a keyring, chosen explicitly by
// the user. The passphrase is never written anywhere; the store keeps it,
// and what it last decrypted, in memory for the life of the process, so
// that only the first use asks and pays for scrypt.
//
// Every change reads, decrypts, changes, encrypts and replaces the file
// under the same kind of inter-process lock as profiles.json, so two
// processes saving at once never lose each other's secret. A file that
// cannot be decrypted is never overwritten.
type FileStore struct {
	// Path is the file, normally SecretsFileName in the config folder.
	Path string
	// Ask gets the passphrase the first time it is needed.
	Ask Passphrase
	// WorkFactor is scrypt's log2 N for new versions of the file; 0 is
	// DefaultWorkFactor. Tests lower it.
	WorkFactor int

	mu sync.Mutex
	// passphrase is the one the user gave: known to open Path, or chosen
	// for a file not yet written. "" until asked.
	passphrase string
	// last is what the file held when this process last read or wrote it.
	last *fileSecrets
}

// fileSecrets is one version of the file: its hash and what it holds.
type fileSecrets struct {
	sum     [sha256.Size]byte
	secrets map[ID]string
}

// NewFileStore returns the file store at path, asking ask for the
// passphrase at first need.
func NewFileStore(path string, ask Passphrase) *FileStore {
	return &FileStore{Path: path, Ask: ask}
}

// DefaultSecretsPath is secrets.age in the config folder of profiles.json.
func DefaultSecretsPath() (string, error) {
	path, err := DefaultPath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(path), SecretsFileName), nil
}

// Get returns the secret of profile id, or ErrSecretNotFound. With no file
// yet, it says so without asking for a passphrase.
func (f *FileStore) Get(ctx context.Context, id ID) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.exists() {
		return "", ErrSecretNotFound
	}
	secrets, err := f.load(ctx)
	if err != nil {
		return "", err
	}
	s, ok := secrets[id]
	if !ok {
		return "", ErrSecretNotFound
	}
	return s, nil
}

// Set stores or replaces the secret of profile id.
func (f *FileStore) Set(ctx context.Context, id ID, secret string) error {
	return f.SetAll(ctx, map[ID]string{id: secret})
}

// SetAll stores several secrets with one encryption, for moving every
// secret from another store.
func (f *FileStore) SetAll(ctx context.Context, secrets map[ID]string) error {
	return f.update(ctx, func(m map[ID]string) bool {
		for id, s := range secrets {
			m[id] = s
		}
		return len(secrets) > 0
	})
}

// Delete removes the secret of profile id; a missing one, or a missing
// file, is not an error.
func (f *FileStore) Delete(ctx context.Context, id ID) error {
	return f.DeleteAll(ctx, []ID{id})
}

// DeleteAll removes several secrets with one encryption.
func (f *FileStore) DeleteAll(ctx context.Context, ids []ID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	missing := !f.exists()
	f.mu.Unlock()
	if missing {
		return nil
	}
	return f.update(ctx, func(m map[ID]string) bool {
		changed := false
		for _, id := range ids {
			if _, ok := m[id]; ok {
				delete(m, id)
				changed = true
			}
		}
		return changed
	})
}

// Unlock asks for the passphrase now if it is not known yet, and checks
// it against the file when there is one: for a caller about to hold
// another lock (a profile save holds profiles.json's) that must not wait
// for the user meanwhile.
func (f *FileStore) Unlock(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.passphrase != "" {
		return nil
	}
	if !f.exists() {
		return f.unlock(ctx, true)
	}
	_, err := f.load(ctx)
	return err
}

// String names the file, never what it holds, in case a FileStore ends up
// in a log line.
func (f *FileStore) String() string { return "profiles.FileStore{" + f.Path + "}" }

// GoString is String, for %#v.
func (f *FileStore) GoString() string { return f.String() }

// update applies change to the file's secrets under the inter-process
// lock and writes the result when change reports a change.
func (f *FileStore) update(ctx context.Context, change func(map[ID]string) bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// Asked before the lock: a user typing must not hold up other
	// processes, which give up after lockWait.
	if err := f.unlock(ctx, !f.exists()); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(f.Path), 0o700); err != nil {
		return fmt.Errorf("cannot create the folder of %s: %w", f.Path, err)
	}
	unlock, err := lockFile(f.Path+".lock", lockWait)
	if err != nil {
		return err
	}
	defer unlock()
	removeLeftovers(f.Path)
	current, err := f.read()
	if err != nil {
		return err
	}
	next := make(map[ID]string, len(current)+1)
	for id, s := range current {
		next[id] = s
	}
	if !change(next) {
		return nil
	}
	data, err := sealSecrets(next, f.passphrase, f.workFactor())
	if err != nil {
		return err
	}
	if err := writeAtomic(f.Path, data, writeAll); err != nil {
		return err
	}
	f.last = &fileSecrets{sum: sha256.Sum256(data), secrets: next}
	return nil
}

// load reads the file, asking for the passphrase if none is known yet.
func (f *FileStore) load(ctx context.Context) (map[ID]string, error) {
	if err := f.unlock(ctx, false); err != nil {
		return nil, err
	}
	return f.read()
}

// unlock makes sure a passphrase is known, asking for one when not.
func (f *FileStore) unlock(ctx context.Context, create bool) error {
	if f.passphrase != "" {
		return nil
	}
	if f.Ask == nil {
		return errors.New("no way to ask for the passphrase of " + f.Path)
	}
	p, err := f.Ask(ctx, f.Path, create)
	if err != nil {
		return err
	}
	if p == "" {
		return fmt.Errorf("an empty passphrase cannot protect %s: choose one", f.Path)
	}
	f.passphrase = p
	return nil
}

// read decrypts the file with the known passphrase; a missing file holds
// nothing. A passphrase that does not open the file is forgotten, so the
// next call asks again.
func (f *FileStore) read() (map[ID]string, error) {
	data, err := os.ReadFile(f.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return map[ID]string{}, nil
	case err != nil:
		return nil, &SecretsFileError{Path: f.Path, Err: err}
	}
	sum := sha256.Sum256(data)
	if f.last != nil && f.last.sum == sum {
		return f.last.secrets, nil
	}
	secrets, err := openSecrets(f.Path, data, f.passphrase)
	var wrong *WrongPassphraseError
	if errors.As(err, &wrong) {
		f.passphrase = ""
	}
	if err != nil {
		return nil, err
	}
	f.last = &fileSecrets{sum: sum, secrets: secrets}
	return secrets, nil
}

func (f *FileStore) exists() bool {
	_, err := os.Lstat(f.Path)
	return !errors.Is(err, fs.ErrNotExist)
}

func (f *FileStore) workFactor() int {
	if f.WorkFactor <= 0 {
		return DefaultWorkFactor
	}
	return f.WorkFactor
}
