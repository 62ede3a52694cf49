# shellcheck shell=bash
# A real OpenID Connect provider (npm oidc-provider, run by Node.js) for the staff single sign-on tests
# (scripts/oidc-test-provider.mjs: a test client, a few accounts with a "groups" role claim, any password accepted).
# Sourced by ./test.sh: functions and return only, never exit. Idempotent: installs the pinned version once into a
# cache folder and reuses a provider that is already answering.
# Exports LEEWAY_OIDC_ISSUER (http://localhost:PORT) and LEEWAY_OIDC_LOG (one JSON line per authorization request).

leeway_oidc_version=9.13.3
leeway_oidc_dir="${XDG_CACHE_HOME:-$HOME/.cache}/leeway-test/oidc-provider-$leeway_oidc_version"
leeway_oidc_script="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/oidc-test-provider.mjs"

leeway_oidc_install() {
  if [ -s "$leeway_oidc_dir/node_modules/oidc-provider/lib/index.js" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "oidc.sh: npm missing; the staff single sign-on tests will fail" >&2
    return 1
  fi
  echo "oidc.sh: installing oidc-provider@$leeway_oidc_version" >&2
  mkdir -p "$leeway_oidc_dir" || return 1
  npm install --no-save --no-audit --no-fund --silent --prefix "$leeway_oidc_dir" "oidc-provider@$leeway_oidc_version" >/dev/null \
    || { echo "oidc.sh: npm install oidc-provider@$leeway_oidc_version failed" >&2; return 1; }
}

leeway_oidc_running() {
  [ -n "${LEEWAY_OIDC_ISSUER:-}" ] && [ -n "${LEEWAY_OIDC_LOG:-}" ] && [ -f "$LEEWAY_OIDC_LOG" ] \
    && curl -fsS -m 2 -o /dev/null "$LEEWAY_OIDC_ISSUER/.well-known/openid-configuration" 2>/dev/null
}

leeway_oidc_start() {
  local dir port_file tries=0
  dir="$(mktemp -d "${TMPDIR:-/tmp}/leeway-oidc.XXXXXX")" || return 1
  port_file="$dir/port"
  : >"$dir/authorizations.jsonl"
  # Binds a free port, writes it to a file, and exits when the shell that sourced this is gone.
  node "$leeway_oidc_script" "$leeway_oidc_dir" "$port_file" "$dir/authorizations.jsonl" "$$" >"$dir/provider.log" 2>&1 &
  while [ ! -s "$port_file" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 150 ]; then
      echo "oidc.sh: the test OpenID provider did not start (see $dir/provider.log)" >&2
      return 1
    fi
    sleep 0.1
  done
  export LEEWAY_OIDC_ISSUER="http://localhost:$(cat "$port_file")"
  export LEEWAY_OIDC_LOG="$dir/authorizations.jsonl"
  echo "oidc.sh: test OpenID provider at $LEEWAY_OIDC_ISSUER (log $dir/provider.log)" >&2
}

leeway_oidc_main() {
  leeway_oidc_running && return 0
  if ! command -v node >/dev/null 2>&1; then
    echo "oidc.sh: node missing; the staff single sign-on tests will fail" >&2
    return 1
  fi
  leeway_oidc_install || return 1
  leeway_oidc_start
}

leeway_oidc_main
unset -f leeway_oidc_install leeway_oidc_running leeway_oidc_start leeway_oidc_main
unset leeway_oidc_version leeway_oidc_dir leeway_oidc_script
