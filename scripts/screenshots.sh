#!/bin/sh
# Refreshes the README's screenshots from the real window: the offline
# demo under Xvfb, driven with xdotool, captured with ImageMagick.
# Usage: scripts/screenshots.sh   (run from anywhere; needs make setup-test)
set -eu
cd "$(dirname "$0")/.."
go build -o /tmp/aztoken-shots .
# The tray menu's items as the app builds them: no tray host under Xvfb
# can be photographed, so Fyne's own menu widget draws them.
LANG=en_US.UTF-8 go test -tags "ci screenshots" -run TrayMenuPicture -count=1 ./ui/ >/dev/null
echo docs/tray.png
exec scripts/with-session.sh sh -c '
	set -eu
	out=docs
	/tmp/aztoken-shots --demo >/tmp/aztoken-shots.log 2>&1 &
	pid=$!
	trap "kill $pid 2>/dev/null || true" EXIT
	win=$(timeout 30 xdotool search --sync --onlyvisible --pid $pid --name "^aztoken" | head -1)
	xdotool windowsize "$win" 1100 760
	xdotool windowfocus "$win"
	sleep 2
	click() { xdotool mousemove --window "$win" "$1" "$2" click 1; sleep 1; }
	key() { xdotool key --window "$win" "$@"; sleep 2; }
	shot() { import -window "$win" "$out/$1.png"; echo "$out/$1.png"; }

	key ctrl+r                # get a token for the first demo profile
	shot window
	click 470 296             # the Claims tab
	shot claims
	key ctrl+t                # the test call: resource groups, every page
	shot testcall
	key ctrl+shift+t          # the setup check
	sleep 2
	shot setupcheck
	click 150 484             # the "Wrong secret" profile
	key ctrl+r
	shot error
'
