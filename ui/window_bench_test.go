package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// BenchmarkOpenWindow builds, lays out and closes the main window on five
// profiles, the first selected: the part of start-up aztoken adds to a
// bare Fyne window. make bench prints it beside the start-up figure.
func BenchmarkOpenWindow(b *testing.B) {
	app := test.NewTempApp(b)
	store, secrets := profiles.OpenMemory(), profiles.NewMemory()
	for _, name := range []string{"dev", "prod-reader", "staging", "test", "sandbox"} {
		p, err := store.Save(profiles.Profile{Name: name, Tenant: emulator.SampleTenant, ClientID: emulator.SampleApp,
			Resource: "https://management.azure.com/", Subscription: emulator.SampleSubscription})
		if err != nil {
			b.Fatal(err)
		}
		if err := secrets.Set(context.Background(), p.ID, emulator.SampleSecret); err != nil {
			b.Fatal(err)
		}
	}
	deps := Deps{
		OpenStore: func() (*profiles.Store, error) { return store, nil },
		Secrets:   secrets,
		Fetcher:   tokens.NewClient(),
		Clipboard: &fakeClipboard{},
		Now:       time.Now,
	}
	b.ReportAllocs()
	for b.Loop() {
		w := newMainWindow(app, deps, newPostQueue().post)
		w.show()
		w.close()
	}
}
