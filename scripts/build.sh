#!/usr/bin/env bash
# Builds everything into build/ and dist/: the native preset (core, tests,
# reference backend), the wasm preset (core + bindings), then dist/ with the
# shim bundled next to the wasm module (scripts/package_dist.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's emscripten runs its JS optimizer with acorn from node-acorn.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc)

configure() {  # only when the build folder is new; cmake re-runs itself after that
  [ -f "build/$1/CMakeCache.txt" ] || cmake --preset "$1" >/dev/null
}

configure native
cmake --build --preset native -j "$jobs"
configure wasm
cmake --build --preset wasm -j "$jobs"

node scripts/package_dist.mjs
