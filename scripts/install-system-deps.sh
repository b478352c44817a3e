#!/usr/bin/env bash
# Installs the system packages Atiende's tests use on Debian/Ubuntu: Chromium (browser edition and
# e2e), Kamailio with WebSocket (SIP proxy), PostgreSQL (integration tests), sipp (a classic SIP
# peer), sox (distinct fake-audio tones per party), espeak-ng (the practice customer's voice: optional
# for the server, which then shows the lines as text only; the tests render with it) and
# iproute2/util-linux (private network namespace for e2e). Running the app needs none of them:
# `npm start` uses the embedded database.
set -euo pipefail

packages=(chromium kamailio kamailio-websocket-modules postgresql sip-tester sox espeak-ng iproute2 util-linux ca-certificates)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
