package demo

import (
	"context"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
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
		arm := tokens.ARM{Client: client, Endpoint: p.Endpoints().ARMEndpoint, Token: tok}
		_, _, err = arm.ResourceGroups(ctx, p.Subscription, tokens.ResourceGroupsAPIVersion)
		var armErr *tokens.ARMError
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

func TestDemoLeavesNothingBehind(t *testing.T) {
	w, err := Start(context.Background(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	dir := w.dir
	w.Close()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the demo's store is still at %s", dir)
	}
}
