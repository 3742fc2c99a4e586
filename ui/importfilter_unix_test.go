//go:build unix

package ui

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/storage"
)

func TestTheImportDialogListsOnlyRegularJSONFiles(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "team.json")
	if err := os.WriteFile(regular, []byte(`{}`), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a FIFO here:", err)
	}
	folder := filepath.Join(dir, "folder.json")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{regular: true, fifo: false, folder: false, filepath.Join(dir, "notes.txt"): false} {
		if got := (importFilter{}).Matches(storage.NewFileURI(path)); got != want {
			t.Errorf("%s listed: %v; want %v", filepath.Base(path), got, want)
		}
	}
	r, err := storage.Reader(storage.NewFileURI(regular))
	if err != nil {
		t.Fatal(err)
	}
	if data, err := readImport(r); err != nil || string(data) != "{}" {
		t.Errorf("read %q, %v", data, err)
	}
}
