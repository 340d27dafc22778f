#!/usr/bin/env bash
# Packages RevOps Diagnostic with the fyne tool (installed at a pinned
# version with `go install`, not added to go.mod) into dist/, named with the
# version from FyneApp.toml, plus a SHA256SUMS file.
#   scripts/package.sh linux            dist/revopsdx-VERSION-linux-amd64.tar.xz
#   scripts/package.sh windows          dist/revopsdx-VERSION-windows-amd64.exe (mingw-w64 cross-build)
#   scripts/package.sh linux windows    both
# The fyne tool bumps Build in FyneApp.toml and may leave fyne_metadata_init.go
# behind; both are put back as they were on exit, even when interrupted.
# Each target's old output is removed before it is built, and SHA256SUMS
# lists exactly the files this run built (nothing left over from an earlier
# or interrupted run); it is written only when every target succeeded.
set -euo pipefail
cd "$(dirname "$0")/.."
FYNE_TOOLS_VERSION=v1.7.4
gobin=$(go env GOPATH)/bin
fyne="$gobin/fyne"
if [ ! -x "$fyne" ] || ! "$fyne" version 2>/dev/null | grep -q "${FYNE_TOOLS_VERSION#v}"; then
  go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
fi
version=$(awk -F'"' '/^[[:space:]]*Version[[:space:]]*=/ {print $2; exit}' FyneApp.toml)
[ -n "$version" ] || { echo "package: no Version in FyneApp.toml" >&2; exit 1; }

for os in "${@:-linux}"; do
  case "$os" in linux | windows) ;; *) echo "package: unknown target '$os' (linux, windows)" >&2; exit 2 ;; esac
done

backup=$(mktemp)
cp FyneApp.toml "$backup"
restore() { cp "$backup" FyneApp.toml; rm -f "$backup" fyne_metadata_init.go "RevOps Diagnostic.tar.xz" "RevOps Diagnostic.exe"; }
trap restore EXIT
mkdir -p dist
# A SHA256SUMS from an earlier run must not outlive the files it lists.
rm -f dist/SHA256SUMS

built=()
for os in "${@:-linux}"; do
  case "$os" in
    linux)
      fyne_out="RevOps Diagnostic.tar.xz"
      file="revopsdx-$version-linux-amd64.tar.xz"
      ;;
    windows)
      fyne_out="RevOps Diagnostic.exe"
      file="revopsdx-$version-windows-amd64.exe"
      ;;
  esac
  rm -f "$fyne_out" "dist/$file"
  case "$os" in
    linux) "$fyne" package -os linux --tags migrated_fynedo --release ;;
    windows)
      scripts/install-deps.sh windows
      CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 "$fyne" package -os windows --tags migrated_fynedo --release
      ;;
  esac
  mv "$fyne_out" "dist/$file"
  cp "$backup" FyneApp.toml
  built+=("$file")
done

(cd dist && sha256sum -- "${built[@]}" > SHA256SUMS)
cat dist/SHA256SUMS
ls -l dist
