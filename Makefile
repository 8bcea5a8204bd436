# Zhanggui — the two commands a new user needs: `make demo` and `make test`.
# Each installs the Debian packages it needs (only those missing), builds, and runs.

SWIFT ?= swift
APT_PACKAGES := libsqlite3-dev zlib1g-dev libmicrohttpd-dev libargon2-dev libssl-dev libpq-dev libqrencode-dev pkg-config tzdata
BROWSER_PACKAGES := chromium chromium-driver python3-selenium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BENCH_ORDERS ?= 20000

export no_proxy := 127.0.0.1,localhost
export NO_PROXY := 127.0.0.1,localhost

.PHONY: demo test browser-test bench deps build release lint clean

## demo: run the main job on a month of real orders (UCI Online Retail, December 2010) in a fresh database
demo: release
	.build/release/zhanggui demo

## test: lint, build and run every test, the store and service tests on SQLite and on a throwaway PostgreSQL,
## then the pages in headless Chromium (screenshots in out/browser/)
test: APT_PACKAGES += postgresql $(BROWSER_PACKAGES)
test: deps lint
	$(SWIFT) build --build-tests
	scripts/with-postgres.sh $(SWIFT) test --skip-build
	scripts/browser-test.sh .build/debug/zhanggui

## browser-test: only the pages in headless Chromium driven by selenium (docs/WEB.md)
browser-test: APT_PACKAGES += $(BROWSER_PACKAGES)
browser-test: build
	scripts/browser-test.sh .build/debug/zhanggui

## bench: measure the main job on synthetic orders and on the full UCI year, then the HTTP server under load (wrk)
bench: APT_PACKAGES += wrk jq curl
bench: release
	.build/release/zhanggui bench --orders $(BENCH_ORDERS)
	.build/release/zhanggui bench --uci-year
	scripts/load-bench.sh

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
