#!/usr/bin/env bash
# Packages RevOps Diagnostic with the fyne tool (installed at a pinned
# version with `go install`, not added to go.mod) into dist/, named with the
# version from FyneApp.toml, plus a SHA256SUMS file.
#   scripts/package.sh linux            dist/revopsdx-VERSION-linux-amd64.tar.xz
#   scripts/package.sh windows          dist/revopsdx-VERSION-windows-amd64.exe (mingw-w64 cross-build)
#   scripts/package.sh linux windows    both
# The fyne tool bumps Build in FyneApp.toml and may leave fyne_metadata_init.go
# behind; both are put back as they were on exit, even when interrupted.
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

backup=$(mktemp)
cp FyneApp.toml "$backup"
restore() { cp "$backup" FyneApp.toml; rm -f "$backup" fyne_metadata_init.go; }
trap restore EXIT
mkdir -p dist

for os in "${@:-linux}"; do
  case "$os" in
    linux)
      "$fyne" package -os linux --tags migrated_fynedo --release
      mv "RevOps Diagnostic.tar.xz" "dist/revopsdx-$version-linux-amd64.tar.xz"
      ;;
    windows)
      scripts/install-deps.sh windows
      CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 "$fyne" package -os windows --tags migrated_fynedo --release
      mv "RevOps Diagnostic.exe" "dist/revopsdx-$version-windows-amd64.exe"
      ;;
    *) echo "package: unknown target '$os' (linux, windows)" >&2; exit 2 ;;
  esac
  cp "$backup" FyneApp.toml
done

(cd dist && sha256sum -- revopsdx-"$version"-* > SHA256SUMS)
ls -l dist
