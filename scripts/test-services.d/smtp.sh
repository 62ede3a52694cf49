# shellcheck shell=bash
# Sourced by ./test.sh: a real SMTP server for the nudge e-mail tests (Debian's python3-aiosmtpd), which saves every
# message it receives as an .eml file so tests can read what was sent.
# Exports LEEWAY_SMTP_HOST, LEEWAY_SMTP_PORT and LEEWAY_SMTP_DIR (where messages land).
# Sourced, so it uses functions and `return`, never `exit`. Idempotent: installs only what is missing and reuses a
# server that is already listening.

leeway_smtp_python=/usr/bin/python3

leeway_smtp_install() {
  if "$leeway_smtp_python" -c 'import aiosmtpd' 2>/dev/null; then
    return 0
  fi
  echo "smtp: installing python3-aiosmtpd" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null || return 1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-aiosmtpd >/dev/null || return 1
  "$leeway_smtp_python" -c 'import aiosmtpd' 2>/dev/null
}

leeway_smtp_running() {
  [ -n "${LEEWAY_SMTP_PORT:-}" ] && [ -n "${LEEWAY_SMTP_DIR:-}" ] && [ -d "$LEEWAY_SMTP_DIR" ] \
    && "$leeway_smtp_python" -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$LEEWAY_SMTP_PORT" 2>/dev/null
}

leeway_smtp_start() {
  local dir port_file
  dir="$(mktemp -d "${TMPDIR:-/tmp}/leeway-smtp.XXXXXX")" || return 1
  port_file="$dir.port"
  # Binds port 0 (the OS picks a free one) and writes the port to a file; exits when the shell that started it is gone.
  "$leeway_smtp_python" - "$dir" "$port_file" "$$" >"$dir.log" 2>&1 <<'PY' &
import asyncio, itertools, os, sys, time
from aiosmtpd.smtp import SMTP

folder, port_file, watched = sys.argv[1], sys.argv[2], int(sys.argv[3])
counter = itertools.count(1)

class SaveToFolder:
    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{next(counter):06d}"
        temporary = os.path.join(folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(temporary, os.path.join(folder, name + ".eml"))  # readers never see half a message
        return "250 Message accepted for delivery"

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(SaveToFolder(), hostname="leeway-test-smtp"), "127.0.0.1", 0)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.sockets[0].getsockname()[1]))
    os.replace(port_file + ".tmp", port_file)
    while True:
        await asyncio.sleep(1)
        try:
            os.kill(watched, 0)
        except ProcessLookupError:
            return

asyncio.run(main())
PY
  local tries=0
  while [ ! -s "$port_file" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
      echo "smtp: the test SMTP server did not start (see $dir.log)" >&2
      return 1
    fi
    sleep 0.1
  done
  export LEEWAY_SMTP_HOST=127.0.0.1
  LEEWAY_SMTP_PORT="$(cat "$port_file")"
  export LEEWAY_SMTP_PORT
  export LEEWAY_SMTP_DIR="$dir"
  echo "smtp: test SMTP server on $LEEWAY_SMTP_HOST:$LEEWAY_SMTP_PORT, messages in $LEEWAY_SMTP_DIR" >&2
}

leeway_smtp_main() {
  leeway_smtp_running && return 0
  leeway_smtp_install || { echo "smtp: could not install python3-aiosmtpd" >&2; return 1; }
  leeway_smtp_start
}

leeway_smtp_main
