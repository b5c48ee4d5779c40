#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests that run the emitted SQL on a real server (tests/…/Postgres).
#
#   eval "$(bash .ci/postgres.sh start)"   # prints export lines: RETURNMONITOR_POSTGRES (an Npgsql connection string)
#                                           # and RETURNMONITOR_POSTGRES_DIR (the cluster's folder)
#   bash .ci/postgres.sh stop "$RETURNMONITOR_POSTGRES_DIR"
#
# The cluster lives in a fresh temporary folder, listens on 127.0.0.1 only, on a free port, with a Unix socket in that
# folder (not /var/run), trust authentication for the local user 'returnmonitor' (no password exists, so none can
# leak). Installs Debian's `postgresql` when no server binaries are found. initdb refuses to run as root, so as root
# the server runs as the `postgres` user the package creates. Messages go to stderr; only the export lines to stdout.
set -euo pipefail

start() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "installing postgresql (Debian package)…" >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi

  local dir port
  dir="$(mktemp -d /tmp/returnmonitor-pg.XXXXXX)"
  # A free port: the kernel picks one for a socket bound to port 0; the tiny race until the server binds it is harmless
  # on a CI machine, and pg_ctl's failure would say so.
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U returnmonitor --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "PostgreSQL $("$bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$port ($dir)" >&2
  echo "export RETURNMONITOR_POSTGRES='Host=127.0.0.1;Port=$port;Username=returnmonitor;Database=postgres'"
  echo "export RETURNMONITOR_POSTGRES_DIR='$dir'"
}

stop() {
  local dir="${1:?usage: postgres.sh stop DIR}"
  case "$dir" in /tmp/returnmonitor-pg.*) ;; *) echo "not a cluster folder of this script: $dir" >&2; exit 1 ;; esac
  local bin run=()
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
