package server

import "fmt"

// PortInUseError is a port another program already listens on.
type PortInUseError struct {
	Port int
	// IPv6 says the port is free on 127.0.0.1 but taken on [::1], where
	// a client told "localhost" could reach the other program instead.
	IPv6 bool
}

func (e *PortInUseError) Error() string {
	if e.IPv6 {
		return fmt.Sprintf("port %d is in use: another program listens on [%s]:%d, where apps asking for localhost:%d would reach it", e.Port, Loopback6, e.Port, e.Port)
	}
	return fmt.Sprintf("port %d is in use: another program (perhaps another aztoken server) listens on %s:%d", e.Port, Loopback, e.Port)
}

// Fix says how to get past a busy port.
func (e *PortInUseError) Fix() string {
	return "Choose another port, or leave it empty (0) for a free one, or stop the program that uses it."
}
