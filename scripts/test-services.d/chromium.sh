# Headless Chromium and its WebDriver for the browser tests (tests/Leeway.Tests/Browser). Sourced by ./test.sh:
# functions and return only, never exit. Installs Debian's packages when missing (idempotent) and exports where they are.
leeway_chromium_install() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium.sh: chromium/chromedriver missing and no apt-get; the browser tests will fail" >&2
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  echo "chromium.sh: installing chromium, chromium-driver and fonts" >&2
  $sudo apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation >/dev/null \
    || echo "chromium.sh: apt-get install chromium chromium-driver failed; the browser tests will fail" >&2
}

leeway_chromium_install
LEEWAY_CHROMIUM="$(command -v chromium || echo /usr/bin/chromium)"
LEEWAY_CHROMEDRIVER="$(command -v chromedriver || echo /usr/bin/chromedriver)"
export LEEWAY_CHROMIUM LEEWAY_CHROMEDRIVER
unset -f leeway_chromium_install
