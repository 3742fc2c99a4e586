package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// envFile is where serve --env-file writes the variables: a file only its
// owner can read, since anyone holding IDENTITY_HEADER gets tokens. A
// shell redirect would make it with the umask's mode, 0644 as a rule.
type envFile struct {
	path string
	// written is the file serve made, so that serve removes only that one.
	written os.FileInfo
}

// claimEnvFile checks path before the server starts, and removes a file an
// earlier server left there, so that an app waiting for the file never
// reads a stale header; any other file is refused. It refuses anything but a plain file: a symbolic
// link is not followed (it could point anywhere, another user's file
// included), and a directory, FIFO or device is not written.
func claimEnvFile(path string) (*envFile, error) {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dir, err := os.Stat(filepath.Dir(path))
		if err != nil || !dir.IsDir() {
			return nil, usageErrorf("--env-file %s: the folder %s does not exist", path, filepath.Dir(path))
		}
		return &envFile{path: path}, nil
	case err != nil:
		return nil, fmt.Errorf("--env-file %s: %w", path, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, usageErrorf("--env-file %s is a symbolic link, which aztoken does not follow; name a file of its own, such as serve.env", path)
	case !fi.Mode().IsRegular():
		return nil, usageErrorf("--env-file %s is not a file (a folder, FIFO or device); name a file, such as serve.env", path)
	}
	if !earlierEnvFile(path, fi) {
		return nil, usageErrorf("--env-file %s exists and is not a file aztoken serve wrote; name a new file, or remove this one", path)
	}
	if err := os.Remove(path); err != nil {
		return nil, fmt.Errorf("--env-file %s: cannot replace the old file: %w", path, err)
	}
	return &envFile{path: path}, nil
}

// earlierEnvFile reports whether the plain file at path, found as fi,
// starts as serve's files do: a mistyped path naming any other file must
// not lose it.
func earlierEnvFile(path string, fi os.FileInfo) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if opened, err := f.Stat(); err != nil || !os.SameFile(opened, fi) {
		return false // replaced since Lstat, perhaps by a link
	}
	head := make([]byte, len(envFileStart))
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == envFileStart
}

// envFileStart is how every file serve writes begins (server.Exports).
const envFileStart = "export IDENTITY_ENDPOINT="

// write puts content in a new file of mode 0600 beside the path, then
// renames it into place: the path appears complete or not at all, and a
// link made there meanwhile is replaced, not followed.
func (f *envFile) write(content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(f.path), ".aztoken-serve-*.env") // 0600, O_EXCL
	if err != nil {
		return fmt.Errorf("--env-file %s: %w", f.path, err)
	}
	_, err = tmp.WriteString(content)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("--env-file %s: %w", f.path, err)
	}
	f.written, err = os.Lstat(f.path)
	return err
}

// remove deletes the file when the server stops, since its header opens
// nothing any more; a file someone else put there since is left alone.
func (f *envFile) remove() {
	if f.written == nil {
		return
	}
	if now, err := os.Lstat(f.path); err == nil && os.SameFile(now, f.written) {
		os.Remove(f.path)
	}
}
