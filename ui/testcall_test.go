package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens/arm"
	"github.com/aztoken/aztoken/tokens/emulator"
)

var guid = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func TestTestCallFollowsEveryPageIntoTheTable(t *testing.T) {
	f := newFixtureWith(t, func(c *emulator.Config) { c.PageSize = 2 })
	f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	v := w.call
	f.openTab(w.callTab)
	if v.subscription.entry.Text != emulator.SampleSubscription || v.apiVersion.entry.Text != arm.ResourceGroupsAPIVersion {
		t.Fatalf("the form should start with the profile's subscription and the default api-version, has %q and %q",
			v.subscription.entry.Text, v.apiVersion.entry.Text)
	}

	w.tabs.SelectIndex(0)        // back to the profile
	f.shortcut(fyne.KeyT, false) // Run
	f.wait()
	if w.tabs.Selected() != w.callTab.item {
		t.Error("Ctrl+T should bring the test call to the front")
	}
	if rows, cols := v.table.Length(); rows != 5 || cols != len(groupColumns) {
		t.Fatalf("the table has %d×%d cells, want the sample's 5 groups from 3 pages: %s", rows, cols, v.errors.message.Text)
	}
	for row, want := range []string{"rg-app", "MC_rg-app_aks_westeurope", "rg-data", "rg-old", "rg-net"} {
		if got := v.cell(row, 0); got != want {
			t.Errorf("row %d names %q, want %q (every page, in order)", row, got, want)
		}
	}
	for _, c := range []struct {
		row, col int
		want     string
	}{{0, 1, "westeurope"}, {0, 2, "Succeeded"}, {0, 4, "2"}, {3, 2, "Deleting"}, {4, 4, "0"}} {
		if got := v.cell(c.row, c.col); got != c.want {
			t.Errorf("cell %d,%d (%s) is %q, want %q", c.row, c.col, groupColumns[c.col], got, c.want)
		}
	}
	if !strings.HasSuffix(v.cell(1, 3), "managedClusters/aks") {
		t.Errorf("the AKS node group should say what manages it, says %q", v.cell(1, 3))
	}
	if !v.summary.Visible() || v.status.Text != "200 OK" || v.pages.Text != "5 resource groups in 3 pages" {
		t.Errorf("summary shows status %q and %q, want 200 OK and 5 resource groups in 3 pages", v.status.Text, v.pages.Text)
	}
	if v.took.Text == "0 ms" {
		t.Error("a call under a millisecond should say so, not 0 ms")
	}
	if !guid.MatchString(v.requestID.Text) || v.remaining.Text == "" {
		t.Errorf("request id %q and remaining reads %q should be ARM's headers", v.requestID.Text, v.remaining.Text)
	}
	if !strings.Contains(v.raw.Text, "\n  \"value\": [") || !strings.Contains(v.raw.Text, "rg-net") {
		t.Errorf("the raw view should hold the last page, pretty-printed:\n%s", v.raw.Text)
	}
	tok := f.currentToken() // the call's token is the profile's, cached

	test.Tap(v.curl)
	want := `curl -H "Authorization: Bearer ` + tok.AccessToken + `" "` + f.srv.URL() +
		"/subscriptions/" + emulator.SampleSubscription + `/resourcegroups?api-version=2021-04-01"`
	if f.clip.text != want {
		t.Errorf("Copy as curl gave %.90q…", f.clip.text)
	}
}

func TestTestCallWithoutARoleShowsTheIAMFix(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("no-role", emulator.SampleNoRoleApp), emulator.SampleSecret)
	w := f.open()
	f.openTab(w.callTab)
	v := w.call
	test.Tap(v.run)
	f.wait()

	if !v.errors.box.Visible() || v.errors.code.Text != "AuthorizationFailed" {
		t.Fatalf("the call's error panel should show ARM's code, shows %q", v.errors.code.Text)
	}
	if fix := v.errors.fix.Text; !strings.Contains(fix, "role assignment") || !strings.Contains(fix, "Access control (IAM)") {
		t.Errorf("the fix %q should send the user to Access control (IAM)", fix)
	}
	if v.status.Text != "403 Forbidden" {
		t.Errorf("status %q, want 403", v.status.Text)
	}
	if rows, _ := v.table.Length(); rows != 0 {
		t.Errorf("a refused call lists %d groups", rows)
	}
	if w.errors.box.Visible() {
		t.Error("the token itself was fine: the token panel's error stays hidden")
	}
	test.Tap(v.errors.details)
	if !strings.Contains(f.clip.text, "AuthorizationFailed") || !strings.Contains(f.clip.text, v.requestID.Text) {
		t.Errorf("Copy details should hold the code and request id: %q", f.clip.text)
	}
}

func TestSubscriptionPickerListsWhatTheAppSees(t *testing.T) {
	f := newFixture(t)
	p := f.sample("dev", emulator.SampleApp)
	p.Subscription = ""
	f.seed(p, emulator.SampleSecret)
	w := f.open()
	f.openTab(w.callTab)
	v := w.call

	test.Tap(v.find)
	f.wait()
	if len(v.picker.Options) != 1 || v.picker.Options[0] != "Production ("+emulator.SampleSubscription+")" {
		t.Fatalf("the picker offers %q, want only the subscription the app has a role on", v.picker.Options)
	}
	v.picker.SetSelectedIndex(0)
	if v.subscription.entry.Text != emulator.SampleSubscription {
		t.Fatalf("choosing fills in %q", v.subscription.entry.Text)
	}
	test.Tap(v.run)
	f.wait()
	if rows, _ := v.table.Length(); rows != 5 {
		t.Errorf("%d groups listed for the chosen subscription, want 5", rows)
	}
}

func TestAnInvalidSubscriptionIsMarkedAndCallsNothing(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.openTab(w.callTab)
	v := w.call
	v.subscription.entry.SetText("")
	test.Type(v.subscription.entry, "not-a-subscription")
	if !v.subscription.message.Visible() || v.subscription.message.Text == "" {
		t.Error("the field should say what is wrong as the user types")
	}

	test.Tap(v.run)
	f.shortcut(fyne.KeyT, false)
	f.wait()
	if n := f.srv.Requests(emulator.AnyEndpoint); n != 0 {
		t.Errorf("%d requests reached the emulator; an invalid subscription must call nothing", n)
	}
	if v.summary.Visible() || v.errors.box.Visible() {
		t.Error("nothing was called, so there is no result to show")
	}

	v.subscription.entry.SetText("")
	test.Tap(v.run)
	if !strings.Contains(v.subscription.message.Text, "Choose or type the subscription") {
		t.Errorf("an empty subscription should ask for one, says %q", v.subscription.message.Text)
	}
}

func TestCustomGETIsPrettyPrinted(t *testing.T) {
	f := newDevFixture(t)
	f.app.Preferences().SetString(settingARMAPIVersion, "2020-06-01")
	w := f.open()
	f.openTab(w.callTab)
	v := w.call
	if v.apiVersion.entry.Text != "2020-06-01" {
		t.Errorf("the api-version should come from the settings, is %q", v.apiVersion.entry.Text)
	}

	test.Type(v.path.entry, "/subscriptions/"+emulator.SampleSubscription+"?api-version="+arm.SubscriptionsAPIVersion)
	test.Tap(v.get)
	f.wait()
	if w.call.results.Selected() != v.rawTab {
		t.Error("a custom GET should show the raw answer")
	}
	want := "{\n  \"id\": \"/subscriptions/" + emulator.SampleSubscription + "\","
	if !strings.HasPrefix(v.raw.Text, want) || !strings.Contains(v.raw.Text, "\n  \"displayName\": \"Production\"") {
		t.Errorf("the answer should be indented JSON:\n%s", v.raw.Text)
	}
	if v.status.Text != "200 OK" || v.pages.Text != "1 page" {
		t.Errorf("status %q, pages %q", v.status.Text, v.pages.Text)
	}

	v.path.entry.SetText("subscriptions")
	if !v.path.message.Visible() {
		t.Error("a path that is not from the root should be marked")
	}
}

func TestTheSummarySaysWhatCameBackInWords(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.openTab(w.callTab)
	v := w.call

	v.show(armResult{call: arm.Call{Status: 200, Pages: 3, Duration: 400 * time.Microsecond}, groups: make([]arm.ResourceGroup, 250)},
		resourceGroupsPath(emulator.SampleSubscription, arm.ResourceGroupsAPIVersion))
	if v.pages.Text != "250 resource groups in 3 pages" || v.took.Text != "under 1 ms" {
		t.Errorf("the summary says %q, took %q", v.pages.Text, v.took.Text)
	}
	if v.remainingName.Visible() || v.remaining.Visible() {
		t.Error("without ARM's remaining-reads header its row should not show, empty")
	}

	v.show(armResult{call: arm.Call{Status: 200, Pages: 1, Duration: 42 * time.Millisecond, RemainingReads: "11999"}}, "/subscriptions?api-version=x")
	if v.pages.Text != "1 page" || v.took.Text != "42 ms" || !v.remaining.Visible() {
		t.Errorf("a custom GET says %q, took %q, remaining shown %v", v.pages.Text, v.took.Text, v.remaining.Visible())
	}
}

func TestTheTestCallSaysWhichSubscriptionItUsesAndSavesANewOne(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	v := w.call
	f.openTab(w.callTab)
	if !strings.HasPrefix(v.subNote.Text, "Using the profile's subscription "+emulator.SampleSubscription) || v.saveSub.Visible() {
		t.Errorf("with the profile's subscription the note says %q (Save shown: %v)", v.subNote.Text, v.saveSub.Visible())
	}

	other := "00000000-0000-4000-8000-000000000042"
	v.subscription.entry.SetText(other)
	if v.subNote.Text != "Using subscription "+other+" (not saved in the profile)" {
		t.Errorf("with another subscription the note says %q", v.subNote.Text)
	}
	if !v.saveSub.Visible() || v.saveSub.Disabled() {
		t.Fatal("a subscription not in the profile should offer Save to profile")
	}

	// The setup check keeps to the profile's until it is saved.
	if dev, _ := w.ctrl.selectedProfile(); dev.Subscription != emulator.SampleSubscription {
		t.Fatalf("typing in the test call changed the profile to %q", dev.Subscription)
	}

	test.Tap(v.saveSub)
	f.wait()
	stored, _ := f.cliStore().ByName("dev")
	if stored.Subscription != other {
		t.Fatalf("the stored profile has subscription %q, want %q", stored.Subscription, other)
	}
	if !strings.HasPrefix(v.subNote.Text, "Using the profile's subscription "+other) || v.saveSub.Visible() {
		t.Errorf("after Save to profile the note says %q (Save shown: %v)", v.subNote.Text, v.saveSub.Visible())
	}
	if w.editor.subscription.entry.Text != other {
		t.Errorf("the profile form shows subscription %q, want the saved %q", w.editor.subscription.entry.Text, other)
	}
}

func TestSavingATestCallSubscriptionNeverUndoesAnotherProcesssChange(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	v := w.call
	f.openTab(w.callTab)
	cli := f.cliStore()
	dev, _ := cli.ByName("dev")
	dev.Notes = "changed in a terminal"
	if _, err := cli.Save(dev); err != nil {
		t.Fatal(err)
	}

	v.subscription.entry.SetText("00000000-0000-4000-8000-000000000042")
	test.Tap(v.saveSub)
	f.wait()
	if now, _ := f.cliStore().ByName("dev"); now.Notes != "changed in a terminal" || now.Subscription != emulator.SampleSubscription {
		t.Errorf("stored %+v; want the terminal's change alone", now)
	}
	if !strings.Contains(v.subNote.Text, "was not saved") || !strings.Contains(v.subNote.Text, "changed meanwhile") {
		t.Errorf("after the conflict the note says %q", v.subNote.Text)
	}
}
