#!/usr/bin/env bash
# Installs what Kindred needs on a Debian 12 machine, and nothing that is already there.
# Idempotent: a second run with everything present makes no network calls.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  emscripten              # em++ (clang-14, lld, binaryen) for the wasm build
  clang-14 libclang-rt-14-dev  # ASan, UBSan and libFuzzer runtimes: sanitize and fuzz presets
  nlohmann-json3-dev      # JSON in the core
  libgtest-dev googletest # GoogleTest for the native suite
  libcpp-httplib-dev      # reference backend HTTP server
  libsqlite3-dev          # reference backend storage
  libssl-dev              # HMAC for member tokens
  tzdata                  # /usr/share/zoneinfo: members' local days for daily games
  chromium                # browser tests and bench (driven by playwright-core)
  fonts-ipafont-gothic    # Japanese glyphs, so the ja screenshots show text, not boxes (3.5 MB; Noto CJK is 56 MB)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# node_modules is current when it was installed from this exact lock file.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.kindred-lock-stamp 2>/dev/null; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.kindred-lock-stamp
fi
