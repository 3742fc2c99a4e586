// Package readme keeps a generated section of the README true to the code
// that generates it. The tests of each package whose table the README
// shows call it; nothing else does.
package readme

import (
	"os"
	"strings"
	"testing"
)

// Check compares the text of the file at path between the markers start
// and end with want. With update set it writes want there instead; else a
// difference fails t, saying how to update (rerun, for example with
// -update-readme).
func Check(t testing.TB, path, start, end, want string, update bool, rerun string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := strings.Cut(string(raw), start)
	section, after, ok2 := strings.Cut(rest, end)
	if !ok1 || !ok2 {
		t.Fatalf("%s has no section between %q and %q", path, start, end)
	}
	if section == want {
		return
	}
	if update {
		if err := os.WriteFile(path, []byte(before+start+want+end+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s differs from the code's table between %q and %q; run %s", path, start, end, rerun)
}
