# aztoken: `make run` and `make test` do all set-up on Debian/Ubuntu.
.PHONY: all setup setup-test build release run demo test check session bench clean

GO      ?= go
BIN     ?= aztoken
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  = -X github.com/aztoken/aztoken/ui/cli.Version=$(VERSION)
export LANG = en_US.UTF-8

all: build

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

# A plain build keeps Fyne's thread checks on, so a widget touched off the
# main goroutine is reported; `make release` is the quiet, small build.
build: setup
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

release: setup
	$(GO) build -tags no_emoji,migrated_fynedo -trimpath -ldflags "-s -w $(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN)

# The offline demo: an emulated Azure, throwaway profiles, no keyring.
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
	GOOS=darwin $(GO) vet -tags ci $$($(GO) list ./... | grep -v -e '/ui$$' -e '/aztoken$$')

# The session has a virtual display, a private D-Bus bus and an unlocked
# gnome-keyring in a temporary HOME: unit and UI tests (headless with -tags
# ci), the real keyring (-tags keyring), then the real window (-tags smoke).
session:
	scripts/with-session.sh sh -c '\
		$(GO) test -race -tags "ci keyring" ./... && \
		$(GO) test -tags smoke -run Smoke -count=1 .'

bench: setup-test
	scripts/bench.sh

clean:
	rm -f $(BIN)
	rm -rf dist
