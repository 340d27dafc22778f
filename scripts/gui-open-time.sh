#!/bin/bash
# gui-open-time.sh BIN DB: times one opening of organisation "Big" in a
# real window (Xvfb), as docs/BENCHMARKS-scale.md reports it: seconds from
# the start of BIN until its log (revopsdx.log next to DB) says the
# organisation is open, then the results' own line "analysed organisation
# N in X" (the organisation opens on its results). Needs Xvfb and xdotool.
# Run it a few times; a script polling a log reads to a tenth of a second.
set -u
BIN=$1 DB=$2
. "$(dirname "$0")/lib-xvfb.sh"
work=$(mktemp -d)
trap 'kill "${pid:-0}" "${xvfb_pid:-0}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
start_xvfb "$work" 1366x768x24 || { echo "Xvfb did not start" >&2; exit 1; }
export HOME=$work XDG_RUNTIME_DIR=$work
log=$(dirname "$DB")/revopsdx.log
: > "$log"
t0=$(date +%s%N)
"$BIN" --db "$DB" --open Big >"$work/out" 2>&1 &
pid=$!
for _ in $(seq 1 1500); do grep -q "opened organisation" "$log" && break; sleep 0.02; done
t1=$(date +%s%N)
for _ in $(seq 1 1500); do grep -q "analysed organisation" "$log" && break; sleep 0.02; done
printf 'opened in %d ms; %s\n' $(((t1 - t0) / 1000000)) "$(grep -o 'analysed organisation [0-9]* in [^ ]*' "$log" | tail -1)"
