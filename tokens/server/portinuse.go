package server

import "fmt"

// PortInUseError is a port another program already listens on.
type PortInUseError struct{ Port int }

func (e *PortInUseError) Error() string {
	return fmt.Sprintf("port %d is in use: another program (perhaps another aztoken server) listens on %s:%d", e.Port, Loopback, e.Port)
}

// Fix says how to get past a busy port.
func (e *PortInUseError) Fix() string {
	return "Choose another port, or leave it empty (0) for a free one, or stop the program that uses it."
}
