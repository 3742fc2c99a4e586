package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestGetTokenShowsTheCountdownAndEnablesCopy(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	panel := w.token
	if !panel.copyHeader.Disabled() || panel.countdown.Text != "No token yet." {
		t.Fatal("before a token, the copy buttons are off and the panel says so")
	}

	f.getToken()
	if got, want := panel.countdown.Text, "expires in 59:59 · at 15:59 (14:59 UTC)"; got != want {
		t.Errorf("countdown %q, want %q", got, want)
	}
	if panel.bar.Value != 1 {
		t.Errorf("a fresh token's bar is full, got %v", panel.bar.Value)
	}
	for _, b := range []*widget.Button{panel.copyHeader, panel.copyToken, panel.copyCurl} {
		if b.Disabled() {
			t.Errorf("%s is still disabled with a token", b.Text)
		}
	}
	tok := f.currentToken()
	if panel.token.Text != tok.AccessToken[:12]+"…" {
		t.Errorf("the token shows as %q, want its first 12 characters", panel.token.Text)
	}
	if got := w.list.shown[0]; !strings.HasPrefix(statusOf(w, got.Name), "valid, 60 min left") {
		t.Errorf("list status %q", statusOf(w, got.Name))
	}
	if !w.ticker.running() {
		t.Error("a countdown is showing, so the ticker should run")
	}

	test.Tap(panel.reveal)
	if panel.token.Text != tok.AccessToken {
		t.Error("Show should reveal the whole token")
	}
}

// statusOf is the status a list row shows for the named profile.
func statusOf(w *mainWindow, name string) string {
	for _, p := range w.list.shown {
		if p.Name == name {
			text, _ := w.list.status(p, w.ctrl.now())
			return text
		}
	}
	return ""
}

func TestCopyHeaderPutsExactlyTheHeaderOnTheClipboard(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.shortcut(fyne.KeyR, false) // Get token
	f.wait()
	tok := f.currentToken()

	test.Tap(w.token.copyHeader)
	if got := f.clip.text; got != "Authorization: Bearer "+tok.AccessToken {
		t.Errorf("clipboard %.40q…, want exactly the Authorization header", got)
	}
	if w.token.copyHeader.Text != "Copied" {
		t.Errorf("the button should confirm the copy, says %q", w.token.copyHeader.Text)
	}

	test.Tap(w.token.copyToken)
	if f.clip.text != tok.AccessToken {
		t.Error("Copy token should copy the token alone")
	}
	f.clip.text = ""
	f.shortcut(fyne.KeyC, true)
	if f.clip.text != "Authorization: Bearer "+tok.AccessToken {
		t.Error("Ctrl+Shift+C should copy the header")
	}

	test.Tap(w.token.copyCurl)
	want := `curl -H "Authorization: Bearer ` + tok.AccessToken + `" "` + f.srv.URL() +
		"/subscriptions/" + emulator.SampleSubscription + `/resourcegroups?api-version=2021-04-01"`
	if f.clip.text != want {
		t.Errorf("curl command %.80q…", f.clip.text)
	}
}

func TestTheClockDrivesWarningAndExpiredStates(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.getToken()
	panel := w.token
	tok := f.currentToken() // Entra's tokens live 3599 seconds

	f.clock.Add(tok.Lifetime() / 2)
	w.tick()
	if panel.countdown.Text != "expires in 30:00 · at 15:59 (14:59 UTC)" || panel.countdown.Importance != widget.MediumImportance {
		t.Errorf("half-way: %q, importance %v", panel.countdown.Text, panel.countdown.Importance)
	}
	if panel.bar.Value != 0.5 {
		t.Errorf("half-way the bar is half full, got %v", panel.bar.Value)
	}

	f.clock.Set(tok.ExpiresOn.Add(-4 * time.Minute))
	w.tick()
	if panel.countdown.Text != "expires in 4:00 · at 15:59 (14:59 UTC)" || panel.countdown.Importance != widget.WarningImportance {
		t.Errorf("last minutes: %q, importance %v; want the warning", panel.countdown.Text, panel.countdown.Importance)
	}
	if panel.barColour.Theme != (barTheme{primary: "warning"}) {
		t.Error("the bar should turn to the warning colour")
	}
	if s := statusOf(w, "dev"); s != "expiring in 4:00" {
		t.Errorf("list status %q, want expiring soon", s)
	}

	f.clock.Set(tok.ExpiresOn)
	w.tick()
	if panel.countdown.Text != "expired at 15:59 (14:59 UTC)" || panel.countdown.Importance != widget.DangerImportance {
		t.Errorf("at zero: %q, importance %v; want expired", panel.countdown.Text, panel.countdown.Importance)
	}
	if panel.bar.Value != 0 || !panel.copyHeader.Disabled() || panel.token.Text != "" {
		t.Error("an expired token is neither shown nor copied")
	}
	if s := statusOf(w, "dev"); s != "expired" {
		t.Errorf("list status %q", s)
	}
	if w.ticker.running() {
		t.Error("with nothing counting down the ticker should stop")
	}
}

func TestAWrongSecretShowsTheFixForAADSTS7000215(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecretID) // the ID, not the Value
	w := f.open()
	f.getToken()

	panel := w.errors
	if !panel.box.Visible() {
		t.Fatal("the error should show where the token would be")
	}
	if panel.code.Text != "AADSTS7000215" {
		t.Errorf("code %q", panel.code.Text)
	}
	if want := (&tokens.EntraError{Codes: []int{7000215}, Sent: tokens.SentSecretID}).Fix(); panel.fix.Text != want || !panel.fix.TextStyle.Bold {
		t.Errorf("fix %q, want %q in bold", panel.fix.Text, want)
	}
	if s := statusOf(w, "dev"); s != "error" {
		t.Errorf("list status %q", s)
	}

	test.Tap(panel.details)
	details := f.clip.text
	if !strings.Contains(details, "Trace ID:") || !strings.Contains(details, "Correlation ID:") {
		t.Errorf("details %q should carry the trace and correlation ids", details)
	}
	if strings.Contains(details, emulator.SampleSecretID) || strings.Contains(panel.message.Text, emulator.SampleSecretID) {
		t.Error("the error shows the secret that was sent")
	}
}

func TestAutoRefreshFetchesANewTokenBeforeExpiry(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.getToken()
	first := f.currentToken()
	test.Tap(w.token.auto)

	f.clock.Add(50 * time.Minute)
	w.tick()
	f.wait()
	if f.currentToken() != first || f.srv.Requests(emulator.TokenEndpoint) != 1 {
		t.Fatal("ten minutes before expiry the token is kept")
	}

	f.clock.Add(5*time.Minute + time.Second)
	w.tick()
	f.wait()
	if f.srv.Requests(emulator.TokenEndpoint) != 2 || f.currentToken().AccessToken == first.AccessToken {
		t.Fatal("inside the last five minutes auto-refresh should fetch a new token")
	}
	if w.token.countdown.Text != "expires in 59:59 · at 16:55 (15:55 UTC)" {
		t.Errorf("countdown after the refresh %q", w.token.countdown.Text)
	}
	w.tick()
	f.wait()
	if n := f.srv.Requests(emulator.TokenEndpoint); n != 2 {
		t.Errorf("%d token requests; a fresh token must not be fetched again", n)
	}
}

func TestClaimsExplainTheToken(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.getToken()

	rows := map[string]claimRow{}
	for _, r := range w.claims.rows {
		rows[r.name] = r
	}
	checks := []struct{ claim, value, note string }{
		{"aud", "https://management.azure.com/", "Matches the target Resource Manager."},
		{"tid", emulator.SampleTenant, "Matches the profile's tenant."},
		{"appid", emulator.SampleApp, "Matches the profile's client ID."},
		{"idtyp", "app", "An app-only token, from the client-credentials grant."},
		{"ver", "1.0", "A v1 token"},
		{"roles", "(none)", "No application permissions"},
		{"exp", "2025-03-14 16:00:00 (15:00:00 UTC)", "Valid until."},
		{"alg", "RS256", ""},
	}
	for _, c := range checks {
		r, ok := rows[c.claim]
		if !ok {
			t.Errorf("no row for %s", c.claim)
			continue
		}
		if r.value != c.value || !strings.HasPrefix(r.note, c.note) {
			t.Errorf("%s: %q, note %q; want %q, %q…", c.claim, r.value, r.note, c.value, c.note)
		}
	}
	if rows["aud"].importance != widget.SuccessImportance {
		t.Error("a matching aud is confirmed")
	}
}

func TestTokenPanelMarkup(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.getToken()
	f.clock.Add(57*time.Minute + 47*time.Second)

	// The panel on its own window: the same view over the same state.
	panel := newTokenPanel(w.ctrl, w.copier)
	win := test.NewTempWindow(t, panel.build())
	win.Resize(fyne.NewSize(560, 220))
	panel.apply(f.clock.Now())
	test.AssertRendersToMarkup(t, "token_panel.xml", win.Canvas())
}

func TestCancelStopsASlowRequest(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.srv.Inject(emulator.TokenEndpoint, emulator.Latency(time.Minute))

	test.Tap(w.token.get)
	// The request hangs in the emulator; nothing reaches the widgets
	// until it is cancelled.
	if !w.status.box.Visible() || !strings.HasPrefix(w.status.text.Text, "Getting a token for dev") || !w.token.get.Disabled() {
		t.Fatalf("while the request runs the window shows a spinner and Cancel: %q", w.status.text.Text)
	}
	test.Tap(w.status.cancel)
	f.wait()
	if w.status.box.Visible() || w.errors.box.Visible() || w.token.get.Disabled() {
		t.Error("after Cancel the window is idle again, with no error")
	}
	if s := statusOf(w, "dev"); s != "no token" {
		t.Errorf("list status %q", s)
	}
}

// TestAWrongSecretMarksTheSecretField: the form's secret field says the
// stored secret was refused, and stops saying so once a token comes.
func TestAWrongSecretMarksTheSecretField(t *testing.T) {
	f := newFixture(t)
	dev := f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecretID)
	w := f.open()
	f.getToken()
	if msg := w.editor.secret.message; !msg.Visible() || msg.Text != errSecretRefused.Error() {
		t.Fatalf("secret field says %q (shown %v), want that the secret was refused", msg.Text, msg.Visible())
	}

	f.secrets.Set(context.Background(), dev.ID, emulator.SampleSecret)
	f.getToken()
	if w.editor.secret.message.Visible() {
		t.Errorf("the mark stayed after a token came: %q", w.editor.secret.message.Text)
	}
}
