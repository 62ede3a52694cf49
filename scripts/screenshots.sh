#!/usr/bin/env bash
# Regenerates the screenshots in README.md and docs/web.md from the current code: starts `leeway serve` on its demo
# world (a free port, a temporary data folder), signs in as demo customers and as the demo staff account in headless
# Chromium (the one scripts/test-services.d/chromium.sh installs for the browser tests), saves PNGs at 1280x800 and
# 390x844 into docs/screenshots/ (scripts/screenshots.py says which), then stops the server and removes the folder.
# Usage: scripts/screenshots.sh [OUT_DIR]   (default docs/screenshots)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/docs/screenshots}"

# shellcheck source=test-services.d/chromium.sh
source "$here/scripts/test-services.d/chromium.sh"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
data="$(mktemp -d "${TMPDIR:-/tmp}/leeway-screenshots.XXXXXX")"
server=""
stop() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap stop EXIT

"$here/leeway" --help >/dev/null # builds first if a source changed, so the wait below is only for the start
"$here/leeway" serve --urls "http://127.0.0.1:$port" --data "$data" >"$data/serve.log" 2>&1 &
server=$!

# Ready once the demo's index answers (the world is seeded and the demo cases opened before the banner).
for _ in $(seq 1 300); do
  if grep -q "Leeway is running" "$data/serve.log" 2>/dev/null && curl -fsS -o /dev/null "http://127.0.0.1:$port/"; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$data/serve.log" >&2
    echo "screenshots.sh: leeway serve stopped before it was ready" >&2
    exit 1
  fi
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/" || { cat "$data/serve.log" >&2; echo "screenshots.sh: leeway serve did not answer in 300 s" >&2; exit 1; }

mkdir -p "$out"
# The folder holds exactly what this run writes: a shot no longer taken does not linger as a stale picture.
rm -f "$out"/*.png
python3 "$here/scripts/screenshots.py" "http://127.0.0.1:$port" "$out"
