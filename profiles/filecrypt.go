package profiles

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"filippo.io/age"
)

// secretsFormat is what secrets.age holds once decrypted.
type secretsFormat struct {
	Schema  int           `json:"schema"`
	Secrets map[ID]string `json:"secrets"`
}

// secretsSchema is the version of secretsFormat this aztoken writes.
const secretsSchema = 1

// maxSecretsFile bounds what is read from secrets.age: a few hundred
// secrets of a few KB each, with room to spare.
const maxSecretsFile = 4 << 20

// sealSecrets encrypts secrets to passphrase with age's scrypt recipient
// at work factor logN.
func sealSecrets(secrets map[ID]string, passphrase string, logN int) ([]byte, error) {
	plain, err := json.Marshal(secretsFormat{Schema: secretsSchema, Secrets: secrets})
	if err != nil {
		return nil, err
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(logN)
	var out bytes.Buffer
	w, err := age.Encrypt(&out, r)
	if err != nil {
		return nil, fmt.Errorf("cannot encrypt the secrets: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return nil, fmt.Errorf("cannot encrypt the secrets: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("cannot encrypt the secrets: %w", err)
	}
	return out.Bytes(), nil
}

// openSecrets decrypts the bytes of the file at path. A passphrase that
// does not open it is a *WrongPassphraseError; anything else wrong with it
// is a *SecretsFileError. Neither carries the file's content.
func openSecrets(path string, data []byte, passphrase string) (map[ID]string, error) {
	damaged := func(format string, args ...any) (map[ID]string, error) {
		return nil, &SecretsFileError{Path: path, Err: fmt.Errorf(format, args...)}
	}
	if len(data) == 0 {
		return damaged("the file is empty")
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, err
	}
	r, err := age.Decrypt(bytes.NewReader(data), id)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch) && slices.Equal(noMatch.StanzaTypes, []string{"scrypt"}):
		return nil, &WrongPassphraseError{Path: path}
	case errors.As(err, &noMatch):
		return damaged("it is not encrypted with a passphrase")
	case err != nil:
		// The header is cut short or was changed: age's words name which.
		return damaged("%v", err)
	}
	plain, err := io.ReadAll(io.LimitReader(r, maxSecretsFile))
	if err != nil {
		// Payload chunks are authenticated: a cut or changed file fails
		// here, the passphrase having been right.
		return damaged("it is truncated or was changed (%v)", err)
	}
	var f secretsFormat
	if err := json.Unmarshal(plain, &f); err != nil || f.Schema < 1 {
		return damaged("it decrypts, but not to aztoken's secrets")
	}
	if f.Schema > secretsSchema {
		return damaged("it was written by a newer aztoken (format %d; this version knows %d)", f.Schema, secretsSchema)
	}
	if f.Secrets == nil {
		f.Secrets = map[ID]string{}
	}
	return f.Secrets, nil
}
