# shellcheck shell=bash
# ICU (Debian's libicu) for real cultures: the product runs with InvariantGlobalization off so Lee can answer in the
# customer's language with amounts and dates written their way (docs/understanding.md). The .NET SDK uses ICU too, so a
# machine where `dotnet` runs usually has it; this installs it when missing. Sourced by ./test.sh: functions and
# `return` only, never `exit`. Idempotent.
leeway_icu_install() {
  if compgen -G '/usr/lib/*/libicuuc.so.*' >/dev/null || compgen -G '/usr/lib/libicuuc.so.*' >/dev/null; then
    return 0
  fi
  local sudo="" package
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "icu.sh: installing libicu (Debian package)" >&2
  $sudo apt-get update -qq >/dev/null || return 1
  package="$(apt-cache search --names-only '^libicu[0-9]+$' | awk '{print $1}' | sort -V | tail -n 1)"
  [ -n "$package" ] || { echo "icu.sh: no libicu package found; replies in other languages will fail" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null
}
leeway_icu_install || true
unset -f leeway_icu_install
