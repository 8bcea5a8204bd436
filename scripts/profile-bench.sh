#!/usr/bin/env bash
# Instructions per request, counted by callgrind: repeatable where wall-clock time on a shared machine is not.
# Prepares a fresh database with the UCI December 2010 data over the API (as scripts/load-bench.sh does), then runs
# the server under `valgrind --tool=callgrind` and counts the instructions of N order-list pages and of N
# approve-then-hold pairs, one request at a time, on 127.0.0.1 only. See docs/BENCHMARKS.md.
#
# Usage: scripts/profile-bench.sh          (after `swift build -c release`)
# Environment: N (default 100), ZHANGGUI (default .build/release/zhanggui).
set -euo pipefail
cd "$(dirname "$0")/.."

n=${N:-100}
zhanggui=${ZHANGGUI:-.build/release/zhanggui}
orders_file=Data/orders/uci_online_retail/online_retail_2010-12.csv.gz
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost

fail() {
    echo "profile-bench: $*" >&2
    exit 1
}

[ -x "$zhanggui" ] || fail "$zhanggui is missing; build it first with: swift build -c release"
for tool in valgrind callgrind_control curl jq; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is needed (Debian: valgrind, curl, jq)"
done

folder="out/profile-$(date -u +%Y%m%d-%H%M%S)-$$"
mkdir -p "$folder"
echo "profile folder: $folder"
"$zhanggui" demo --dir "$folder/demo" >"$folder/demo.log"
database="$folder/profile.sqlite"

server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; fi
}
trap stop_server EXIT

# Starts the server (under the command words given first, if any) and sets base to where it listens.
start_server() {
    "$@" "$zhanggui" serve --db "$database" --port 0 >"$folder/serve.out" 2>"$folder/serve.log" &
    server_pid=$!
    for _ in $(seq 1 600); do
        grep -q "^listening on " "$folder/serve.out" 2>/dev/null && break
        kill -0 "$server_pid" 2>/dev/null || fail "the server did not start; see $folder/serve.log"
        sleep 0.2
    done
    base=$(sed -n 's/^listening on //p' "$folder/serve.out")
    case "$base" in http://127.0.0.1:*) ;; *) fail "unexpected address '$base'" ;; esac
}

stop_and_wait() {
    kill -TERM "$server_pid"
    wait "$server_pid" || fail "the server did not exit 0 after SIGTERM; see $folder/serve.log"
    server_pid=""
    : >"$folder/serve.out"
}

api() {
    local method=$1 path=$2
    shift 2
    curl -sS --fail-with-body -X "$method" "$@" "$base$path"
}

# 1. Without valgrind: a company, a token, the demo's warehouses and the December data.
start_server
email="profile@example.com"
password="profile-password-$$"
api POST /api/v1/companies -H 'Content-Type: application/json' \
    -d "{\"companyName\":\"剖析商贸\",\"adminEmail\":\"$email\",\"adminPassword\":\"$password\"}" >/dev/null
csrf=$(api POST /api/v1/session -c "$folder/cookies" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .csrfToken)
token=$(api POST /api/v1/tokens -b "$folder/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"profile","permissions":["orders.read","orders.review","imports.run"]}' | jq -r .token)
bearer="Authorization: Bearer $token"
"$zhanggui" warehouse add "BJ:北京前置仓:1:11+12+13" --db "$database" >/dev/null
"$zhanggui" warehouse add "SH:华东仓:2" --db "$database" >/dev/null
"$zhanggui" warehouse add "GZ:华南仓:3" --db "$database" >/dev/null
for upload in "products:$folder/demo/products.csv" "stock:$folder/demo/opening_stock.csv" "orders:$orders_file"; do
    file=${upload#*:}
    api POST "/api/v1/imports/${upload%%:*}" -H "$bearer" -H "X-File-Name: $(basename "$file")" \
        --data-binary "@$file" >/dev/null
done
api GET "/api/v1/orders?state=pendingReview&limit=$n" -H "$bearer" | jq -r '.orders[].id' >"$folder/order-ids.txt"
[ "$(wc -l <"$folder/order-ids.txt")" -eq "$n" ] || fail "fewer than $n orders waiting for review"
stop_and_wait

# 2. Under callgrind, counting only while the measured requests run.
start_server valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$folder/callgrind.%p"
api GET "/api/v1/orders?limit=50" -H "$bearer" -o /dev/null
count() {
    local name=$1
    shift
    callgrind_control -z "$server_pid" >/dev/null 2>&1
    callgrind_control -i on "$server_pid" >/dev/null 2>&1
    "$@"
    callgrind_control -i off "$server_pid" >/dev/null 2>&1
    callgrind_control -d "$name" "$server_pid" >/dev/null 2>&1
    local dump
    dump=$(grep -l "^desc: Trigger: dump $name" "$folder"/callgrind.* | head -n 1)
    local total
    total=$(sed -n 's/^totals: //p' "$dump")
    echo "$name: $total instructions for $n, $((total / n)) each ($dump)"
}
list_pages() {
    for _ in $(seq 1 "$n"); do api GET "/api/v1/orders?limit=50" -H "$bearer" -o /dev/null; done
}
approve_hold_pairs() {
    while read -r id; do
        # A 409 (short of stock) is part of the work measured.
        api POST "/api/v1/orders/$id/approve" -H "$bearer" -o /dev/null 2>/dev/null || true
        api POST "/api/v1/orders/$id/hold" -H "$bearer" -o /dev/null
    done <"$folder/order-ids.txt"
}
count order-list list_pages
count approve-hold approve_hold_pairs
stop_and_wait
echo "callgrind_annotate --inclusive=yes FILE shows where the instructions go"
