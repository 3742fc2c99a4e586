#!/bin/sh
# Installs the system packages aztoken needs to build, run and test, and only
# those that are missing, so running it again costs nothing. On systems
# without apt it prints what to install and stops.
set -eu

# Build: a C compiler and the OpenGL/X11 headers Fyne's GLFW driver needs.
build="gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev"
# Run: the clipboard tool atotto/clipboard shells out to, software GL.
run="xclip libgl1-mesa-dri"
# Test: a virtual display, window probing, a private D-Bus session with a
# real Secret Service (gnome-keyring), a screenshot tool, and curl, the
# reference make bench times the CLI against.
test="xvfb xauth xdotool x11-apps dbus dbus-x11 gnome-keyring libsecret-tools imagemagick curl"
# Screenshots (scripts/screenshots.sh only, never make test): a panel whose
# Status Tray is a StatusNotifier host, to photograph the tray menu, and
# xsetroot for a desktop colour behind it.
screenshots="xfce4-panel x11-xserver-utils"

# Windows cross-build: the MinGW-w64 C compiler for Fyne's cgo code, zip
# for the package, and what scripts/windows-check.sh uses to check it:
# file, and Wine to run the console exe.
windows="gcc-mingw-w64-x86-64 zip unzip file wine wine64"

case "${1:-run}" in
run) wanted="$build $run" ;;
test) wanted="$build $run $test" ;;
screenshots) wanted="$build $run $test $screenshots" ;;
windows) wanted="$windows" ;;
*) echo "usage: $0 run|test|screenshots|windows" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	echo "This is not a Debian or Ubuntu system; install the equivalents of:" >&2
	echo "  $wanted" >&2
	echo "(Fedora: gcc libX11-devel libXcursor-devel libXrandr-devel libXinerama-devel" >&2
	echo " mesa-libGL-devel libXi-devel libXxf86vm-devel xclip xorg-x11-server-Xvfb" >&2
	echo " xdotool dbus-x11 gnome-keyring libsecret), then run make again." >&2
	exit 1
fi

missing=""
for p in $wanted; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "Installing missing system packages:$missing"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
