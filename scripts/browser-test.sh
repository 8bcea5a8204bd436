#!/bin/sh
# The pages in a real browser: headless Chromium from Debian driven by selenium. A fresh database under out/browser,
# the example files imported and reviewed, `zhanggui serve` on a free loopback port, then scripts/browser_test.py.
# Screenshots go to out/browser/. Usage: scripts/browser-test.sh [path of the zhanggui tool]
set -eu
tool=${1:-.build/debug/zhanggui}
dir=out/browser
rm -rf "$dir" && mkdir -p "$dir"
db="$dir/browser.sqlite"

"$tool" serve --db "$db" --port 0 >"$dir/serve.out" 2>"$dir/serve.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
    grep -q '^listening on ' "$dir/serve.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$dir/serve.out")
[ -n "$url" ] || { echo "the server did not start"; cat "$dir/serve.log"; exit 1; }

# The browser registers the company first; the example orders are imported and reviewed once it exists.
/usr/bin/python3 scripts/browser_test.py "$url" "$dir" "$tool" "$db"
