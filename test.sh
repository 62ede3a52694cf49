#!/usr/bin/env bash
# Installs what the tests need and is missing (idempotent), starts the servers they use, builds, runs every test.
# Each file in scripts/test-services.d/ installs and starts one kind of server and exports where it listens.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Hundreds of test hosts start in one process: with file watchers each takes an inotify instance, and the user limit
# (often 128) runs out on a busy machine. Tests never edit configuration while a host runs, so nothing is lost.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true

for service in scripts/test-services.d/*.sh; do
  [ -e "$service" ] || continue
  # shellcheck source=/dev/null
  source "$service"
done

dotnet build Leeway.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
# LEEWAY_TEST_FILTER narrows the run (dotnet test --filter syntax) when working on one capability.
filter="${LEEWAY_TEST_FILTER:-}"
results="$(mktemp -d)"
status=0
for project in tests/*/; do
  dotnet test "$project" -c Release --no-build -nologo ${filter:+--filter "$filter"} --logger "trx;LogFileName=results.trx" --results-directory "$results/$(basename "$project")" || status=1
done
python3 scripts/summarize-trx.py "$results"
exit $status
