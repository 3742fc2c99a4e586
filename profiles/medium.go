package profiles

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// medium is where a Store keeps the encoded profiles: the profiles file, or
// memory for the demo. A Store calls it only while holding its own mutex.
type medium interface {
	// locked runs fn while no other process can change the profiles.
	// willWrite says fn may save.
	locked(willWrite bool, fn func() error) error
	// load returns what was last saved, or an fs.ErrNotExist error when
	// nothing has been.
	load() ([]byte, error)
	// save replaces what is stored with data, entirely or not at all.
	save(data []byte) error
	// name is how errors refer to the profiles' home.
	name() string
}

// disk is the profiles file, shared with other aztoken processes.
type disk struct {
	path string
	// Tests replace these to interrupt a write and to shorten the wait
	// for a stuck lock.
	write    func(io.Writer, []byte) error
	lockWait time.Duration
}

// locked holds the inter-process lock. Reading a file whose folder does
// not exist needs no lock (there is nothing to read) and must not create
// the folder; writing creates the folder, or tightens the one it finds,
// private to the user.
func (d *disk) locked(willWrite bool, fn func() error) error {
	dir := filepath.Dir(d.path)
	if willWrite {
		if err := privateDir(dir); err != nil {
			return err
		}
	} else if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fn()
	}
	unlock, err := lockFile(d.path+".lock", d.lockWait)
	if err != nil {
		return err
	}
	defer unlock()
	return fn()
}

func (d *disk) load() ([]byte, error) { return os.ReadFile(d.path) }

func (d *disk) save(data []byte) error {
	removeLeftovers(d.path)
	return writeAtomic(d.path, data, d.write)
}

func (d *disk) name() string { return d.path }

// memory keeps the profiles for the life of the process and never touches
// the disk.
type memory struct {
	data []byte // nil until the first save
}

func (*memory) locked(_ bool, fn func() error) error { return fn() }

func (m *memory) load() ([]byte, error) {
	if m.data == nil {
		return nil, fs.ErrNotExist
	}
	return m.data, nil
}

func (m *memory) save(data []byte) error {
	m.data = data
	return nil
}

func (*memory) name() string { return "(in memory)" }

// privateDir creates dir with mode 0700, or makes an existing one 0700:
// another user must not list the profiles' names, nor replace the file or
// its lock. An older aztoken, or the user's umask, may have left it 0755.
// Windows folders have no such bits; they inherit the profile's ACL.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the folder for profiles: %w", err)
	}
	if runtime.GOOS == "windows" {
		return nil
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("cannot use the folder for profiles: %w", err)
	}
	if info.Mode().Perm()&0o077 == 0 {
		return nil
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("cannot make the folder for profiles %s private (mode 0700): %w", dir, err)
	}
	return nil
}
