package profiles

import (
	"errors"
	"fmt"
	"strconv"
)

// CorruptError means profiles.json exists but cannot be used: it cannot be
// read, is not JSON or does not have the expected shape. The file is never
// overwritten; the UI says what is wrong and where, and offers MoveAside.
type CorruptError struct {
	Path string
	// Err says what is wrong, without the file's content.
	Err error
}

// Error names the file and the problem, and reassures that nothing changed.
func (e *CorruptError) Error() string {
	return fmt.Sprintf("the profiles file %s cannot be used: %v. It has been left as it is", e.Path, e.Err)
}

// Unwrap returns the reason.
func (e *CorruptError) Unwrap() error { return e.Err }

// NewerSchemaError means profiles.json was written by a newer aztoken. The
// Store can still list its profiles but refuses every change, so that this
// version never drops what it does not understand.
type NewerSchemaError struct {
	Path   string
	Schema int
}

// Error explains why the profiles are read-only and what to do.
func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("the profiles file %s was written by a newer aztoken (format %d; this version knows %d): profiles are read-only until you update aztoken",
		e.Path, e.Schema, schemaVersion)
}

// ConflictError means a save was refused because the profile is no longer
// the revision the saver read: another window, the tray or a CLI process
// saved it (or removed it, when Removed) meanwhile. Nothing was stored, so
// that neither change silently undoes the other; the user's own changes
// are still theirs to apply again.
type ConflictError struct {
	// Name is the profile's name: as stored now, or as the saver had it
	// when the profile was removed.
	Name string
	// Removed says the profile is gone, rather than saved again.
	Removed bool
}

// Error names the profile and what happened to it.
func (e *ConflictError) Error() string {
	if e.Removed {
		return fmt.Sprintf("profile %s was removed meanwhile; your changes were not saved", strconv.Quote(e.Name))
	}
	return fmt.Sprintf("profile %s was changed meanwhile by another aztoken window or command; your changes were not saved: open it again and redo them", strconv.Quote(e.Name))
}

// ErrLocked means another aztoken process held the profiles file for longer
// than the Store waits, which a working process never does.
var ErrLocked = errors.New("another aztoken process is busy with the profiles file; try again in a moment")
