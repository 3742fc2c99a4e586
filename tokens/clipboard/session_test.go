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

// clipboardBecomes waits until xclip reads want and returns what it read
// last. xclip serves the selection from a process it forks, which may
// take the selection a moment after the writing command returned.
func clipboardBecomes(t *testing.T, want string) string {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		got := xclipRead(t)
		if got == want || time.Now().After(deadline) {
			return got
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestRealClipboardGetsTheExactHeaderAndIsCleared(t *testing.T) {
	g, timers := manual(System{}, time.Minute) // the minute passes when the test says
	header := "Authorization: Bearer eyJ0eXAiOiJKV1QifQ.e30.sig"
	if err := g.Copy(header); err != nil {
		t.Fatal(err)
	}
	if got := clipboardBecomes(t, header); got != header {
		t.Fatalf("xclip reads %q, want %q", got, header)
	}
	(*timers)[0].f()
	if got := clipboardBecomes(t, ""); got != "" {
		t.Errorf("after the delay xclip reads %q", got)
	}
}

func TestRealClipboardKeepsALaterCopy(t *testing.T) {
	g, timers := manual(System{}, time.Minute)
	g.Copy("Authorization: Bearer secret-ish")
	other := exec.Command("xclip", "-i", "-selection", "clipboard")
	other.Stdin = strings.NewReader("copied by the user")
	if err := other.Run(); err != nil {
		t.Fatal(err)
	}
	clipboardBecomes(t, "copied by the user")
	(*timers)[0].f()
	if got := xclipRead(t); got != "copied by the user" {
		t.Errorf("the user's copy became %q", got)
	}
}
