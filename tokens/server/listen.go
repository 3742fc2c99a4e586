package server

import (
	"fmt"
	"net"
	"strconv"
)

// Loopback6 is IPv6's loopback address, which the server holds on its port
// too: a client told "localhost" may try it first, and it must not find
// another program there.
const Loopback6 = "::1"

// freePortTries bounds the search for a port free on both loopbacks when
// any port will do; another program holding [::1] on the port 127.0.0.1
// gave is rare, several times in a row rarer still.
const freePortTries = 10

// listenFunc is net.Listen, or a stand-in in tests.
type listenFunc func(network, address string) (net.Listener, error)

// listenLoopback binds port on 127.0.0.1 and on [::1]. The second
// listener is nil where this machine has no IPv6 loopback: then no program
// can hold [::1] either. A port taken on either address is a
// *PortInUseError; with port 0 another port is tried instead.
func listenLoopback(port int, listen listenFunc) (v4, v6 net.Listener, err error) {
	for try := 0; ; try++ {
		v4, err = listen("tcp4", net.JoinHostPort(Loopback, strconv.Itoa(port)))
		if err != nil {
			if port != 0 && addrInUse(err) {
				return nil, nil, &PortInUseError{Port: port}
			}
			return nil, nil, fmt.Errorf("cannot listen on %s port %d: %w", Loopback, port, err)
		}
		bound := v4.Addr().(*net.TCPAddr).Port
		v6, err = listen("tcp6", net.JoinHostPort(Loopback6, strconv.Itoa(bound)))
		switch {
		case err == nil:
			return v4, v6, nil
		case !addrInUse(err):
			// No IPv6 loopback here (disabled, or no IPv6 at all).
			return v4, nil, nil
		}
		v4.Close()
		if port != 0 {
			return nil, nil, &PortInUseError{Port: port, IPv6: true}
		}
		if try == freePortTries {
			return nil, nil, fmt.Errorf("cannot find a port free on both %s and [%s] after %d tries", Loopback, Loopback6, freePortTries)
		}
	}
}
