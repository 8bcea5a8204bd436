# Zhanggui — the two commands a new user needs: `make demo` and `make test`.
# Each installs the Debian packages it needs (only those missing), builds, and runs.

SWIFT ?= swift
APT_PACKAGES := libsqlite3-dev zlib1g-dev libmicrohttpd-dev libargon2-dev libssl-dev libpq-dev libcurl4-openssl-dev libqrencode-dev pkg-config tzdata libcairo2-dev libpango1.0-dev libzint-dev fonts-wqy-microhei
BROWSER_PACKAGES := chromium chromium-driver python3-selenium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BENCH_ORDERS ?= 20000
BENCH_RUNS ?= 1

export no_proxy := 127.0.0.1,localhost
export NO_PROXY := 127.0.0.1,localhost

.PHONY: demo test browser-test bench sim deps build release lint clean

## demo: run the main job on a month of real orders (UCI Online Retail, December 2010) in a fresh database, then
## sync a 淘宝 shop live from the platform simulator on 127.0.0.1 (scripts/demo.sh, docs/DEMO.md)
demo: release
	scripts/demo.sh

## test: lint, build and run every test, the store and service tests on SQLite and on a throwaway PostgreSQL, then
## back up, destroy and restore a shop on each engine (scripts/test-backup.sh), run two servers' scheduled jobs on
## one PostgreSQL database (scripts/test-scheduler.sh), and drive the pages in headless Chromium (screenshots in
## out/browser/)
test: APT_PACKAGES += postgresql poppler-utils zbar-tools $(BROWSER_PACKAGES)
test: deps lint
	$(SWIFT) build --build-tests
	scripts/with-postgres.sh $(SWIFT) test --skip-build
	ZHANGGUI="$$($(SWIFT) build --show-bin-path)/zhanggui" scripts/with-postgres.sh \
		sh -c 'scripts/test-backup.sh && scripts/test-scheduler.sh'
	scripts/browser-test.sh "$$($(SWIFT) build --show-bin-path)/zhanggui"

## browser-test: only the pages in headless Chromium driven by selenium (docs/WEB.md)
browser-test: APT_PACKAGES += $(BROWSER_PACKAGES)
browser-test: build
	scripts/browser-test.sh "$$($(SWIFT) build --show-bin-path)/zhanggui"

## bench: measure the main job on synthetic orders on SQLite and on a throwaway PostgreSQL side by side (with the
## ratio), on the full UCI year, label printing (1,000 labels), the HTTP server under load (wrk), the web pages'
## server time with 100,000 orders, then shop sync against the platform simulator (10,000-order backfill, paid →
## reviewable delay)
bench: APT_PACKAGES += wrk jq curl postgresql
bench: release
	BENCH_RUNS=$(BENCH_RUNS) scripts/bench-engines.sh $(BENCH_ORDERS)
	.build/release/zhanggui bench --uci-year
	.build/release/zhanggui bench --labels 1000
	scripts/load-bench.sh
	scripts/bench-pages.sh
	scripts/bench-sync.sh

## sim: the platform simulator on 127.0.0.1 (docs/SIMULATOR.md), each demo shop seeded with 50 UCI invoices
sim: deps
	$(SWIFT) build --product zhanggui-sim
	.build/debug/zhanggui-sim --uci Data/orders/uci_online_retail/online_retail_2010-12.csv.gz --orders 50

## deps: install the Debian packages the build needs, if missing
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## lint: swift-format with the project's configuration, findings are errors
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build out
