#!/usr/bin/env bash
# Runs the Playwright suite inside a private network namespace with only loopback up, so no test
# can reach anything but this machine. Falls back to the host network (Chromium still gets the
# resolver rule that blocks every lookup) where unshare is not permitted.
set -uo pipefail
cd "$(dirname "$0")/.."
cmd=(npx playwright test -c test/e2e/playwright.config.ts "$@")

if command -v unshare >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
  echo "e2e: running in a private network namespace (loopback only)"
  exec unshare -n bash -c 'ip link set lo up && exec "$@"' bash "${cmd[@]}"
fi
echo "e2e: unshare not permitted here; running on the host network with the resolver rule"
exec "${cmd[@]}"
