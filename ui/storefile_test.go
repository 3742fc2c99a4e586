package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestACorruptProfilesFileIsMovedAsideOnlyWhenAsked(t *testing.T) {
	f := newFixture(t)
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		t.Fatal(err)
	}
	const broken = `{"schema": 1, "profiles": [`
	if err := os.WriteFile(f.path, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	w := f.open()

	text := w.banner.text.Text
	if !w.banner.box.Visible() || !strings.Contains(text, f.path) || !strings.Contains(text, "cannot be used") {
		t.Fatalf("the banner should say what is wrong and where: %q", text)
	}
	if !w.list.add.Disabled() || !w.empty.add.Disabled() {
		t.Error("nothing can be added while the file cannot be used")
	}
	if data, _ := os.ReadFile(f.path); string(data) != broken {
		t.Fatal("the file was changed without asking")
	}

	test.Tap(w.banner.moveAside)
	moved := w.banner.movedTo
	if data, err := os.ReadFile(moved); err != nil || string(data) != broken {
		t.Fatalf("the old file should be kept as %s: %v", moved, err)
	}
	if w.ctrl.store == nil || w.list.add.Disabled() || !strings.Contains(w.banner.text.Text, moved) {
		t.Error("after moving it aside aztoken starts fresh and says where the old file is")
	}
}

func TestAProfilesFileFromANewerVersionIsReadOnly(t *testing.T) {
	f := newFixture(t)
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		t.Fatal(err)
	}
	newer := `{"schema": 99, "profiles": [{"id": "0123456789abcdef", "name": "future", "tenant": "contoso.onmicrosoft.com", "clientId": "1671f074-56e2-4c37-873b-b7b07a120b18"}]}`
	if err := os.WriteFile(f.path, []byte(newer), 0o600); err != nil {
		t.Fatal(err)
	}
	w := f.open()
	if !strings.Contains(w.banner.text.Text, "read-only") || w.banner.moveAside.Visible() {
		t.Errorf("banner %q, want read-only and no move aside", w.banner.text.Text)
	}
	if len(w.list.shown) != 1 || !w.list.remove.Disabled() || !w.editor.name.entry.Disabled() {
		t.Error("profiles are listed but cannot be changed")
	}
	test.Type(w.editor.notes.entry, "x")
	test.Tap(w.editor.save)
	f.wait()
	if data, _ := os.ReadFile(f.path); string(data) != newer {
		t.Error("a newer file must never be rewritten")
	}
}
