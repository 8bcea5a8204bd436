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

# Senders (寄件人) for the demo's three warehouses, so labels print from the web pages too; made-up names and numbers.
"$ZHANGGUI" warehouse sender BJ --name 北京前置仓发货组 --phone 13800000001 --address 示例路1号 \
    --province 北京市 --city 北京市 --district 朝阳区 --db "$db" >/dev/null
"$ZHANGGUI" warehouse sender SH --name 华东仓发货组 --phone 13800000002 --address 示例路2号 \
    --province 上海市 --city 上海市 --district 浦东新区 --db "$db" >/dev/null
"$ZHANGGUI" warehouse sender GZ --name 华南仓发货组 --phone 13800000003 --address 示例路3号 \
    --province 广东省 --city 广州市 --district 天河区 --db "$db" >/dev/null

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
# The demo's waybill numbers come from the offline range ZG; here they stand for 中通 numbers, so shipments are
# confirmed to 淘宝 with 中通's code (a real seller's range comes from a real courier: docs/SYNC.md).
"$ZHANGGUI" shop set TB --courier ZG=ZTO --db "$db" >/dev/null

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
# The simulator is gone and the shop's key with it: pause the shop, so a server started on this database later does
# not try to sync it every minute (zhanggui shop set TB --resume, with a key and a platform, starts it again).
"$ZHANGGUI" shop set TB --pause --db "$db" >/dev/null
echo
echo "look around: $ZHANGGUI shop list --db $db"
