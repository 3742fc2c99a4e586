// Package clipboard is the one way aztoken writes to the clipboard, shared
// by the window, the tray and the command line. It uses atotto/clipboard,
// which works from any goroutine and without a Fyne window, and turns its
// terse failures into messages that say what to install.
//
// It lives under tokens, beside tokens/server, because it is the other way
// a token leaves aztoken, with the rules for that (clear it again, never
// keep a second copy, never wipe the user's own): neither front end owns
// it, and neither imports the other to reach it.
package clipboard

import (
	"errors"
	"runtime"

	"github.com/atotto/clipboard"
)

// ErrNoTool means the system has no clipboard program atotto can drive.
var ErrNoTool = errors.New(noToolMessage())

func noToolMessage() string {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" || runtime.GOOS == "netbsd" {
		return "no clipboard tool found: install xclip or xsel (X11) or wl-clipboard (Wayland)"
	}
	return "the clipboard is not supported on this system"
}

// Clipboard reads and writes the system clipboard.
type Clipboard interface {
	WriteAll(text string) error
	ReadAll() (string, error)
}

// System is the real clipboard.
type System struct{}

// WriteAll replaces the clipboard's text.
func (System) WriteAll(text string) error {
	if clipboard.Unsupported {
		return ErrNoTool
	}
	if err := clipboard.WriteAll(text); err != nil {
		return explain(err)
	}
	return nil
}

// ReadAll returns the clipboard's text.
func (System) ReadAll() (string, error) {
	if clipboard.Unsupported {
		return "", ErrNoTool
	}
	s, err := clipboard.ReadAll()
	if err != nil {
		return "", explain(err)
	}
	return s, nil
}

// explain adds the likely cause to atotto's bare "exit status 1": on X11
// the tool runs but finds no display.
func explain(err error) error {
	return &Error{Err: err}
}

// Error is a clipboard tool that ran and failed.
type Error struct{ Err error }

func (e *Error) Error() string {
	return "the clipboard tool failed (" + e.Err.Error() + "); is a graphical session (DISPLAY or WAYLAND_DISPLAY) available?"
}

func (e *Error) Unwrap() error { return e.Err }
