package server

import (
	"errors"
	"syscall"
)

// wsaeAddrInUse is Winsock's WSAEADDRINUSE, which package syscall does not
// name on Windows.
const wsaeAddrInUse syscall.Errno = 10048

// addrInUse reports whether a listen failed because the port is taken.
func addrInUse(err error) bool { return errors.Is(err, wsaeAddrInUse) }
