#!/usr/bin/env bash
# Runs the main-job benchmark (`zhanggui bench --orders N`) on SQLite and on PostgreSQL side by side and prints the
# end-to-end seconds of each run, the median per engine, and the ratio PostgreSQL ÷ SQLite.
#
#   scripts/bench-engines.sh [ORDERS]        default 20000; BENCH_RUNS=3 runs each engine three times
#
# PostgreSQL is the server ZHANGGUI_TEST_POSTGRES_URL names (each run gets a new empty database there, dropped
# afterwards); without it the script runs itself again under scripts/with-postgres.sh, on a throwaway local cluster.
# Uses the release build unless ZHANGGUI names another tool.
set -euo pipefail
orders=${1:-20000}
runs=${BENCH_RUNS:-1}
here=$(cd "$(dirname "$0")" && pwd)
repo_root=$(cd "$here/.." && pwd)
zhanggui=${ZHANGGUI:-$repo_root/.build/release/zhanggui}

if [ -z "${ZHANGGUI_TEST_POSTGRES_URL:-}" ]; then
    exec "$here/with-postgres.sh" "$0" "$@"
fi
if [ ! -x "$zhanggui" ]; then
    echo "bench-engines: no tool at $zhanggui (swift build -c release)" >&2
    exit 1
fi
server=$ZHANGGUI_TEST_POSTGRES_URL
work=$(mktemp -d "${TMPDIR:-/tmp}/zhanggui-bench-engines.XXXXXX")
database=""
cleanup() {
    if [ -n "$database" ]; then psql -q "$server" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# seconds LOG: the end-to-end seconds (import → ship) a bench run printed.
seconds() {
    sed -n 's/^end to end (import → ship): \([0-9.]*\) s.*/\1/p' "$1"
}

# median NUMBER...: the middle value (the mean of the two middle ones for an even count).
median() {
    printf '%s\n' "$@" | sort -g |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

sqlite_times=()
postgres_times=()
for run in $(seq 1 "$runs"); do
    "$zhanggui" bench --orders "$orders" --dir "$work/sqlite-$run" >"$work/sqlite-$run.log"
    sqlite_times+=("$(seconds "$work/sqlite-$run.log")")
    rm -rf "$work/sqlite-$run"

    database="bench_$$_$run"
    psql -q "$server" -c "CREATE DATABASE $database TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
    url=$(printf '%s' "$server" | sed -E "s#^([a-z]+://[^/]*)(/[^?]*)?#\1/$database#")
    "$zhanggui" bench --orders "$orders" --dir "$work/postgres-$run" --db "$url" >"$work/postgres-$run.log"
    postgres_times+=("$(seconds "$work/postgres-$run.log")")
    psql -q "$server" -c "DROP DATABASE $database WITH (FORCE)"
    database=""
    rm -rf "$work/postgres-$run"
    echo "run $run of $runs: SQLite ${sqlite_times[-1]} s, PostgreSQL ${postgres_times[-1]} s" >&2
done

echo
echo "main job, $orders synthetic orders, end to end (import → ship), $runs run(s) per engine:"
for engine in SQLite PostgreSQL; do
    if [ "$engine" = SQLite ]; then times=("${sqlite_times[@]}"); else times=("${postgres_times[@]}"); fi
    middle=$(median "${times[@]}")
    rate=$(awk -v n="$orders" -v s="$middle" 'BEGIN { printf "%d", n / s }')
    printf '  %-10s median %7.2f s  %6s orders/s   runs: %s\n' "$engine" "$middle" "$rate" "${times[*]}"
done
sqlite_median=$(median "${sqlite_times[@]}")
postgres_median=$(median "${postgres_times[@]}")
awk -v p="$postgres_median" -v s="$sqlite_median" \
    'BEGIN { printf "  ratio PostgreSQL / SQLite: %.1f (PostgreSQL takes %.1f times as long)\n", p / s, p / s }'
echo
echo "per step, last run of each engine:"
paste -d '|' <(sed -n '/^  step/,/^  check/p' "$work/sqlite-$runs.log") \
    <(sed -n '/^  step/,/^  check/p' "$work/postgres-$runs.log") | sed 's/|/   ||/'
