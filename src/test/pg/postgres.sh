#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL tests (site/TwoInstancesIT and others):
#   src/test/pg/postgres.sh start   # prints the JDBC URL of an empty database "news"
#   src/test/pg/postgres.sh halt    # an outage: the server dies at once (as on a crash), data kept
#   src/test/pg/postgres.sh resume  # the server is back, with its data
#   src/test/pg/postgres.sh stop    # stopped and deleted
# PG_PORT chooses the port (55432 by default), so that several can run.
# Needs Debian's postgresql package (.ci/run installs it). Data lives in /tmp/icaro-pg-$PG_PORT and is
# deleted by stop. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
set -euo pipefail
port=${PG_PORT:-55432}
dir=/tmp/icaro-pg-$port
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE news"
    echo "jdbc:postgresql://127.0.0.1:$port/news"
    ;;
  halt)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
    ;;
  resume)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|halt|resume|stop" >&2
    exit 2
    ;;
esac
