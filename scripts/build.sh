#!/usr/bin/env bash
# Builds everything into build/ and dist/: the native preset (core, tests,
# reference backend), the wasm preset (core + bindings), then dist/ with the
# shim bundled next to the wasm module (scripts/package_dist.mjs).
# With --tests (npm test) also the test-only presets: sanitize (the core's
# GoogleTest suite under ASan+UBSan) and wasm-tests (the same suite in wasm).
# Those two do not stop the build when they fail: build/<preset>/.kindred-built
# is removed first and written only on success, and scripts/run_tests.mjs
# counts a suite without it as failed, so the other suites still run.
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

if [ "${1:-}" = "--tests" ]; then
  for preset in sanitize wasm-tests; do
    rm -f "build/$preset/.kindred-built"
    if configure "$preset" && cmake --build --preset "$preset" -j "$jobs"; then
      touch "build/$preset/.kindred-built"
    else
      echo "build: the $preset preset failed to build; its suite will count as failed" >&2
    fi
  done
fi
