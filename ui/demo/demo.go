// Package demo is aztoken's offline demo: the project's Entra ID and ARM
// emulator on loopback, with profiles that show the app's range, in an
// in-memory profile store and in-memory secrets. It never touches the
// user's profiles or keyring, and it has no Fyne code, so the window and
// the screenshot script share it.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// Banner is what the window says while the demo runs.
const Banner = "Demo: an emulated Azure on this computer. Nothing here touches your profiles, your keyring or the network."

// World is a running demo.
type World struct {
	Server  *emulator.Server
	Store   *profiles.Store
	Secrets *profiles.Memory
	// AutoRefresh are the profiles whose tokens the window fetches again
	// on its own from the start: the short-lived one, whose point is the
	// countdown running out and a new token taking over.
	AutoRefresh []profiles.ID
}

// profile is one demo profile and the secret it is given.
type profile struct {
	name, clientID, secret, notes string
	expiresIn                     time.Duration // the secret's expiry date, from today; 0 = unknown
	autoRefresh                   bool
}

// profiles shows, in order: a registration that works end to end, the
// Secret ID pasted instead of the Value (AADSTS7000215), an app without a
// role assignment (403 AuthorizationFailed), tokens that live five minutes
// (the countdown and auto-refresh), and a secret about to expire.
var demoProfiles = []profile{
	{"Contoso dev", emulator.SampleApp, emulator.SampleSecret, "Works end to end: get a token, copy the header, run the test call.", 400 * 24 * time.Hour, false},
	{"Wrong secret", emulator.SampleApp, emulator.SampleSecretID, "The secret's ID was pasted instead of its Value.", 0, false},
	{"No role", emulator.SampleNoRoleApp, emulator.SampleSecret, "The app has no role assignment: the test call is refused.", 200 * 24 * time.Hour, false},
	{"Short-lived tokens", emulator.SampleShortApp, emulator.SampleSecret, "Tokens live five minutes: watch the countdown and auto-refresh.", 300 * 24 * time.Hour, true},
	{"Secret expires soon", emulator.SampleApp, emulator.SampleSecret, "The secret expires in twelve days.", 12 * 24 * time.Hour, false},
}

// Start runs the emulator and fills a fresh store with the demo profiles.
func Start(ctx context.Context, now time.Time) (*World, error) {
	srv, err := emulator.Start(emulator.Sample())
	if err != nil {
		return nil, err
	}
	w := &World{Server: srv, Store: profiles.OpenMemory(), Secrets: profiles.NewMemory()}
	if err := w.fill(ctx, now); err != nil {
		w.Close()
		return nil, fmt.Errorf("demo: %w", err)
	}
	return w, nil
}

func (w *World) fill(ctx context.Context, now time.Time) error {
	for _, d := range demoProfiles {
		p := profiles.Profile{
			Name:          d.name,
			Tenant:        emulator.SampleTenant,
			ClientID:      d.clientID,
			Credential:    profiles.SecretCredential,
			Cloud:         "custom",
			AuthorityHost: w.Server.URL(),
			ARMEndpoint:   w.Server.URL(),
			Resource:      "https://management.azure.com/",
			Subscription:  emulator.SampleSubscription,
			Notes:         d.notes,
		}
		if d.expiresIn > 0 {
			t := now.Add(d.expiresIn)
			p.SecretExpires = profiles.NewDate(t.Year(), t.Month(), t.Day())
		}
		saved, err := w.Store.Save(p)
		if err != nil {
			return err
		}
		if err := w.Secrets.Set(ctx, saved.ID, d.secret); err != nil {
			return err
		}
		if d.autoRefresh {
			w.AutoRefresh = append(w.AutoRefresh, saved.ID)
		}
	}
	return nil
}

// OpenStore hands the window the demo's store.
func (w *World) OpenStore() (*profiles.Store, error) { return w.Store, nil }

// Close stops the emulator; the demo's profiles and secrets go with the
// process.
func (w *World) Close() { w.Server.Close() }
