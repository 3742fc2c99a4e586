package server

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

func TestAbsoluteFormURIsPassTheHostCheck(t *testing.T) {
	rg := start(t, nil)
	addr, port := rg.srv.Addr(), rg.srv.port()
	query := "?api-version=" + MSIAPIVersion + "&resource=" + armResource
	tests := []struct {
		name, uri, host string
		status          int
	}{
		{"origin form", MSIPath + query, addr, 401},
		{"absolute form, own host", "http://" + addr + MSIPath + query, addr, 401},
		{"absolute form, localhost", "http://localhost:" + port + MSIPath + query, "localhost:" + port, 401},
		{"absolute form, foreign host", "http://evil.example:" + port + MSIPath + query, addr, 421},
		{"absolute form, foreign host in both", "http://evil.example:" + port + MSIPath + query, "evil.example:" + port, 421},
		{"absolute form, other port", "http://127.0.0.1:1" + MSIPath + query, addr, 421},
		{"absolute form, no port", "http://127.0.0.1" + MSIPath + query, addr, 421},
		{"absolute form, https", "https://" + addr + MSIPath + query, addr, 421},
		{"absolute form, user info", "http://evil.example@" + addr + MSIPath + query, addr, 421},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Without the header: a request that passes the Host check is
			// then refused with 401, one that does not with 421.
			resp, ok := rg.dial(addr).send("GET "+tt.uri, tt.host, 5*time.Second)
			if !ok || resp.StatusCode != tt.status {
				t.Errorf("GET %s (Host %s): %v, want %d", tt.uri, tt.host, resp, tt.status)
			}
		})
	}
	if log := rg.log(); !strings.Contains(log, "421") || strings.Contains(log, "api-version") {
		t.Errorf("log:\n%s", log)
	}
}

func TestTheWrongHostMessageNamesTheEndpointsAddress(t *testing.T) {
	rg := start(t, nil)
	a := rg.get(TokenPath, "Host", "evil.example:"+rg.srv.port())
	desc, _ := a.body["error_description"].(string)
	if a.status != 421 || !strings.Contains(desc, rg.srv.Addr()) || strings.Contains(desc, "localhost") {
		t.Errorf("%d %s", a.status, a.raw)
	}
}

// hasIPv6Loopback reports whether this machine can listen on [::1].
func hasIPv6Loopback(t *testing.T) bool {
	ln, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

func TestServerHoldsIPv6LoopbackOnItsPort(t *testing.T) {
	if !hasIPv6Loopback(t) {
		t.Skip("no IPv6 loopback on this machine")
	}
	rg := start(t, nil)
	v6 := net.JoinHostPort(Loopback6, rg.srv.port())
	// Another program cannot take [::1] on the server's port, so an app
	// asking for localhost reaches this server, whichever address it tries.
	if ln, err := net.Listen("tcp6", v6); err == nil {
		ln.Close()
		t.Fatalf("%s is free while the server runs", v6)
	}
	for _, host := range []string{v6, "localhost:" + rg.srv.port()} {
		resp, ok := rg.dial(v6).send("GET "+TokenPath, host, 5*time.Second)
		if !ok || resp.StatusCode != 401 {
			t.Errorf("over [::1] with Host %s: %v", host, resp)
		}
	}
}

func TestBusyIPv6PortIsNamed(t *testing.T) {
	if !hasIPv6Loopback(t) {
		t.Skip("no IPv6 loopback on this machine")
	}
	taken, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	cfg := validConfig()
	cfg.Port = taken.Addr().(*net.TCPAddr).Port
	srv, err := New(cfg)
	var busy *PortInUseError
	if !errors.As(err, &busy) || !busy.IPv6 || !strings.Contains(err.Error(), fmt.Sprintf("[::1]:%d", cfg.Port)) {
		if srv != nil {
			srv.Close()
		}
		t.Fatalf("error %v", err)
	}
	// 127.0.0.1 was given back.
	if ln, err := net.Listen("tcp4", fmt.Sprintf("127.0.0.1:%d", cfg.Port)); err != nil {
		t.Errorf("127.0.0.1:%d still held after the refusal: %v", cfg.Port, err)
	} else {
		ln.Close()
	}
}
