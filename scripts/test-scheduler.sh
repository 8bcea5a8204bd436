#!/usr/bin/env bash
# Tests that scheduled jobs run exactly once per tick across server processes: two `zhanggui serve` processes on one
# PostgreSQL database, every job every 2 seconds, for about 9 seconds. Each process logs the runs it did; the
# script requires that no (job, tick) was run by both, that together they ran exactly the runs `job_runs` holds, that
# every run succeeded, and that there were at least three ticks.
#
#   scripts/with-postgres.sh scripts/test-scheduler.sh      (make test does this)
set -euo pipefail
. "$(dirname "$0")/zhanggui-tool.sh"

if [ -z "${ZHANGGUI_TEST_POSTGRES_URL:-}" ]; then
    echo "test-scheduler: skipped: ZHANGGUI_TEST_POSTGRES_URL is not set (scripts/with-postgres.sh sets it)"
    exit 0
fi
server=$ZHANGGUI_TEST_POSTGRES_URL
name="scheduler_test_$$"
db=$(printf '%s' "$server" | sed -E "s#^([a-z]+://[^/]*)(/[^?]*)?#\1/$name#")
work=$(mktemp -d "${TMPDIR:-/tmp}/zhanggui-scheduler-test.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    psql -q "$server" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "test-scheduler: FAILED: $*" >&2
    exit 1
}

psql -q "$server" -c "CREATE DATABASE $name TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
"$zhanggui" init --db "$db" --name 调度测试 >/dev/null
"$zhanggui" import products --db "$db" "$repo_root/docs/examples/products.csv" >/dev/null
"$zhanggui" import stock --db "$db" "$repo_root/docs/examples/opening_stock.csv" >/dev/null
"$zhanggui" reorder-point --db "$db" TEA-03 MAIN 1000 >/dev/null

for process in 1 2; do
    "$zhanggui" serve --db "$db" --port 0 --job-interval 2 >"$work/serve-$process.out" 2>"$work/serve-$process.log" &
    pids+=($!)
done
sleep 9
for pid in "${pids[@]}"; do
    kill -TERM "$pid"
    wait "$pid" || fail "a server did not stop cleanly"
done
pids=()

# runs LOG: "job tick outcome" for each run the process logged.
runs() {
    local pattern='.*msg=job\.run job\.name=\([^ ]*\) company\.id=[0-9]* job\.tick=\([0-9]*\) .*job\.outcome=\([a-z]*\) .*'
    sed -n "s/$pattern/\1 \2 \3/p" "$1"
}
runs "$work/serve-1.log" >"$work/runs-1"
runs "$work/serve-2.log" >"$work/runs-2"
cat "$work/runs-1" "$work/runs-2" | cut -d' ' -f1,2 | sort >"$work/logged"
"$zhanggui" jobs --db "$db" --limit 1000 | awk 'NR > 1 { print $1, $2 }' | sort >"$work/recorded"

grep -q "scheduler.failed" "$work/serve-1.log" "$work/serve-2.log" && fail "a scheduler pass failed"
grep -v " succeeded$" "$work/runs-1" "$work/runs-2" && fail "a job run did not succeed"
duplicates=$(uniq -d "$work/logged")
[ -z "$duplicates" ] || fail "ticks run by both processes: $duplicates"
diff -u "$work/recorded" "$work/logged" || fail "the runs logged differ from the runs recorded"
ticks=$(grep -c '^lowStock ' "$work/recorded" || true)
[ "$ticks" -ge 3 ] || fail "only $ticks ticks of lowStock in 9 seconds"
"$zhanggui" alerts --db "$db" --all | grep -q "TEA-03" || fail "no low-stock alert"
alerts=$("$zhanggui" alerts --db "$db" --all | grep -c "TEA-03")
[ "$alerts" = 1 ] || fail "$alerts low-stock alerts for one fall"
echo "test-scheduler: two servers, $ticks ticks: each job ran once per tick" \
    "(process 1: $(wc -l <"$work/runs-1") runs, process 2: $(wc -l <"$work/runs-2")), one alert"
