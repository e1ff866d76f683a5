#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): writes the events' long texts (texts.bin, fetched by the
# split build: page/src/texts.rs), and draws the sharing preview (preview.png, the platform network
# in 2014 beside 2024 from the real model) and the manifest's PNG icons, into trunk's staging
# folder, with a small native program (the `hutong-assets` crate, assets/, tiny-skia). No browser, no fonts, and
# the wasm is untouched. Runs for every build, so that the files the page and the service worker
# name always exist.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cargo run --quiet --manifest-path "$ROOT/Cargo.toml" -p hutong-assets -- "$TRUNK_STAGING_DIR"
printf '\033[1m[assets]\033[0m wrote preview.png, icons and texts.bin (%s bytes)\n' \
  "$(cd "$TRUNK_STAGING_DIR" && stat -c %s preview.png icon-192.png icon-512.png texts.bin | paste -sd/ -)" >&2
