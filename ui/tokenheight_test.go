package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestTheTabBarHoldsStillInEveryTokenState(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	tabsAt := func() fyne.Position {
		w.win.Content().Refresh() // lay out the window as it would be drawn
		return f.app.Driver().AbsolutePositionForObject(w.tabs)
	}
	start := tabsAt()
	still := func(state string) {
		t.Helper()
		if got := tabsAt(); got != start {
			t.Errorf("with %s the tab bar is at %v, was at %v with no token", state, got, start)
		}
	}

	test.Tap(w.token.get)
	still("a token on its way")
	f.wait()
	still("a token")
	tok := f.currentToken()

	f.clock.Set(tok.ExpiresOn.Add(-4 * time.Minute))
	w.tick()
	still("a token about to expire")
	f.clock.Set(tok.ExpiresOn)
	w.tick()
	still("an expired token")

	f.srv.Inject(emulator.TokenEndpoint, emulator.EntraReply(401, "invalid_client", 7000215, "Invalid client secret provided."))
	f.getToken()
	if !w.errors.box.Visible() {
		t.Fatal("the failed request should be explained")
	}
	still("an error")
}

func TestACopyButtonKeepsItsWidthWhileItSaysCopied(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.getToken()
	header, next := w.token.copyHeader, w.token.copyToken
	at := f.app.Driver().AbsolutePositionForObject
	width, nextAt := header.Size().Width, at(next)

	test.Tap(header)
	w.win.Content().Refresh()
	if header.Text != copiedText {
		t.Fatalf("the button says %q after copying, want %q", header.Text, copiedText)
	}
	if header.Size().Width != width || at(next) != nextAt {
		t.Errorf("while it says Copied the button is %v wide (was %v) and its neighbour at %v (was %v)",
			header.Size().Width, width, at(next), nextAt)
	}
}

func TestAnErrorTakesRoomFromTheTabsAndGivesItBack(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.getToken()
	full := w.tabs.Size().Height

	f.srv.Inject(emulator.TokenEndpoint, emulator.EntraReply(401, "invalid_client", 7000215, "Invalid client secret provided."))
	f.getToken()
	if got := w.tabs.Size().Height; got >= full || w.errors.box.Size().Height == 0 {
		t.Errorf("with the error shown the tabs are %v tall (were %v) and the error %v: it has no room", got, full, w.errors.box.Size().Height)
	}
	f.getToken()
	if got := w.tabs.Size().Height; got != full {
		t.Errorf("once the error is gone the tabs are %v tall, want their %v back", got, full)
	}
}
