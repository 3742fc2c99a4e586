//go:build unix

package profiles

import (
	"os"
	"syscall"
)

// openNoWait opens path for reading without waiting: opening a named pipe
// that has no writer returns at once instead of blocking until one comes.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
