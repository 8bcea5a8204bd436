#!/usr/bin/env bash
# Tests scripts/backup.sh and scripts/restore.sh end to end, per engine: makes a shop with orders shipped, alerts
# raised and job runs recorded; backs it up (SQLite: while `zhanggui serve` runs on it); destroys it; restores it;
# and requires `zhanggui check` to pass and the counts (orders by state, stock, ledger, vouchers, alerts, job runs)
# to be the same as before.
#
#   scripts/test-backup.sh            SQLite, and PostgreSQL when ZHANGGUI_TEST_POSTGRES_URL is set
#   scripts/with-postgres.sh scripts/test-backup.sh     both, on a throwaway cluster (make test does this)
set -euo pipefail
. "$(dirname "$0")/zhanggui-tool.sh"
scripts=$repo_root/scripts
examples=$repo_root/docs/examples

work=$(mktemp -d "${TMPDIR:-/tmp}/zhanggui-backup-test.XXXXXX")
server_pid=""
pg_server=""
pg_name="backup_test_$$"
cleanup() {
    if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; fi
    if [ -n "$pg_server" ]; then psql -q "$pg_server" -c "DROP DATABASE IF EXISTS $pg_name WITH (FORCE)" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "test-backup: FAILED: $*" >&2
    exit 1
}

# make_shop DATABASE: a company with the example products, stock and orders run through the main job, a reorder
# point and one run of the scheduled jobs.
make_shop() {
    local db=$1
    "$zhanggui" init --db "$db" --name 备份测试 >/dev/null
    "$zhanggui" import products --db "$db" "$examples/products.csv" >/dev/null
    "$zhanggui" import stock --db "$db" "$examples/opening_stock.csv" >/dev/null
    "$zhanggui" import orders --db "$db" "$examples/orders.csv" >/dev/null || true
    "$zhanggui" review --db "$db" >/dev/null
    # The examples hold every order for a clerk; two are approved by hand so that stock, waybills and vouchers move.
    "$zhanggui" approve --db "$db" EX1001 >/dev/null
    "$zhanggui" approve --db "$db" EX1002 >/dev/null
    for step in allocate waybill ship; do "$zhanggui" "$step" --db "$db" >/dev/null; done
    "$zhanggui" reorder-point --db "$db" TEA-03 MAIN 1000 >/dev/null
    "$zhanggui" jobs --db "$db" --run >/dev/null
}

# counts DATABASE: what must survive the round trip, as text.
counts() {
    local db=$1
    "$zhanggui" check --db "$db"
    "$zhanggui" report --db "$db"
    "$zhanggui" orders --db "$db" --limit 1000
    "$zhanggui" alerts --db "$db" --all
    "$zhanggui" jobs --db "$db" --limit 1000
}

test_sqlite() {
    local db=$work/shop.sqlite backup=$work/shop.backup
    make_shop "$db"
    counts "$db" >"$work/sqlite.before"
    grep -q "check passed" "$work/sqlite.before" || fail "the SQLite shop does not pass its check before the backup"

    # Back up while a server has the database open.
    "$zhanggui" serve --db "$db" --port 0 --no-scheduler >"$work/serve.out" 2>"$work/serve.log" &
    server_pid=$!
    for _ in $(seq 1 100); do
        grep -q "listening on" "$work/serve.out" 2>/dev/null && break
        sleep 0.1
    done
    grep -q "listening on" "$work/serve.out" || fail "the server did not start"
    "$scripts/backup.sh" "$db" "$backup"
    "$scripts/backup.sh" "$db" "$backup" 2>/dev/null && fail "a second backup overwrote the first"
    kill -TERM "$server_pid"
    wait "$server_pid" || fail "the server did not stop cleanly"
    server_pid=""

    rm -f "$db" "$db-wal" "$db-shm"
    "$scripts/restore.sh" "$backup" "$db"
    "$scripts/restore.sh" "$backup" "$db" 2>/dev/null && fail "a restore overwrote a database"
    "$zhanggui" check --db "$db" >/dev/null || fail "zhanggui check failed on the restored SQLite database"
    counts "$db" >"$work/sqlite.after"
    diff -u "$work/sqlite.before" "$work/sqlite.after" || fail "the restored SQLite database differs"
    echo "test-backup: SQLite backup, destroy, restore: check passed, counts equal"
}

test_postgres() {
    pg_server=$ZHANGGUI_TEST_POSTGRES_URL
    local db backup=$work/shop.dump
    db=$(printf '%s' "$pg_server" | sed -E "s#^([a-z]+://[^/]*)(/[^?]*)?#\1/$pg_name#")
    psql -q "$pg_server" -c "CREATE DATABASE $pg_name TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
    make_shop "$db"
    counts "$db" >"$work/pg.before"
    grep -q "check passed" "$work/pg.before" || fail "the PostgreSQL shop does not pass its check before the backup"

    "$scripts/backup.sh" "$db" "$backup"

    psql -q "$pg_server" -c "DROP DATABASE $pg_name WITH (FORCE)"
    psql -q "$pg_server" -c "CREATE DATABASE $pg_name TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
    "$scripts/restore.sh" "$backup" "$db"
    "$zhanggui" check --db "$db" >/dev/null || fail "zhanggui check failed on the restored PostgreSQL database"
    counts "$db" >"$work/pg.after"
    diff -u "$work/pg.before" "$work/pg.after" || fail "the restored PostgreSQL database differs"
    echo "test-backup: PostgreSQL backup, destroy, restore: check passed, counts equal"
}

test_sqlite
if [ -n "${ZHANGGUI_TEST_POSTGRES_URL:-}" ]; then
    test_postgres
else
    echo "test-backup: PostgreSQL part skipped: ZHANGGUI_TEST_POSTGRES_URL is not set" \
        "(scripts/with-postgres.sh sets it)"
fi
