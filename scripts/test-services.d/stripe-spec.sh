# shellcheck shell=bash
# Stripe's API definition for the spec check (tests/Leeway.Tests/Billing/StripeSpecCheckTests.cs, which runs
# ../shared/stripe/stripe_spec_check.py over a traced `leeway eval`). Sourced by ./test.sh: fetches the npm package
# stripe@23.1.0 (npm pack + tar, no node_modules) and Debian's python3-jsonschema when missing (idempotent), and exports
# LEEWAY_STRIPE_TYPES (the package's esm/resources folder) and LEEWAY_STRIPE_PYTHON (the python3 to run the checker with).
# Only functions and `return` here: an `exit` would end ./test.sh.

leeway_stripe_spec_dir="${LEEWAY_STRIPE_SPEC_DIR:-/tmp/leeway-stripe-spec}"
leeway_stripe_spec_version="23.1.0"

leeway_stripe_spec_install() {
  local types="${leeway_stripe_spec_dir}/package/esm/resources"
  if [ ! -f "${types}/Invoices.d.ts" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "stripe-spec.sh: npm is missing; the Stripe spec check will fail (LEEWAY_STRIPE_TYPES unset)" >&2
    else
      mkdir -p "$leeway_stripe_spec_dir"
      ( cd "$leeway_stripe_spec_dir" \
        && npm pack "stripe@${leeway_stripe_spec_version}" --silent >/dev/null 2>&1 \
        && tar xzf "stripe-${leeway_stripe_spec_version}.tgz" ) \
        || echo "stripe-spec.sh: npm pack stripe@${leeway_stripe_spec_version} failed; the Stripe spec check will fail (LEEWAY_STRIPE_TYPES unset)" >&2
    fi
  fi
  # The checker runs on any python3; with python3-jsonschema it also validates each answer as JSON Schema. A python3 first
  # on PATH (pyenv's, say) may not see Debian's module: LEEWAY_STRIPE_PYTHON names one that does.
  local python=python3
  if ! python3 -c "import jsonschema" >/dev/null 2>&1; then
    if ! /usr/bin/python3 -c "import jsonschema" >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
      local sudo=""
      if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
      echo "stripe-spec.sh: installing python3-jsonschema" >&2
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-jsonschema >/dev/null 2>&1 \
        || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-jsonschema >/dev/null; } \
        || echo "stripe-spec.sh: apt-get install python3-jsonschema failed; the check runs without JSON Schema validation" >&2
    fi
    if /usr/bin/python3 -c "import jsonschema" >/dev/null 2>&1; then python=/usr/bin/python3; fi
  fi
  LEEWAY_STRIPE_PYTHON="$python"
  export LEEWAY_STRIPE_PYTHON
  if [ -f "${types}/Invoices.d.ts" ]; then
    LEEWAY_STRIPE_TYPES="$types"
    export LEEWAY_STRIPE_TYPES
  fi
}

leeway_stripe_spec_install
unset -f leeway_stripe_spec_install
