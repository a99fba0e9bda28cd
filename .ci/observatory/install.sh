#!/usr/bin/env bash
# Installs Mozilla's HTTP Observatory scanner (@mdn/mdn-http-observatory, npm) under a fixed directory outside the
# repository, for the checkup agreement test. Idempotent. Its install scripts are skipped (--ignore-scripts): they
# download the HSTS preload and TLD lists, which this network cannot reach; the lists shipped in the package are used,
# and the preload list is emptied so no host is scored as preloaded.
set -euo pipefail
DIR="${PORTCULLIS_OBSERVATORY_DIR:-/opt/portcullis-observatory}"
VERSION="${PORTCULLIS_OBSERVATORY_VERSION:-1.4.8}"
PKG="$DIR/node_modules/@mdn/mdn-http-observatory"
if [ -f "$PKG/package.json" ] && grep -q "\"version\": \"$VERSION\"" "$PKG/package.json"; then
  echo "HTTP Observatory $VERSION already installed in $DIR"
else
  mkdir -p "$DIR"
  (cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund "@mdn/mdn-http-observatory@$VERSION" >/dev/null)
  echo "Installed HTTP Observatory $VERSION in $DIR"
fi
mkdir -p "$PKG/conf"
echo '{}' > "$PKG/conf/hsts-preload.json"
