package profiles

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// writeFile puts content at a new profiles.json and returns its path.
func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "profiles.json")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSchemaZeroIsMigrated(t *testing.T) {
	t.Parallel()
	path := writeFile(t, `[
  {"name": "Old one", "tenant": "contoso.onmicrosoft.com", "clientId": "`+guid+`"},
  {"name": "Old two", "tenant": "`+guid+`", "clientId": "`+guid+`", "cloud": "china"}
]`)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ps := s.List()
	if names(ps) != "Old one,Old two" || ps[0].ID == "" || ps[0].ID == ps[1].ID ||
		ps[0].Cloud != "public" || ps[0].Credential != SecretCredential || ps[1].Cloud != "china" {
		t.Fatalf("migrated = %+v", ps)
	}
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), "[") {
		t.Error("opening rewrote the file; only a save should")
	}
	mustSave(t, s, sample("New"))
	var f struct {
		Schema   int
		Profiles []Profile
	}
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &f); err != nil || f.Schema != 1 || len(f.Profiles) != 3 {
		t.Fatalf("after save: %v %s", err, data)
	}
	again, _ := Open(path)
	if got, ok := again.Get(ps[0].ID); !ok || got.Name != "Old one" {
		t.Errorf("the migrated ID did not stick: %+v", got)
	}
}

func TestNewerSchemaIsReadOnly(t *testing.T) {
	t.Parallel()
	content := `{"schema": 2, "profiles": [{"id": "abc", "name": "From the future", "tenant": "` + guid +
		`", "clientId": "` + guid + `", "certificateThumbprint": "AB12"}], "groups": []}`
	path := writeFile(t, content)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var ns *NewerSchemaError
	if !errors.As(s.ReadOnly(), &ns) || ns.Schema != 2 {
		t.Fatalf("ReadOnly() = %v", s.ReadOnly())
	}
	if !strings.Contains(ns.Error(), "written by a newer aztoken (format 2; this version knows 1): profiles are read-only until you update aztoken") ||
		!strings.Contains(ns.Error(), path) {
		t.Errorf("message: %v", ns)
	}
	if names(s.List()) != "From the future" {
		t.Errorf("List = %s", names(s.List()))
	}
	_, saveErr := s.Save(sample("x"))
	_, dupErr := s.Duplicate("abc", "")
	_, importErr := s.ApplyImport(t.Context(), &Import{}, nil, nil)
	for _, err := range []error{saveErr, s.Delete(t.Context(), "abc", NewMemory()), dupErr, importErr} {
		if !errors.As(err, &ns) {
			t.Errorf("a change was not refused: %v", err)
		}
	}
	if data, _ := os.ReadFile(path); string(data) != content {
		t.Error("the newer file was changed")
	}
}

func TestNewerSchemaWrittenByAnotherProcessIsRefused(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("a"))
	future := `{"schema": 3, "profiles": []}`
	if err := os.WriteFile(diskOf(s).path, []byte(future), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := s.Save(sample("b"))
	var ns *NewerSchemaError
	if !errors.As(err, &ns) || s.ReadOnly() == nil {
		t.Fatalf("got %v", err)
	}
	if data, _ := os.ReadFile(diskOf(s).path); string(data) != future {
		t.Error("the newer file was overwritten")
	}
}

func TestCorruptFileIsKeptAndReported(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, content, reason string }{
		{"truncated", `{"schema": 1, "profiles": [{"name": "a"`, "not JSON: unexpected end of JSON input"},
		{"garbage", "{\n  \"schema\": 1,\n  oops\n}", "not JSON: invalid character 'o' looking for beginning of object key string (line 3, column 3)"},
		{"empty", "", "the file is empty"},
		{"not an object", `"profiles"`, "not JSON: it should start with {"},
		{"no schema", `{"profiles": []}`, `it has no format version ("schema")`},
		{"wrong shape", `{"schema": 1, "profiles": {"name": "a"}}`, `wrong shape: "profiles" should be a list, not a object`},
		{"shared id", `{"schema": 1, "profiles": [{"id": "x", "name": "a"}, {"id": "x", "name": "b"}]}`, "two profiles have the id x"},
		{"bad date", `{"schema": 1, "profiles": [{"name": "a", "secretExpires": "soon"}]}`, `not a date like 2026-12-31`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, c.content)
			_, err := Open(path)
			var ce *CorruptError
			if !errors.As(err, &ce) || ce.Path != path {
				t.Fatalf("got %v; want a CorruptError", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.reason) || !strings.Contains(msg, path) || !strings.HasSuffix(msg, "It has been left as it is") {
				t.Errorf("message %q; want the path and %q", msg, c.reason)
			}
			if data, _ := os.ReadFile(path); string(data) != c.content {
				t.Error("the corrupt file was changed")
			}
			moved, err := MoveAside(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(moved, path+".corrupt-") {
				t.Errorf("moved to %s", moved)
			}
			if data, _ := os.ReadFile(moved); string(data) != c.content {
				t.Error("the moved file lost its content")
			}
			s, err := Open(path)
			if err != nil || len(s.List()) != 0 {
				t.Fatalf("after MoveAside: %v", err)
			}
			mustSave(t, s, sample("fresh"))
		})
	}
}

func TestCorruptFileIsNotOverwrittenBySave(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("a"))
	if err := os.WriteFile(diskOf(s).path, []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := s.Save(sample("b"))
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v", err)
	}
	if data, _ := os.ReadFile(diskOf(s).path); string(data) != "{broken" {
		t.Error("the corrupt file was overwritten")
	}
	if names(s.List()) != "a" {
		t.Errorf("the snapshot was lost: %s", names(s.List()))
	}
}

func TestUnreadableFileIsReported(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs Unix permissions that apply to the test's user")
	}
	path := writeFile(t, `{"schema": 1, "profiles": []}`)
	if err := os.Chmod(path, 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	var ce *CorruptError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "cannot read it: permission denied") {
		t.Errorf("got %v", err)
	}
}

func TestAFolderInPlaceOfTheFileIsReported(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "profiles.json")
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	var ce *CorruptError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "cannot read it") {
		t.Fatalf("got %v", err)
	}
	if _, err := MoveAside(path); err != nil {
		t.Fatal(err)
	}
}

func TestMoveAsideNeverOverwritesAnEarlierCopy(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "profiles.json")
	var moved []string
	for range 3 {
		if err := os.WriteFile(path, []byte("{bad"), 0o600); err != nil {
			t.Fatal(err)
		}
		m, err := MoveAside(path)
		if err != nil {
			t.Fatal(err)
		}
		moved = append(moved, m)
	}
	if moved[0] == moved[1] || moved[1] == moved[2] || moved[0] == moved[2] {
		t.Errorf("copies overwrote each other: %v", moved)
	}
	if _, err := MoveAside(path); err == nil {
		t.Error("moving a missing file succeeded")
	}
}

// TestInterruptedWriteKeepsTheOldFile fails a save half-way through
// writing and checks that the file on disk is the previous one, intact.
func TestInterruptedWriteKeepsTheOldFile(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("before"))
	before, _ := os.ReadFile(diskOf(s).path)
	diskOf(s).write = func(w io.Writer, data []byte) error {
		_, _ = w.Write(data[:len(data)/2])
		return errors.New("no space left on device")
	}
	_, err := s.Save(sample("lost"))
	if err == nil || !strings.Contains(err.Error(), "the previous version is intact") ||
		!strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("got %v", err)
	}
	if after, _ := os.ReadFile(diskOf(s).path); string(after) != string(before) {
		t.Errorf("the file changed:\n%s", after)
	}
	if names(s.List()) != "before" {
		t.Errorf("the snapshot shows the failed save: %s", names(s.List()))
	}
	entries, _ := os.ReadDir(filepath.Dir(diskOf(s).path))
	for _, e := range entries {
		if strings.Contains(e.Name(), tmpInfix) {
			t.Errorf("a temporary file was left: %s", e.Name())
		}
	}
	diskOf(s).write = writeAll
	mustSave(t, s, sample("after"))
}

// TestCrashMidWrite kills a second process while it writes the
// temporary file and checks that the file is the old one and that the
// next save clears the leftover.
func TestCrashMidWrite(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("before"))
	before, _ := os.ReadFile(diskOf(s).path)
	out, err := helper(t, "crash", diskOf(s).path).CombinedOutput()
	if err == nil {
		t.Fatalf("the helper did not crash: %s", out)
	}
	if after, _ := os.ReadFile(diskOf(s).path); string(after) != string(before) {
		t.Fatalf("the file changed:\n%s", after)
	}
	leftovers := func() (n int) {
		entries, _ := os.ReadDir(filepath.Dir(diskOf(s).path))
		for _, e := range entries {
			if strings.Contains(e.Name(), tmpInfix) {
				n++
			}
		}
		return n
	}
	if leftovers() != 1 {
		t.Fatalf("want the crashed process's temporary file, found %d", leftovers())
	}
	again, err := Open(diskOf(s).path)
	if err != nil || names(again.List()) != "before" {
		t.Fatalf("reopen: %v %s", err, names(again.List()))
	}
	mustSave(t, again, sample("after"))
	if leftovers() != 0 {
		t.Error("the leftover temporary file was not cleared")
	}
}

func TestStuckLockIsReported(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("a"))
	unlock, err := lockFile(diskOf(s).path+".lock", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	diskOf(s).lockWait = 50 * time.Millisecond
	if _, err := s.Save(sample("b")); !errors.Is(err, ErrLocked) {
		t.Errorf("got %v; want ErrLocked", err)
	}
	if err := s.Reload(); !errors.Is(err, ErrLocked) {
		t.Errorf("Reload got %v; want ErrLocked", err)
	}
}

func TestReloadSeesAnotherStoresChanges(t *testing.T) {
	t.Parallel()
	a := newStore(t)
	b, _ := Open(diskOf(a).path)
	mustSave(t, a, sample("from a"))
	if len(b.List()) != 0 {
		t.Fatal("b saw the change before reloading")
	}
	if err := b.Reload(); err != nil || names(b.List()) != "from a" {
		t.Fatalf("Reload: %v %s", err, names(b.List()))
	}
	// b's save keeps a's profile although b never reloaded since.
	mustSave(t, a, sample("second from a"))
	mustSave(t, b, sample("from b"))
	if got := names(b.List()); got != "from a,from b,second from a" {
		t.Errorf("b lost a's change: %s", got)
	}
}
