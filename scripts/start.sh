#!/usr/bin/env bash
# Serves the demo store, the widget (dist/) and the reference backend on one
# port, with a SQLite database seeded on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
mkdir -p build
echo "Demo store: http://127.0.0.1:${port}/  (Ctrl+C to stop)"
exec build/native/demo/server/kindred-server \
  --port "$port" --db build/kindred-demo.sqlite3 --seed demo/seed \
  --static /=demo/site --static /dist=dist
