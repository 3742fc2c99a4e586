package profiles

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tmpInfix marks the temporary files a save writes beside profiles.json.
const tmpInfix = ".tmp-"

// writeAtomic replaces path (profiles.json, secrets.age, the secret store
// choice) with data so that a crash at any moment leaves
// either the old file or the new one, never a mix: the data goes to a new
// file in the same folder (so the rename cannot cross file systems), is
// flushed to disk, and only then renamed over the old file. The new file is
// created 0600, which also tightens a file found with looser permissions.
// write puts the data into the temporary file; tests replace it to
// simulate a failure half-way.
func writeAtomic(path string, data []byte, write func(io.Writer, []byte) error) (err error) {
	if err := RefuseSymlink(path); err != nil {
		return fmt.Errorf("cannot save %s: %w", filepath.Base(path), err)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, filepath.Base(path)+tmpInfix+"*")
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", filepath.Base(path), err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("cannot save %s (the previous version is intact): %w", path, err)
		}
	}()
	if err := write(f, data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	// Some file systems refuse to sync a folder. The new file is in place
	// and whole by now, so that is no reason to report a failed save.
	_ = syncDir(dir)
	return nil
}

// RefuseSymlink returns an error when path is a symbolic link. aztoken
// writes its files (profiles.json, exports) by renaming a new file over the
// old one, which would silently replace a link with a plain file; and
// writing through a link instead would let whoever placed it send the file
// elsewhere. So it does neither, and says so. A missing path is fine.
func RefuseSymlink(path string) error {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	return fmt.Errorf("%s is a symbolic link, and aztoken does not write through links: replace the link with the file it points to, or choose another path", path)
}

// writeAll is how data normally reaches the temporary file.
func writeAll(w io.Writer, data []byte) error {
	_, err := w.Write(data)
	return err
}

// removeLeftovers deletes temporary files a crashed save left behind. It
// runs under the lock, when no other save can be writing one.
func removeLeftovers(path string) {
	dir, prefix := filepath.Dir(path), filepath.Base(path)+tmpInfix
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
