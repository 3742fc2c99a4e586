// Command consolecopy writes the console twin of a Windows GUI executable:
// make package-windows turns the fyne tool's aztoken.exe into aztoken.com.
//
// A GUI-subsystem exe has no console, so typed into cmd.exe or PowerShell
// its output goes nowhere and the shell neither waits for it nor sees its
// exit code; a console-subsystem exe started from Explorer opens a console
// window. Shipping both, cmd.exe and PowerShell run aztoken.com when the
// user types `aztoken` (.COM comes before .EXE in PATHEXT), and Explorer,
// the Start menu and shortcuts run aztoken.exe.
//
// The twin is the same file with one field of the PE optional header
// changed, Subsystem, from GUI (2) to console (3), and its checksum
// cleared: Go's linker sets nothing else for -H=windowsgui, so the copy is
// what a go build without that flag would make, with the same code, icon,
// version resource and Fyne metadata, and no second build.
//
// Usage: consolecopy GUI.exe CONSOLE.com
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: consolecopy GUI.exe CONSOLE.com")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "consolecopy:", err)
		os.Exit(1)
	}
}

func run(from, to string) error {
	exe, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	com, err := consoleTwin(exe)
	if err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	return os.WriteFile(to, com, 0o755)
}
