//go:build linux

// The benchmarks run under Xvfb on Linux only.

// Command trayhost is a stand-in system tray for the benchmarks: it owns
// org.kde.StatusNotifierWatcher on the session bus and says a host is
// registered, as a desktop panel would, so aztoken offers hide-to-tray
// under Xvfb. It shows nothing; it only records the items that register.
// It prints "ready" on stdout once it owns the name and serves until
// SIGTERM or SIGINT.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

const (
	watcherName = "org.kde.StatusNotifierWatcher"
	watcherPath = "/StatusNotifierWatcher"
)

// watcher is the D-Bus object at watcherPath.
type watcher struct {
	conn  *dbus.Conn
	props *prop.Properties

	mu    sync.Mutex
	items []string
}

// RegisterStatusNotifierItem records an item. Items name themselves by a
// bus name or, as Fyne's does, by an object path on the caller's name.
func (w *watcher) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	item := service
	if strings.HasPrefix(service, "/") {
		item = string(sender) + service
	}
	w.mu.Lock()
	w.items = append(w.items, item)
	items := slices.Clone(w.items)
	w.mu.Unlock()
	w.props.SetMust(watcherName, "RegisteredStatusNotifierItems", items)
	w.conn.Emit(watcherPath, watcherName+".StatusNotifierItemRegistered", item)
	fmt.Fprintln(os.Stderr, "trayhost: registered", item)
	return nil
}

// RegisterStatusNotifierHost accepts hosts; this one already counts as one.
func (w *watcher) RegisterStatusNotifierHost(string) *dbus.Error { return nil }

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "trayhost:", err)
		os.Exit(1)
	}
}

func run() error {
	// Never autostart a bus: the benchmark's session has one, and a
	// launched daemon would outlive the run.
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.Auth(nil); err != nil {
		return err
	}
	if err := conn.Hello(); err != nil {
		return err
	}
	w := &watcher{conn: conn}
	if err := conn.Export(w, watcherPath, watcherName); err != nil {
		return err
	}
	w.props, err = prop.Export(conn, watcherPath, prop.Map{watcherName: {
		"RegisteredStatusNotifierItems":  {Value: []string{}, Emit: prop.EmitTrue},
		"IsStatusNotifierHostRegistered": {Value: true, Emit: prop.EmitConst},
		"ProtocolVersion":                {Value: int32(0), Emit: prop.EmitConst},
	}})
	if err != nil {
		return err
	}
	reply, err := conn.RequestName(watcherName, dbus.NameFlagDoNotQueue)
	if err != nil {
		return err
	}
	if reply != dbus.RequestNameReplyPrimaryOwner {
		return fmt.Errorf("%s is already owned", watcherName)
	}
	fmt.Println("ready")
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	<-ctx.Done()
	return nil
}
