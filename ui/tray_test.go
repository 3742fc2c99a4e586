package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/clipboard"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// The tray in the headless test app: Fyne's test driver has no system
// tray, so the tests read the menu the window keeps and click its items
// as the tray would. The probe's answer is injected.

// sentNotifications records what the window sent.
type sentNotifications struct {
	sent []fyne.Notification
}

func (n *sentNotifications) send(x *fyne.Notification) { n.sent = append(n.sent, *x) }

func (n *sentNotifications) all() []fyne.Notification { return n.sent }

// openWithTray opens the window as Run would after a probe that found a
// session bus, and a tray host when host is set.
func (f *fixture) openWithTray(host bool) (*mainWindow, *sentNotifications) {
	f.t.Helper()
	w := f.open()
	sent := &sentNotifications{}
	w.notes.send = sent.send
	w.applyTray(trayHost{bus: true, host: host})
	w.tray.probe = nil // tests call trackHost with the answer instead
	return w, sent
}

// trayItem finds the tray item whose label starts with prefix.
func (f *fixture) trayItem(prefix string) *fyne.MenuItem {
	f.t.Helper()
	if f.w.tray.menu == nil {
		f.t.Fatal("no tray menu")
	}
	for _, mi := range f.w.tray.menu.Items {
		if strings.HasPrefix(mi.Label, prefix) {
			return mi
		}
	}
	f.t.Fatalf("no tray item %q in %v", prefix, f.trayLabels())
	return nil
}

func (f *fixture) trayLabels() []string {
	var labels []string
	for _, mi := range f.w.tray.menu.Items {
		labels = append(labels, mi.Label)
	}
	return labels
}

// clickTray clicks a tray item and waits for what it started.
func (f *fixture) clickTray(prefix string) {
	f.t.Helper()
	f.trayItem(prefix).Action()
	f.wait()
}

func TestTrayCopyPutsExactlyTheHeaderOnTheClipboardAndNotifies(t *testing.T) {
	f := newDevFixture(t)
	_, sent := f.openWithTray(true)

	f.clickTray("Copy header · dev (no token yet)")
	tok := f.currentToken()
	if f.clip.text != "Authorization: Bearer "+tok.AccessToken {
		t.Fatalf("clipboard %.40q…, want exactly the Authorization header", f.clip.text)
	}
	at := tok.ExpiresOn.In(testZone).Format("15:04")
	want := []fyne.Notification{{Title: "Header copied", Content: "Copied header for dev (expires " + at + ")"}}
	if got := sent.all(); len(got) != 1 || got[0] != want[0] {
		t.Errorf("notifications %+v, want %+v", got, want)
	}
	if label := f.trayItem("Copy header · dev").Label; label != "Copy header · dev (60 min left)" {
		t.Errorf("after the copy the item reads %q", label)
	}

	// A second copy reuses the cached token: no new request to Entra.
	f.clip.WriteAll("")
	f.clickTray("Copy header · dev")
	if n := f.srv.Requests(emulator.TokenEndpoint); n != 1 {
		t.Errorf("%d token requests, want the cached token reused", n)
	}
	if f.clip.text != tok.AuthorizationHeader() {
		t.Error("the second copy should put the same header on the clipboard")
	}

	// Within the margin the cache fetches a new one. The labels move on
	// the tray's minute, not the window's second.
	f.clock.Add(56 * time.Minute)
	f.w.tick()
	if label := f.trayItem("Copy header · dev").Label; label != "Copy header · dev (60 min left)" {
		t.Errorf("the window's tick rebuilt the tray menu: %q", label)
	}
	f.w.tray.tick()
	if label := f.trayItem("Copy header · dev").Label; label != "Copy header · dev (expiring, 4 min left)" {
		t.Errorf("4 minutes before expiry the item reads %q", label)
	}
	f.clickTray("Copy header · dev")
	if n := f.srv.Requests(emulator.TokenEndpoint); n != 2 {
		t.Errorf("%d token requests, want a new token within the margin", n)
	}
	if fresh := f.currentToken(); fresh.AccessToken == tok.AccessToken || f.clip.text != fresh.AuthorizationHeader() {
		t.Error("the copy within the margin should carry the new token")
	}
	for _, n := range sent.all() {
		if strings.Contains(n.Content, "eyJ") || strings.Contains(n.Title, "eyJ") {
			t.Errorf("a notification shows a token: %+v", n)
		}
	}
}

// failingClipboard is a system without a clipboard tool.
type failingClipboard struct{ err error }

func (c failingClipboard) WriteAll(string) error    { return c.err }
func (c failingClipboard) ReadAll() (string, error) { return "", c.err }

func TestTrayCopyWithoutAClipboardToolSaysWhatToInstall(t *testing.T) {
	f := newDevFixture(t)
	w, sent := f.openWithTray(true)
	w.tray.clip = failingClipboard{clipboard.ErrNoTool}

	f.clickTray("Copy header · dev")
	got := sent.all()
	want := "Could not copy the header for dev: " + clipboard.ErrNoTool.Error()
	if len(got) != 1 || got[0].Title != "Copy failed" || got[0].Content != want {
		t.Fatalf("notifications %+v, want %q", got, want)
	}
	if !strings.Contains(want, "install xclip or xsel") {
		t.Errorf("the message should name what to install: %q", want)
	}
}

func TestTrayCopyFailureGivesTheFixAndShowsInTheWindow(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecretID) // the Secret ID, not the Value
	_, sent := f.openWithTray(true)

	f.clickTray("Copy header · dev")
	got := sent.all()
	if len(got) != 1 || got[0].Title != "Copy failed" || !strings.HasPrefix(got[0].Content, "Could not copy the header for dev: ") {
		t.Fatalf("notifications %+v", got)
	}
	p, _ := f.w.ctrl.selectedProfile()
	err := f.w.ctrl.state(p).err
	if err == nil || !strings.HasSuffix(got[0].Content, tokens.Fix(err)) {
		t.Errorf("the notification should end with the fix %q: %q", tokens.Fix(err), got[0].Content)
	}
	if strings.Contains(got[0].Content, emulator.SampleSecretID) {
		t.Error("the notification quotes the secret")
	}
	if f.clip.text != "" {
		t.Errorf("clipboard %q after a failed fetch", f.clip.text)
	}
	if label := f.trayItem("Copy header · dev").Label; label != "Copy header · dev (last attempt failed)" {
		t.Errorf("the item reads %q", label)
	}
	if statusOf(f.w, "dev") != "error" {
		t.Error("the window's list should show the error too")
	}
}

func TestTrayCopyWithNotificationsOffStillShowsAFailure(t *testing.T) {
	f := newDevFixture(t)
	f.app.Preferences().SetBool(settingNotifyCopy, false)
	w, sent := f.openWithTray(true)

	f.clickTray("Copy header · dev")
	if len(sent.all()) != 0 {
		t.Errorf("sent %+v with notifications off", sent.all())
	}
	w.requestClose() // to the tray
	w.tray.clip = failingClipboard{clipboard.ErrNoTool}
	f.clickTray("Copy header · dev")
	if !w.visible || !strings.Contains(f.dialogText(), "install xclip") {
		t.Errorf("a failed copy should bring the window back with the message; visible %v, dialog %q", w.visible, f.dialogText())
	}
}

func TestTheTrayMenuFollowsProfileChanges(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("beta", emulator.SampleApp), emulator.SampleSecret)
	w, _ := f.openWithTray(true)
	if _, err := w.ctrl.store.Save(f.sample("alpha", emulator.SampleApp)); err != nil {
		t.Fatal(err)
	}
	w.refresh() // what saving through the window ends with
	labels := f.trayLabels()
	if len(labels) < 2 || labels[0] != "Copy header · alpha (no token yet)" || labels[1] != "Copy header · beta (no token yet)" {
		t.Errorf("menu %q, want both profiles by name", labels)
	}
}

func TestClosingQuitsWithoutATrayHost(t *testing.T) {
	for _, tc := range []struct {
		name string
		host trayHost
		tray bool
	}{
		{"no session bus", trayHost{}, false},
		{"a bus but no StatusNotifier host", trayHost{bus: true}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
			w := f.open()
			w.applyTray(tc.host)
			if (w.tray.menu != nil) != tc.tray || w.notes.on != tc.host.bus {
				t.Errorf("tray %v, notifications %v", w.tray.menu != nil, w.notes.on)
			}
			w.requestClose()
			if !w.closed {
				t.Error("closing should quit: a hidden window could never come back")
			}
		})
	}
}

func TestClosingHidesToTheTrayWithAHost(t *testing.T) {
	f := newDevFixture(t)
	w, _ := f.openWithTray(true)
	f.getToken()
	if !w.ticker.running() {
		t.Fatal("the countdown's ticker should run")
	}

	w.requestClose()
	if w.closed || w.visible || w.ticker.running() {
		t.Fatalf("closing should hide to the tray and stop the ticker: closed %v, visible %v, ticker %v", w.closed, w.visible, w.ticker.running())
	}
	f.trayItem("Show aztoken").Action()
	if !w.visible || !w.ticker.running() {
		t.Errorf("Show aztoken should bring the window and its countdown back: visible %v, ticker %v", w.visible, w.ticker.running())
	}

	f.trayItem("Quit").Action()
	if !w.closed {
		t.Error("Quit in the tray should quit")
	}
}

func TestQuitFromTheTrayAsksAboutUnsavedChangesInTheWindow(t *testing.T) {
	f := newDevFixture(t)
	w, _ := f.openWithTray(true)
	w.editor.notes.entry.SetText("half-typed")
	w.requestClose()
	if w.visible {
		t.Fatal("closing with a host should hide, unsaved changes and all")
	}
	f.trayItem("Quit").Action()
	if w.closed || !w.visible || !strings.Contains(f.dialogText(), "Save the changes to dev") {
		t.Errorf("Quit should show the window and ask first: closed %v, visible %v", w.closed, w.visible)
	}
	f.tapDialogButton("Discard")
	if !w.closed {
		t.Error("Discard should go on to quit")
	}
}

func TestAHiddenWindowComesBackWhenTheTrayHostGoes(t *testing.T) {
	f := newDevFixture(t)
	w, _ := f.openWithTray(true)
	w.requestClose()
	w.tray.trackHost(trayHost{bus: true}) // the panel quit
	if !w.visible {
		t.Fatal("without a host the hidden window should be shown again")
	}
	w.requestClose()
	if !w.closed {
		t.Error("and closing it now quits")
	}
}

func TestAutoRefreshFailureIsNotifiedOncePerToken(t *testing.T) {
	f := newFixture(t)
	p := f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w, sent := f.openWithTray(true)
	f.getToken()
	w.token.auto.SetChecked(true)
	// The secret was rotated in the portal: the next request fails.
	if err := f.secrets.Set(context.Background(), p.ID, emulator.SampleSecretID); err != nil {
		t.Fatal(err)
	}
	f.clock.Add(56 * time.Minute)
	w.tick()
	f.wait()
	w.tick()
	f.wait()
	got := sent.all()
	if len(got) != 1 || got[0].Title != "Auto-refresh failed" || !strings.HasPrefix(got[0].Content, "Could not refresh the token for dev: ") {
		t.Errorf("notifications %+v, want one about the failed refresh", got)
	}
}

func TestAManualFailureIsNoAutoRefreshNotification(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecretID)
	w, sent := f.openWithTray(true)
	w.token.auto.SetChecked(true)
	f.getToken()
	if got := sent.all(); len(got) != 0 {
		t.Errorf("a failed Get token is shown in the window, not notified: %+v", got)
	}
}

func TestExpiryIsNotifiedOncePerTokenWhenSwitchedOn(t *testing.T) {
	f := newDevFixture(t)
	f.app.Preferences().SetBool(settingNotifyExpiry, true)
	w, sent := f.openWithTray(true)
	f.getToken()
	tok := f.currentToken()
	f.clock.Add(61 * time.Minute)
	w.tick()
	w.tick()
	w.tray.tick()
	f.wait()
	want := fyne.Notification{Title: "Token expired", Content: "The token for dev expired at " + tok.ExpiresOn.In(testZone).Format("15:04") + "."}
	if got := sent.all(); len(got) != 1 || got[0] != want {
		t.Errorf("notifications %+v, want once %+v", got, want)
	}
}

func TestNoNotificationsWithoutASessionBus(t *testing.T) {
	f := newDevFixture(t)
	f.app.Preferences().SetBool(settingNotifyExpiry, true)
	w := f.open()
	sent := &sentNotifications{}
	w.notes.send = sent.send
	w.applyTray(trayHost{})
	f.getToken()
	f.clock.Add(61 * time.Minute)
	w.tick()
	if got := sent.all(); len(got) != 0 {
		t.Errorf("sent %+v: without a bus Fyne would start one", got)
	}
}
