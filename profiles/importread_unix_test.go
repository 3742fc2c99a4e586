//go:build unix

package profiles

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestImportOfAPipeWithNoWriterReturnsAtOnce(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "team.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a FIFO here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ReadImportFile(fifo)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "is a named pipe (FIFO), not a file") {
			t.Errorf("got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("import of a FIFO with no writer hangs")
	}
}

func TestImportRefusesADevice(t *testing.T) {
	// /dev/zero would never end; its type refuses it before a byte is read.
	if _, err := ReadImportFile("/dev/zero"); err == nil || !strings.Contains(err.Error(), "is a device, not a file") {
		t.Errorf("got %v", err)
	}
}
