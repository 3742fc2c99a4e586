package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/setupcheck"
	"github.com/aztoken/aztoken/tokens/sharedcache"
)

// graphURI is Microsoft Graph's App ID URI, which the emulator's Entra
// issues tokens for besides Resource Manager's.
const graphURI = "https://graph.microsoft.com/"

// newGraphFixture holds dev, which calls Microsoft Graph besides its
// default target, Resource Manager.
func newGraphFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t)
	p := f.sample("dev", emulator.SampleApp)
	p.Targets = profiles.NewTargetList(profiles.NamedTarget{Name: tokens.PresetGraph, Resource: graphURI})
	f.seed(p, emulator.SampleSecret)
	return f
}

// shownToken is the token of the target the panel shows.
func (f *fixture) shownToken() (tokens.Token, bool) {
	f.t.Helper()
	p, ok := f.w.ctrl.selectedTarget()
	if !ok {
		f.t.Fatal("no profile selected")
	}
	return f.w.ctrl.token(p)
}

// audienceOf is the aud claim of tok.
func audienceOf(t *testing.T, tok tokens.Token) string {
	t.Helper()
	j, err := tokens.DecodeJWT(tok.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	return j.Claims.Audience
}

func TestPickingGraphGetsAGraphTokenWithItsOwnCountdownAndCopy(t *testing.T) {
	f := newGraphFixture(t)
	w := f.open()
	picker := w.token.target
	if !w.token.targetBox.Visible() || !slices.Equal(picker.Options, []string{"Resource Manager", "Microsoft Graph"}) || picker.Selected != "Resource Manager" {
		t.Fatalf("picker shown %v with %q, %q picked; want both targets, the default picked", w.token.targetBox.Visible(), picker.Options, picker.Selected)
	}
	f.getToken()
	arm, _ := f.shownToken()

	f.clock.Add(10 * time.Minute)
	picker.SetSelected("Microsoft Graph")
	if w.token.countdown.Text != "No token yet." || !w.token.copyHeader.Disabled() {
		t.Errorf("Graph, never fetched, shows %q with copy enabled %v; the Resource Manager token is not Graph's", w.token.countdown.Text, !w.token.copyHeader.Disabled())
	}
	f.getToken()
	graph, ok := f.shownToken()
	if !ok || audienceOf(t, graph) != graphURI {
		t.Fatalf("after Get token with Graph picked the panel holds a token for %q", audienceOf(t, graph))
	}
	now := f.clock.Now()
	if want := countdownAt(graph, now, w.ctrl.margin()).text; w.token.countdown.Text != want {
		t.Errorf("countdown %q, want Graph's own %q", w.token.countdown.Text, want)
	}

	aud := map[string]claimRow{}
	for _, r := range w.claims.rows {
		aud[r.name] = r
	}
	if r := aud["aud"]; r.note != "Matches the target Microsoft Graph." || r.importance != widget.SuccessImportance {
		t.Errorf("a Graph token's audience is judged %q (%v); want it matched against Graph", r.note, r.importance)
	}

	test.Tap(w.token.copyHeader)
	if f.clip.text != graph.AuthorizationHeader() {
		t.Errorf("Copy header copied %.40q…, want the Graph token's header", f.clip.text)
	}

	picker.SetSelected("Resource Manager")
	if tok, _ := f.shownToken(); tok.AccessToken != arm.AccessToken {
		t.Error("back on Resource Manager the panel lost its own token")
	}
	if want := countdownAt(arm, now, w.ctrl.margin()).text; w.token.countdown.Text != want {
		t.Errorf("countdown %q, want Resource Manager's own %q", w.token.countdown.Text, want)
	}
	if n := f.srv.Requests(emulator.TokenEndpoint); n != 2 {
		t.Errorf("%d token requests; want one per target", n)
	}
}

func TestAProfileWithOneTargetShowsNoPicker(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	if w.token.targetBox.Visible() {
		t.Error("a profile with only its default target shows a picker with one choice")
	}
}

func TestEditingAProfileDropsTheTokensOfAllItsTargets(t *testing.T) {
	f := newGraphFixture(t)
	shared := sharedcache.Open(filepath.Join(t.TempDir(), "tokens"), sharedcache.KeyringKey{Secrets: f.secrets}, f.clock.Now)
	f.shelf = shared
	w := f.open()
	f.getToken()
	w.token.target.SetSelected("Microsoft Graph")
	f.getToken()
	before, _ := w.ctrl.selectedProfile()
	for _, name := range before.TargetNames() {
		q, _ := before.WithTarget(name)
		if _, ok := shared.Get(t.Context(), q.CacheKey()); !ok {
			t.Fatalf("the %s token never reached the shared cache", name)
		}
	}

	edited := before
	edited.Tenant = "contoso.onmicrosoft.com"
	keep := func(context.Context) (profiles.SecretChange, error) { return profiles.KeepSecret(), nil }
	w.ctrl.save(edited, keep, func(r saveResult) {
		if r.err != nil {
			t.Errorf("save: %v", r.err)
		}
	})
	f.wait()
	for _, name := range before.TargetNames() {
		q, _ := before.WithTarget(name)
		if _, ok := w.ctrl.cache.Peek(q.CacheKey()); ok {
			t.Errorf("the window still holds the %s token of the profile's old self", name)
		}
		if _, ok := shared.Get(t.Context(), q.CacheKey()); ok {
			t.Errorf("the shared cache still holds the %s token of the profile's old self", name)
		}
	}
	if w.token.countdown.Text != "No token yet." {
		t.Errorf("after the edit the panel shows %q", w.token.countdown.Text)
	}
}

func TestTheTrayCopiesTheHeaderOfEachTarget(t *testing.T) {
	f := newGraphFixture(t)
	f.openWithTray(true)
	if got := f.trayLabels(); !slices.Contains(got, "Copy header · dev — Resource Manager (no token yet)") ||
		!slices.Contains(got, "Copy header · dev — Microsoft Graph (no token yet)") {
		t.Fatalf("tray %q; want an item per target", got)
	}
	f.clickTray("Copy header · dev — Microsoft Graph")
	p, _ := f.w.ctrl.profile(f.w.ctrl.profiles()[0].ID)
	graph, _ := p.WithTarget("Microsoft Graph")
	tok, ok := f.w.ctrl.token(graph)
	if !ok || audienceOf(t, tok) != graphURI || f.clip.text != tok.AuthorizationHeader() {
		t.Fatalf("the Graph item copied %.40q…; want a Graph token's header", f.clip.text)
	}
	if _, ok := f.w.ctrl.token(p); ok {
		t.Error("copying Graph's header fetched a Resource Manager token too")
	}
	f.w.tray.tick()
	if label := f.trayItem("Copy header · dev — Microsoft Graph").Label; label != "Copy header · dev — Microsoft Graph (60 min left)" {
		t.Errorf("after the copy the Graph item reads %q", label)
	}
}

func TestTrayMenuListsEveryTargetOfAProfile(t *testing.T) {
	p := profiles.Profile{ID: "p1", Name: "dev", Cloud: "public",
		Targets: profiles.NewTargetList(profiles.NamedTarget{Name: "Microsoft Graph", Resource: graphURI})}
	states := map[tokenKey]trayState{{id: "p1", target: "Microsoft Graph"}: {fetching: true}}
	items := trayMenu("aztoken", []profiles.Profile{p}, states, testStart, tokens.DefaultMargin)
	want := []trayItem{
		{kind: trayCopy, label: "Copy header · dev — Resource Manager (no token yet)", enabled: true, profile: "p1"},
		{kind: trayCopy, label: "Copy header · dev — Microsoft Graph (getting token…)", profile: "p1", target: "Microsoft Graph"},
	}
	if !slices.Equal(items[:2], want) {
		t.Errorf("got\n%+v\nwant\n%+v", items[:2], want)
	}
}

func TestTheSetupCheckStaysOnResourceManagerWithGraphPicked(t *testing.T) {
	f := newGraphFixture(t)
	w := f.open()
	w.token.target.SetSelected("Microsoft Graph")
	f.openTab(w.checkTab)
	test.Tap(w.check.run)
	f.wait()
	// The step judging the token's audience passes only for Resource
	// Manager's; a Graph token would fail it and every ARM step after.
	// The last step, the secret's expiry, only warns: dev has no date.
	for i, r := range w.check.rows[:len(w.check.rows)-1] {
		if r.mark.Text != setupcheck.Pass.Symbol() {
			t.Errorf("step %d: %s %s — %s", i+1, r.mark.Text, r.title.Text, r.detail.Text)
		}
	}
	if p, _ := w.ctrl.selectedTarget(); p.TargetName() != "Microsoft Graph" {
		t.Errorf("the check changed the picked target to %q", p.TargetName())
	}
}

func TestTheListShowsThePickedTargetsToken(t *testing.T) {
	f := newGraphFixture(t)
	w := f.open()
	f.getToken()
	p, _ := w.ctrl.selectedProfile()
	if text, _ := w.list.status(p, f.clock.Now()); !strings.HasPrefix(text, "valid") {
		t.Fatalf("with a Resource Manager token the list says %q", text)
	}
	w.token.target.SetSelected("Microsoft Graph")
	if text, _ := w.list.status(p, f.clock.Now()); text != "no token" {
		t.Errorf("with Graph picked and no Graph token the list says %q", text)
	}
}

func TestAutoRefreshIsPerTarget(t *testing.T) {
	f := newGraphFixture(t)
	w := f.open()
	f.getToken() // Resource Manager, auto-refresh off
	arm, _ := f.shownToken()
	w.token.target.SetSelected("Microsoft Graph")
	f.getToken()
	test.Tap(w.token.auto)
	graph, _ := f.shownToken()
	w.token.target.SetSelected("Resource Manager")
	if w.token.auto.Checked {
		t.Error("switching auto-refresh on for Graph switched it on for Resource Manager")
	}

	f.clock.Add(55*time.Minute + time.Second)
	w.tick()
	f.wait()
	if n := f.srv.Requests(emulator.TokenEndpoint); n != 3 {
		t.Fatalf("%d token requests; want Graph's refreshed alone", n)
	}
	if tok, _ := f.shownToken(); tok != arm {
		t.Error("Resource Manager's token was replaced without auto-refresh")
	}
	w.token.target.SetSelected("Microsoft Graph")
	if tok, _ := f.shownToken(); tok.AccessToken == graph.AccessToken || audienceOf(t, tok) != graphURI {
		t.Error("Graph's token was not refreshed with a Graph token")
	}
}
