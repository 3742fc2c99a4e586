package ui

import (
	"context"
	"time"
)

// trayHost is what the desktop offers a tray icon. Fyne cannot tell: on
// Linux its tray talks StatusNotifierItem over the session D-Bus, logs a
// failure and carries on, and App.Quit then panics if there was no bus at
// all. So aztoken asks the bus itself before it starts the tray.
type trayHost struct {
	// bus is a reachable session bus: the tray may start and quitting is
	// safe. Notifications travel over it too.
	bus bool
	// host is a StatusNotifierWatcher with a host registered, something
	// that really shows the icon: only then may closing hide the window,
	// since a hidden window without an icon could never come back.
	host bool
}

// trayProbeTimeout bounds the probe: a session bus answers in
// milliseconds, and a hung one must not hold up the window.
const trayProbeTimeout = 2 * time.Second

// probeTrayHostWithin probes off the calling goroutine and gives up after
// d, answering "no bus" then: no tray, and closing quits.
func probeTrayHostWithin(d time.Duration) trayHost {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	found := make(chan trayHost, 1)
	go func() { found <- probeTrayHost(ctx) }()
	select {
	case h := <-found:
		return h
	case <-ctx.Done():
		return trayHost{}
	}
}
