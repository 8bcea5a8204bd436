#!/usr/bin/env bash
# Measures shop sync against the platform simulator (zhanggui-sim) on 127.0.0.1, for a 淘宝 shop on SQLite:
#
#   1. throughput: a backfill of BENCH_SYNC_ORDERS (default 10000) paid orders, spread over the 22 hours before
#      now, into an empty database — orders stored per second;
#   2. delay: `zhanggui serve` syncs on its schedule; an order is paid on the simulator and the script waits until
#      `zhanggui orders` lists it 待审核 — seconds from payment to reviewable, with the default 60-second interval
#      and with a 2-second one (BENCH_SYNC_SHORT_INTERVAL).
#
#   scripts/bench-sync.sh            BENCH_SYNC_RUNS=3 by default; prints every run and the median of each figure
#
# Uses the release builds (.build/release/zhanggui and zhanggui-sim) unless ZHANGGUI and ZHANGGUI_SIM name others.
# The shop's credentials are the simulator's, sealed under a key made for this run only and never written anywhere
# but the shop's sealed column; the simulator and the server are stopped on the way out, also on failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo_root=$(cd "$here/.." && pwd)
zhanggui=${ZHANGGUI:-$repo_root/.build/release/zhanggui}
simulator=${ZHANGGUI_SIM:-$repo_root/.build/release/zhanggui-sim}
orders=${BENCH_SYNC_ORDERS:-10000}
runs=${BENCH_SYNC_RUNS:-3}
short_interval=${BENCH_SYNC_SHORT_INTERVAL:-2}
invoices_dir=$repo_root/Data/orders/uci_online_retail

for tool in "$zhanggui" "$simulator"; do
    if [ ! -x "$tool" ]; then
        echo "bench-sync: no tool at $tool (swift build -c release)" >&2
        exit 1
    fi
done
work=$(mktemp -d "${TMPDIR:-/tmp}/zhanggui-bench-sync.XXXXXX")
sim_pid=""
serve_pid=""
stop() {
    for pid in "$serve_pid" "$sim_pid"; do
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    serve_pid=""
    sim_pid=""
}
cleanup() {
    stop
    rm -rf "$work"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
ZHANGGUI_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
export ZHANGGUI_SECRET_KEY

# now_ms: the wall clock in UTC milliseconds.
now_ms() { date +%s%3N; }

# median NUMBER...: the middle value (the mean of the two middle ones for an even count).
median() {
    printf '%s\n' "$@" | sort -g |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# wait_for FILE PATTERN: waits up to 60 s for a line matching PATTERN in FILE.
wait_for() {
    local waited=0
    until grep -q "$2" "$1" 2>/dev/null; do
        if [ "$waited" -ge 600 ]; then
            echo "bench-sync: '$2' never appeared; the log:" >&2
            cat "$1" >&2
            exit 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
}

# start_simulator: a fresh simulator on free ports; sets control (its control API) and writes the 淘宝 demo shop's
# credentials to $work/credentials.json.
start_simulator() {
    # A new log each time: an old one would show the previous simulator's ports before this one writes.
    rm -f "$work/sim.log"
    "$simulator" --port 0 >"$work/sim.log" 2>&1 &
    sim_pid=$!
    wait_for "$work/sim.log" '^taobao on '
    control=$(sed -n 's#^control API on \(http://[^/]*\)/_sim/state#\1#p' "$work/sim.log")
    local line gateway
    line=$(grep '^taobao on ' "$work/sim.log")
    gateway=$(printf '%s\n' "$line" | cut -d' ' -f3)
    field() { printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
    (
        umask 077
        printf '{"appKey":"%s","appSecret":"%s","accessToken":"%s","refreshToken":"%s","endpoint":"%s/router/rest"}\n' \
            "$(field appKey)" "$(field appSecret)" "$(field accessToken)" "$(field refreshToken)" "$gateway" \
            >"$work/credentials.json"
    )
}

# new_database NAME: an initialised company with the 淘宝 shop TB connected; sets database to its path.
new_database() {
    database=$work/$1.sqlite
    local db=$database
    "$zhanggui" init --name 基准店 --time-zone Asia/Shanghai --db "$db" >/dev/null
    "$zhanggui" shop add TB --name 淘宝基准店 --platform taobao --credentials "$work/credentials.json" --db "$db" \
        >/dev/null
}

# seed COUNT START_MS SPACING_MS: COUNT paid orders from the UCI invoices, month after month, SPACING_MS apart.
seed() {
    local wanted=$1 start=$2 spacing=$3 made=0 file got
    for file in "$invoices_dir"/online_retail_*.csv.gz; do
        [ "$made" -lt "$wanted" ] || break
        got=$(curl -sf -X POST "$control/_sim/shops/demo-taobao/seed/uci" -H 'Content-Type: application/json' \
            -d "{\"path\":\"$file\",\"limit\":$((wanted - made)),\"startMillis\":$((start + made * spacing)),\
\"spacingMillis\":$spacing}" | sed -n 's/.*"orders" *: *\([0-9]*\).*/\1/p')
        made=$((made + got))
    done
    if [ "$made" -lt "$wanted" ]; then
        echo "bench-sync: the UCI files gave $made orders, $wanted wanted" >&2
        exit 1
    fi
}

# local_time MILLIS: the Asia/Shanghai time of a UTC instant, as `zhanggui shop backfill` reads it.
local_time() { TZ=Asia/Shanghai date -d "@$(($1 / 1000))" '+%Y-%m-%d %H:%M'; }

# backfill_rate RUN: seeds a fresh simulator and times the backfill; appends orders per second to rates.
backfill_rate() {
    start_simulator
    local db spacing=8000 now from to started finished stored
    new_database "backfill-$1"
    db=$database
    now=$(now_ms)
    seed "$orders" $((now - 80000000 - 3600000)) "$spacing"
    from=$(local_time $((now - 90000000)))
    to=$(local_time $((now + 60000)))
    started=$(now_ms)
    "$zhanggui" shop backfill TB --from "$from" --to "$to" --db "$db" >"$work/backfill-$1.log" 2>&1
    finished=$(now_ms)
    stored=$("$zhanggui" orders --state pendingReview --limit 100000 --db "$db" | grep -c '待审核' || true)
    stop
    if [ "$stored" -ne "$orders" ]; then
        echo "bench-sync: the backfill stored $stored orders of $orders; its log:" >&2
        cat "$work/backfill-$1.log" >&2
        exit 1
    fi
    rates+=("$(awk -v n="$orders" -v ms=$((finished - started)) 'BEGIN { printf "%.0f", n / (ms / 1000) }')")
    echo "run $1 of $runs: backfill of $orders orders in $(((finished - started) / 1000)) s, ${rates[-1]} orders/s" >&2
}

# delay INTERVAL RUN: seconds from an order paid on the simulator to `zhanggui orders` listing it 待审核, with
# `zhanggui serve --sync-interval INTERVAL`; sets measured.
delay() {
    start_simulator
    local db paid seen order
    new_database "delay-$1-$2"
    db=$database
    rm -f "$work/serve.log"
    "$zhanggui" serve --port 0 --sync-interval "$1" --db "$db" >"$work/serve.log" 2>&1 &
    serve_pid=$!
    wait_for "$work/serve.log" 'listening on'
    # Past the first pass, which runs at start, so the order lands at a random point of the interval.
    sleep "$(awk -v i="$1" -v r="$RANDOM" 'BEGIN { printf "%.1f", 1 + (r % 100) / 100 * i }')"
    paid=$(now_ms)
    order=$(curl -sf -X POST "$control/_sim/shops/demo-taobao/orders" -H 'Content-Type: application/json' \
        -d '{"lines":[{"itemID":"60001","skuID":"50001","outerID":"SKU-1","quantity":1,"unitPriceFen":1000}]}' |
        sed -n 's/.*"orderID" *: *"\([^"]*\)".*/\1/p')
    if [ -z "$order" ]; then
        echo "bench-sync: the simulator did not create the order" >&2
        exit 1
    fi
    until "$zhanggui" orders --state pendingReview --limit 100000 --db "$db" 2>/dev/null | grep -q "$order"; do
        if [ $(($(now_ms) - paid)) -gt $((($1 + 120) * 1000)) ]; then
            echo "bench-sync: order $order never became reviewable; the server's log:" >&2
            cat "$work/serve.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    seen=$(now_ms)
    stop
    measured=$(awk -v ms=$((seen - paid)) 'BEGIN { printf "%.1f", ms / 1000 }')
}

rates=()
long_delays=()
short_delays=()
for run in $(seq 1 "$runs"); do
    backfill_rate "$run"
done
for run in $(seq 1 "$runs"); do
    delay 60 "$run"
    long_delays+=("$measured")
    delay "$short_interval" "$run"
    short_delays+=("$measured")
    echo "run $run of $runs: paid → reviewable ${long_delays[-1]} s (60 s interval)," \
        "${short_delays[-1]} s (${short_interval} s interval)" >&2
done

echo
echo "shop sync against the simulator (淘宝, SQLite), $runs run(s):"
printf '  backfill of %s orders      median %6s orders/s   runs: %s\n' "$orders" "$(median "${rates[@]}")" \
    "${rates[*]}"
printf '  paid → reviewable, 60 s     median %6s s          runs: %s\n' "$(median "${long_delays[@]}")" \
    "${long_delays[*]}"
printf '  paid → reviewable, %2s s     median %6s s          runs: %s\n' "$short_interval" \
    "$(median "${short_delays[@]}")" "${short_delays[*]}"
