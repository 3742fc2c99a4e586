//go:build !windows

// The stand-in listeners fail with Unix's errno values.

package server

import (
	"net"
	"strings"
	"syscall"
	"testing"
)

// noIPv6 listens like net.Listen on a machine without IPv6, and counts
// the ports it was asked for on [::1].
type noIPv6 struct{ tries int }

func (n *noIPv6) listen(network, address string) (net.Listener, error) {
	if network == "tcp6" {
		n.tries++
		return nil, &net.OpError{Op: "listen", Net: network, Err: syscall.EADDRNOTAVAIL}
	}
	return net.Listen(network, address)
}

func TestWithoutIPv6TheServerServesOn127Only(t *testing.T) {
	var n noIPv6
	srv, err := newServer(validConfig(), n.listen)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if len(srv.lns) != 1 || !strings.HasPrefix(srv.Addr(), "127.0.0.1:") || n.tries != 1 {
		t.Errorf("listeners %d at %s after %d tries on [::1]", len(srv.lns), srv.Addr(), n.tries)
	}
	if srv.ownHost(net.JoinHostPort(Loopback6, srv.port())) {
		t.Error("the Host [::1] passes though the server does not hold it")
	}
}

// busyIPv6 is a machine where [::1] is taken on the first ports tried.
type busyIPv6 struct{ busy, tries int }

func (b *busyIPv6) listen(network, address string) (net.Listener, error) {
	if network == "tcp6" {
		b.tries++
		if b.tries <= b.busy {
			return nil, &net.OpError{Op: "listen", Net: network, Err: syscall.EADDRINUSE}
		}
	}
	return net.Listen(network, address)
}

func TestAnyPortMeansOneFreeOnBothLoopbacks(t *testing.T) {
	if !hasIPv6Loopback(t) {
		t.Skip("no IPv6 loopback on this machine")
	}
	b := busyIPv6{busy: 2}
	srv, err := newServer(validConfig(), b.listen)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if len(srv.lns) != 2 || b.tries != 3 {
		t.Errorf("%d listeners after %d tries", len(srv.lns), b.tries)
	}

	never := busyIPv6{busy: 1 << 30}
	if srv, err := newServer(validConfig(), never.listen); err == nil || !strings.Contains(err.Error(), "free on both") {
		if srv != nil {
			srv.Close()
		}
		t.Errorf("every [::1] port busy: %v", err)
	}
}
