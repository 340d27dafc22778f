#!/usr/bin/env bash
# Installs the system packages RevOps Diagnostic needs, only when missing.
#   scripts/install-deps.sh build        C toolchain and the X11/Wayland/OpenGL headers Fyne links against
#   scripts/install-deps.sh build test   plus Xvfb, xdotool, ImageMagick, poppler and sqlite3 for GUI, report and benchmark tests,
#                                        Chromium (the HTML form in a real browser), openpyxl (the XLSX form filled by another library)
#                                        and python-docx (the Word report read by another library)
#   scripts/install-deps.sh windows      the mingw-w64 cross-compiler for the Windows build
#   scripts/install-deps.sh wine         Wine and Xvfb to start the Windows build for real
# On Debian/Ubuntu it uses apt-get (as root, or through sudo); elsewhere it
# prints what to install and stops.
set -euo pipefail

build_pkgs="gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev"
test_pkgs="xvfb xauth x11-utils xdotool imagemagick poppler-utils sqlite3 chromium python3-openpyxl python3-docx"
windows_pkgs="gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64"
wine_pkgs="wine wine64 xvfb xauth x11-utils imagemagick"

want=""
for set in "$@"; do
  case "$set" in
    build) want="$want $build_pkgs" ;;
    test) want="$want $test_pkgs" ;;
    windows) want="$want $windows_pkgs" ;;
    wine) want="$want $wine_pkgs" ;;
    *) echo "install-deps: unknown set '$set' (use build, test, windows, wine)" >&2; exit 2 ;;
  esac
done

if ! command -v go >/dev/null 2>&1; then
  echo "install-deps: Go 1.26 or newer is needed: https://go.dev/dl/" >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: this is not a Debian/Ubuntu system; install the equivalents of:" >&2
  echo "  $want" >&2
  echo "(macOS: Xcode command-line tools are enough to build; see README.md)" >&2
  exit 1
fi

missing=""
for p in $want; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "install-deps: not root and no sudo; run as root: apt-get install -y$missing" >&2
  exit 1
fi
# sudo resets the environment (env_reset), so an exported DEBIAN_FRONTEND
# would not reach apt-get: pass it through env on the command itself.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
