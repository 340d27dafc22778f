#!/usr/bin/env bash
# Checks that a Windows build carries the app's version in its file
# properties: the VERSIONINFO strings FileVersion and ProductVersion and the
# fixed (binary) file and product versions must all be VERSION.BUILD, with
# Version and Build from FyneApp.toml (e.g. 0.1.0.1 for Version "0.1.0",
# Build = 1). Windows version numbers have four parts and the fyne tool always
# appends the build number (at least 1), so 0.1.0 shows as 0.1.0.1.
#   scripts/exe-version.sh APP.exe
# Needs x86_64-w64-mingw32-strings (binutils-mingw-w64, installed with the
# cross-compiler) or `strings`, and perl (perl-base, always on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:?usage: scripts/exe-version.sh APP.exe}
fail() { echo "exe-version: FAIL: $*" >&2; exit 1; }
[ -f "$exe" ] || fail "no such file: $exe"

field() { awk -F= -v k="$1" '/^[[:space:]]*\[/ {s=$0; gsub(/[][[:space:]]/, "", s)} s=="Details" && $1 ~ "^[[:space:]]*"k"[[:space:]]*$" {v=$2; gsub(/[[:space:]"]/, "", v); print v; exit}' FyneApp.toml; }
version=$(field Version)
build=$(field Build)
[ -n "$version" ] || fail "no Version in FyneApp.toml"
[ -n "$build" ] || build=1 # the fyne tool's default
want="$version.$build"

# StringFileInfo: UTF-16 key, then its value, as consecutive strings.
strings=$(command -v x86_64-w64-mingw32-strings || command -v strings) || fail "no strings tool (install binutils-mingw-w64-x86-64)"
strs=$("$strings" -el "$exe")
for key in FileVersion ProductVersion; do
  got=$(printf '%s\n' "$strs" | awk -v k="$key" 'prev==k {print; exit} {prev=$0}')
  [ "$got" = "$want" ] || fail "$exe: $key string is '${got:-missing}', want '$want' (FyneApp.toml Version $version, Build $build)"
done

# VS_FIXEDFILEINFO: signature 0xFEEF04BD, struct version, then the file and
# product versions as two 32-bit little-endian words each (major<<16|minor,
# patch<<16|build).
fixed=$(perl -0777 -ne 'if (/\xBD\x04\xEF\xFE.{4}(.{4})(.{4})(.{4})(.{4})/s) {
  my ($fms, $fls, $pms, $pls) = map { unpack "V", $_ } ($1, $2, $3, $4);
  printf "%d.%d.%d.%d %d.%d.%d.%d\n", $fms >> 16, $fms & 0xffff, $fls >> 16, $fls & 0xffff,
    $pms >> 16, $pms & 0xffff, $pls >> 16, $pls & 0xffff }' "$exe")
[ "$fixed" = "$want $want" ] || fail "$exe: fixed file and product versions are '${fixed:-missing}', want '$want $want'"
echo "exe-version: $exe carries version $want (FyneApp.toml $version, build $build)"
