#!/usr/bin/env bash
# Page timings: the server time of each web page for a company with many orders (docs/BENCHMARKS.md, docs/WEB.md).
#
# Builds a company with `zhanggui bench --orders N` (synthetic orders, imported, reviewed and shipped), gives it an
# admin with `zhanggui admin`, starts `zhanggui serve` on a free port of 127.0.0.1, signs in through the sign-in
# page and asks each page several times. Each request carries its own X-Request-ID; the server's log line for that
# id gives the time the server spent on it (`duration_ms`). Prints the median per page and fails when one is over
# the target.
#
# Usage: scripts/bench-pages.sh [ORDERS]      default 100000
# Environment: PAGE_RUNS (requests per page, default 7), PAGE_TARGET_MS (default 100),
#              ZHANGGUI (default .build/release/zhanggui).
set -euo pipefail
cd "$(dirname "$0")/.."

orders=${1:-100000}
runs=${PAGE_RUNS:-7}
target=${PAGE_TARGET_MS:-100}
zhanggui=${ZHANGGUI:-.build/release/zhanggui}
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost

fail() {
    echo "bench-pages: $*" >&2
    exit 1
}

[ -x "$zhanggui" ] || fail "$zhanggui is missing; build it first with: swift build -c release"
command -v curl >/dev/null 2>&1 || fail "curl is needed"

folder="out/pages-$(date -u +%Y%m%d-%H%M%S)-$$"
mkdir -p "$folder"
echo "page bench folder: $folder"

echo "building a company with $orders orders (zhanggui bench) …"
"$zhanggui" bench --orders "$orders" --dir "$folder/company" >"$folder/bench.log"
database="$folder/company/bench.sqlite"
[ -f "$database" ] || fail "the bench left no database at $database; see $folder/bench.log"
email="pages-bench@example.com"
password="pages-bench-password-$$"
ZHANGGUI_ADMIN_PASSWORD="$password" "$zhanggui" admin --email "$email" --db "$database" >/dev/null

server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; fi
}
trap stop_server EXIT

"$zhanggui" serve --db "$database" --port 0 --no-scheduler >"$folder/serve.out" 2>"$folder/serve.log" &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q "^listening on " "$folder/serve.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || fail "the server did not start; see $folder/serve.log"
    sleep 0.1
done
base=$(sed -n 's/^listening on //p' "$folder/serve.out")
case "$base" in http://127.0.0.1:*) ;; *) fail "unexpected address $base" ;; esac

# Sign in as a browser does: the sign-in page's form token (and its cookie), then the form.
jar="$folder/cookies"
form=$(curl -sS -c "$jar" "$base/signin")
token=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' <<<"$form" | head -n 1)
[ -n "$token" ] || fail "no form token on the sign-in page"
status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "email=$email" \
    --data-urlencode "password=$password" --data-urlencode "code=" --data-urlencode "csrf=$token" "$base/signin")
[ "$status" = 303 ] || fail "signing in answered $status"

# page PATH: the page's body, once (to find ids and waybill numbers on it).
page() {
    curl -sS -b "$jar" "$base$1"
}
desk=$(page "/orders")
order_id=$(sed -n 's/.*href="\/orders\/\([0-9]*\)".*/\1/p' <<<"$desk" | head -n 1)
waybill=$(sed -n 's/.*<td>\(ZG[0-9A-Z]*\)<\/td><\/tr>.*/\1/p' <<<"$desk" | head -n 1)
[ -n "$order_id" ] || fail "no order on the desk"
next=$(sed -n 's/.*href="\(\/orders?[^"]*cursor=[^"]*\)">[^<]*<\/a><\/p>.*/\1/p' <<<"$(page '/orders?sort=-paid')" |
    sed 's/&amp;/\&/g' | head -n 1)

echo "pages of order $order_id, waybill ${waybill:-(none found)}, second page by amount ${next:-(none found)}"

pages=(
    "dashboard|/"
    "desk, first page|/orders"
    "desk, state=shipped|/orders?state=shipped"
    "desk, state=pendingReview (none)|/orders?state=pendingReview"
    "desk, hold=stock_shortage (none)|/orders?hold=stock_shortage"
    "desk, shop=BENCH|/orders?shop=BENCH"
    "desk, one business day|/orders?from=2024-06-18&to=2024-06-18"
    "desk, phone tail 0042|/orders?phone=0042"
    "desk, SKU SKU-0042|/orders?sku=SKU-0042"
    "desk, waybill|/orders?waybill=${waybill:-none}"
    "desk, high priority (none)|/orders?priority=1"
    "desk, sorted by amount|/orders?sort=-paid"
    "desk, sorted by amount, page 2|${next:-/orders?sort=-paid}"
    "order page|/orders/$order_id"
    "users|/admin/users"
    "shops|/shops"
)

for entry in "${pages[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    slug=$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-')
    for run in $(seq 1 "$runs"); do
        code=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -H "X-Request-ID: pb-$slug-$run" "$base$path")
        [ "$code" = 200 ] || fail "$path answered $code"
    done
done
sleep 0.5

# median NUMBER...: the middle value (the mean of the two middle ones for an even count).
median() {
    printf '%s\n' "$@" | sort -g |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo
printf '%-40s %12s %12s\n' "page ($orders orders, $runs requests each)" "median ms" "max ms"
over=0
for entry in "${pages[@]}"; do
    name=${entry%%|*}
    slug=$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-')
    times=()
    for run in $(seq 1 "$runs"); do
        times+=("$(grep -F "request.id=pb-$slug-$run " "$folder/serve.log" | sed -n 's/.*duration_ms=\([0-9.]*\).*/\1/p')")
    done
    middle=$(median "${times[@]}")
    largest=$(printf '%s\n' "${times[@]}" | sort -g | tail -n 1)
    printf '%-40s %12s %12s\n' "$name" "$middle" "$largest"
    awk -v m="$middle" -v t="$target" 'BEGIN { exit !(m >= t) }' && over=1
done
echo
[ "$over" = 0 ] || fail "a page's median is ${target} ms or more; logs and database in $folder"
echo "every page under ${target} ms (median of the server's own timing); logs and database in $folder"
