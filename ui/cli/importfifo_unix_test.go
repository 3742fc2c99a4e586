//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestImportOfAPipeWithNoWriterFailsAtOnce(t *testing.T) {
	w := newWorld(t)
	fifo := filepath.Join(t.TempDir(), "team.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a FIFO here:", err)
	}
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, _, stderr := w.run("", "profiles", "import", fifo)
		done <- result{code, stderr}
	}()
	select {
	case r := <-done:
		if r.code == ExitOK || !strings.Contains(r.stderr, "is a named pipe (FIFO), not a file") {
			t.Errorf("exit %d: %s", r.code, r.stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("aztoken profiles import of a FIFO with no writer hangs")
	}
}
