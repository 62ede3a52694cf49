# shellcheck shell=bash
# Stripe's API definition for the spec check (tests/Leeway.Tests/Billing/StripeSpecCheckTests.cs, which runs
# ../shared/stripe/stripe_spec_check.py over a traced `leeway eval`). Sourced by ./test.sh: fetches the npm package
# stripe@23.1.0 (npm pack + tar, no node_modules) and Debian's python3-jsonschema when missing (idempotent), and exports
# LEEWAY_STRIPE_TYPES (the package's esm/resources folder). Only functions and `return` here: an `exit` would end ./test.sh.

leeway_stripe_spec_dir="${LEEWAY_STRIPE_SPEC_DIR:-/tmp/leeway-stripe-spec}"
leeway_stripe_spec_version="23.1.0"

leeway_stripe_spec_install() {
  local types="${leeway_stripe_spec_dir}/package/esm/resources"
  if [ ! -f "${types}/Invoices.d.ts" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "stripe-spec.sh: npm is missing; the Stripe spec check will be skipped" >&2
    else
      mkdir -p "$leeway_stripe_spec_dir"
      ( cd "$leeway_stripe_spec_dir" \
        && npm pack "stripe@${leeway_stripe_spec_version}" --silent >/dev/null 2>&1 \
        && tar xzf "stripe-${leeway_stripe_spec_version}.tgz" ) \
        || echo "stripe-spec.sh: npm pack stripe@${leeway_stripe_spec_version} failed; the Stripe spec check will be skipped" >&2
    fi
  fi
  if ! python3 -c "import jsonschema" >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
    echo "stripe-spec.sh: installing python3-jsonschema" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-jsonschema >/dev/null \
      || echo "stripe-spec.sh: apt-get install python3-jsonschema failed; the Stripe spec check will fail" >&2
  fi
  if [ -f "${types}/Invoices.d.ts" ]; then
    LEEWAY_STRIPE_TYPES="$types"
    export LEEWAY_STRIPE_TYPES
  fi
}

leeway_stripe_spec_install
unset -f leeway_stripe_spec_install
