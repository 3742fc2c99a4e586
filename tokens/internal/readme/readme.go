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

// Row is one code of an error table: the code as the README names it,
// its cause, the profile fields its fix points at and the fix itself.
type Row struct {
	Code, Cause string
	Fields      []string
	Fix         string
}

// ErrorTable writes rows as the README's Markdown table, escaping what
// Markdown would read as markup.
func ErrorTable(rows []Row) string {
	cell := strings.NewReplacer("|", `\|`, "<", `\<`, ">", `\>`).Replace
	var b strings.Builder
	b.WriteString("| code | cause | look at | fix |\n|---|---|---|---|\n")
	for _, r := range rows {
		fields := "—"
		if len(r.Fields) > 0 {
			fields = strings.Join(r.Fields, ", ")
		}
		b.WriteString("| " + r.Code + " | " + cell(r.Cause) + " | " + fields + " | " + cell(r.Fix) + " |\n")
	}
	return b.String()
}
