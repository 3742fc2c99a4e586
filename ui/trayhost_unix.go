//go:build linux || freebsd || openbsd || netbsd

package ui

import (
	"context"

	"github.com/godbus/dbus/v5"
)

const (
	sniWatcherName = "org.kde.StatusNotifierWatcher"
	sniWatcherPath = "/StatusNotifierWatcher"
)

// trayMnemonics: dbusmenu reads "_" as the mark of an access key, so a
// profile called my_dev would show as "mydev" unless doubled.
const trayMnemonics = true

// probeTrayHost asks the session bus whether a StatusNotifierWatcher with
// a host is there. It never autostarts a bus: godbus would otherwise
// launch a dbus-daemon that outlives aztoken when no session has one. The
// connection is private and closed again; ctx ends it early.
func probeTrayHost(ctx context.Context) trayHost {
	conn, err := dbus.SessionBusPrivateNoAutoStartup(dbus.WithContext(ctx))
	if err != nil {
		return trayHost{}
	}
	defer conn.Close()
	if conn.Auth(nil) != nil || conn.Hello() != nil {
		return trayHost{}
	}
	h := trayHost{bus: true}
	var owned bool
	err = conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, sniWatcherName).Store(&owned)
	if err != nil || !owned {
		return h
	}
	// A watcher alone (no panel showing items) is not enough.
	var registered dbus.Variant
	err = conn.Object(sniWatcherName, sniWatcherPath).CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0,
		sniWatcherName, "IsStatusNotifierHostRegistered").Store(&registered)
	on, _ := registered.Value().(bool)
	h.host = err == nil && on
	return h
}
