//go:build linux || netbsd || openbsd || freebsd || dragonfly

package profiles

import (
	"errors"
	"os"
	"path/filepath"
)

// errNoSessionBus stands for a session without a D-Bus bus.
var errNoSessionBus = errors.New("dbus: couldn't determine address of session bus")

// sessionBusMissing reports a session with no D-Bus bus to find: no
// DBUS_SESSION_BUS_ADDRESS and no systemd user bus. go-keyring would then
// have godbus start one with dbus-launch, which activates gnome-keyring on
// the user's real keyring, locked, and leaves both daemons running after
// aztoken exits; asking first says the real cause and leaves nothing
// behind.
func sessionBusMissing() bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return false
	}
	runtime := os.Getenv("XDG_RUNTIME_DIR")
	if runtime == "" {
		return true
	}
	_, err := os.Stat(filepath.Join(runtime, "bus"))
	return err != nil
}
