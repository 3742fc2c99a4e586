package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// knownSecret is written through every path a secret can take; it must
// turn up nowhere but in the stores meant for it and in the Postman file
// the user explicitly asked to include it in.
const knownSecret = "S3cret-known-value~abc123"

// fmtAll prints v every way a log line or an error dialog might.
func fmtAll(v any) string {
	return fmt.Sprintf("%v|%+v|%#v|%s", v, v, v, v)
}

func TestKnownSecretNeverLeaks(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("HOME", t.TempDir())
	path, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	var seen []string // every string a user or a log could see
	record := func(vs ...any) {
		for _, v := range vs {
			if v != nil {
				seen = append(seen, fmtAll(v))
			}
		}
	}

	// The editor: the secret is checked, then the profile saved and the
	// secret kept in memory and in a keyring.
	checked, warning, err := CheckSecret("  " + knownSecret + "\n")
	record(warning, err)
	p, err := s.Save(Profile{Name: "Known", Tenant: guid, ClientID: guid, Notes: "no secret here"})
	record(p, err)
	memory := NewMemory()
	record(memory.Set(ctx, p.ID, checked))
	record(memory)
	kr := &Keyring{backend: &fakeBackend{}}
	record(kr.Set(ctx, p.ID, checked))
	got, err := kr.Get(ctx, p.ID)
	if got != knownSecret {
		t.Fatalf("keyring gave %q, %v", got, err)
	}
	record(err, p.Request(nil))

	// Failing paths: a keyring that echoes what it was given, a secret too
	// big, a bad secret pasted, a locked keyring under an import.
	for _, cause := range []error{errors.New("refused " + knownSecret), errors.New("data passed to Set was too big")} {
		k := &Keyring{backend: &fakeBackend{err: cause}}
		record(k.Set(ctx, p.ID, knownSecret))
	}
	_, _, err = CheckSecret(knownSecret + "\x00")
	record(err)
	_, _, err = CheckSecret(strings.Repeat(knownSecret, 100))
	record(err)
	timeout := &Keyring{Timeout: time.Millisecond, backend: &fakeBackend{block: make(chan struct{})}}
	record(timeout.Set(ctx, p.ID, knownSecret))

	// Postman import with the secret, through every outcome.
	env := postmanEnvJSON("Postman known", "tenantId", guid, "clientId", guid, "clientSecret", knownSecret)
	imp, err := ParseImport(env)
	if err != nil {
		t.Fatal(err)
	}
	record(imp, imp.Candidates[0], ErrSecretNotFound)
	locked := &Keyring{backend: &fakeBackend{err: errors.New("failed to unlock " + knownSecret)}}
	_, err = s.ApplyImport(ctx, imp, nil, locked)
	record(err)
	added, err := s.ApplyImport(ctx, imp, nil, memory)
	record(added, err)
	bad := postmanEnvJSON("Bad", "tenantId", "common", "clientId", guid, "clientSecret", knownSecret)
	_, err = ParseImport(bad)
	record(err)
	bad = postmanEnvJSON("Bad", "tenantId", guid, "clientId", guid, "clientSecret", knownSecret+"\n\x01")
	_, err = ParseImport(bad)
	record(err)

	// Exports: the team file, and Postman without and with the secret.
	var team, postman, asked bytes.Buffer
	record(Export(&team, s.List()))
	record(ExportPostman(&postman, p, nil, ""))
	secret, _ := memory.Get(ctx, p.ID)
	askedPath := filepath.Join(t.TempDir(), "asked-for-secret.postman_environment.json")
	record(ExportPostman(&asked, p, nil, tokens.ClientSecret(secret)))
	if err := os.WriteFile(askedPath, asked.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(asked.String(), knownSecret) {
		t.Fatal("the export the user asked the secret in lacks it")
	}
	// The shared files may well be saved in the config folder.
	for name, out := range map[string]*bytes.Buffer{"team.json": &team, "postman.json": &postman} {
		if err := os.WriteFile(filepath.Join(config, "aztoken", name), out.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	// Duplicate with the secret copied, delete, reload.
	dup, err := s.Duplicate(p.ID, "")
	record(dup, err, CopySecret(ctx, memory, p.ID, dup.ID), s.Delete(ctx, dup.ID, memory), s.Reload(), s.List())

	for i, text := range seen {
		if strings.Contains(text, knownSecret) {
			t.Errorf("output %d shows the secret: %s", i, text)
		}
	}
	err = filepath.WalkDir(config, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if bytes.Contains(data, []byte(knownSecret)) {
			t.Errorf("%s holds the secret", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(config, "aztoken", "profiles.json")); err != nil {
		t.Fatalf("the walk missed the profiles file: %v", err)
	}
}
