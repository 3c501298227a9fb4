#!/usr/bin/env bash
# Checks that production depends on production code only: a clean clone of this checkout's HEAD,
# `npm ci --omit=dev`, then `npm start` (no seed, ports of its own) must serve /health.
# Prints "production-install: 1 passed, 0 failed" or "… 0 passed, 1 failed"; exit code follows.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
api_port=$((20000 + RANDOM % 20000))
bolt_port=$((api_port + 1))
log="$work/start.log"
pid=""

finish() {
  local ok=$1
  if [ -n "$pid" ]; then kill -- -"$pid" 2>/dev/null; sleep 3; kill -9 -- -"$pid" 2>/dev/null; fi
  if [ "$ok" = 1 ]; then echo "production-install: 1 passed, 0 failed"; rm -rf "$work"; exit 0; fi
  echo "--- last lines of npm start ---"; tail -20 "$log" 2>/dev/null
  echo "production-install: 0 passed, 1 failed"; exit 1
}

echo "Production install check: clean clone, npm ci --omit=dev, npm start, GET /health"
git clone -q "$repo" "$work/app" || finish 0
cd "$work/app" || finish 0
npm ci --omit=dev --no-audit --no-fund > "$work/npm.log" 2>&1 || { tail -20 "$work/npm.log"; finish 0; }
[ ! -d node_modules/jest ] || { echo "dev dependencies were installed"; finish 0; }
# A process group of its own, so Neo4j and the server stop together.
SEED_SCALE=none PORT=$api_port NEO4J_BOLT_PORT=$bolt_port NEO4J_DATA_DIR="$work/neo4j" \
  setsid npm start > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  sleep 5
  if curl -sf "http://127.0.0.1:$api_port/health" > /dev/null; then finish 1; fi
  kill -0 "$pid" 2>/dev/null || finish 0
done
finish 0
