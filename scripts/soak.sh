#!/usr/bin/env bash
# make soak: aztoken under faults, for a few minutes. Against bench/
# faultyazure (the emulator with tokens that live 6 s and a random fault on
# a fifth of the token requests: latency, 429, 500, 503, an HTML 502,
# truncated, oversized, dropped):
#
#   serve  10,000 requests through `aztoken serve` over 60 s, up to 64 at
#          once, for two resources; the server's memory and open files at
#          the start, middle and end; then 1,000 idle connections held open
#          against it, which must cost it no more than its cap of files
#          (bench/soak serve)
#   CLI    1,000 runs of `aztoken token`, 4 at once (bench/soak cli)
#
# Each phase prints the failures grouped by why, the slowest request and
# PASS/FAIL lines; the soak fails if any line says FAIL, or if serve does
# not stop cleanly. Every wait is bounded. It needs no display or keyring:
# the credentials come from AZURE_* variables (--env), and the config
# folder is a throwaway one.
#
# SOAK_REQUESTS, SOAK_SECONDS, SOAK_FETCHES and SOAK_FAULT_RATE change the
# figures, e.g. SOAK_REQUESTS=1000 SOAK_SECONDS=10 SOAK_FETCHES=100 for a
# quick run (whose small samples may miss the 90 % success lines by chance).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=en_US.UTF-8
requests=${SOAK_REQUESTS:-10000}
seconds=${SOAK_SECONDS:-60}
fetches=${SOAK_FETCHES:-1000}
rate=${SOAK_FAULT_RATE:-0.2}

work=$(mktemp -d)
started=()
cleanup() {
	local p
	for p in "${started[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "Building aztoken, bench/faultyazure and bench/soak"
go build -o "$work/aztoken" .
go build -o "$work" ./bench/faultyazure ./bench/soak

# wait_for FILE PATTERN SECONDS: until FILE shows PATTERN, or fail.
wait_for() {
	local i
	for ((i = 0; i < $3 * 10; i++)); do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

"$work/faultyazure" -fault-rate "$rate" >"$work/azure.url" 2>"$work/azure.log" &
azure=$!
started+=("$azure")
wait_for "$work/azure.url" '^http' 30 || { echo "soak: faultyazure did not start" >&2; exit 1; }

export XDG_CONFIG_HOME=$work/config HOME=$work
export AZURE_TENANT_ID=72f988bf-86f1-41af-91ab-2d7cd011db47 # emulator.SampleTenant
export AZURE_CLIENT_ID=1671f074-56e2-4c37-873b-b7b07a120b18 # emulator.SampleApp
export AZURE_CLIENT_SECRET='Qm8~abc.DEF_ghi-JKL+mno/pqr='    # emulator.SampleSecret
AZURE_AUTHORITY_HOST=$(head -1 "$work/azure.url")
export AZURE_AUTHORITY_HOST

echo "Fault rate $rate on the token endpoint; tokens live 6 s"
echo
echo "== serve: $requests requests over $seconds s"
# serve refuses to start when its first token fails, as it may here: a
# few tries.
serve=
for try in 1 2 3 4 5; do
	"$work/aztoken" serve --env --env-file "$work/serve.env" --allow-resource https://graph.microsoft.com \
		2>"$work/serve.log" &
	serve=$!
	started+=("$serve")
	if wait_for "$work/serve.env" IDENTITY_HEADER 60; then
		break
	fi
	kill "$serve" 2>/dev/null || true
	wait "$serve" 2>/dev/null || true
	started=("$azure") # a process waited for is not the cleanup's business
	echo "soak: serve did not start (try $try): $(tail -1 "$work/serve.log")"
	serve=
done
[[ -n $serve ]] || { echo "FAIL  serve never started" && exit 1; }

status=0
"$work/soak" serve -env-file "$work/serve.env" -pid "$serve" -requests "$requests" -seconds "$seconds" \
	-resource https://management.azure.com -resource https://graph.microsoft.com | tee "$work/serve.out" || status=1

# Ctrl+C, then at most 10 s for a clean stop.
kill -INT "$serve"
for ((i = 0; i < 100; i++)); do
	kill -0 "$serve" 2>/dev/null || break
	sleep 0.1
done
if kill -0 "$serve" 2>/dev/null; then
	echo "FAIL  serve still running 10 s after Ctrl+C"
	status=1
else
	code=0
	wait "$serve" || code=$?
	started=("$azure")
	logged=$(grep -c ' GET /msi/token ' "$work/serve.log" || true)
	ok=true
	grep -q '^Stopped\.$' "$work/serve.log" && [[ $code == 0 && ! -e $work/serve.env ]] || ok=false
	if $ok; then word=PASS; else word=FAIL status=1; fi
	echo "$word  serve stopped on Ctrl+C (exit $code), removed its env file, and logged $logged requests"
fi
if grep -q -e 'panic' -e $'\e' "$work/serve.log"; then
	echo "FAIL  serve's log holds a panic or an escape character"
	status=1
fi

echo
echo "== CLI: $fetches runs of aztoken token --env"
"$work/soak" cli -bin "$work/aztoken" -fetches "$fetches" | tee "$work/cli.out" || status=1

kill "$azure"
wait "$azure" 2>/dev/null || true
started=()
echo
tail -1 "$work/azure.log"
echo
if ((status == 0)); then
	echo "soak: PASS"
else
	echo "soak: FAIL (see the FAIL lines above)"
fi
exit "$status"
