package profiles

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

// Store keeps the profiles: usually the profiles file, shared by the
// window, the tray and CLI processes. Reads come from a snapshot; every
// change takes an inter-process lock, re-reads the file so that another
// process's change is kept, applies itself and writes the file atomically.
// A store made by OpenMemory does the same in memory, for one process.
// It is safe for concurrent use. It never holds a secret.
type Store struct {
	medium medium

	// file serialises this Store's own reads and writes of the medium.
	file sync.Mutex

	// snap guards the snapshot, so that listing never waits for a save.
	snap     sync.RWMutex
	profiles []Profile
	newer    *NewerSchemaError
}

// Open reads the profiles file at path; a missing file is an empty store.
// A file that cannot be used gives a *CorruptError and is left untouched
// (see MoveAside). A file from a newer aztoken gives a read-only store: see
// ReadOnly.
func Open(path string) (*Store, error) {
	s := &Store{medium: &disk{path: path, write: writeAll, lockWait: lockWait}}
	if err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenMemory returns an empty store that keeps its profiles in memory for
// the life of the process, as the demo does: nothing is read from or
// written to the disk, and nothing is shared with other processes.
func OpenMemory() *Store {
	return &Store{medium: &memory{}}
}

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

// Reload re-reads the file, to pick up another process's changes (a
// memory store has none). On error the snapshot is kept.
func (s *Store) Reload() error {
	s.file.Lock()
	defer s.file.Unlock()
	return s.medium.locked(false, func() error {
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

// read reads the medium into the snapshot. The caller holds the lock.
func (s *Store) read() (contents, error) {
	var c contents
	data, err := s.medium.load()
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return c, &CorruptError{Path: s.medium.name(), Err: fmt.Errorf("cannot read it: %w", unwrapPath(err))}
	default:
		if c, err = decodeFile(s.medium.name(), data); err != nil {
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
// nothing is written. undo, when not nil, takes back what change did
// outside the file (a secret it stored) if the file cannot be written; it
// runs before the lock is released, so that no other process sees the
// change half made.
func (s *Store) mutate(change func([]Profile) ([]Profile, error), undo func() error) error {
	s.file.Lock()
	defer s.file.Unlock()
	if err := s.ReadOnly(); err != nil {
		return err
	}
	return s.medium.locked(true, func() error {
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
		if err := s.write(next); err != nil {
			if undo != nil {
				if uerr := undo(); uerr != nil {
					return errors.Join(err, uerr)
				}
			}
			return err
		}
		return nil
	})
}

// write encodes ps, saves them and makes them the snapshot.
func (s *Store) write(ps []Profile) error {
	data, err := encodeFile(ps)
	if err != nil {
		return err
	}
	if err := s.medium.save(data); err != nil {
		return err
	}
	s.adopt(contents{profiles: ps})
	return nil
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
