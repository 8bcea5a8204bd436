#!/bin/sh
# `make demo`: the main job over a month of real orders (zhanggui demo, docs/DEMO.md), then a 淘宝 shop syncing live
# from the platform simulator on 127.0.0.1, seeded from the same month of UCI invoices.
#
# The shop's credentials are the ones the simulator issued when it started; they are sealed under a key made for
# this run only (ZHANGGUI_SECRET_KEY, 32 random bytes) that is never written anywhere. The simulator is stopped on
# the way out, also when a step fails or the script is interrupted. Run from the repository root, after
# `swift build -c release`; every run makes a new folder under out/, so it can run any number of times.
set -eu

ZHANGGUI=${ZHANGGUI:-.build/release/zhanggui}
SIMULATOR=${ZHANGGUI_SIM:-.build/release/zhanggui-sim}
INVOICES=Data/orders/uci_online_retail/online_retail_2010-12.csv.gz
SIM_ORDERS=${SIM_ORDERS:-50}

dir="out/demo-$(date -u +%Y%m%d-%H%M%S)-$$"
"$ZHANGGUI" demo --dir "$dir"
db="$dir/zhanggui.sqlite"

echo
echo "== a 淘宝 shop syncing live from the platform simulator =="
sim_log="$dir/simulator.log"
credentials="$dir/credentials.json"
sim_pid=""
stop_simulator() {
    rm -f "$credentials"
    if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then
        kill -TERM "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
        echo "simulator stopped"
    fi
    sim_pid=""
}
trap stop_simulator EXIT
trap 'stop_simulator; exit 130' INT TERM

"$SIMULATOR" --port 0 --uci "$INVOICES" --orders "$SIM_ORDERS" >"$sim_log" 2>&1 &
sim_pid=$!
waited=0
until grep -q '^taobao on ' "$sim_log" 2>/dev/null; do
    if ! kill -0 "$sim_pid" 2>/dev/null || [ "$waited" -ge 120 ]; then
        echo "the simulator did not start; its log:" >&2
        cat "$sim_log" >&2
        exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
done

# taobao on http://127.0.0.1:PORT shop=demo-taobao appKey=… appSecret=… accessToken=… refreshToken=…
line=$(grep '^taobao on ' "$sim_log")
field() { printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
gateway=$(printf '%s\n' "$line" | cut -d' ' -f3)
echo "simulator: 淘宝 gateway on $gateway/router/rest, $SIM_ORDERS paid orders from the UCI invoices of December 2010"

ZHANGGUI_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
export ZHANGGUI_SECRET_KEY
(
    umask 077
    printf '{"appKey":"%s","appSecret":"%s","accessToken":"%s","refreshToken":"%s","endpoint":"%s/router/rest"}\n' \
        "$(field appKey)" "$(field appSecret)" "$(field accessToken)" "$(field refreshToken)" "$gateway" \
        >"$credentials"
)
"$ZHANGGUI" shop add TB --name 淘宝示例店 --platform taobao --credentials "$credentials" --db "$db"
rm -f "$credentials"

echo "sync (orders, refunds, confirmations, stock):"
if ! "$ZHANGGUI" shop sync TB --db "$db" 2>"$dir/sync.log"; then
    cat "$dir/sync.log" >&2
    exit 1
fi
echo "review of the orders that arrived:"
"$ZHANGGUI" review --db "$db"
echo "allocate, waybill and ship them, then sync again (tracking numbers and stock back to 淘宝):"
"$ZHANGGUI" allocate --db "$db"
"$ZHANGGUI" waybill --db "$db"
"$ZHANGGUI" ship --db "$db"
if ! "$ZHANGGUI" shop sync TB --db "$db" 2>>"$dir/sync.log"; then
    cat "$dir/sync.log" >&2
    exit 1
fi
"$ZHANGGUI" shop log TB --db "$db" --limit 8
stop_simulator
echo
echo "look around: $ZHANGGUI shop list --db $db"
