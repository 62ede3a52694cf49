# shellcheck shell=bash
# ClickHouse for the usage-source tests (tests/Leeway.Tests/Diagnostics/Sources/ClickHouseUsageSourceTests.cs).
# Sourced by ./test.sh: installs Debian's clickhouse-server and clickhouse-client (idempotent), starts the server in the
# background on 127.0.0.1 with its data under /tmp (no systemd; works as root on a fresh machine), waits until
# `SELECT 1` answers over HTTP and exports LEEWAY_CLICKHOUSE_URL. Does nothing when a server already answers.
# Only functions and `return` here: an `exit` would end ./test.sh.

leeway_clickhouse_http_port="${LEEWAY_CLICKHOUSE_HTTP_PORT:-8123}"
leeway_clickhouse_tcp_port="${LEEWAY_CLICKHOUSE_TCP_PORT:-19000}"
leeway_clickhouse_dir="${LEEWAY_CLICKHOUSE_DIR:-/tmp/leeway-clickhouse}"

leeway_clickhouse_answers() {
  local url="http://127.0.0.1:${leeway_clickhouse_http_port}/?query=SELECT%201"
  if command -v curl >/dev/null 2>&1; then
    [ "$(curl -fsS --max-time 2 "$url" 2>/dev/null)" = "1" ]
  else
    # No curl on this machine: speak HTTP/1.0 over bash's /dev/tcp.
    local reply
    reply="$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/${leeway_clickhouse_http_port} \
      && printf 'GET /?query=SELECT%%201 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3" 2>/dev/null)" || return 1
    [ "$(printf '%s' "$reply" | tail -n 1 | tr -d '\r\n')" = "1" ]
  fi
}

leeway_clickhouse_install() {
  if command -v clickhouse-server >/dev/null 2>&1 || [ -x /usr/sbin/clickhouse-server ]; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "clickhouse.sh: clickhouse-server is missing and this is not root (no sudo)" >&2; return 1; }
    sudo="sudo"
  fi
  echo "clickhouse.sh: installing clickhouse-server and clickhouse-client (Debian packages)" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
    && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clickhouse-server clickhouse-client >/dev/null
}

leeway_clickhouse_write_config() {
  mkdir -p "$leeway_clickhouse_dir"/{data,tmp,user_files,format_schemas,log}
  cat >"$leeway_clickhouse_dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>${leeway_clickhouse_dir}/log/clickhouse-server.log</log>
        <errorlog>${leeway_clickhouse_dir}/log/clickhouse-server.err.log</errorlog>
        <size>10M</size>
        <count>2</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>${leeway_clickhouse_http_port}</http_port>
    <tcp_port>${leeway_clickhouse_tcp_port}</tcp_port>
    <max_connections>256</max_connections>
    <keep_alive_timeout>3</keep_alive_timeout>
    <max_concurrent_queries>50</max_concurrent_queries>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <mark_cache_size>268435456</mark_cache_size>
    <path>${leeway_clickhouse_dir}/data/</path>
    <tmp_path>${leeway_clickhouse_dir}/tmp/</tmp_path>
    <user_files_path>${leeway_clickhouse_dir}/user_files/</user_files_path>
    <format_schema_path>${leeway_clickhouse_dir}/format_schemas/</format_schema_path>
    <users_config>/etc/clickhouse-server/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
</yandex>
XML
}

leeway_clickhouse_start() {
  if leeway_clickhouse_answers; then
    export LEEWAY_CLICKHOUSE_URL="http://127.0.0.1:${leeway_clickhouse_http_port}"
    return 0
  fi
  leeway_clickhouse_install || { echo "clickhouse.sh: could not install ClickHouse; its tests will be skipped" >&2; return 0; }
  leeway_clickhouse_write_config
  local server
  server="$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)"
  # setsid: the server outlives this script and ./test.sh's process group, like a service would.
  setsid "$server" --config-file="$leeway_clickhouse_dir/config.xml" \
    >>"$leeway_clickhouse_dir/log/stdout.log" 2>&1 </dev/null &
  echo $! >"$leeway_clickhouse_dir/server.pid"
  local waited=0
  until leeway_clickhouse_answers; do
    if [ "$waited" -ge 60 ]; then
      echo "clickhouse.sh: ClickHouse did not answer within 60 s (see $leeway_clickhouse_dir/log); its tests will be skipped" >&2
      return 0
    fi
    sleep 1
    waited=$((waited + 1))
  done
  export LEEWAY_CLICKHOUSE_URL="http://127.0.0.1:${leeway_clickhouse_http_port}"
  echo "clickhouse.sh: ClickHouse answers at $LEEWAY_CLICKHOUSE_URL" >&2
}

leeway_clickhouse_start
