#!/bin/sh
# Refreshes the README's screenshots from the real window: the offline
# demo under Xvfb, driven with xdotool, captured with ImageMagick. The tray
# picture is xfce4-panel's Status Tray, a StatusNotifier host, drawing
# aztoken's own tray menu on the same virtual display and private bus.
# Usage: scripts/screenshots.sh   (run from anywhere; installs what it needs)
set -eu
cd "$(dirname "$0")/.."
out=docs

# demo_shots runs inside scripts/with-session.sh: the window's screenshots.
demo_shots() {
	/tmp/aztoken-shots --demo >/tmp/aztoken-shots.log 2>&1 &
	pid=$!
	trap 'kill $pid 2>/dev/null || true; wait' EXIT
	win=$(timeout 30 xdotool search --all --sync --onlyvisible --pid $pid --name "^aztoken" | head -1)
	xdotool windowsize "$win" 1100 760
	xdotool windowfocus "$win"
	sleep 2
	click() { xdotool mousemove --window "$win" "$1" "$2" click 1; sleep 1; }
	key() { xdotool key --window "$win" "$@"; sleep 2; }
	shot() { import -window "$win" "$out/$1.png"; echo "$out/$1.png"; }

	key ctrl+r                # get a token for the first demo profile
	shot window
	key ctrl+2                # the Claims tab
	shot claims
	key ctrl+t                # the test call: resource groups, every page
	shot testcall
	key ctrl+shift+t          # the setup check
	sleep 2
	shot setupcheck
	key ctrl+f                # the "Wrong secret" profile, through the filter
	xdotool type --window "$win" wrong
	key Return
	key ctrl+r
	shot error
}

# wait_for SECONDS CMD...: runs CMD every half second until it succeeds.
wait_for() {
	n=$(($1 * 2))
	shift
	until "$@" >/dev/null 2>&1; do
		n=$((n - 1))
		if [ "$n" -le 0 ]; then
			echo "screenshots: gave up waiting for: $*" >&2
			return 1
		fi
		sleep 0.5
	done
}

# watcher PROPERTY: a property of the StatusNotifierWatcher, which the
# Status Tray plugin provides on the session bus.
watcher() {
	dbus-send --session --print-reply=literal --dest=org.kde.StatusNotifierWatcher /StatusNotifierWatcher \
		org.freedesktop.DBus.Properties.Get string:org.kde.StatusNotifierWatcher "string:$1"
}
host_registered() { watcher IsStatusNotifierHostRegistered | grep -q true; }
item_registered() { watcher RegisteredStatusNotifierItems | grep -q StatusNotifierItem; }

# tray_window ICON|MENU: "X Y WIDTH HEIGHT" of the tray's icon, at the top
# of the screen, or of its open menu, below it. The plugin runs in a
# process of its own, wrapper-2.0, whose windows these are; it also keeps
# 1x1 and off-screen helper windows, which are skipped.
tray_window() {
	for w in $(xdotool search --onlyvisible --name '^wrapper-2\.0$' 2>/dev/null); do
		eval "$(xdotool getwindowgeometry --shell "$w")"
		[ "$WIDTH" -gt 1 ] && [ "$HEIGHT" -gt 1 ] && [ "$X" -ge 0 ] || continue
		case $1 in
		ICON) [ "$Y" -eq 0 ] || continue ;;
		MENU) [ "$Y" -gt 0 ] || continue ;;
		esac
		echo "$X $Y $WIDTH $HEIGHT"
		return 0
	done
	return 1
}

# tray_shot runs inside scripts/with-session.sh: the demo's tray menu.
tray_shot() {
	pids=""
	# Waits for them too: aztoken saves its settings as it quits, into a
	# folder with-session.sh removes after this.
	trap 'for p in $pids; do kill "$p" 2>/dev/null || true; done; wait' EXIT
	log=/tmp/aztoken-shots-tray.log
	: >"$log"
	# The panel's settings live in xfconf, which D-Bus starts on demand
	# and which reads this file from the throwaway config folder: one panel
	# along the top, empty space, the Status Tray, and a clock.
	conf="$XDG_CONFIG_HOME/xfce4/xfconf/xfce-perchannel-xml"
	mkdir -p "$conf"
	cat >"$conf/xfce4-panel.xml" <<-'EOF'
		<?xml version="1.0" encoding="UTF-8"?>
		<channel name="xfce4-panel" version="1.0">
		  <property name="configver" type="int" value="2"/>
		  <property name="panels" type="array">
		    <value type="int" value="1"/>
		    <property name="panel-1" type="empty">
		      <property name="position" type="string" value="p=6;x=0;y=0"/>
		      <property name="length" type="uint" value="100"/>
		      <property name="position-locked" type="bool" value="true"/>
		      <property name="size" type="uint" value="30"/>
		      <property name="icon-size" type="uint" value="20"/>
		      <property name="plugin-ids" type="array">
		        <value type="int" value="1"/>
		        <value type="int" value="2"/>
		        <value type="int" value="3"/>
		      </property>
		    </property>
		  </property>
		  <property name="plugins" type="empty">
		    <property name="plugin-1" type="string" value="separator">
		      <property name="expand" type="bool" value="true"/>
		      <property name="style" type="uint" value="0"/>
		    </property>
		    <property name="plugin-2" type="string" value="systray">
		      <property name="square-icons" type="bool" value="true"/>
		      <property name="menu-is-primary" type="bool" value="true"/>
		    </property>
		    <property name="plugin-3" type="string" value="clock">
		      <property name="digital-layout" type="uint" value="3"/>
		      <property name="digital-time-format" type="string" value="%H:%M"/>
		    </property>
		  </property>
		</channel>
	EOF
	# No window manager or session manager runs here; the panel need not
	# wait for either, nor start the accessibility bus. GTK's locale
	# warnings go to the log.
	NO_AT_BRIDGE=1 xfce4-panel --disable-wm-check --sm-client-disable >>"$log" 2>&1 &
	pids="$pids $!"
	# aztoken looks for a host once at start-up, so it must be there first.
	wait_for 30 host_registered
	# A plain desktop colour instead of Xvfb's black around the menu. Set
	# while the panel is connected: Xvfb resets the screen when its last
	# client leaves, and xsetroot alone would be that client.
	xsetroot -solid '#56718c'

	/tmp/aztoken-shots --demo >>"$log" 2>&1 &
	pid=$!
	pids="$pids $pid"
	win=$(timeout 30 xdotool search --all --sync --onlyvisible --pid $pid --name "^aztoken" | head -1)
	xdotool windowsize "$win" 1100 760
	xdotool windowfocus "$win"
	wait_for 30 item_registered
	sleep 2
	key() { xdotool key --window "$win" "$@"; sleep 2; }
	# Tokens for two profiles, so their items tell the time left.
	key ctrl+r                                  # Contoso dev, selected first
	xdotool mousemove --window "$win" 150 406 click 1   # 4th row: Short-lived tokens
	sleep 1
	key ctrl+r
	# The window off the screen, so the menu opens over the desktop. (The
	# demo quits on close, since its profiles go with it, so it is unmapped
	# rather than closed to the tray.)
	xdotool windowunmap "$win"

	# A left click opens the menu (menu-is-primary above); xfce4-panel 4.18
	# answered a right click here with its own Properties/Move/Remove menu.
	icon=$(tray_window ICON)
	set -- $icon
	xdotool mousemove $(($1 + $3 / 2)) $(($2 + $4 / 2)) click 1
	wait_for 10 tray_window MENU
	sleep 1
	menu=$(tray_window MENU)
	set -- $menu
	# The panel's right end and the open menu, with a margin of desktop.
	left=$(($1 - 24))
	screen=$(xdotool getdisplaygeometry | cut -d' ' -f1)
	import -window root -crop "$((screen - left))x$(($2 + $4 + 24))+$left+0" +repage "$out/tray.png"
	echo "$out/tray.png"
}

case ${1:-} in
--demo-session) demo_shots; exit ;;
--tray-session) tray_shot; exit ;;
"") ;;
*) echo "usage: $0" >&2; exit 2 ;;
esac

scripts/setup.sh screenshots
go build -o /tmp/aztoken-shots .
# Two sessions: the panel along the top would cover the demo window.
scripts/with-session.sh scripts/screenshots.sh --demo-session
scripts/with-session.sh scripts/screenshots.sh --tray-session
