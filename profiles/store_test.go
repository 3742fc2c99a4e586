package profiles

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// newStore opens a store in a fresh config folder that does not exist yet.
func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "aztoken", "profiles.json"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// diskOf is the file behind a store made by Open.
func diskOf(s *Store) *disk { return s.medium.(*disk) }

func mustSave(t *testing.T, s *Store, p Profile) Profile {
	t.Helper()
	p, err := s.Save(p)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func names(ps []Profile) string {
	var n []string
	for _, p := range ps {
		n = append(n, p.Name)
	}
	return strings.Join(n, ",")
}

func TestMissingFileIsAnEmptyStore(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if len(s.List()) != 0 || s.ReadOnly() != nil {
		t.Fatalf("List = %v, ReadOnly = %v", s.List(), s.ReadOnly())
	}
	if _, err := os.Stat(filepath.Dir(diskOf(s).path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("opening created the folder; only saving should")
	}
}

func TestSaveReopenRoundTrip(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	full := Profile{Name: "Full", Tenant: guid, ClientID: guid, Cloud: "china",
		Resource: "https://management.chinacloudapi.cn/", Subscription: guid,
		SecretExpires: NewDate(2027, time.January, 2), Notes: "line one\nline two"}
	full = mustSave(t, s, full)
	mustSave(t, s, sample("beta"))
	mustSave(t, s, sample("Alpha"))
	if full.ID == "" || full.Credential != SecretCredential {
		t.Fatalf("Save did not assign an ID or defaults: %+v", full)
	}
	again, err := Open(diskOf(s).path)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(again.List()); got != "Alpha,beta,Full" {
		t.Errorf("List order = %s; want Alpha,beta,Full", got)
	}
	if got, ok := again.Get(full.ID); !ok || got != full {
		t.Errorf("Get = %+v, %v; want %+v", got, ok, full)
	}
	if got, ok := again.ByName(" FULL "); !ok || got.ID != full.ID {
		t.Errorf("ByName ignoring case = %+v, %v", got, ok)
	}
	if _, ok := again.ByName("nobody"); ok {
		t.Error("ByName found a missing profile")
	}
	// Renaming keeps the ID (and so the secret).
	full.Name = "Renamed"
	renamed := mustSave(t, again, full)
	if renamed.ID != full.ID || names(again.List()) != "Alpha,beta,Renamed" {
		t.Errorf("rename: %+v, %s", renamed, names(again.List()))
	}
}

func TestSaveRefusesATakenNameIgnoringCase(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("Contoso"))
	_, err := s.Save(sample("CONTOSO"))
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.For(FieldName) == nil {
		t.Fatalf("got %v; want a name problem", err)
	}
	fe := ve.For(FieldName)
	if fe.Message != `Another profile is already called "CONTOSO"` || fe.Suggestion != "CONTOSO (2)" {
		t.Errorf("got %q suggest %q", fe.Message, fe.Suggestion)
	}
	if _, err := s.Save(Profile{Name: "bad"}); !errors.As(err, &ve) {
		t.Errorf("an invalid profile was saved: %v", err)
	}
	if len(s.List()) != 1 {
		t.Errorf("refused saves changed the store: %s", names(s.List()))
	}
}

func TestDeleteRemovesProfileAndSecret(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	secrets := NewMemory()
	p := mustSave(t, s, sample("gone"))
	keep := mustSave(t, s, sample("kept"))
	ctx := t.Context()
	_ = secrets.Set(ctx, p.ID, "s1")
	_ = secrets.Set(ctx, keep.ID, "s2")
	if err := s.Delete(ctx, p.ID, secrets); err != nil {
		t.Fatal(err)
	}
	if _, err := secrets.Get(ctx, p.ID); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("the deleted profile's secret is still there: %v", err)
	}
	if got, _ := secrets.Get(ctx, keep.ID); got != "s2" {
		t.Error("another profile's secret was touched")
	}
	if names(s.List()) != "kept" {
		t.Errorf("List = %s", names(s.List()))
	}
	if err := s.Delete(ctx, p.ID, secrets); err != nil {
		t.Errorf("deleting again: %v", err)
	}
	failing := &Keyring{backend: &fakeBackend{err: errors.New("org.freedesktop.Secret.Error.IsLocked")}}
	err := s.Delete(ctx, keep.ID, failing)
	if err == nil || !strings.Contains(err.Error(), "the profile was deleted but its secret is still stored") ||
		!strings.Contains(err.Error(), "the keyring is locked") {
		t.Errorf("got %v", err)
	}
}

func TestDuplicate(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	secrets := NewMemory()
	orig := sample("Contoso")
	orig.Notes = "shared"
	orig = mustSave(t, s, orig)
	dup, err := s.Duplicate(orig.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if dup.ID == orig.ID || dup.Name != "Contoso (copy)" || dup.Notes != "shared" {
		t.Errorf("dup = %+v", dup)
	}
	dup2, _ := s.Duplicate(orig.ID, "")
	if dup2.Name != "Contoso (copy) (2)" {
		t.Errorf("second duplicate named %q", dup2.Name)
	}
	if _, err := s.Duplicate(orig.ID, "contoso"); err == nil {
		t.Error("duplicated onto a taken name")
	}
	ctx := t.Context()
	if err := CopySecret(ctx, secrets, orig.ID, dup.ID); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("copying a missing secret: %v", err)
	}
	_ = secrets.Set(ctx, orig.ID, "v")
	if err := CopySecret(ctx, secrets, orig.ID, dup.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := secrets.Get(ctx, dup.ID); got != "v" {
		t.Errorf("copied secret = %q", got)
	}
	long := mustSave(t, s, sample(strings.Repeat("n", 64)))
	if d, err := s.Duplicate(long.ID, ""); err != nil || len(d.Name) != 64 {
		t.Errorf("duplicate of a 64-character name: %q, %v", d.Name, err)
	}
}

func TestPermissions(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Windows uses ACLs, not mode bits")
	}
	s := newStore(t)
	mustSave(t, s, sample("a"))
	mode := func(p string) os.FileMode {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	if m := mode(filepath.Dir(diskOf(s).path)); m != 0o700 {
		t.Errorf("folder mode %o; want 700", m)
	}
	if m := mode(diskOf(s).path); m != 0o600 {
		t.Errorf("file mode %o; want 600", m)
	}
	if m := mode(diskOf(s).path + ".lock"); m != 0o600 {
		t.Errorf("lock file mode %o; want 600", m)
	}
	// A file someone loosened is tightened by the next save.
	if err := os.Chmod(diskOf(s).path, 0o644); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, sample("b"))
	if m := mode(diskOf(s).path); m != 0o600 {
		t.Errorf("after save, file mode %o; want 600", m)
	}
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CONFIG_HOME is read on Linux only")
	}
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	got, err := DefaultPath()
	if err != nil || got != filepath.Join(dir, "aztoken", "profiles.json") {
		t.Errorf("DefaultPath() = %q, %v", got, err)
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", "")
	if _, err := DefaultPath(); err == nil || !strings.Contains(err.Error(), "cannot find the folder for settings") {
		t.Errorf("without HOME: %v", err)
	}
}

func TestSuggestName(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("Dev"))
	mustSave(t, s, sample("dev (2)"))
	if got := s.SuggestName("free"); got != "free" {
		t.Errorf("SuggestName(free) = %q", got)
	}
	if got := s.SuggestName("DEV"); got != "DEV (3)" {
		t.Errorf("SuggestName(DEV) = %q", got)
	}
}

// The demo keeps its profiles in memory: they behave as on disk, and no
// file appears in the config folder or anywhere else.
func TestMemoryStoreNeverTouchesTheDisk(t *testing.T) {
	config, tmp := t.TempDir(), t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("TMPDIR", tmp)
	s := OpenMemory()
	if got := s.List(); len(got) != 0 {
		t.Fatalf("a new memory store lists %v", got)
	}
	dev := mustSave(t, s, sample("dev"))
	if _, err := s.Save(sample("DEV")); err == nil {
		t.Error("a second profile called DEV was saved beside dev")
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	if got, ok := s.Get(dev.ID); !ok || got.Name != "dev" {
		t.Errorf("after Reload, Get(%s) = %v, %v", dev.ID, got, ok)
	}
	if err := s.Delete(context.Background(), dev.ID, NewMemory()); err != nil {
		t.Fatal(err)
	}
	if got := s.List(); len(got) != 0 {
		t.Errorf("after Delete, List = %v", got)
	}
	for _, dir := range []string{config, tmp} {
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("the memory store wrote to %s: %v", dir, entries)
		}
	}
}
