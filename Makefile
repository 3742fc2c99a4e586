# aztoken: `make run` and `make test` do all set-up on Debian/Ubuntu.
.PHONY: all setup setup-test build release run demo test check session bench soak package package-windows clean

GO      ?= go
BIN     ?= aztoken
# Go stamps the commit into every binary built in a git checkout, where
# ui/version reads it; auto overrides a GOFLAGS=-buildvcs=false in the
# environment, and still builds outside a checkout.
BUILDVCS = -buildvcs=auto
# The x.y.z the fyne tool writes into packages, from FyneApp.toml.
APP_VERSION = $(shell sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)
export LANG = en_US.UTF-8

all: build

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

# A plain build keeps Fyne's thread checks on, so a widget touched off the
# main goroutine is reported; `make release` is the quiet, small build.
build: setup
	$(GO) build $(BUILDVCS) -o $(BIN) .

release: setup
	$(GO) build $(BUILDVCS) -tags no_emoji,migrated_fynedo -trimpath -ldflags "-s -w" -o $(BIN) .

run: build
	./$(BIN)

# The offline demo: an emulated Azure, profiles and secrets in memory only.
demo: build
	./$(BIN) --demo

# gofmt, vet, and type checks for Windows and macOS so platform code never
# rots. Windows builds everything without cgo under -tags ci; Fyne on macOS
# needs cgo even then, so there the packages without Fyne are checked.
test: setup-test check session

check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet -tags ci ./...
	GOOS=windows $(GO) vet -tags ci ./...
	GOOS=darwin $(GO) vet -tags ci $$($(GO) list ./... | grep -v -e '/ui$$' -e '/aztoken$$' -e '/bench/')

# Each session has a virtual display, a private D-Bus bus and an unlocked
# gnome-keyring in a temporary HOME: unit and UI tests (headless with -tags
# ci), the real keyring (-tags keyring), then the real window (-tags smoke).
# Three sessions run side by side so that both cores stay busy: every
# package's tests with half of ui's (a serial package, see ui/shard_test.go;
# named first so that its half starts at once), the other half of ui's, and
# the real window, whose test binary is itself headless (ci). The real binary is linked once, for every test that runs
# it (AZTOKEN_TEST_BINARY).
session:
	bin=$$(mktemp -d); trap 'rm -rf "$$bin"' EXIT; \
	$(GO) build -o "$$bin/aztoken" . || exit 1; \
	export AZTOKEN_TEST_BINARY="$$bin/aztoken"; \
	AZTOKEN_TEST_SHARD=1/2 scripts/with-session.sh $(GO) test -race -tags "ci keyring" ./ui ./... & all=$$!; \
	AZTOKEN_TEST_SHARD=2/2 scripts/with-session.sh $(GO) test -race -tags "ci keyring" ./ui & ui=$$!; \
	scripts/with-session.sh $(GO) test -tags "smoke ci" -run Smoke -count=1 . & smoke=$$!; \
	status=0; for job in $$all $$ui $$smoke; do wait $$job || status=1; done; exit $$status

# Packages, built with the fyne tool installed outside go.mod: its current
# releases require Fyne 2.8, and adding it as a tool would upgrade the app.
FYNE = $(shell $(GO) env GOPATH)/bin/fyne
$(FYNE):
	$(GO) install fyne.io/tools/cmd/fyne@v1.7.4

# The binary is the release build; like every go build in a checkout it
# carries the commit (ui/version reads it).
package: release $(FYNE)
	mkdir -p dist
	# The fyne tool bumps Build in FyneApp.toml; keep the file as committed.
	cp FyneApp.toml dist/.FyneApp.toml
	$(FYNE) package -os linux --exe $(BIN) --release --app-version $(APP_VERSION); \
		status=$$?; mv dist/.FyneApp.toml FyneApp.toml; exit $$status
	mv aztoken.tar.xz dist/aztoken-linux-amd64.tar.xz
	@echo "dist/aztoken-linux-amd64.tar.xz"

# About eight minutes cold: all of Fyne is compiled again for Windows. The
# fyne tool makes aztoken.exe, a GUI-subsystem exe that opens no console
# from Explorer; its console twin aztoken.com, the same file but for the
# PE subsystem, is what cmd.exe and PowerShell run for `aztoken` (README,
# "On Windows"). The fyne tool runs go build itself, so BUILDVCS goes in
# through GOFLAGS, after the ones go env has, to stamp the commit here too.
# scripts/windows-check.sh checks what Linux can.
package-windows: $(FYNE)
	@scripts/setup.sh windows
	mkdir -p dist
	cp FyneApp.toml dist/.FyneApp.toml
	GOFLAGS="$$($(GO) env GOFLAGS) $(BUILDVCS)" CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
		$(FYNE) package -os windows --release --app-version $(APP_VERSION); \
		status=$$?; mv dist/.FyneApp.toml FyneApp.toml; exit $$status
	mv aztoken.exe dist/aztoken.exe
	$(GO) run ./scripts/consolecopy dist/aztoken.exe dist/aztoken.com
	rm -f dist/aztoken-windows-amd64.zip
	cd dist && zip -q aztoken-windows-amd64.zip aztoken.exe aztoken.com
	scripts/windows-check.sh dist
	@echo "dist/aztoken-windows-amd64.zip: aztoken.exe (the window) and aztoken.com (the command line)"

# Speed next to references measured in the same run, into bench/results.txt:
# about 20 minutes, 10 of them a memory soak (BENCH_SOAK=60 for a quick run)
# and 4 the soak under faults (make soak).
bench: setup-test
	scripts/bench.sh

# aztoken under faults, about four minutes: 10,000 requests through serve
# and 1,000 CLI fetches against an emulator that fails a fifth of its
# token requests; PASS/FAIL lines judge hangs, failures, memory and files.
soak: setup
	scripts/soak.sh

clean:
	rm -f $(BIN)
	rm -rf dist aztoken.tar.xz
