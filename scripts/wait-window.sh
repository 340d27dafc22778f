#!/usr/bin/env bash
# Waits until a window titled exactly TITLE is viewable on $DISPLAY (mapped,
# and its ancestors mapped: `xwininfo -id` says "IsViewable") and prints its
# id. A window that merely exists is not enough: Fyne (GLFW) and Wine create
# the window unmapped first and map it later.
#   scripts/wait-window.sh TITLE SECONDS [PID]
# Exits 0 with the id on stdout; 1 if none is viewable within SECONDS; 3 if
# process PID (the app) exits first.
set -euo pipefail
title=${1:?usage: scripts/wait-window.sh TITLE SECONDS [PID]}
secs=${2:?usage: scripts/wait-window.sh TITLE SECONDS [PID]}
pid=${3:-}
deadline=$(( $(date +%s) + secs ))
while :; do
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then exit 3; fi
  # Lines of `xwininfo -root -tree` read: 0x400007 "TITLE": ("class" ...) ...
  ids=$(xwininfo -root -tree 2>/dev/null | awk -v t="\"$title\":" 'index($0, t) {print $1}' || true)
  for id in $ids; do
    if xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then
      echo "$id"
      exit 0
    fi
  done
  [ "$(date +%s)" -lt "$deadline" ] || exit 1
  sleep 0.1
done
