#!/usr/bin/env bash
# Checks the Windows build for real:
#  1. it imports only Windows system DLLs (x86_64-w64-mingw32-objdump -p);
#  2. its PE subsystem is Windows GUI, and its file properties carry the
#     version of FyneApp.toml (scripts/exe-version.sh);
#  3. it starts under Wine (fresh WINEPREFIX, Xvfb): its window appears and a
#     screenshot shows it drawn (at least 50 colours).
#   scripts/wine-smoke.sh dist/revopsdx-VERSION-windows-amd64.exe [SCREENSHOT.png]
# Debian 12's Wine 8.0 lacks bcryptprimitives.dll, which the Go runtime loads
# (ProcessPrng); a test-only stub built from scripts/wine/ is placed in the
# throw-away prefix. It is never part of a package.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:?usage: scripts/wine-smoke.sh APP.exe [SCREENSHOT.png]}
out=${2:-${TMPDIR:-/tmp}/revopsdx-wine.png}
title="RevOps Diagnostic"
scripts/install-deps.sh windows wine

fail() { echo "wine-smoke: FAIL: $*" >&2; [ -f "${tmp:-}/wine.log" ] && tail -n 30 "$tmp/wine.log" | sed 's/^/  wine: /' >&2; exit 1; }

# 1. Imports: only DLLs that ship with Windows.
allowed="kernel32.dll user32.dll gdi32.dll opengl32.dll advapi32.dll shell32.dll ole32.dll oleaut32.dll winmm.dll ws2_32.dll ntdll.dll imm32.dll shcore.dll dwmapi.dll uxtheme.dll comdlg32.dll comctl32.dll version.dll setupapi.dll cfgmgr32.dll hid.dll bcrypt.dll crypt32.dll msvcrt.dll api-ms-win-core-synch-l1-2-0.dll userenv.dll powrprof.dll dinput8.dll xinput1_4.dll"
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | awk '/DLL Name:/ {print tolower($3)}' | sort -u)
[ -n "$dlls" ] || fail "no imports found in $exe"
for d in $dlls; do
  case " $allowed " in *" $d "*) ;; *) fail "imports a non-system DLL: $d" ;; esac
done
echo "wine-smoke: imports only system DLLs: $(echo $dlls | tr '\n' ' ')"

# 2. Subsystem: Windows GUI (2), not console (3).
subsystem=$(x86_64-w64-mingw32-objdump -p "$exe" | awk '/^Subsystem/ {print $2}')
[ "$subsystem" = "00000002" ] || fail "PE subsystem is $subsystem, want 00000002 (Windows GUI)"
echo "wine-smoke: subsystem Windows GUI"

# 2b. File properties: the version of FyneApp.toml (as VERSION.BUILD).
scripts/exe-version.sh "$exe" || fail "the file properties do not carry the version of FyneApp.toml"

# 3. Start it under Wine.
tmp=$(mktemp -d)
xvfb_pid=""
cleanup() {
  WINEPREFIX="$tmp/prefix" wineserver -k 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/lib-xvfb.sh"
start_xvfb "$tmp" 1366x900x24 || fail "Xvfb did not start within 30 s"
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

wineboot --init >"$tmp/wine.log" 2>&1 || fail "wineboot failed"
x86_64-w64-mingw32-gcc -O2 -shared -Wl,--kill-at -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" scripts/wine/bcryptprimitives_stub.c
wine "$exe" --db 'C:\revopsdx-smoke.db' >>"$tmp/wine.log" 2>&1 &

# Wait (up to 180 s: Wine's first start is slow) for the window to be mapped
# and viewable, not merely created.
win_id=$(scripts/wait-window.sh "$title" 180) || fail "no viewable window titled '$title' within 180 s"
colours=0
for _ in $(seq 1 120); do
  import -window "$win_id" "$out" 2>/dev/null || true
  colours=$(convert "$out" -format %k info: 2>/dev/null || echo 0)
  [ "$colours" -ge 50 ] && break
  sleep 0.5
done
[ "$colours" -ge 50 ] || fail "the window looks blank ($colours colours)"
echo "wine-smoke: ok: window drawn under Wine, $colours colours in $out"
