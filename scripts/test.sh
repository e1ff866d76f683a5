#!/usr/bin/env bash
# Runs every test: native (core and app logic, property tests), wasm-bindgen tests of the components
# in headless Chromium, and end-to-end tests that drive the built release site in Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/tools.sh"
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "native tests"
cargo test --workspace

step "component tests (wasm-bindgen-test, headless Chromium)"
# The runner finds chromedriver on PATH and starts Chromium headless without a sandbox.
cargo test --target wasm32-unknown-unknown --tests -p hutong

step "release build"
trunk build --release

step "end-to-end tests (built site in headless Chromium)"
node --test "$ROOT/tests/e2e/"
