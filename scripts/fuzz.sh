#!/usr/bin/env bash
# Fuzzes the core with libFuzzer (tests/fuzz/ingest_fuzz.cpp: every ingest
# resource, the catalog query, play and redemption answers, outbox snapshots)
# under ASan+UBSan. Builds the fuzz preset (clang-14), seeds a temporary
# corpus from ../shared/corpora and demo/seed, and runs for FUZZ_SECONDS
# (default 60). Crashes are written to test-results/fuzz/; exits non-zero when
# libFuzzer finds one. Other settings: FUZZ_MAX_LEN (bytes, default 8192),
# FUZZ_ARGS (more libFuzzer flags), KINDRED_CORPORA (default ../shared/corpora).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
max_len=${FUZZ_MAX_LEN:-8192}
corpora=${KINDRED_CORPORA:-../shared/corpora}
[ -d "$corpora/json-test-suite/test_parsing" ] || { echo "fuzz: no corpora at $corpora" >&2; exit 2; }

[ -f build/fuzz/CMakeCache.txt ] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

work=$(mktemp -d "${TMPDIR:-/tmp}/kindred-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" test-results/fuzz
node tests/fuzz/seed_corpus.mjs "$corpora" demo/seed "$work/corpus"

status=0
# shellcheck disable=SC2086  # FUZZ_ARGS is a list of flags
build/fuzz/tests/fuzz/kindred_fuzz_ingest "$work/corpus" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
  -dict=tests/fuzz/ingest.dict -artifact_prefix=test-results/fuzz/ \
  -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$work/log" || status=$?

echo
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$work/log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzz: libFuzzer stopped with status $status; reproduce with:"
  echo "  build/fuzz/tests/fuzz/kindred_fuzz_ingest test-results/fuzz/<crash-file>"
  ls -1 test-results/fuzz/ 2>/dev/null | sed 's/^/  /'
else
  echo "fuzz: nothing found in ${seconds} s"
fi
exit "$status"
