package profiles

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// lockedKeyring is a secret store whose changes fail while refuse is set,
// as a keyring does when it is locked; reads still work.
type lockedKeyring struct {
	Memory
	refuse bool
}

func (k *lockedKeyring) Set(ctx context.Context, id ID, secret string) error {
	if k.refuse {
		return &KeyringError{Op: "save", Problem: KeyringLocked, Cause: errors.New("locked")}
	}
	return k.Memory.Set(ctx, id, secret)
}

func (k *lockedKeyring) Delete(ctx context.Context, id ID) error {
	if k.refuse {
		return &KeyringError{Op: "delete", Problem: KeyringLocked, Cause: errors.New("locked")}
	}
	return k.Memory.Delete(ctx, id)
}

// secretOf is what secrets holds for id, or "(none)".
func secretOf(t *testing.T, secrets SecretStore, id ID) string {
	t.Helper()
	s, err := secrets.Get(t.Context(), id)
	if errors.Is(err, ErrSecretNotFound) {
		return "(none)"
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSaveWithSecretStoresBoth(t *testing.T) {
	s, secrets := newStore(t), NewMemory()
	p, err := s.SaveWithSecret(t.Context(), sample("dev"), SetSecret("first"), secrets)
	if err != nil {
		t.Fatal(err)
	}
	if secretOf(t, secrets, p.ID) != "first" || names(s.List()) != "dev" {
		t.Fatalf("stored %s with secret %s", names(s.List()), secretOf(t, secrets, p.ID))
	}
	p.Notes = "fields only"
	if p, err = s.SaveWithSecret(t.Context(), p, KeepSecret(), secrets); err != nil || secretOf(t, secrets, p.ID) != "first" {
		t.Fatalf("keeping: %v, secret %s", err, secretOf(t, secrets, p.ID))
	}
	if p, err = s.SaveWithSecret(t.Context(), p, RemoveSecret(), secrets); err != nil || secretOf(t, secrets, p.ID) != "(none)" {
		t.Fatalf("removing: %v, secret %s", err, secretOf(t, secrets, p.ID))
	}
	if SetSecret("") != RemoveSecret() {
		t.Error("an empty secret does not remove the item")
	}
}

func TestAKeyringFailureSavesNothing(t *testing.T) {
	s, secrets := newStore(t), &lockedKeyring{}
	dev, err := s.SaveWithSecret(t.Context(), sample("dev"), SetSecret("old"), secrets)
	if err != nil {
		t.Fatal(err)
	}
	secrets.refuse = true
	edited := dev
	edited.Tenant = guid
	_, err = s.SaveWithSecret(t.Context(), edited, SetSecret("new"), secrets)
	var ke *KeyringError
	if !errors.As(err, &ke) || !ke.Unavailable() {
		t.Fatalf("got %v; want the *KeyringError", err)
	}
	if want := `nothing was saved for profile "dev": cannot save the secret in the keyring: the keyring is locked`; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q\nwant it to start %q", err, want)
	}
	if now, _ := s.Get(dev.ID); now != dev || secretOf(t, secrets, dev.ID) != "old" {
		t.Errorf("stored %+v with secret %s; want both as they were", now, secretOf(t, secrets, dev.ID))
	}

	// A new profile: nothing stored, but it has its ID for a retry.
	fresh, err := s.SaveWithSecret(t.Context(), sample("new"), SetSecret("s"), secrets)
	if err == nil || fresh.ID == "" || fresh.Revision != 0 {
		t.Fatalf("got %+v, %v", fresh, err)
	}
	if names(s.List()) != "dev" {
		t.Fatalf("List = %s", names(s.List()))
	}
	secrets.refuse = false
	retried, err := s.SaveWithSecret(t.Context(), fresh, SetSecret("s"), secrets)
	if err != nil || retried.ID != fresh.ID || secretOf(t, secrets, fresh.ID) != "s" {
		t.Errorf("the retry stored %+v, %v", retried, err)
	}
}

func TestAFailedFileWritePutsTheOldSecretBack(t *testing.T) {
	s, secrets := newStore(t), NewMemory()
	dev, err := s.SaveWithSecret(t.Context(), sample("dev"), SetSecret("old"), secrets)
	if err != nil {
		t.Fatal(err)
	}
	diskOf(s).write = func(io.Writer, []byte) error { return errors.New("no space left on device") }
	for _, change := range []SecretChange{SetSecret("new"), RemoveSecret()} {
		if _, err := s.SaveWithSecret(t.Context(), dev, change, secrets); err == nil {
			t.Fatalf("%v: the save succeeded", change)
		}
		if got := secretOf(t, secrets, dev.ID); got != "old" {
			t.Errorf("%v: the secret is %s after the failed save; want old", change, got)
		}
	}
	fresh, err := s.SaveWithSecret(t.Context(), sample("new"), SetSecret("orphan"), secrets)
	if err == nil {
		t.Fatal("the save succeeded")
	}
	if got := secretOf(t, secrets, fresh.ID); got != "(none)" {
		t.Errorf("a new profile's secret outlived its failed save: %s", got)
	}
}

func TestAConflictLeavesTheSecretAlone(t *testing.T) {
	window, cli := twoStores(t)
	secrets := NewMemory()
	dev, _ := window.ByName("dev")
	if err := secrets.Set(t.Context(), dev.ID, "old"); err != nil {
		t.Fatal(err)
	}
	if err := cli.Delete(t.Context(), dev.ID, secrets); err != nil {
		t.Fatal(err)
	}
	var ce *ConflictError
	if _, err := window.SaveWithSecret(t.Context(), dev, SetSecret("new"), secrets); !errors.As(err, &ce) {
		t.Fatalf("got %v; want a conflict", err)
	}
	if got := secretOf(t, secrets, dev.ID); got != "(none)" {
		t.Errorf("a secret outlived its deleted profile: %s", got)
	}
}

func TestASecretChangeNeverPrintsItsValue(t *testing.T) {
	c := SetSecret(knownSecret)
	for _, out := range []string{fmt.Sprint(c), fmt.Sprintf("%v %+v %#v %s", c, c, c, c)} {
		if strings.Contains(out, knownSecret) {
			t.Errorf("printed %q", out)
		}
	}
}
