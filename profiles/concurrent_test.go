package profiles

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"testing"
)

// helper starts this test binary again as a second aztoken process that
// does job on the profiles file at path.
func helper(t *testing.T, job, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "AZTOKEN_HELPER="+job, "AZTOKEN_HELPER_PATH="+path)
	return cmd
}

// TestHelperProcess is not a test: it is the second process of the tests
// above, and does nothing unless started by helper.
func TestHelperProcess(t *testing.T) {
	job, path := os.Getenv("AZTOKEN_HELPER"), os.Getenv("AZTOKEN_HELPER_PATH")
	if job == "" {
		t.Skip("started by other tests")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	switch job {
	case "save":
		for i := range 40 {
			if _, err := s.Save(sample(fmt.Sprintf("process %d", i))); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
	case "crash":
		diskOf(s).write = func(w io.Writer, data []byte) error {
			_, _ = w.Write(data[:len(data)/2])
			os.Exit(3) // the power goes out half-way through the write
			return nil
		}
		_, _ = s.Save(sample("never"))
	}
	os.Exit(0)
}

// TestTwoProcessesSavingAtOnce has a second process save profiles while
// this one does, each through its own Store, and checks none is lost.
func TestTwoProcessesSavingAtOnce(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	mustSave(t, s, sample("first")) // creates the folder both processes use
	cmd := helper(t, "save", diskOf(s).path)
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		mustSave(t, s, sample(fmt.Sprintf("test %d", i)))
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v %s", err, stderr.String())
	}
	again, err := Open(diskOf(s).path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		for _, name := range []string{fmt.Sprintf("process %d", i), fmt.Sprintf("test %d", i)} {
			if _, ok := again.ByName(name); !ok {
				t.Errorf("%s was lost", name)
			}
		}
	}
	if n := len(again.List()); n != 81 {
		t.Errorf("%d profiles; want 81", n)
	}
}

// TestGoroutinesSavingAtOnce runs the window, the tray and a second Store
// on the same file from many goroutines; run it with -race.
func TestGoroutinesSavingAtOnce(t *testing.T) {
	t.Parallel()
	shared := newStore(t)
	other, _ := Open(diskOf(shared).path)
	var wg sync.WaitGroup
	for g := range 8 {
		s := shared
		if g%2 == 1 {
			s = other
		}
		wg.Go(func() {
			for i := range 10 {
				p, err := s.Save(sample(fmt.Sprintf("g%d-%d", g, i)))
				if err != nil {
					t.Error(err)
					return
				}
				_ = s.List()
				_, _ = s.Get(p.ID)
				if i%3 == 0 {
					if err := s.Delete(t.Context(), p.ID, NewMemory()); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	if err := shared.Reload(); err != nil {
		t.Fatal(err)
	}
	if n := len(shared.List()); n != 8*6 {
		t.Errorf("%d profiles; want %d", n, 8*6)
	}
	if err := errors.Join(shared.ReadOnly(), other.ReadOnly()); err != nil {
		t.Error(err)
	}
}

// lockedBuffer collects a child's output safely.
type lockedBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}
