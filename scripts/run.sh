#!/usr/bin/env bash
# Builds the release site and serves it on http://127.0.0.1:8080 (PORT to change it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HUTONG_NO_BROWSER=1 source "$ROOT/scripts/tools.sh"
cd "$ROOT"
trunk build --release
echo "Hutong is at http://127.0.0.1:${PORT:-8080}/  (Ctrl-C to stop)"
exec python3 -m http.server "${PORT:-8080}" --bind 127.0.0.1 --directory dist
