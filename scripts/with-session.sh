#!/bin/sh
# Runs a command in a throwaway desktop session: a fresh HOME and config
# folder, a virtual X display, and a private D-Bus session bus with an
# unlocked gnome-keyring, so tests use the real Secret Service without ever
# touching the user's own keyring, profiles or display.
set -eu
# Keep Go's caches where they are: a fresh HOME must not mean a cold build.
if command -v go >/dev/null 2>&1; then
	GOPATH=$(go env GOPATH) GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE)
	export GOPATH GOCACHE GOMODCACHE
fi
tmp=$(mktemp -d)
xvfb=""
# A killed app may still be writing its preferences; never fail on that.
cleanup() {
	if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; fi
	rm -rf "$tmp" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/run"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
export LANG=en_US.UTF-8
unset DBUS_SESSION_BUS_ADDRESS
# A common laptop screen, where the window must fit; AZTOKEN_SCREEN (WxH)
# tries another.
screen=${AZTOKEN_SCREEN:-1366x768}
# Xvfb picks a free display itself and names it once it listens, so
# sessions started side by side (make test runs three) never meet on one
# display, as they can when xvfb-run -a guesses a free number.
mkfifo "$tmp/display"
Xvfb -displayfd 3 -screen 0 "${screen}x24" -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
read -r display <"$tmp/display" || true
if [ -z "$display" ]; then
	echo "with-session.sh: Xvfb did not start:" >&2
	cat "$tmp/xvfb.log" >&2
	exit 1
fi
export DISPLAY=":$display"
status=0
dbus-run-session -- sh -c '
	# gnome-keyring creates and unlocks a "login" collection with this
	# password; the keyring lives in the throwaway HOME.
	printf %s aztoken-test | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
	exec "$@"' sh "$@" || status=$?
exit "$status"
