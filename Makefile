# RevOps Diagnostic — build, run and test.
#   make run    build, create the demo organisation if missing, start the desktop app
#   make test   gofmt, go vet, staticcheck and every test under -race
GO      ?= go
TAGS    ?= migrated_fynedo
BIN     ?= bin/revopsdx
FUZZTIME ?= 60s

.PHONY: run build deps deps-test test fmt-check vet staticcheck gotest bench fuzz fuzz-short smoke package wine-smoke clean

run: build
	./$(BIN) demo --if-missing --quiet && ./$(BIN) --open Demo $(ARGS)

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh build test

test: deps-test fmt-check vet staticcheck gotest fuzz-short

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

staticcheck:
	$(GO) tool staticcheck -tags $(TAGS) ./...

gotest:
	$(GO) test -race -tags $(TAGS) ./...

bench: deps-test
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

# Fuzz targets: package:function. `make fuzz` runs each for FUZZTIME;
# `make test` runs each for a few seconds.
FUZZ_TARGETS := diagnostic/importer:FuzzReadCSV diagnostic/importer/numparse:FuzzParse \
	diagnostic/importer/dateparse:FuzzParse diagnostic:FuzzParseAnswers

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz $$pkg $$fn for $(FUZZTIME)"; \
		$(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) ./$$pkg || exit 1; \
	done

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=3s

smoke: build
	scripts/gui-smoke.sh docs/screenshots/smoke.png

package: deps
	scripts/package.sh linux windows

wine-smoke:
	scripts/wine-smoke.sh dist/revopsdx-$$(awk -F'"' '/^[[:space:]]*Version[[:space:]]*=/ {print $$2; exit}' FyneApp.toml)-windows-amd64.exe

clean:
	rm -rf bin dist
