//go:build !unix

package profiles

import "os"

// openNoWait opens path for reading. Windows opens a named pipe without
// waiting for a writer, and its pipes live under \\.\pipe\, which Stat
// does not report as a regular file anyway.
func openNoWait(path string) (*os.File, error) {
	return os.Open(path)
}
