//go:build linux

// The benchmarks run under Xvfb on Linux only.

// Command xwindow does the two things the benchmarks need from X11 that
// xdotool does not:
//
//	xwindow close WINDOW-ID   ask a window to close as a window manager's
//	                          close button does (WM_DELETE_WINDOW); under
//	                          Xvfb there is no window manager, and xdotool's
//	                          windowclose destroys the window instead,
//	                          skipping aztoken's hide-to-tray
//	xwindow hold              stay connected until SIGTERM: Xvfb resets
//	                          when its last client leaves, and a window
//	                          started during the reset fails to open the
//	                          display, which happens between two start-ups
//
// WINDOW-ID is decimal, as xdotool prints it.
package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>

static int sendDelete(Display *d, Window win) {
	XEvent ev = {0};
	ev.xclient.type = ClientMessage;
	ev.xclient.window = win;
	ev.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
	ev.xclient.format = 32;
	ev.xclient.data.l[0] = XInternAtom(d, "WM_DELETE_WINDOW", False);
	ev.xclient.data.l[1] = CurrentTime;
	Status ok = XSendEvent(d, win, False, NoEventMask, &ev);
	XSync(d, False);
	return ok != 0;
}
*/
import "C"

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"syscall"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "xwindow:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	d := C.XOpenDisplay(nil)
	if d == nil {
		return fmt.Errorf("cannot open display %q", os.Getenv("DISPLAY"))
	}
	defer C.XCloseDisplay(d)
	switch {
	case len(args) == 2 && args[0] == "close":
		id, err := strconv.ParseUint(args[1], 10, 32)
		if err != nil {
			return err
		}
		if C.sendDelete(d, C.Window(id)) == 0 {
			return fmt.Errorf("could not send the close request to window %d", id)
		}
		return nil
	case len(args) == 1 && args[0] == "hold":
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
		defer stop()
		<-ctx.Done()
		return nil
	}
	return fmt.Errorf("usage: xwindow close WINDOW-ID | xwindow hold")
}
