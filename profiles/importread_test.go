package profiles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportReadsARegularFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "team.json")
	if err := os.WriteFile(path, []byte(`{"aztoken": "profiles"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadImportFile(path); err != nil || string(data) != `{"aztoken": "profiles"}` {
		t.Errorf("got %q, %v", data, err)
	}
}

func TestImportRefusesAFolderAndAnOversizedFileBeforeReading(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadImportFile(dir); err == nil || !strings.Contains(err.Error(), "is a folder, not a file") {
		t.Errorf("a folder: %v", err)
	}
	// Sparse: its size says it all, without writing a mebibyte.
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := ReadImportFile(big); err == nil || !strings.Contains(err.Error(), "too large (51200 KiB)") {
		t.Errorf("a 50 MiB file: %v", err)
	}
}
