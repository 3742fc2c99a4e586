package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// laptopMinimum is the most the window may ask for at scale 1: it must fit
// a 1366×768 laptop screen with room for a panel and the window's title.
var laptopMinimum = fyne.NewSize(760, 480)

// manyGroups gives the sample subscription n more resource groups, served
// 100 to a page.
func manyGroups(n int) func(*emulator.Config) {
	return func(c *emulator.Config) {
		sub := &c.Tenants[0].Subscriptions[0]
		for i := range n {
			sub.ResourceGroups = append(sub.ResourceGroups, emulator.ResourceGroup{Name: fmt.Sprintf("rg-load-%03d", i), Location: "westeurope"})
		}
		c.PageSize = 100
	}
}

func TestLongResultsScrollInsideTheWindowRatherThanGrowIt(t *testing.T) {
	f := newFixtureWith(t, manyGroups(245))
	f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	minimum := func() fyne.Size { return w.win.Content().MinSize() }
	f.getToken()
	f.openTab(w.callTab)
	f.openTab(w.checkTab)
	f.openTab(w.decodeTab)
	before := minimum()
	if before.Width > laptopMinimum.Width || before.Height > laptopMinimum.Height {
		t.Errorf("the window asks for at least %v, more than a laptop's %v", before, laptopMinimum)
	}
	same := func(after string) {
		t.Helper()
		if got := minimum(); got != before {
			t.Errorf("after %s the window asks for at least %v, was %v: it would grow rather than scroll", after, got, before)
		}
	}

	f.openTab(w.callTab)
	test.Tap(w.call.run)
	f.wait()
	if rows, _ := w.call.table.Length(); rows != 250 {
		t.Fatalf("the test call listed %d groups, want 250: %s", rows, w.call.errors.message.Text)
	}
	if got := w.call.pages.Text; got != "250 resource groups in 3 pages" {
		t.Errorf("the summary says %q, want 250 resource groups in 3 pages", got)
	}
	same("a test call of 250 resource groups")

	f.srv.Inject(emulator.ARMEndpoint, emulator.ARMReply(409, "ReadOnlyDisabledSubscription", strings.Repeat("The subscription is disabled and therefore marked as read only. ", 8)))
	test.Tap(w.call.run)
	f.wait()
	if !w.call.errors.box.Visible() {
		t.Fatal("the refused call should be explained")
	}
	same("a long error from the test call")

	f.openTab(w.checkTab)
	test.Tap(w.check.run)
	f.wait()
	if len(w.check.rows) != 7 {
		t.Fatalf("the setup check shows %d steps, want 7", len(w.check.rows))
	}
	same("the setup check's seven steps")

	f.openTab(w.decodeTab)
	f.clip.WriteAll("Bearer " + f.currentToken().AccessToken)
	test.Tap(w.decode.paste)
	test.Type(w.decode.expect, "https://graph.microsoft.com")
	if len(w.decode.table.Objects) == 0 {
		t.Fatalf("the Decode tab shows no claims: %s", w.decode.message.Text)
	}
	same("a decoded token with its claims and verdict")

	f.srv.Inject(emulator.TokenEndpoint, emulator.EntraReply(401, "invalid_client", 7000215, strings.Repeat("Invalid client secret provided. ", 10)))
	f.getToken()
	if !w.errors.box.Visible() {
		t.Fatal("the failed token request should be explained")
	}
	same("a failed token request")
}
