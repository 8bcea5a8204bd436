#!/usr/bin/env bash
# HTTP load benchmark: wrk against `zhanggui serve` on 127.0.0.1, on a fresh SQLite database holding the UCI
# December 2010 orders imported over the API. Measures the order list and order approval; see docs/BENCHMARKS.md.
#
# Usage: scripts/load-bench.sh            (after `swift build -c release`; `make bench` does both)
# Environment: LOAD_SECONDS (default 12), LOAD_CONNECTIONS (default 64), LOAD_THREADS (default 2),
#              ZHANGGUI (default .build/release/zhanggui).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${LOAD_SECONDS:-12}
connections=${LOAD_CONNECTIONS:-64}
threads=${LOAD_THREADS:-2}
zhanggui=${ZHANGGUI:-.build/release/zhanggui}
orders_file=Data/orders/uci_online_retail/online_retail_2010-12.csv.gz
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost

fail() {
    echo "load-bench: $*" >&2
    exit 1
}

install_wrk() {
    command -v wrk >/dev/null 2>&1 && return
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    echo "installing Debian package: wrk"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk
}

[ -x "$zhanggui" ] || fail "$zhanggui is missing; build it first with: swift build -c release"
command -v curl >/dev/null 2>&1 || fail "curl is needed"
command -v jq >/dev/null 2>&1 || fail "jq is needed"
install_wrk

folder="out/load-$(date -u +%Y%m%d-%H%M%S)-$$"
mkdir -p "$folder"
echo "load bench folder: $folder"

# The demo derives products.csv and opening_stock.csv from the December invoices; its own database is not used,
# because its company has no users to sign in with.
"$zhanggui" demo --dir "$folder/demo" >"$folder/demo.log"

database="$folder/load.sqlite"
server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; fi
}
trap stop_server EXIT

"$zhanggui" serve --db "$database" --port 0 >"$folder/serve.out" 2>"$folder/serve.log" &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q "^listening on " "$folder/serve.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || fail "the server did not start; see $folder/serve.log"
    sleep 0.1
done
base=$(sed -n 's/^listening on //p' "$folder/serve.out")
[ -n "$base" ] || fail "the server did not say where it listens"
case "$base" in http://127.0.0.1:*) ;; *) fail "unexpected address $base" ;; esac
echo "server: $base (pid $server_pid)"

api() {
    local method=$1 path=$2
    shift 2
    curl -sS --fail-with-body -X "$method" "$@" "$base$path"
}

# A company of our own: sign in as its admin and make a token for the three permissions the run needs.
email="load-bench@example.com"
password="load-bench-password-$$"
api POST /api/v1/companies -H 'Content-Type: application/json' \
    -d "{\"companyName\":\"压测商贸\",\"adminEmail\":\"$email\",\"adminPassword\":\"$password\"}" >/dev/null
csrf=$(api POST /api/v1/session -c "$folder/cookies" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .csrfToken)
token=$(api POST /api/v1/tokens -b "$folder/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"load bench","permissions":["orders.read","orders.review","imports.run"]}' | jq -r .token)
bearer="Authorization: Bearer $token"

# The demo's warehouses, so that its opening stock has somewhere to go; then products, stock and orders by upload.
"$zhanggui" warehouse add "BJ:北京前置仓:1:11+12+13" --db "$database" >/dev/null
"$zhanggui" warehouse add "SH:华东仓:2" --db "$database" >/dev/null
"$zhanggui" warehouse add "GZ:华南仓:3" --db "$database" >/dev/null
upload() {
    local kind=$1 file=$2
    api POST "/api/v1/imports/$kind" -H "$bearer" -H "X-File-Name: $(basename "$file")" --data-binary "@$file" \
        | jq -r '"imported \(.kind): \(.imported) of \(.rowsRead) rows read, \(.rowsFailed) refused"'
}
upload products "$folder/demo/products.csv"
upload stock "$folder/demo/opening_stock.csv"
upload orders "$orders_file"

# The ids of every order waiting for review, one a line, for the approval run.
ids="$folder/order-ids.txt"
: >"$ids"
cursor=""
while :; do
    page=$(api GET "/api/v1/orders?state=pendingReview&limit=1000${cursor:+&cursor=$cursor}" -H "$bearer")
    jq -r '.orders[].id' <<<"$page" >>"$ids"
    cursor=$(jq -r '.next // empty' <<<"$page")
    [ -n "$cursor" ] || break
done
echo "orders waiting for review: $(wc -l <"$ids")"
[ "$(wc -l <"$ids")" -ge "$threads" ] || fail "too few orders waiting for review to share among $threads threads"

run_wrk() {
    local title=$1 script=$2 path=$3
    echo
    echo "== $title: ${seconds} s, $connections connections, $threads threads"
    ZG_ORDER_IDS="$ids" ZG_THREADS="$threads" wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency -H "$bearer" \
        -s "scripts/$script" "$base$path" >"$folder/$script.out"
    grep '^result ' "$folder/$script.out" | sed 's/^result /  /'
}
run_wrk "GET /api/v1/orders?limit=50" load-bench-list.lua "/api/v1/orders?limit=50"
run_wrk "POST /api/v1/orders/{id}/approve, then hold" load-bench-approve.lua ""

# A failed request is a socket error or a 5xx answer; the list should also have no 4xx. Latency is only reported:
# on a shared machine it is too noisy to fail a run on.
failed=0
grep -h '^result ' "$folder"/*.lua.out | grep -qv 'socket_errors=0 ' && failed=1
grep -h '^result ' "$folder"/*.lua.out | grep -q 'failed_5xx=[1-9]' && failed=1
grep -h '^result ' "$folder/load-bench-list.lua.out" | grep -qv 'non2xx=0 ' && failed=1
p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' "$folder/load-bench-list.lua.out")
echo
echo "order list p99 ${p99} ms (target: under 20 ms)"

kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
[ "$status" = 0 ] || fail "the server exited with $status after SIGTERM; see $folder/serve.log"
echo "server stopped with SIGTERM, exit status 0; logs and database in $folder"
[ "$failed" = 0 ] || fail "some requests failed (socket errors, 5xx, or a non-2xx order list); see $folder"
