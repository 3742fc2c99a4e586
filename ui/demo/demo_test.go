package demo

import (
	"context"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
)

func TestDemoProfilesShowTheAppsRange(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // the user's folder stays untouched
	ctx := context.Background()
	now := time.Now()
	w, err := Start(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	client := tokens.NewClient()
	client.Retry.Sleep = func(context.Context, time.Duration) error { return nil }

	outcome := map[string]string{}
	for _, p := range w.Store.List() {
		cred, err := p.LoadCredential(ctx, w.Secrets)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := client.Token(ctx, p.Request(cred))
		var entra *tokens.EntraError
		switch {
		case errors.As(err, &entra):
			outcome[p.Name] = "AADSTS" + strconv.Itoa(entra.AADSTS())
			continue
		case err != nil:
			t.Fatalf("%s: %v", p.Name, err)
		}
		rm := arm.Client{Client: client, Endpoint: p.Endpoints().ARMEndpoint, Token: tok}
		_, _, err = rm.ResourceGroups(ctx, p.Subscription, arm.ResourceGroupsAPIVersion)
		var armErr *arm.Error
		switch {
		case errors.As(err, &armErr):
			outcome[p.Name] = armErr.Code
		case err != nil:
			t.Fatalf("%s: %v", p.Name, err)
		case tok.Lifetime() <= 5*time.Minute:
			outcome[p.Name] = "short"
		default:
			outcome[p.Name] = "ok"
		}
	}
	want := map[string]string{
		"Contoso dev": "ok", "Wrong secret": "AADSTS7000215", "No role": "AuthorizationFailed",
		"Short-lived tokens": "short", "Secret expires soon": "ok",
	}
	for name, expect := range want {
		if outcome[name] != expect {
			t.Errorf("%s: %q, want %q", name, outcome[name], expect)
		}
	}
	soon, _ := w.Store.ByName("Secret expires soon")
	if d := soon.SecretExpires.DaysFrom(now); d < 11 || d > 12 {
		t.Errorf("secret expires in %d days", d)
	}
}

// The demo's profiles live in memory: starting it, adding a profile and
// changing them write nothing to the config folder or the temporary folder.
func TestDemoWritesNothingToDisk(t *testing.T) {
	config, tmp := t.TempDir(), t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("TMPDIR", tmp)
	w, err := Start(context.Background(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	dev, _ := w.Store.ByName("Contoso dev")
	if _, err := w.Store.Duplicate(dev.ID, "Contoso dev 2"); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{config, tmp} {
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("the demo wrote to %s: %v", dir, entries)
		}
	}
}
