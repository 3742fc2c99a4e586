package profiles

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Store is the profiles file, shared by the window, the tray and CLI
// processes. Reads come from a snapshot; every change takes an
// inter-process lock, re-reads the file so that another process's change
// is kept, applies itself and writes the file atomically. It is safe for
// concurrent use. It never holds a secret. Create one with Open.
type Store struct {
	path string

	// file serialises this Store's own reads and writes of the file.
	file sync.Mutex

	// snap guards the snapshot, so that listing never waits for a save.
	snap     sync.RWMutex
	profiles []Profile
	newer    *NewerSchemaError

	// Tests replace these to interrupt a write and to shorten the wait
	// for a stuck lock.
	write    func(io.Writer, []byte) error
	lockWait time.Duration
}

// Open reads the profiles file at path; a missing file is an empty store.
// A file that cannot be used gives a *CorruptError and is left untouched
// (see MoveAside). A file from a newer aztoken gives a read-only store: see
// ReadOnly.
func Open(path string) (*Store, error) {
	s := &Store{path: path, write: writeAll, lockWait: lockWait}
	if err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// Path is the file the store reads and writes.
func (s *Store) Path() string { return s.path }

// ReadOnly returns a *NewerSchemaError when the file is from a newer
// aztoken and every change will be refused, or nil.
func (s *Store) ReadOnly() error {
	s.snap.RLock()
	defer s.snap.RUnlock()
	if s.newer == nil {
		return nil
	}
	return s.newer
}

// Reload re-reads the file, to pick up another process's changes. On error
// the snapshot is kept.
func (s *Store) Reload() error {
	s.file.Lock()
	defer s.file.Unlock()
	return s.withLock(false, func() error {
		_, err := s.read()
		return err
	})
}

// List returns the profiles sorted by name, ignoring case.
func (s *Store) List() []Profile {
	s.snap.RLock()
	defer s.snap.RUnlock()
	return slices.Clone(s.profiles)
}

// Get returns the profile with the given ID.
func (s *Store) Get(id ID) (Profile, bool) {
	s.snap.RLock()
	defer s.snap.RUnlock()
	i := slices.IndexFunc(s.profiles, func(p Profile) bool { return p.ID == id })
	if i < 0 {
		return Profile{}, false
	}
	return s.profiles[i], true
}

// ByName returns the profile with the given name, ignoring case, as the
// CLI's --profile flag finds it.
func (s *Store) ByName(name string) (Profile, bool) {
	s.snap.RLock()
	defer s.snap.RUnlock()
	i := indexName(s.profiles, strings.TrimSpace(name), "")
	if i < 0 {
		return Profile{}, false
	}
	return s.profiles[i], true
}

// withLock runs fn holding the inter-process lock. Reading a file whose
// folder does not exist needs no lock (there is nothing to read) and must
// not create the folder; writing creates the folder, private to the user.
func (s *Store) withLock(create bool, fn func() error) error {
	dir := filepath.Dir(s.path)
	if create {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("cannot create the folder for profiles: %w", err)
		}
	} else if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fn()
	}
	unlock, err := lockFile(s.path+".lock", s.lockWait)
	if err != nil {
		return err
	}
	defer unlock()
	return fn()
}

// read reads the file into the snapshot. The caller holds the lock.
func (s *Store) read() (contents, error) {
	var c contents
	data, err := os.ReadFile(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return c, &CorruptError{Path: s.path, Err: fmt.Errorf("cannot read it: %w", unwrapPath(err))}
	default:
		if c, err = decodeFile(s.path, data); err != nil {
			return c, err
		}
	}
	s.adopt(c)
	return c, nil
}

// unwrapPath drops the path from an *fs.PathError, which CorruptError
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// adopt makes c the snapshot.
func (s *Store) adopt(c contents) {
	ps := slices.Clone(c.profiles)
	sortByName(ps)
	s.snap.Lock()
	defer s.snap.Unlock()
	s.profiles, s.newer = ps, c.newer
}

// mutate applies change to the profiles as they are in the file now and
// writes the result. change gets a copy it may modify; if it fails,
// nothing is written.
func (s *Store) mutate(change func([]Profile) ([]Profile, error)) error {
	s.file.Lock()
	defer s.file.Unlock()
	if err := s.ReadOnly(); err != nil {
		return err
	}
	return s.withLock(true, func() error {
		c, err := s.read()
		if err != nil {
			return err
		}
		if c.newer != nil {
			return c.newer
		}
		next, err := change(slices.Clone(c.profiles))
		if err != nil {
			return err
		}
		data, err := encodeFile(next)
		if err != nil {
			return err
		}
		removeLeftovers(s.path)
		if err := writeAtomic(s.path, data, s.write); err != nil {
			return err
		}
		s.adopt(contents{profiles: next})
		return nil
	})
}

// sortByName orders profiles as List returns them.
func sortByName(ps []Profile) {
	slices.SortStableFunc(ps, func(a, b Profile) int {
		if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c
		}
		return strings.Compare(string(a.ID), string(b.ID))
	})
}

// indexName finds the profile called name, ignoring case, other than the
// one with ID except (when except is not empty: profiles about to be
// imported have no ID yet).
func indexName(ps []Profile, name string, except ID) int {
	return slices.IndexFunc(ps, func(p Profile) bool {
		return (except == "" || p.ID != except) && strings.EqualFold(p.Name, name)
	})
}
