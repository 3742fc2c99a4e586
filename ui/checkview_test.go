package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/setupcheck"
)

func TestSetupCheckOfAGoodProfileIsAllGreen(t *testing.T) {
	f := newFixture(t)
	p := f.sample("dev", emulator.SampleApp)
	p.SecretExpires, _ = profiles.CheckDate("2026-03-14")
	f.seed(p, emulator.SampleSecret)
	w := f.open()
	f.openTab(w.checkTab)
	v := w.check

	test.Tap(v.run)
	f.wait()
	if len(v.rows) != 7 {
		t.Fatalf("%d steps shown, want the 7 of the check", len(v.rows))
	}
	for i, r := range v.rows {
		if r.mark.Text != setupcheck.Pass.Symbol() || r.title.Text == "" || r.fix.Visible() {
			t.Errorf("step %d: %s %s — %s (fix %q), want passed without a fix", i+1, r.mark.Text, r.title.Text, r.detail.Text, r.fix.Text)
		}
	}
	if v.rows[0].title.Text != "The tenant exists in this cloud" {
		t.Errorf("first step titled %q", v.rows[0].title.Text)
	}
	if v.copyReport.Disabled() || !v.cancel.Disabled() || v.run.Disabled() {
		t.Error("after the check, Copy report and Run are on, Cancel is off")
	}
	test.Tap(v.copyReport)
	if !strings.Contains(f.clip.text, emulator.SampleApp) || strings.Contains(f.clip.text, emulator.SampleSecret) {
		t.Errorf("the report should name the app and never hold the secret:\n%s", f.clip.text)
	}
}

func TestSetupCheckStopsAtAWrongSecret(t *testing.T) {
	const wrong = "Wr0ng~secret.value_for-this.app"
	f := newFixture(t)
	f.seed(f.sample("dev", emulator.SampleApp), wrong)
	w := f.open()
	v := w.check

	f.shortcut(fyne.KeyT, true) // Ctrl+Shift+T
	f.wait()
	if w.tabs.Selected() != w.checkTab.item {
		t.Error("Ctrl+Shift+T should bring the setup check to the front")
	}
	if len(v.rows) != 7 {
		t.Fatalf("%d steps shown, want all 7 with the ones not run", len(v.rows))
	}
	if r := v.rows[0]; r.mark.Text != "✓" {
		t.Errorf("step 1 (the tenant) should pass: %s %s", r.mark.Text, r.detail.Text)
	}
	secret := v.rows[1]
	if secret.mark.Text != "✗" || !secret.fix.Visible() || !strings.Contains(secret.fix.Text, "Certificates & secrets") {
		t.Errorf("step 2 should fail with the portal's fix: %s %q, fix %q", secret.mark.Text, secret.detail.Text, secret.fix.Text)
	}
	// Every step that needs the token waits for it; the subscription's
	// tenant and the expiry need none, so they are checked all the same.
	for _, i := range []int{2, 4, 5} {
		if r := v.rows[i]; r.mark.Text != "–" || r.detail.Text != "not run: step 2 failed" {
			t.Errorf("step %d: %s %q, want not run after step 2", i+1, r.mark.Text, r.detail.Text)
		}
	}
	if r := v.rows[3]; r.mark.Text != "✓" {
		t.Errorf("step 4 (the subscription's tenant) needs no token: %s %q", r.mark.Text, r.detail.Text)
	}

	test.Tap(v.copyReport)
	report := f.clip.text
	if !strings.Contains(report, "✗") || !strings.Contains(report, secret.fix.Text) {
		t.Errorf("the report should hold the failure and its fix:\n%s", report)
	}
	if strings.Contains(report, wrong) {
		t.Error("the report holds the secret")
	}
}

func TestSetupCheckWithoutASecretSaysSoInPlace(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("dev", emulator.SampleApp), "")
	w := f.open()
	f.openTab(w.checkTab)
	v := w.check
	test.Tap(v.run)
	f.wait()
	if !v.errors.box.Visible() || !strings.Contains(v.errors.fix.Text, "client secret") {
		t.Errorf("a profile without a secret cannot be checked; the panel says %q", v.errors.fix.Text)
	}
	if len(v.rows) != 0 || !v.copyReport.Disabled() {
		t.Error("no check ran, so there are no steps and no report")
	}
}
