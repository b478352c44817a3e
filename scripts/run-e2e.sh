#!/usr/bin/env bash
# Runs the Playwright suite inside a private network namespace with only loopback up, so no test
# can reach anything but this machine. Falls back to the host network (Chromium still gets the
# resolver rule that blocks every lookup) where unshare is not permitted.
set -uo pipefail
cd "$(dirname "$0")/.."
cmd=(npx playwright test -c test/e2e/playwright.config.ts "$@")

# Screenshot baselines are made on a developer's machine of the same kind, never by CI.
if [[ -n "${CI:-}" ]]; then
  for arg in "$@"; do
    case "$arg" in
      -u | --update-snapshots | --update-snapshots=*)
        echo "e2e: CI never updates screenshot baselines (see docs/testing.md)" >&2
        exit 2
        ;;
    esac
  done
fi

if command -v unshare >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
  echo "e2e: running in a private network namespace (loopback only)"
  exec unshare -n bash -c 'ip link set lo up && exec "$@"' bash "${cmd[@]}"
fi
echo "e2e: unshare not permitted here; running on the host network with the resolver rule"
exec "${cmd[@]}"
