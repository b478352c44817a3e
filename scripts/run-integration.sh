#!/usr/bin/env bash
# Runs the integration project. The server-outage fault test spends over two minutes waiting for
# a server that is down on purpose, so it runs beside the other files (in its own vitest process,
# with its own PostgreSQL cluster) instead of after them; its output is printed once the rest
# has finished, so the two logs never interleave. Extra arguments go to both runs.
set -uo pipefail
cd "$(dirname "$0")/.."
outage=test/integration/fault-server-outage.test.ts
log=$(mktemp)
trap 'rm -f "$log"' EXIT

npx vitest run --project integration "$outage" "$@" >"$log" 2>&1 &
outage_pid=$!
npx vitest run --project integration --exclude "$outage" "$@"
rest=$?
wait "$outage_pid"
alone=$?
echo
echo "=== integration: $outage (ran beside the rest) ==="
cat "$log"
exit $(( rest != 0 || alone != 0 ))
