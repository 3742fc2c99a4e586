#!/usr/bin/env bash
# The process-level figures of make bench. scripts/bench.sh runs it inside
# scripts/with-session.sh (Xvfb, a private D-Bus with an unlocked keyring,
# a throwaway HOME and config), with the binaries it built:
#
#   CLI       `aztoken version` and a cached `aztoken token --format header`
#             next to curl making the token request to bench/fakeazure
#             (medians of 100, interleaved)
#   cache     100 sequential `aztoken token` calls against a fake Azure
#             whose token requests take 150 ms, with the shared token cache
#             and without it (--fresh), next to curl on loopback
#   start-up  exec until the window is mapped, next to bench/barewindow
#             (medians of 7, interleaved)
#   memory    RSS after start-up and after the soak with five countdowns,
#             next to the bare window running alongside
#   idle      CPU over 60 s with the window open, then hidden to the tray
#
# bash, not sh, for $EPOCHREALTIME: timing without forking a clock.
# Usage: perf.sh BINDIR RESULTS SOAK-SECONDS
set -euo pipefail
bin=$1 results=$2 soak=$3
. "$(dirname "$0")/perf-lib.sh"

cli_runs=${BENCH_CLI_RUNS:-100}
start_runs=${BENCH_START_RUNS:-7}
idle=${BENCH_IDLE:-60}
hz=$(getconf CLK_TCK)
# The profile list's rows in a 1100x720 window (x, then each row's y).
list_x=150
list_rows=${BENCH_LIST_ROWS:-149 227 305 384 462}

tenant=72f988bf-86f1-41af-91ab-2d7cd011db47 # emulator.SampleTenant
app=1671f074-56e2-4c37-873b-b7b07a120b18    # emulator.SampleApp
secret='Qm8~abc.DEF_ghi-JKL+mno/pqr='       # emulator.SampleSecret
resource=https://management.azure.com/

started=()
cleanup() {
	local p
	for p in "${started[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT

# forget PID: a process stopped already is not the cleanup's business (its
# number may be reused).
forget() {
	local p kept=()
	for p in "${started[@]}"; do [[ $p == "$1" ]] || kept+=("$p"); done
	started=("${kept[@]}")
}

# ${EPOCHREALTIME/./} is the time in µs, read without forking (a $(…)
# would fork inside the interval measured).

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# c_heap_kib PID: the resident part of the C heap (malloc's [heap]), where
# Mesa and GLFW keep their memory; the Go heap is elsewhere.
c_heap_kib() {
	awk '/^[0-9a-f]+-[0-9a-f]+ / {h = ($6 == "[heap]")} h && /^Rss:/ {n += $2} END {print n + 0}' "/proc/$1/smaps"
}

# go_heaps LOG FROM: the live Go heap (MB) after each collection that
# GODEBUG=gctrace=1 logged, from the FROM-th on.
go_heaps() {
	grep '^gc ' "$1" | tail -n +"$2" | sed -n 's/.*->\([0-9]*\) MB,.*/\1/p'
}

# cpu_ticks PID: user + system time in clock ticks. The fields are counted
# after the command name, which may hold spaces.
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

# gl_ticks PID: the CPU time of Mesa's software renderer threads, which
# draw the window on a machine without a GPU (Xvfb).
gl_ticks() {
	local t n=0
	for t in /proc/"$1"/task/*; do
		[[ $(cat "$t/comm" 2>/dev/null) == llvmpipe* ]] || continue
		n=$((n + $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')))
	done
	echo "$n"
}

# switches PID: context switches of all its threads, a count of wake-ups.
switches() {
	cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {n += $2} END {print n + 0}'
}

# wait_mapped PID NAME-REGEX: polls until the process has a viewable
# window; sets WIN and MAPPED (µs). Each poll costs a few ms, which bounds
# the resolution, the same for aztoken and the bare window.
wait_mapped() {
	local deadline=$((SECONDS + 30)) w
	while :; do
		w=$(xdotool search --all --onlyvisible --pid "$1" --name "$2" 2>/dev/null | head -1) || true
		if [[ -n $w ]]; then
			MAPPED=${EPOCHREALTIME/./} WIN=$w
			return 0
		fi
		if ! kill -0 "$1" 2>/dev/null; then
			local rc=0
			wait "$1" || rc=$?
			echo "perf: process $1 exited ($rc) before its window showed" >&2
			return 1
		fi
		if ((SECONDS >= deadline)); then
			echo "perf: no window from process $1 within 30 s" >&2
			return 1
		fi
		sleep 0.005
	done
}

# stop PID: SIGTERM (Fyne quits cleanly on it), SIGKILL after 5 s.
stop() {
	local i
	kill "$1" 2>/dev/null || true
	for ((i = 0; i < 50; i++)); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
	forget "$1"
}

# token_requests [PID LOG]: how many token requests have reached the fake
# Azure (by default the first one), from its own count.
token_requests() {
	local before pid=${1:-$fake} log=${2:-$bin/fakeazure.log}
	before=$(grep -c 'token requests' "$log" || true)
	kill -USR1 "$pid"
	for ((i = 0; i < 50; i++)); do
		(($(grep -c 'token requests' "$log" || true) > before)) && break
		sleep 0.02
	done
	awk '/token requests/ {n = $2} END {print n + 0}' "$log"
}

# registered_items: how many tray items have registered with the host.
registered_items() { grep -c registered "$bin/trayhost.log" || true; }

ms() { calc %.1f "$1 / 1000"; }
mib() { calc %.1f "$1 / 1024"; }
pct() { calc %.2f "$1"; }

# Keep the display from resetting between two start-ups.
"$bin/xwindow" hold &
started+=("$!")

: >"$bin/fakeazure.url"
: >"$bin/trayhost.out"
"$bin/fakeazure" >"$bin/fakeazure.url" 2>"$bin/fakeazure.log" &
fake=$!
started+=("$fake")
# wait_for FILE PATTERN: up to 30 s for a helper to say it is ready.
wait_for() {
	local i
	for ((i = 0; i < 300; i++)); do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "perf: $1 never showed $2" >&2
	return 1
}
wait_for "$bin/fakeazure.url" '^http'
url=$(head -1 "$bin/fakeazure.url")

# A stand-in system tray, as a desktop would have; aztoken probes for it
# at start-up and only then offers hide-to-tray.
"$bin/trayhost" >"$bin/trayhost.out" 2>"$bin/trayhost.log" &
started+=("$!")
wait_for "$bin/trayhost.out" ready

add_profile() {
	local at=${2:-$url}
	if ! printf '%s\n' "$secret" | "$bin/aztoken" profiles add --name "$1" --tenant "$tenant" --client-id "$app" \
		--cloud custom --authority-host "$at" --arm-endpoint "$at" --resource "$resource" --secret-stdin \
		>"$bin/add.log" 2>&1; then
		cat "$bin/add.log" >&2
		return 1
	fi
}

# curl_token: the same request as the CLI's, by hand.
curl_token() {
	curl -s -f -X POST -d grant_type=client_credentials -d "client_id=$app" \
		--data-urlencode "client_secret=$secret" --data-urlencode "resource=$resource" \
		"$url/$tenant/oauth2/token"
}

### CLI next to curl
add_profile bench
# One fetch, so that every timed token call below is served by the shared
# cache, as a script's second and later calls are.
out=$("$bin/aztoken" token -p bench --format header)
[[ $out == "Authorization: Bearer ey"* ]] || { echo "perf: the CLI printed no header: $out" >&2; exit 1; }
out=$(curl_token)
[[ $out == *'"access_token":"ey'* ]] || { echo "perf: curl got no token: $out" >&2; exit 1; }
echo "CLI: $cli_runs runs each of aztoken version, cached aztoken token, curl and token --env, interleaved"
# One more, to show where the CLI's time goes: a token with the secret from
# the environment (no profile file, no keyring, no cache: a network fetch).
env_token() {
	AZURE_TENANT_ID=$tenant AZURE_CLIENT_ID=$app AZURE_CLIENT_SECRET=$secret AZURE_AUTHORITY_HOST=$url \
		"$bin/aztoken" token --env --format header
}
env_token | grep -q "^Authorization: Bearer ey" || { echo "perf: aztoken token --env failed" >&2; exit 1; }
before=$(token_requests)
for ((i = 0; i < cli_runs; i++)); do
	t0=${EPOCHREALTIME/./}
	"$bin/aztoken" token -p bench --format header >/dev/null
	t1=${EPOCHREALTIME/./}
	curl_token >/dev/null
	t2=${EPOCHREALTIME/./}
	env_token >/dev/null
	t3=${EPOCHREALTIME/./}
	"$bin/aztoken" version >/dev/null
	t4=${EPOCHREALTIME/./}
	echo $((t1 - t0)) >>"$bin/cli.us"
	echo $((t2 - t1)) >>"$bin/curl.us"
	echo $((t3 - t2)) >>"$bin/cli-env.us"
	echo $((t4 - t3)) >>"$bin/cli-version.us"
done
cli_requests=$(($(token_requests) - before))
cli=$(median <"$bin/cli.us")
curl=$(median <"$bin/curl.us")
version=$(median <"$bin/cli-version.us")
echo "Command line (median of $cli_runs; curl: the token request on loopback)" | tee -a "$results"
header
row "aztoken version vs curl" "$(ms "$version") ms" "$(ms "$curl") ms" "$(calc %.2f "$version / $curl")x" \
	"<= 1.5x" "$(verdict "$version / $curl <= 1.5")"
row "cached aztoken token --format header" "$(ms "$cli") ms" "$(ms "$curl") ms" "$(calc %.2f "$cli / $curl")x" \
	"<= 1.5x" "$(verdict "$cli / $curl <= 1.5")"
note "where the time goes: aztoken version is start and exit; aztoken token --env (a fetch with the secret from" \
	"the environment: no profile file, keyring or cache) $(ms "$(median <"$bin/cli-env.us")") ms"
note "token requests that reached the fake Azure in the runs above: $cli_requests; curl's $cli_runs and --env's" \
	"$cli_runs (never cached) leave $((cli_requests - 2 * cli_runs)) for the $cli_runs cached aztoken token runs"
echo | tee -a "$results"

### The shared token cache against an Entra ID 150 ms away
: >"$bin/slowazure.url"
FAKEAZURE_TOKEN_LATENCY=150ms "$bin/fakeazure" >"$bin/slowazure.url" 2>"$bin/slowazure.log" &
slow=$!
started+=("$slow")
wait_for "$bin/slowazure.url" '^http'
add_profile slow "$(head -1 "$bin/slowazure.url")"
cache_runs=${BENCH_CACHE_RUNS:-100}
# curl asks the first fake Azure, without latency, between the calls of
# each block, so each block has its reference from the same seconds.
echo "Cache: $cache_runs sequential calls with the shared cache, then $cache_runs with --fresh, each next to curl"
before=$(token_requests "$slow" "$bin/slowazure.log")
for ((i = 0; i < cache_runs; i++)); do
	t0=${EPOCHREALTIME/./}
	"$bin/aztoken" token -p slow --format header >/dev/null
	t1=${EPOCHREALTIME/./}
	curl_token >/dev/null
	t2=${EPOCHREALTIME/./}
	echo $((t1 - t0)) >>"$bin/cached.us"
	echo $((t2 - t1)) >>"$bin/curl-cached.us"
done
cached_requests=$(($(token_requests "$slow" "$bin/slowazure.log") - before))
before=$(token_requests "$slow" "$bin/slowazure.log")
for ((i = 0; i < cache_runs; i++)); do
	t0=${EPOCHREALTIME/./}
	"$bin/aztoken" token -p slow --format header --fresh >/dev/null
	t1=${EPOCHREALTIME/./}
	curl_token >/dev/null
	t2=${EPOCHREALTIME/./}
	echo $((t1 - t0)) >>"$bin/uncached.us"
	echo $((t2 - t1)) >>"$bin/curl-uncached.us"
done
uncached_requests=$(($(token_requests "$slow" "$bin/slowazure.log") - before))
cached=$(median <"$bin/cached.us")
uncached=$(median <"$bin/uncached.us")
loopback=$(median <"$bin/curl-cached.us")
loopback_fresh=$(median <"$bin/curl-uncached.us")
echo "Shared token cache, Entra ID 150 ms away (median of $cache_runs sequential calls)" | tee -a "$results"
header
row "Entra token requests, cache on" "$cached_requests" "-" "-" "<= 1" "$(verdict "$cached_requests <= 1")"
row "aztoken token, cache on, vs curl" "$(ms "$cached") ms" "$(ms "$loopback") ms" "$(calc %.2f "$cached / $loopback")x" \
	"<= 1.5x" "$(verdict "$cached / $loopback <= 1.5")"
row "Entra token requests, cache off" "$uncached_requests" "-" "-" "report" "-"
row "aztoken token, cache off, vs curl" "$(ms "$uncached") ms" "$(ms "$loopback_fresh") ms" \
	"$(calc %.2f "$uncached / $loopback_fresh")x" "report" "-"
note "aztoken token -p P --format header; cache off is --fresh (a new token every call); requests counted by the"
note "fake Azure (tokens/emulator) itself; curl: the same token request to a fake Azure on loopback without latency"
echo | tee -a "$results"

### Start-up: exec until mapped
# launch NAME REGEX CMD...: one start, its time appended to NAME.us.
launch() {
	local t0 pid
	t0=${EPOCHREALTIME/./}
	"${@:3}" >>"$bin/$1.log" 2>&1 &
	pid=$!
	started+=("$pid")
	wait_mapped "$pid" "$2"
	echo $((MAPPED - t0)) >>"$bin/$1.us"
	stop "$pid"
}
echo "Start-up: 1 warm-up and $start_runs runs each of aztoken and the bare window, interleaved"
launch warm-aztoken '^aztoken' "$bin/aztoken"
launch warm-bare '^barewindow' "$bin/barewindow"
for ((i = 0; i < start_runs; i++)); do
	launch aztoken '^aztoken' "$bin/aztoken"
	launch bare '^barewindow' "$bin/barewindow"
done
az_start=$(median <"$bin/aztoken.us")
bare_start=$(median <"$bin/bare.us")
echo "Start-up (median of $start_runs; exec until the window is mapped)" | tee -a "$results"
header
row "start-up vs bare Fyne window" "$(ms "$az_start") ms" "$(ms "$bare_start") ms" \
	"$(calc %.2f "$az_start / $bare_start")x" "<= 1.2x" "$(verdict "$az_start / $bare_start <= 1.2")"
note "aztoken runs (ms): $(awk '{printf "%.0f ", $1 / 1000}' "$bin/aztoken.us")"
note "bare runs (ms):    $(awk '{printf "%.0f ", $1 / 1000}' "$bin/bare.us")"
echo | tee -a "$results"

### Memory and idle CPU, aztoken and the bare window side by side
for name in bench-2 bench-3 bench-4 bench-5; do add_profile "$name"; done
"$bin/barewindow" >>"$bin/bare.log" 2>&1 &
bare=$!
started+=("$bare")
wait_mapped "$bare" '^barewindow'
bare_win=$WIN
items=$(registered_items)
# gctrace logs the live Go heap after every collection: the soak's
# evidence for or against a leak in Go, apart from RSS.
GODEBUG=gctrace=1 "$bin/aztoken" >"$bin/aztoken-soak.log" 2>&1 &
az=$!
started+=("$az")
wait_mapped "$az" '^aztoken'
az_win=$WIN
# The same size for both, so their framebuffers weigh the same.
xdotool windowsize "$bare_win" 1100 720
xdotool windowsize "$az_win" 1100 720
sleep 5
tray=no
(($(registered_items) > items)) && tray=yes
az_rss0=$(rss_kib "$az")
bare_rss0=$(rss_kib "$bare")

# Five countdowns: select each profile and get its token.
before=$(token_requests)
for y in $list_rows; do
	xdotool mousemove --window "$az_win" "$list_x" "$y" click 1
	sleep 0.7
	xdotool key --window "$az_win" ctrl+r
	sleep 1.5
done
# The pointer off both windows: no hover effects while idle.
xdotool mousemove 1270 790
countdowns=$(($(token_requests) - before))

interval=$((soak / 20))
((interval >= 5)) || interval=5
echo "Memory soak: $soak s with $countdowns countdowns, RSS every $interval s"
sleep 5
gcs=$(($(grep -c '^gc ' "$bin/aztoken-soak.log" || true) + 1))
for ((t = 0; t <= soak; t += interval)); do
	echo "$t $(rss_kib "$az") $(rss_kib "$bare") $(c_heap_kib "$az")" >>"$bin/soak.txt"
	if ((t + interval <= soak)); then sleep "$interval"; fi
done
az_rss1=$(tail -1 "$bin/soak.txt" | awk '{print $2}')
bare_rss1=$(tail -1 "$bin/soak.txt" | awk '{print $3}')
# Growth: the median of the last three samples less that of the first
# three, so one garbage collection does not count as a trend.
growth() { # COLUMN
	local first last
	first=$(head -3 "$bin/soak.txt" | awk -v c="$1" '{print $c}' | median)
	last=$(tail -3 "$bin/soak.txt" | awk -v c="$1" '{print $c}' | median)
	calc %d "$last - $first"
}
az_growth=$(growth 2)
bare_growth=$(growth 3)
allow=$(calc %d "2048 > $az_rss1 * 0.02 ? 2048 : $az_rss1 * 0.02")

echo "Memory (VmRSS; both windows 1100x720)" | tee -a "$results"
header
row "memory after start-up" "$(mib "$az_rss0") MiB" "$(mib "$bare_rss0") MiB" "$(calc %.2f "$az_rss0 / $bare_rss0")x" \
	"<= 1.3x" "$(verdict "$az_rss0 / $bare_rss0 <= 1.3")"
row "memory after ${soak} s, $countdowns countdowns" "$(mib "$az_rss1") MiB" "$(mib "$bare_rss1") MiB" \
	"$(calc %.2f "$az_rss1 / $bare_rss1")x" "<= 1.3x" "$(verdict "$az_rss1 / $bare_rss1 <= 1.3")"
row "memory growth over ${soak} s" "$(calc %+.1f "$az_growth / 1024") MiB" "$(calc %+.1f "$bare_growth / 1024") MiB" "-" \
	"<= $(mib "$allow") MiB (noise)" "$(verdict "$az_growth <= $allow")"
note "samples (s: aztoken/bare MiB): $(awk '{printf "%s: %.1f/%.1f  ", $1, $2 / 1024, $3 / 1024}' "$bin/soak.txt")"
note "aztoken's growth in its C heap (malloc: Mesa, GLFW): $(calc %+.1f "$(growth 4) / 1024") MiB"
heaps=$(go_heaps "$bin/aztoken-soak.log" "$gcs" | tr '\n' ' ')
if [[ -n $heaps ]]; then
	note "live Go heap after each of its $(wc -w <<<"$heaps") collections in the soak (MB): $heaps"
fi
((countdowns == 5)) || note "only $countdowns of 5 token requests were seen: check BENCH_LIST_ROWS against the window"
echo | tee -a "$results"

# idle_cpu PID...: for each process, over $idle seconds: the % of one
# core it used, its wake-ups per second and the % its software-GL threads
# used, as "pct wakeups glpct" lines.
idle_cpu() {
	local p t0=() s0=() g0=()
	for p in "$@"; do t0+=("$(cpu_ticks "$p")") s0+=("$(switches "$p")") g0+=("$(gl_ticks "$p")"); done
	sleep "$idle"
	local i=0
	for p in "$@"; do
		echo "$(calc %.3f "($(cpu_ticks "$p") - ${t0[i]}) * 100 / ($hz * $idle)")" \
			"$(calc %.0f "($(switches "$p") - ${s0[i]}) / $idle")" \
			"$(calc %.3f "($(gl_ticks "$p") - ${g0[i]}) * 100 / ($hz * $idle)")"
		i=$((i + 1))
	done
}
echo "Idle CPU: $idle s with the window open"
mapfile -t open < <(idle_cpu "$az" "$bare")
read -r az_open az_open_wake az_open_gl <<<"${open[0]}"
read -r bare_open bare_open_wake bare_open_gl <<<"${open[1]}"
echo "Idle CPU over $idle s (% of one core; CLK_TCK $hz)" | tee -a "$results"
header
row "idle, window open, $countdowns countdowns" "$(pct "$az_open") %" "$(pct "$bare_open") %" "-" "< 1 %" \
	"$(verdict "$az_open < 1")"

if [[ $tray == yes ]]; then
	echo "Idle CPU: $idle s hidden to the tray"
	"$bin/xwindow" close "$az_win"
	sleep 3
	if ! kill -0 "$az" 2>/dev/null; then
		row "idle, hidden to the tray" "not measured" "-" "-" "close to 0" "-"
		note "closing the window quit aztoken although a tray host was registered"
	elif xdotool search --all --onlyvisible --pid "$az" --name '^aztoken' >/dev/null 2>&1; then
		row "idle, hidden to the tray" "not measured" "-" "-" "close to 0" "-"
		note "the window stayed open when asked to close"
	else
		mapfile -t hidden < <(idle_cpu "$az" "$bare")
		read -r az_hidden az_hidden_wake _ <<<"${hidden[0]}"
		read -r bare_hidden bare_hidden_wake _ <<<"${hidden[1]}"
		row "idle, hidden to the tray" "$(pct "$az_hidden") %" "$(pct "$bare_hidden") %" "-" "< 0.1 % (close to 0)" \
			"$(verdict "$az_hidden < 0.1")"
		note "wake-ups/s hidden: aztoken $az_hidden_wake, bare window (open) $bare_hidden_wake"
	fi
else
	row "idle, hidden to the tray" "not measured: no tray yet" "-" "-" "close to 0" "-"
fi
note "wake-ups/s open: aztoken $az_open_wake, bare window $bare_open_wake (context switches of all threads)"
note "software GL (llvmpipe threads) open: aztoken $(pct "$az_open_gl") %, bare window $(pct "$bare_open_gl") %"
note "reference: the bare window, idle and open, in the same seconds"
stop "$az"
stop "$bare"
