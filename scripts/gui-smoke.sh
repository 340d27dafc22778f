#!/usr/bin/env bash
# GUI smoke test: start the real binary under Xvfb on a temporary database,
# wait until its window is mapped, take a screenshot, check it is not blank,
# then send SIGTERM and require exit status 0 within 5 seconds.
#   scripts/gui-smoke.sh [SCREENSHOT.png]
# Env: REVOPSDX_BIN (default bin/revopsdx, built if missing), SMOKE_ARGS
# (extra arguments before the GUI starts, e.g. "--db x").
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-docs/screenshots/smoke.png}
bin=${REVOPSDX_BIN:-bin/revopsdx}
title="RevOps Diagnostic"
[ -x "$bin" ] || make build
mkdir -p "$(dirname "$out")"

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -KILL "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "gui-smoke: FAIL: $*" >&2
  [ -f "$tmp/app.log" ] && sed 's/^/  app: /' "$tmp/app.log" >&2
  [ -f "$tmp/revopsdx.log" ] && sed 's/^/  log: /' "$tmp/revopsdx.log" >&2
  [ -f "$tmp/xvfb.log" ] && sed 's/^/  xvfb: /' "$tmp/xvfb.log" >&2
  exit 1
}

. "$(dirname "$0")/lib-xvfb.sh"
start_xvfb "$tmp" 1366x900x24 || fail "Xvfb did not start within 30 s"

# Isolated preferences and database; LANG=C checks the locale fallback.
export XDG_CONFIG_HOME="$tmp/config"
LANG=C LC_ALL=C "$bin" --db "$tmp/smoke.db" >"$tmp/app.log" 2>&1 &
app_pid=$!

# Wait (up to 60 s) for the window to be mapped and viewable, not merely
# created (Fyne creates it unmapped first).
set +e
win_id=$(scripts/wait-window.sh "$title" 60 "$app_pid")
waited=$?
set -e
case $waited in
  0) ;;
  3) fail "the app exited before its window appeared" ;;
  *) fail "no viewable window titled '$title' within 60 s" ;;
esac

# Wait (up to 30 s) for the first frames to be drawn: the screenshot must hold
# at least 50 distinct colours.
colours=0
for _ in $(seq 1 60); do
  import -window "$win_id" "$out" 2>/dev/null || true
  colours=$(convert "$out" -format %k info: 2>/dev/null || echo 0)
  [ "$colours" -ge 50 ] && break
  sleep 0.5
done
[ "$colours" -ge 50 ] || fail "screenshot looks blank ($colours colours)"

# SIGTERM must end the app with status 0 within 5 s.
kill -TERM "$app_pid"
status=""
for _ in $(seq 1 50); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    set +e; wait "$app_pid"; status=$?; set -e
    break
  fi
  sleep 0.1
done
[ -n "$status" ] || fail "the app did not exit within 5 s of SIGTERM"
app_pid_done=$app_pid; app_pid=""
[ "$status" = 0 ] || fail "the app exited with status $status after SIGTERM (pid $app_pid_done)"
if grep -q "Error parsing user locale" "$tmp/app.log"; then fail "locale error logged under LANG=C"; fi

echo "gui-smoke: ok: window mapped, $colours colours in $out, exit 0 on SIGTERM"
