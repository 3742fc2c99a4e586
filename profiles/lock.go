package profiles

import (
	"fmt"
	"os"
	"time"
)

// lockWait is how long a Store waits for another process to finish with
// the profiles file. Saves take milliseconds; a process holding the lock
// this long is stuck (or stopped in a terminal) and the user should hear so.
const lockWait = 10 * time.Second

// lockFile takes the inter-process lock on path (a file beside
// profiles.json that is never removed, so every process locks the same
// inode), waiting at most wait. Polling rather than a blocking call keeps
// the wait bounded on every platform.
func lockFile(path string, wait time.Duration) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot lock the profiles file: %w", err)
	}
	deadline := time.Now().Add(wait)
	delay := time.Millisecond
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("cannot lock the profiles file %s: %w", path, err)
		}
		if ok {
			return func() {
				_ = unlockFile(f)
				f.Close()
			}, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, ErrLocked
		}
		time.Sleep(delay)
		delay = min(2*delay, 20*time.Millisecond)
	}
}
