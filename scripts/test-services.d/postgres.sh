# PostgreSQL for the storage tests that run on both databases (sourced by ./test.sh; idempotent).
# Installs Debian's server when missing, runs a throwaway cluster on 127.0.0.1:55432 with trust auth,
# and exports LEEWAY_TEST_POSTGRES (an admin connection string; each test creates its own database).
leeway_postgres() {
  local port=55432 dir=/tmp/leeway-postgres bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "test.sh: installing PostgreSQL (Debian package)..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || { echo "test.sh: could not install PostgreSQL" >&2; return 1; }
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
    if [ ! -f "$dir/PG_VERSION" ]; then
      rm -rf "$dir" && mkdir -p "$dir" && chown postgres "$dir"
      su postgres -s /bin/sh -c "$bin/initdb -D $dir -A trust -U postgres" >/dev/null || { echo "test.sh: initdb failed" >&2; return 1; }
    fi
    su postgres -s /bin/sh -c "$bin/pg_ctl -D $dir -l $dir/server.log -w -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null \
      || { echo "test.sh: PostgreSQL did not start (see $dir/server.log)" >&2; return 1; }
  fi
  export LEEWAY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}
leeway_postgres
