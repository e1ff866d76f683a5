#!/usr/bin/env bash
# Installs what building and testing Hutong needs, pinned, and only what is missing. Sourced by
# scripts/run.sh and scripts/test.sh; safe to run again (a second run takes seconds).
#   HUTONG_NO_BROWSER=1  skip Chromium and Firefox (serving needs neither).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$ROOT/tools/node_modules/.bin:$PATH"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Checked in CARGO_HOME itself, where cargo install puts them, so that a stray copy elsewhere on
# PATH is never taken for ours.
if [ "$("$CARGO_BIN/trunk" --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$("$CARGO_BIN/wasm-bindgen" --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lock names a crate version this registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-split-cli splits the release wasm (scripts/split.sh, the trunk post_build hook). 0.2.4 is
# the first that reads what wasm-bindgen 0.2.130's toolchain links.
WASM_SPLIT_VERSION="0.2.4"
# (it has no --version; cargo's list of installed packages says which one it is)
if [ ! -x "$CARGO_BIN/wasm-split-cli" ] || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# binaryen (wasm-opt 132), playwright-core, axe-core, puppeteer-core and lighthouse, pinned by
# tools/package-lock.json. Debian's binaryen (wasm-opt 108) produces wasm that Chromium rejects;
# never use it.
if [ ! -x "$ROOT/tools/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/tools/node_modules/playwright-core" ] ||
  [ ! -d "$ROOT/tools/node_modules/lighthouse" ] || [ ! -x "$ROOT/tools/node_modules/.bin/terser" ] ||
  [ ! -f "$ROOT/tools/node_modules/axe-core/axe.min.js" ] || [ ! -d "$ROOT/tools/node_modules/puppeteer-core" ]; then
  say "installing binaryen, terser, playwright-core, axe-core, puppeteer-core and lighthouse from the npm registry"
  npm ci --prefix "$ROOT/tools" --no-audit --no-fund --loglevel=error
fi

if [ -z "${HUTONG_NO_BROWSER:-}" ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi wqy || ! command -v pdftotext >/dev/null; }; then
  say "installing Debian's chromium, chromium-driver, a CJK font (for screenshots) and poppler-utils (the print tests read PDFs)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei poppler-utils >/dev/null
fi

# Firefox ESR for the Firefox end-to-end tests (tests/firefox/, WebDriver BiDi via puppeteer-core).
if [ -z "${HUTONG_NO_BROWSER:-}" ] && ! command -v firefox-esr >/dev/null; then
  say "installing Debian's firefox-esr"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq firefox-esr >/dev/null
fi
