# shellcheck shell=bash
# lib-xvfb.sh: start_xvfb, shared by the scripts that drive a real window
# (gui-smoke.sh, gui-journey.sh, wine-smoke.sh). Source it; it defines one
# function and runs nothing.
#
# start_xvfb DIR WxHxD starts Xvfb on a display it picks itself
# (-displayfd: no guessing, no race), waiting up to 30 s for it. It sets
# xvfb_pid (for the caller's clean-up trap) and exports DISPLAY; it returns
# 1 when Xvfb did not start (its log is DIR/xvfb.log).
start_xvfb() {
  local dir=$1 screen=$2 disp
  Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp 3>"$dir/display" >"$dir/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 300); do
    [ -s "$dir/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  disp=$(tr -d '[:space:]' < "$dir/display" 2>/dev/null || true)
  [ -n "$disp" ] || return 1
  export DISPLAY=":$disp"
}
