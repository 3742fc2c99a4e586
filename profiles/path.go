package profiles

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// DefaultPath is where aztoken keeps its profiles: profiles.json in an
// aztoken folder of the user's config folder (~/.config/aztoken on Linux,
// ~/Library/Application Support/aztoken on macOS, %AppData%\aztoken on
// Windows).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the folder for settings: %w", err)
	}
	return filepath.Join(dir, "aztoken", "profiles.json"), nil
}

// MoveAside renames a profiles file that cannot be used to
// <path>.corrupt-<UTC time>, so that aztoken can start with no profiles
// while the old file stays for the user to inspect or repair. Call it only
// when the user has agreed. It returns the new name.
func MoveAside(path string) (string, error) {
	unlock, err := lockFile(path+".lock", lockWait)
	if err != nil {
		return "", err
	}
	defer unlock()
	base := path + ".corrupt-" + time.Now().UTC().Format("20060102T150405Z")
	target := base
	for n := 2; ; n++ {
		if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
			break
		}
		target = base + "-" + strconv.Itoa(n)
	}
	if err := os.Rename(path, target); err != nil {
		return "", fmt.Errorf("cannot move the profiles file aside: %w", err)
	}
	return target, nil
}
