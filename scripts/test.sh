#!/usr/bin/env bash
# Runs every test: native (core and app logic, property tests), wasm-bindgen tests of the components
# in headless Chromium, and end-to-end tests that drive the built release site in Chromium (all of
# them, with axe-core and Lighthouse's accessibility checks) and in Firefox ESR (the core journeys).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/tools.sh"
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "what the first screen must not call (page/clippy.toml)"
# Only these lints, as errors: the first screen's crate calls no standard sort and no cos/sin.
cargo clippy -p hutong-page --target wasm32-unknown-unknown --all-targets -- -A clippy::all -D clippy::disallowed_methods

step "native tests"
cargo test --workspace

step "component tests (wasm-bindgen-test, headless Chromium)"
# The runner finds chromedriver on PATH and starts Chromium headless without a sandbox. It gives a
# whole test binary 20 s by default; the component tests take about 10 s in a debug build and
# overran that once on a busy 2-core machine (another build running), so allow 120 s.
WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
  cargo test --target wasm32-unknown-unknown --tests -p hutong

step "release build"
trunk build --release

step "end-to-end tests (built site in headless Chromium)"
node --test "$ROOT/tests/e2e/"

step "end-to-end tests in Firefox ESR (the core journeys, WebDriver BiDi)"
node --test "$ROOT/tests/firefox/"

step "first-load size (every file fetched before the first screen, gzip -9)"
# The budget is 150 KB (issue 14; BENCHMARKS.md says where the bytes go): the check fails above
# it, so the first load cannot creep back. Lower it as the first load shrinks, never raise it.
LIMIT_KB="${HUTONG_FIRST_LOAD_LIMIT_KB:-150}" node "$ROOT/tests/perf/firstload.mjs"
