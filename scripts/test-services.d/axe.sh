# shellcheck shell=bash
# axe-core (npm), the accessibility engine the browser tests inject into every page state they visit
# (tests/Leeway.Tests/Browser/Axe.cs). Sourced by ./test.sh: functions and return only, never exit.
# Idempotent: installs the pinned version once into a cache folder and exports LEEWAY_AXE_JS (the path to axe.min.js).

leeway_axe_version=4.14.1
leeway_axe_dir="${XDG_CACHE_HOME:-$HOME/.cache}/leeway-test/axe-core-$leeway_axe_version"

leeway_axe_install() {
  if [ -s "$leeway_axe_dir/node_modules/axe-core/axe.min.js" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "axe.sh: npm missing; the browser tests' accessibility checks will fail" >&2
    return 1
  fi
  echo "axe.sh: installing axe-core@$leeway_axe_version" >&2
  mkdir -p "$leeway_axe_dir" || return 1
  npm install --no-save --no-audit --no-fund --silent --prefix "$leeway_axe_dir" "axe-core@$leeway_axe_version" >/dev/null \
    || { echo "axe.sh: npm install axe-core@$leeway_axe_version failed" >&2; return 1; }
}

if leeway_axe_install; then
  export LEEWAY_AXE_JS="$leeway_axe_dir/node_modules/axe-core/axe.min.js"
fi
unset -f leeway_axe_install
unset leeway_axe_version leeway_axe_dir
