#!/usr/bin/env bash
# Packages RevOps Diagnostic with the fyne tool (installed at a pinned
# version with `go install`, not added to go.mod).
#   scripts/package.sh linux
set -euo pipefail
cd "$(dirname "$0")/.."
FYNE_TOOLS_VERSION=v1.7.4
os=${1:-linux}
gobin=$(go env GOPATH)/bin
if [ ! -x "$gobin/fyne" ] || ! "$gobin/fyne" version 2>/dev/null | grep -q "${FYNE_TOOLS_VERSION#v}"; then
  go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
fi
version=$(awk -F'"' '/^[[:space:]]*Version[[:space:]]*=/ {print $2; exit}' FyneApp.toml)
mkdir -p dist
backup=$(mktemp)
cp FyneApp.toml "$backup"
trap 'cp "$backup" FyneApp.toml; rm -f "$backup" fyne_metadata_init.go' EXIT
case "$os" in
  linux)
    "$gobin/fyne" package -os linux -tags migrated_fynedo --release
    mv "RevOps Diagnostic.tar.xz" "dist/revopsdx-$version-linux-amd64.tar.xz"
    ;;
  *) echo "package: unsupported target $os (linux)" >&2; exit 2 ;;
esac
(cd dist && sha256sum -- *.tar.xz *.exe 2>/dev/null > SHA256SUMS || true)
ls -l dist
