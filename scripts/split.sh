#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): splits the release wasm into the first screen and the chunks
# loaded on demand (src/lazy.rs), before trunk moves its staging folder to dist/.
#
# Trunk 0.21 knows nothing of wasm splitting. The release build uses the `split` cargo profile
# (index.html), for which build.rs sets `cfg(hutong_split)` and links with `--emit-relocs`; trunk
# runs wasm-bindgen on that wasm as usual (its output is replaced here) and no wasm-opt
# (`data-wasm-opt="0"`; this script runs it on every part). Here, on the linker's own output:
#   1. wasm-split-cli: the main module, one `split_<name>.wasm` per chunk (plus `chunk_<n>.wasm`
#      for code two chunks share) and `__wasm_split.js`, the loader the main module imports;
#   2. wasm-bindgen --keep-lld-exports on the main module (the chunks link to its exports);
#   3. wasm-opt -Oz on every wasm file (with --converge and --low-memory-unused: see below).
# Debug builds (`trunk serve`, `trunk build`) are one module: nothing to do.
set -euo pipefail

if [ "${TRUNK_PROFILE:-}" != "release" ]; then
  exit 0
fi
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME=hutong
say() { printf '\033[1m[split]\033[0m %s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null || { say "$1 is not on PATH: source scripts/tools.sh"; exit 1; }; }
need wasm-split-cli
need wasm-bindgen
need wasm-opt
need terser

TARGET_DIR="$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
INPUT="$TARGET_DIR/wasm32-unknown-unknown/split/$NAME.wasm"
WORK="$TARGET_DIR/wasm-split"

if [ ! -f "$INPUT" ]; then
  say "no $INPUT: is index.html's data-cargo-profile-release still \"split\"?"
  exit 1
fi
# A wasm without split points was not built with cfg(hutong_split) (build.rs): refuse to ship it
# as if it were split.
if ! grep -q "__wasm_split_unstable" "$INPUT"; then
  say "$INPUT has no split points (built without cfg(hutong_split)?)"
  exit 1
fi

rm -rf "$WORK"
mkdir -p "$WORK/bindgen"
say "splitting $INPUT"
wasm-split-cli "$INPUT" "$WORK" --out-name "$NAME"
# wasm-bindgen of the main module only. The chunks import memory, table and functions from it by
# the names the linker gave them, hence --keep-lld-exports (and no demangling of those names).
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$WORK/bindgen" --out-name "$NAME" "$WORK/$NAME.wasm"

# The JS glue, minified (trunk's `minify` does not reach files this hook writes): about 2.5 KB
# gzip off the first load.
terser "$WORK/bindgen/$NAME.js" --module --compress --mangle -o "$TRUNK_STAGING_DIR/$NAME.js"
# A part's shared chunks are fetched one per task, not all in one: starting some twenty fetches
# at once is a long task on a slow phone (issue 14; the fetches still run side by side).
python3 - "$WORK/__wasm_split.js" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
old = "const parallelStuff = deps.map(d => d());"
new = ("const parallelStuff = [];\n"
       "        for (const d of deps) { parallelStuff.push(d()); await new Promise((r) => setTimeout(r, 0)); }")
if text.count(old) != 1:
    sys.exit("split.sh: __wasm_split.js no longer starts its chunks with `" + old + "`")
open(path, "w", encoding="utf-8").write(text.replace(old, new))
PY
terser "$WORK/__wasm_split.js" --module --compress --mangle -o "$TRUNK_STAGING_DIR/__wasm_split.js"
# The stylesheets the page adds after the first screen (parts.css, print.css) are copied by trunk
# as they are; minified here as trunk minifies main.css: comments out, runs of white space one.
for css in parts.css print.css; do
  python3 - "$TRUNK_STAGING_DIR/$css" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
text = re.sub(r"\s+", " ", text)
text = re.sub(r"\s*([{};,])\s*", r"\1", text).replace(";}", "}")
text = re.sub(r":\s+", ":", text)
open(path, "w", encoding="utf-8").write(text.strip() + "\n")
PY
done
# HUTONG_WASM_NAMES=1 keeps the functions' names (wasm-opt -g), for a profile that names them
# (tests/perf/probe_interaction.mjs with PROFILE=1); never for the shipped build (it is larger).
KEEP_NAMES=()
if [ "${HUTONG_WASM_NAMES:-0}" = 1 ]; then KEEP_NAMES=(-g); say "keeping function names"; fi
# -Oz until nothing more changes (--converge: 72 B gzip off the first module), and
# --low-memory-unused: Rust's wasm32 target lays the 1 MiB stack out first, below the data (which
# starts at 1 MiB), so an address under 1 KiB is only ever the bottom of a stack about to
# overflow; wasm-opt may then fold a pointer's constant offsets into its loads and stores (500 B
# gzip off the first module).
OPT=(-Oz --converge --low-memory-unused)
wasm-opt "${OPT[@]}" "${KEEP_NAMES[@]}" "$WORK/bindgen/${NAME}_bg.wasm" -o "$TRUNK_STAGING_DIR/${NAME}_bg.wasm" &
for part in "$WORK"/split_*.wasm "$WORK"/chunk_*.wasm; do
  [ -e "$part" ] || continue
  wasm-opt "${OPT[@]}" "${KEEP_NAMES[@]}" "$part" -o "$TRUNK_STAGING_DIR/$(basename "$part")"
done
wait
# The service worker precaches the parts too (web/sw.js).
parts="$(cd "$TRUNK_STAGING_DIR" && ls __wasm_split.js split_*.wasm chunk_*.wasm 2>/dev/null | sed "s|.*|'./&'|" | paste -sd, -)"
sed -i "s|^const PARTS = \[\];|const PARTS = [$parts];|" "$TRUNK_STAGING_DIR/sw.js"
grep -qF "const PARTS = ['./__wasm_split.js'," "$TRUNK_STAGING_DIR/sw.js" || { say "sw.js: could not list the parts"; exit 1; }
say "parts (bytes, gzip -9):"
for f in "$TRUNK_STAGING_DIR/${NAME}_bg.wasm" "$TRUNK_STAGING_DIR"/split_*.wasm "$TRUNK_STAGING_DIR"/chunk_*.wasm; do
  [ -e "$f" ] || continue
  printf '  %-28s %9d %9d\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
