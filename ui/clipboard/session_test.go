//go:build keyring

package clipboard

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

// These run inside scripts/with-session.sh, on a real X display with
// xclip, as the tray and window use the clipboard.

func xclipRead(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("xclip", "-o", "-selection", "clipboard").Output()
	if err != nil {
		return ""
	}
	return string(out)
}

func TestRealClipboardGetsTheExactHeaderAndIsCleared(t *testing.T) {
	g := NewGuard(System{}, 300*time.Millisecond)
	header := "Authorization: Bearer eyJ0eXAiOiJKV1QifQ.e30.sig"
	if err := g.Copy(header); err != nil {
		t.Fatal(err)
	}
	if got := xclipRead(t); got != header {
		t.Fatalf("xclip reads %q, want %q", got, header)
	}
	deadline := time.Now().Add(5 * time.Second)
	for xclipRead(t) != "" {
		if time.Now().After(deadline) {
			t.Fatalf("still on the clipboard: %q", xclipRead(t))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestRealClipboardKeepsALaterCopy(t *testing.T) {
	g := NewGuard(System{}, 300*time.Millisecond)
	g.Copy("Authorization: Bearer secret-ish")
	other := exec.Command("xclip", "-i", "-selection", "clipboard")
	other.Stdin = strings.NewReader("copied by the user")
	if err := other.Run(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	if got := xclipRead(t); got != "copied by the user" {
		t.Errorf("the user's copy became %q", got)
	}
}
