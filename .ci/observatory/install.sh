#!/usr/bin/env bash
# Installs Mozilla's HTTP Observatory scanner (npm @mdn/mdn-http-observatory) outside the repository, for the
# A+ check of the production jar (ObservatoryIT) and the deploy checkup. Idempotent: does nothing when the pinned
# version is already there. Install scripts are skipped (--ignore-scripts): they download the HSTS preload and TLD
# lists, which this machine cannot reach; an empty preload list stands in (we never claim to be preloaded).
set -euo pipefail

DIR="${PORTCULLIS_OBSERVATORY_DIR:-/opt/portcullis-observatory}"
VERSION="1.4.8"
PKG="$DIR/node_modules/@mdn/mdn-http-observatory"

command -v npm >/dev/null 2>&1 || { echo "install.sh: npm is needed (Debian: apt-get install nodejs npm)" >&2; exit 1; }
mkdir -p "$DIR"
# Several engineers (and CI runs) share this machine: one installer at a time.
exec 9>"/tmp/portcullis-observatory-install.lock"
flock 9

if ! grep -q "\"version\": \"$VERSION\"" "$PKG/package.json" 2>/dev/null; then
  echo "Installing @mdn/mdn-http-observatory@$VERSION into $DIR"
  npm install --prefix "$DIR" --ignore-scripts --no-audit --no-fund --loglevel=error \
    "@mdn/mdn-http-observatory@$VERSION"
fi
[ -s "$PKG/conf/hsts-preload.json" ] || echo '{}' > "$PKG/conf/hsts-preload.json"
[ -s "$PKG/conf/tld-list.json" ] || echo '[]' > "$PKG/conf/tld-list.json"
echo "HTTP Observatory $VERSION ready: $(dirname "$0")/scan <host>"
