#!/usr/bin/env bash
# GUI journey test: drives the real binary in a real window (Xvfb, 1366×768)
# with the keyboard (xdotool), on a fresh home folder and a fresh database,
# the way a new user would:
#   1. the demo, in Spanish: Ctrl+P, a typed name and Enter write the PDF
#      report in ~/Documents; Ctrl+O opens the file dialog (Esc closes it);
#      Ctrl+O again, a CSV of deals chosen in the dialog with the keyboard
#      and the import wizard walked with Enter; Ctrl+B, a typed name and
#      Enter write a backup;
#   2. an organisation with one answer, in English: Ctrl+2 and three
#      questions answered with the keys (3, Enter, 4, Enter, 2, Enter), checked
#      with `revopsdx score` after the app has quit.
# It fails when the app dies, a dialog does not open or a file is not
# written; the log, the app's output and a screenshot are printed then.
# It waits for events (the app's log, files, the window), not fixed times.
#   scripts/gui-journey.sh [SCREENSHOT_DIR]
# Env: REVOPSDX_BIN (default bin/revopsdx, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

shots=${1:-}
bin=${REVOPSDX_BIN:-bin/revopsdx}
[ -x "$bin" ] || make build
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
title="RevOps Diagnostic"

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -KILL "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
step="start"
fail() {
  echo "gui-journey: FAIL at '$step': $*" >&2
  [ -n "${DISPLAY:-}" ] && import -window root "$tmp/fail.png" 2>/dev/null && echo "  screenshot: see ${shots:-$tmp}/fail.png" >&2
  [ -n "$shots" ] && [ -f "$tmp/fail.png" ] && cp "$tmp/fail.png" "$shots/fail.png"
  [ -f "$tmp/app.log" ] && sed 's/^/  app: /' "$tmp/app.log" >&2
  [ -f "$log" ] && grep -v 'Fyne error\|  Cause:\|  At:' "$log" | sed 's/^/  log: /' >&2
  exit 1
}
[ -n "$shots" ] && mkdir -p "$shots"
shot() { [ -n "$shots" ] && import -window root "$shots/$1.png" 2>/dev/null || true; }

# poll CMD… up to SECS seconds, every 0.1 s.
poll() {
  local secs=$1; shift
  local end=$(( $(date +%s) + secs ))
  until "$@"; do
    alive || return 1
    [ "$(date +%s)" -lt "$end" ] || return 1
    sleep 0.1
  done
}
alive() { kill -0 "$app_pid" 2>/dev/null; }
# logged N PATTERN: the app's log holds at least N lines matching PATTERN.
logged() { [ "$(grep -c -- "$2" "$log" 2>/dev/null || true)" -ge "$1" ]; }
# written FILE MAGIC: FILE exists and starts with MAGIC.
written() { [ -s "$1" ] && [ "$(head -c ${#2} "$1")" = "$2" ]; }
key() { xdotool key --delay 60 "$@"; }

. "$(dirname "$0")/lib-xvfb.sh"
start_xvfb "$tmp" 1366x768x24 || { echo "gui-journey: Xvfb did not start" >&2; exit 1; }

# A fresh home with a Documents folder (where the dialogs start) holding
# the CSV to import; a fresh database with the demo.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
docs="$HOME/Documents"
mkdir -p "$docs" "$tmp/data"
printf '%s\n' 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date' \
  '1,Alfa,Closed Won,1200,2026-10-05,2026-09-10' \
  '2,Beta,closedlost,800,2026-10-20,2026-09-15' \
  '3,Gamma,Closed Won,5000,2026-11-03,2026-10-01' > "$docs/deals.csv"
db="$tmp/data/journey.db"
log="$tmp/data/revopsdx.log"
"$bin" --db "$db" demo --quiet

# start LANG ARGS…: starts the app and waits for its window and first frames.
start() {
  local lang=$1; shift
  LANG=$lang LC_ALL=$lang "$bin" --db "$db" "$@" >"$tmp/app.log" 2>&1 &
  app_pid=$!
  set +e
  win=$(scripts/wait-window.sh "$title" 60 "$app_pid")
  local waited=$?
  set -e
  [ "$waited" = 0 ] || fail "no window (wait-window.sh exit $waited)"
  local colours=0
  for _ in $(seq 1 300); do
    import -window "$win" "$tmp/first.png" 2>/dev/null || true
    colours=$(convert "$tmp/first.png" -format %k info: 2>/dev/null || echo 0)
    [ "$colours" -ge 50 ] && break
    alive || fail "the app exited while drawing its window"
    sleep 0.1
  done
  [ "$colours" -ge 50 ] || fail "the window stayed blank"
  xdotool windowfocus --sync "$win"
}

# stop: SIGTERM must end the app with status 0 (pending answers written).
stop() {
  kill -TERM "$app_pid"
  local status=""
  for _ in $(seq 1 100); do
    if ! alive; then set +e; wait "$app_pid"; status=$?; set -e; break; fi
    sleep 0.1
  done
  [ "$status" = 0 ] || fail "the app did not exit with status 0 on SIGTERM (status '${status:-still running}')"
  app_pid=""
}

# --- 1. The demo, in Spanish ---------------------------------------------
step="open the demo"
start es_ES.UTF-8 --open Demo
poll 30 logged 1 'opened organisation [0-9]* "Demo"' || fail "the app did not open the demo"
shot 01-demo

step="Ctrl+P: save the report as PDF"
key ctrl+p
poll 20 logged 1 "file dialog: save .pdf" || fail "Ctrl+P opened no save dialog"
shot 02-save-pdf-dialog
xdotool type --delay 40 "journey-report"
key Return
poll 60 written "$docs/journey-report.pdf" "%PDF" || fail "no PDF written to $docs/journey-report.pdf"
[ ! -e "$docs/journey-report" ] || fail "the save dialog left an empty 'journey-report' beside the PDF"
alive || fail "the app died after saving the PDF"
shot 03-pdf-saved

step="Ctrl+O: the file dialog opens, Esc closes it"
key ctrl+o
poll 20 logged 1 "file dialog: open .csv" || fail "Ctrl+O opened no file dialog"
shot 04-open-dialog
key Escape
poll 10 logged 1 "file dialog: cancelled" || fail "Esc did not close the file dialog"

step="Ctrl+O: import a CSV through the dialog"
key ctrl+o
poll 20 logged 2 "file dialog: open .csv" || fail "Ctrl+O opened no file dialog the second time"
# Fyne's open dialog has no path field: Tab to the favourites, Tab to the
# files, → from "(Parent)" to deals.csv, Space chooses it; Shift+Tab twice
# reaches Open (the focus wraps round the dialog), Space presses it.
key Tab Tab Right space shift+Tab shift+Tab space
poll 20 logged 1 "file dialog: chose .*deals.csv" || fail "deals.csv was not chosen in the dialog"
shot 05-import-preview
# Enter presses each wizard page's main button: Next, Check, Import, Done.
for _ in $(seq 1 40); do
  logged 1 "imported .*deals.csv" && break
  alive || fail "the app died in the import wizard"
  key Return
  sleep 0.25
done
logged 1 "imported .*deals.csv: 3 rows" || fail "the import wizard did not import the 3 rows"
shot 06-imported

step="Ctrl+B: make a backup"
key ctrl+b
poll 20 logged 1 "file dialog: save .db" || fail "Ctrl+B opened no save dialog"
xdotool type --delay 40 "journey-backup"
key Return
poll 30 logged 1 "backup written to .*journey-backup.db" || fail "no backup written"
written "$docs/journey-backup.db" "SQLite format 3" || fail "the backup is not an SQLite database"
shot 07-backup
if grep -E '^[0-9/]+ [0-9:]+ error: ' "$log"; then fail "the app logged an error"; fi
stop

# --- 2. Three questions, in English --------------------------------------
step="answer three questions"
printf '%s\n' '{"respondents":[{"name":"Ana","department":"sales","answers":{"obj_written":4}}]}' > "$tmp/one.json"
# The wizard opens at the first unanswered question and walks the
# questionnaire in order, so the typed 3, 4, 2 go to the three questions
# after obj_written, whatever the questionnaire's version puts there.
"$bin" questions --json --lang en | python3 -c '
import json, sys
ids = [q["id"] for q in json.load(sys.stdin)["questions"]]
i = ids.index("obj_written")
answers = {"obj_written": 4}
answers.update(zip(ids[i + 1:i + 4], [3, 4, 2]))
print(json.dumps({"respondents": [{"name": "Ana", "department": "sales", "answers": answers}]}))
' > "$tmp/four.json" || fail "could not list the questionnaire"
"$bin" --db "$db" org add --name Journey --lang en >/dev/null
"$bin" --db "$db" answer --org Journey --answers "$tmp/one.json" >/dev/null
start C --open Journey
poll 30 logged 1 'opened organisation [0-9]* "Journey"' || fail "the app did not open Journey"
key ctrl+2
shot 08-wizard
key 3 Return 4 Return 2 Return
shot 09-answered
alive || fail "the app died while answering"
stop
"$bin" --db "$db" score --org Journey --json > "$tmp/got.json"
"$bin" score --answers "$tmp/four.json" --json > "$tmp/want.json"
diff -u "$tmp/want.json" "$tmp/got.json" >&2 || fail "the three answers typed in the wizard were not stored as 3, 4, 2"

grep -E 'file dialog|import|backup|opened' "$log" | sed 's/^/  log: /'
echo "gui-journey: ok: PDF, file dialog, CSV import, backup and three answers in a real window"
