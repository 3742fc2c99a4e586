#!/bin/sh
# Prints aztoken's speed figures next to their references and targets,
# measured in the same run, and writes them to bench/results.txt. These
# machines are noisy, so every figure is a median of several runs and the
# verdicts go by ratios to a reference measured alongside.
#
#   Go benchmarks of the token engine (7 rounds, interleaved), then, in a
#   throwaway desktop session (scripts/with-session.sh), scripts/perf.sh:
#   the CLI next to curl, start-up, memory and idle CPU next to a bare Fyne
#   window built with the same flags. Then the soak under faults
#   (scripts/soak.sh).
#
# BENCH_SOAK=60 shortens the memory soak from its 600 s for a quick run;
# the results file records the duration used.
set -eu
cd "$(dirname "$0")/.."
export LANG=en_US.UTF-8
soak=${BENCH_SOAK:-600}
rounds=${BENCH_ROUNDS:-7}
# The release build's flags (make release), for aztoken and the bare
# window alike.
tags=no_emoji,migrated_fynedo
ldflags="-s -w"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.txt
. scripts/perf-lib.sh

{
	echo "aztoken benchmarks (make bench)"
	echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "commit:   $(git describe --always --dirty 2>/dev/null || echo unknown)"
	echo "machine:  $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr)"
	echo "go:       $(go version | cut -d' ' -f3-)"
	echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) when the run began"
	echo "soak:     $soak s (BENCH_SOAK; the full run is 600)"
	echo "build:    go build -tags $tags -trimpath -ldflags \"$ldflags\", aztoken and bench/barewindow alike"
	echo
} | tee "$results"

# Token engine: one test binary, run round after round, so the engine and
# the bare POST alternate and share the machine's mood.
echo "Go benchmarks: $rounds rounds of ./tokens (about a minute)"
go test -c -o "$work/tokens.test" ./tokens/
i=0
while [ "$i" -lt "$rounds" ]; do
	(cd tokens && "$work/tokens.test" -test.run '^$' -test.bench . -test.benchmem) >>"$work/go.txt"
	i=$((i + 1))
	printf '.'
done
echo

# field NAME COLUMN: the median of a column of a benchmark's lines
# (3 ns/op, 5 B/op, 7 allocs/op).
field() {
	grep "^Benchmark$1-" "$work/go.txt" | awk -v c="$2" '{print $c}' | median
}
# bench NAME: "ns/op, allocs" in words.
bench() {
	echo "$(field "$1" 3) ns, $(field "$1" 5) B, $(field "$1" 7) allocs"
}

echo "Token engine (median of $rounds rounds)" | tee -a "$results"
header
row "token response parse (v1)" "$(bench ParseTokenResponseV1)" "-" "-" "report" "-"
row "token response parse (v2)" "$(bench ParseTokenResponseV2)" "-" "-" "report" "-"
row "JWT decode" "$(bench DecodeJWT)" "-" "-" "report" "-"
hit=$(field CacheHit 3)
hitallocs=$(field CacheHit 7)
row "cache hit" "$(bench CacheHit)" "-" "-" "< 1000 ns, 0 allocs" "$(verdict "$hit < 1000 && $hitallocs == 0")"
engine=$(field FetchEngine 3)
bare=$(field FetchBareHTTP 3)
# The ratio of each round's pair, then their median.
ratio=$(awk '/^BenchmarkFetchEngine-/ {e[++n] = $3} /^BenchmarkFetchBareHTTP-/ {b[++m] = $3}
	END {for (i = 1; i <= n && i <= m; i++) print e[i] / b[i]}' "$work/go.txt" | median)
row "full fetch vs bare net/http POST" "$(calc %.1f "$engine / 1000") µs" "$(calc %.1f "$bare / 1000") µs" \
	"$(calc %.2f "$ratio")x" "<= 1.1x" "$(verdict "$ratio <= 1.1")"
echo | tee -a "$results"

# The window's own share of start-up, without a display or GL: building
# and laying out every widget of the first frame.
echo "Go benchmark: opening the window headless, $rounds rounds"
go test -tags ci -run '^$' -bench OpenWindow -benchmem -count "$rounds" ./ui/ >"$work/ui.txt"
open_ms=$(grep '^BenchmarkOpenWindow-' "$work/ui.txt" | awk '{print $3 / 1e6}' | median)
open_allocs=$(grep '^BenchmarkOpenWindow-' "$work/ui.txt" | awk '{print $7}' | median)
echo "Window, headless (median of $rounds)" | tee -a "$results"
header
row "open the window on 5 profiles" "$(calc %.1f "$open_ms") ms, $open_allocs allocs" "-" "-" "report" "-"
note "text shaping and SVG icon parsing by Fyne for the first frame's widgets; the bare window has one label"
echo | tee -a "$results"

echo "Building aztoken, the bare window and the helpers with the same flags"
go build -tags "$tags" -trimpath -ldflags "$ldflags" -o "$work/aztoken" .
go build -tags "$tags" -trimpath -ldflags "$ldflags" -o "$work/barewindow" ./bench/barewindow
go build -o "$work" ./bench/fakeazure ./bench/trayhost ./bench/xwindow
note "binaries: aztoken $(calc %.1f "$(stat -c %s "$work/aztoken") / 1048576") MiB, bare window $(calc %.1f "$(stat -c %s "$work/barewindow") / 1048576") MiB"
echo | tee -a "$results"

scripts/with-session.sh scripts/perf.sh "$work" "$results" "$soak"

# aztoken under faults (make soak, about four minutes): its figures and
# verdicts join the results; a FAIL there does not stop the bench.
echo "Soak under faults: scripts/soak.sh"
soak_result=PASS
scripts/soak.sh >"$work/soak.txt" 2>&1 || soak_result=FAIL
{
	echo
	echo "Soak under faults (make soak): $soak_result"
	grep -E '^(serve at|serve holding|[0-9]+ (requests|runs)|requests through|CLI fetches|  |PASS|FAIL|faultyazure)' "$work/soak.txt"
} | tee -a "$results"

mkdir -p bench
cp "$results" bench/results.txt
echo
echo "Wrote bench/results.txt"
