package profiles

import (
	"crypto/rand"
	"encoding/hex"
)

// ID names a profile for good. It is random rather than derived from the
// name so that renaming a profile keeps its keyring entry, and so that an
// imported profile never collides with one already here.
type ID string

// NewID returns a fresh random ID: 16 hex digits (64 random bits), short
// enough to read in a keyring browser and unlike the GUIDs a profile holds.
func NewID() ID {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails since Go 1.24.
	return ID(hex.EncodeToString(b[:]))
}
