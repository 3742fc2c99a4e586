//go:build !(linux || netbsd || openbsd || freebsd || dragonfly)

package profiles

import "errors"

// errNoSessionBus is never returned where the keyring needs no D-Bus.
var errNoSessionBus = errors.New("no session bus")

// sessionBusMissing is false: macOS and Windows keyrings need no D-Bus.
func sessionBusMissing() bool { return false }
