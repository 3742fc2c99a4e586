package profiles

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// twoStores are the window and a CLI process: two Stores on one file.
func twoStores(t *testing.T) (window, cli *Store) {
	t.Helper()
	window = newStore(t)
	mustSave(t, window, sample("dev"))
	cli, err := Open(diskOf(window).path)
	if err != nil {
		t.Fatal(err)
	}
	return window, cli
}

func TestAnEditOfAProfileRemovedMeanwhileFailsAndNeverBringsItBack(t *testing.T) {
	window, cli := twoStores(t)
	open, _ := window.ByName("dev") // the window shows dev in its editor
	if err := cli.Delete(t.Context(), open.ID, NewMemory()); err != nil {
		t.Fatal(err)
	}
	open.Notes = "edited in the window"
	_, err := window.Save(open)
	var ce *ConflictError
	if !errors.As(err, &ce) || !ce.Removed {
		t.Fatalf("got %v; want a *ConflictError saying the profile was removed", err)
	}
	if !strings.Contains(err.Error(), `profile "dev" was removed meanwhile`) {
		t.Errorf("message %q", err)
	}
	if err := cli.Reload(); err != nil {
		t.Fatal(err)
	}
	if len(cli.List()) != 0 || len(window.List()) != 0 {
		t.Errorf("the deleted profile came back: %s / %s", names(cli.List()), names(window.List()))
	}
}

func TestAnEditFromAnOlderReadNeverUndoesAnotherProcesssEdit(t *testing.T) {
	window, cli := twoStores(t)
	inWindow, _ := window.ByName("dev")
	inCLI, _ := cli.ByName("dev")
	inCLI.Notes = "from the CLI"
	mustSave(t, cli, inCLI)
	inWindow.Subscription = guid
	_, err := window.Save(inWindow)
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Removed || ce.Name != "dev" {
		t.Fatalf("got %v; want a *ConflictError for dev", err)
	}
	if !strings.Contains(err.Error(), "changed meanwhile") {
		t.Errorf("message %q", err)
	}
	now, _ := window.ByName("dev")
	if now.Notes != "from the CLI" || now.Subscription != "" {
		t.Errorf("stored %+v; want the CLI's edit alone", now)
	}
	// Read again, the window's change goes through on top of the CLI's.
	now.Subscription = guid
	again := mustSave(t, window, now)
	if again.Notes != "from the CLI" || again.Revision != now.Revision+1 {
		t.Errorf("stored %+v", again)
	}
}

func TestEverySaveCountsARevision(t *testing.T) {
	s := newStore(t)
	p := mustSave(t, s, sample("dev"))
	if p.Revision != 1 {
		t.Fatalf("a new profile has revision %d; want 1", p.Revision)
	}
	p.Notes = "once"
	p = mustSave(t, s, p)
	if p.Revision != 2 {
		t.Fatalf("after an edit, revision %d; want 2", p.Revision)
	}
	if _, err := s.Save(p); err != nil {
		t.Fatalf("saving what the last save returned: %v", err)
	}
	dup, err := s.Duplicate(p.ID, "")
	if err != nil || dup.Revision != 1 {
		t.Errorf("duplicate %+v, %v; want revision 1", dup, err)
	}
	var buf strings.Builder
	if err := Export(&buf, s.List()); err != nil || strings.Contains(buf.String(), "revision") {
		t.Errorf("an export carries revisions:\n%s", buf.String())
	}
}

func TestAFileWithoutRevisionsLoadsAndIsMigrated(t *testing.T) {
	path := writeFile(t, `{"schema": 1, "profiles": [{"id": "0123456789abcdef", "name": "old", "tenant": "`+guid+`", "clientId": "`+guid+`"}]}`)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := s.Get("0123456789abcdef")
	if !ok || p.Revision != 1 {
		t.Fatalf("got %+v; want the profile at revision 1", p)
	}
	// A second reader from before the edit must not win.
	stale, _ := Open(path)
	p.Notes = "edited"
	mustSave(t, s, p)
	old, _ := stale.Get(p.ID)
	old.Notes = "stale"
	var ce *ConflictError
	if _, err := stale.Save(old); !errors.As(err, &ce) {
		t.Errorf("a save from before the migration got %v; want a conflict", err)
	}
	// The file keeps its format number, so an older aztoken reads and
	// writes it as before, ignoring the revisions.
	data, _ := os.ReadFile(path)
	var f struct {
		Schema   int `json:"schema"`
		Profiles []struct {
			Name     string `json:"name"`
			Revision int    `json:"revision"`
		} `json:"profiles"`
	}
	if err := json.Unmarshal(data, &f); err != nil || f.Schema != 1 || f.Profiles[0].Revision != 2 {
		t.Errorf("file %s (%v)", data, err)
	}
}

func TestANewProfileWithAnIDInUseIsRefused(t *testing.T) {
	s := newStore(t)
	dev := mustSave(t, s, sample("dev"))
	other := sample("other")
	other.ID = dev.ID // made by hand, never read from the store
	var ce *ConflictError
	if _, err := s.Save(other); !errors.As(err, &ce) {
		t.Fatalf("got %v; want a conflict", err)
	}
	if names(s.List()) != "dev" {
		t.Errorf("List = %s", names(s.List()))
	}
}
