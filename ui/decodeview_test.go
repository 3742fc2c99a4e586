package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// verdictText is what the Decode view's verdict says, one line each,
// with the lines shown in importance.
func verdictText(v *decodeView, importance widget.Importance) []string {
	var lines []string
	for _, o := range v.verdict.Objects {
		if l, ok := o.(*widget.Label); ok && l.Importance == importance {
			lines = append(lines, l.Text)
		}
	}
	return lines
}

// cellText is every value in the Decode view's claims table.
func cellText(v *decodeView) string {
	var b strings.Builder
	for _, o := range v.table.Objects {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *fyne.Container:
			for _, l := range o.Objects {
				b.WriteString(l.(*widget.Label).Text + "\n")
			}
		}
	}
	return b.String()
}

func TestAPastedTokenShowsItsClaimsVerdictAndProfile(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	f.getToken()
	token := f.currentToken().AccessToken
	f.clip.WriteAll("Authorization: Bearer " + token)

	f.shortcut(fyne.Key6, false)
	if w.tabs.Selected() != w.decodeTab.item || !w.decodeTab.built {
		t.Fatal("Ctrl+6 should bring the Decode tab to the front, built")
	}
	v := w.decode
	test.Tap(v.paste)
	if v.message.Visible() {
		t.Fatalf("a whole Authorization header should decode, got %q", v.message.Text)
	}
	cells := cellText(v)
	for _, want := range []string{"Header", "alg", "Claims", "aud", emulator.SampleApp, "UTC"} {
		if !strings.Contains(cells, want) {
			t.Errorf("the claims table does not show %q:\n%s", want, cells)
		}
	}
	if problems := verdictText(v, widget.DangerImportance); len(problems) != 0 {
		t.Errorf("a fresh token from the profile has problems: %q", problems)
	}
	if good := verdictText(v, widget.SuccessImportance); len(good) == 0 {
		t.Error("a fresh token should be judged valid, in success colours")
	}
	if plain := strings.Join(verdictText(v, widget.MediumImportance), "\n"); !strings.Contains(plain, "It came from profile dev") {
		t.Errorf("the verdict should say the token came from dev:\n%s", plain)
	}

	test.Type(v.expect, "https://graph.microsoft.com")
	problems := verdictText(v, widget.DangerImportance)
	if len(problems) != 1 || !strings.Contains(problems[0], "not https://graph.microsoft.com") {
		t.Errorf("expecting Graph should show one Problem line naming it, got %q", problems)
	}
	if n := f.srv.Requests(emulator.AnyEndpoint); n != 1 {
		t.Errorf("%d requests reached Azure: decoding should send nothing beyond the one token request", n)
	}
}

func TestMalformedInputIsExplainedAtTheField(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	f.openTab(w.decodeTab)
	v := w.decode

	v.input.SetText("eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0")
	if !v.message.Visible() || !strings.Contains(v.message.Text, "cut off") {
		t.Errorf("a token missing its signature should say it was cut off, says %q", v.message.Text)
	}
	if len(v.table.Objects) != 0 || len(v.verdict.Objects) != 0 {
		t.Error("nothing should be decoded from a cut-off token")
	}

	f.clip.WriteAll(strings.Repeat("A", 1<<20))
	test.Tap(v.paste)
	if !v.message.Visible() || !strings.Contains(v.message.Text, "1024 KiB") {
		t.Errorf("a megabyte of text should be refused with its size, says %q", v.message.Text)
	}
	if v.input.Text != "" {
		t.Errorf("the refused megabyte should not fill the entry (%d characters)", len(v.input.Text))
	}

	v.input.SetText("not a token")
	v.input.SetText("")
	if v.message.Visible() {
		t.Errorf("an emptied entry is no error, says %q", v.message.Text)
	}
}
