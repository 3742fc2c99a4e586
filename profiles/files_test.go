package profiles

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestASymlinkedProfilesFileIsRefusedNotReplaced(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "profiles.json")
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte(`{"schema": 1, "profiles": []}`), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "aztoken", "profiles.json")
	if err := os.MkdirAll(filepath.Dir(link), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skip("cannot make a symbolic link here:", err)
	}
	s, err := Open(link)
	if err != nil {
		t.Fatalf("reading through the link: %v", err)
	}
	_, err = s.Save(sample("dev"))
	if err == nil || !strings.Contains(err.Error(), link+" is a symbolic link, and aztoken does not write through links") {
		t.Fatalf("got %v", err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a plain file")
	}
	if data, _ := os.ReadFile(real); string(data) != `{"schema": 1, "profiles": []}` {
		t.Errorf("the linked file changed: %s", data)
	}
}

func TestAnOpenFolderIsMadePrivateByTheFirstSave(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows uses ACLs, not mode bits")
	}
	path := filepath.Join(t.TempDir(), "aztoken", "profiles.json")
	if err := os.Mkdir(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Dir(path), 0o755); err != nil { // whatever the umask
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(filepath.Dir(path)); info.Mode().Perm() != 0o755 {
		t.Fatalf("opening to read changed the folder to %o", info.Mode().Perm())
	}
	mustSave(t, s, sample("dev"))
	if info, _ := os.Stat(filepath.Dir(path)); info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %o after a save; want 700", info.Mode().Perm())
	}
}
