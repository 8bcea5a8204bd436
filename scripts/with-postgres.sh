#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL cluster, then stops and removes the cluster (also when the command
# fails or the script is interrupted).
#
#   scripts/with-postgres.sh swift test
#
# The cluster lives in a fresh temporary folder, listens on 127.0.0.1 only, on a free port, trusts every connection
# (it holds nothing but test data, and lives only as long as the command), and is tuned for tests (no fsync). The
# command sees ZHANGGUI_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres and this script exits with the
# command's status.
#
# initdb and postgres refuse to run as root. Run as root (CI, containers), the server runs as the unprivileged
# system user zhanggui-pg, created when missing, in a folder under /tmp that user owns; the command itself still runs
# as the caller. A dedicated user rather than `nobody`, so that no other service's processes can touch the files.
set -euo pipefail

server_user=zhanggui-pg

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGUMENT...]" >&2
    exit 2
fi

bin_dir=${ZHANGGUI_PG_BIN:-}
if [ -z "$bin_dir" ]; then
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ]; then bin_dir=$candidate; break; fi
    done
fi
if [ -z "$bin_dir" ] || [ ! -x "$bin_dir/initdb" ]; then
    echo "with-postgres: no PostgreSQL server found (install Debian's postgresql, or set ZHANGGUI_PG_BIN)" >&2
    exit 1
fi

# as_server CMD...: runs CMD as the user that owns the cluster.
if [ "$(id -u)" = 0 ]; then
    if ! id "$server_user" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$server_user"
    fi
    as_server() { runuser -u "$server_user" -- "$@"; }
else
    as_server() { "$@"; }
fi

if [ "$(id -u)" = 0 ]; then
    folder=$(mktemp -d /tmp/zhanggui-pg.XXXXXX)
    chown "$server_user" "$folder"
else
    folder=$(mktemp -d "${TMPDIR:-/tmp}/zhanggui-pg.XXXXXX")
fi
chmod 700 "$folder"
data="$folder/data"

cleanup() {
    if [ -f "$data/postmaster.pid" ]; then
        as_server "$bin_dir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_server "$bin_dir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync \
    >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }

# A port nobody listens on; a race with another program is caught by the retry below.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "with-postgres: found no free port" >&2
    return 1
}

for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_server "$bin_dir/pg_ctl" -D "$data" -l "$folder/server.log" -w -t 60 -s \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$folder'" \
        -o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start; then
        break
    fi
    if [ "$attempt" = 5 ]; then
        cat "$folder/server.log" >&2
        echo "with-postgres: the server did not start" >&2
        exit 1
    fi
done

export ZHANGGUI_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin_dir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
# The command runs in the background so that a signal to this script is handled at once: it is passed on to the
# command, and the cluster goes when the command has ended.
"$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true' INT TERM
status=0
wait "$child" || status=$?
while kill -0 "$child" 2>/dev/null; do wait "$child" || status=$?; done
exit "$status"
