# The two set-up commands of the README are `./make.sh run` and `./make.sh test`: make.sh installs make where even
# it is missing, then runs `make run` and `make test` here.
# Both install missing Debian packages (scripts/debian-packages.txt), configure once and build incrementally.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=

.PHONY: all deps configure build run test test-sanitize fuzz package format bench clean

all: build

deps:
	@scripts/ensure-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: deps configure
	cmake --build $(BUILD_DIR)

# Starts the desktop app (on the embedded demo tenant when no connection is configured).
run: build
	$(BUILD_DIR)/app/taskwatch $(ARGS)

# Builds and runs every test (unit, integration, ui, soak, hardening) with a real Secret Service, then checks
# formatting. In CI (CI=true) it also builds, validates, installs and removes the Debian package, runs the
# whole suite again under AddressSanitizer + UBSan, and runs each fuzzer for FUZZ_SECONDS (docs/reliability.md).
test: build
	scripts/run-tests.sh $(BUILD_DIR) $(CTEST_ARGS)
	cmake --build $(BUILD_DIR) --target format-check
	@if [ "$$CI" = true ]; then scripts/package-check.sh $(BUILD_DIR); fi
	@if [ "$$CI" = true ]; then $(MAKE) --no-print-directory test-sanitize fuzz; fi

FUZZ_SECONDS ?= 30

# The whole suite built with -DTASKWATCH_SANITIZE=ON in its own build directory; any report fails.
test-sanitize: deps
	scripts/sanitize-tests.sh $(BUILD_DIR)-sanitize $(CTEST_ARGS)

# Each libFuzzer target (clang) for FUZZ_SECONDS; a finding is saved under tests/data/fuzz-regressions/.
fuzz: deps
	scripts/fuzz.sh $(BUILD_DIR)-fuzz $(FUZZ_SECONDS)

# Builds the Debian package: $(BUILD_DIR)/taskwatch_<version>_amd64.deb
package: build
	cd $(BUILD_DIR) && cpack -G DEB

# Runs every benchmark (bench/, docs/performance.md): a table of medians on stdout and every run in
# $(BUILD_DIR)/bench-results.json. About 30 minutes (its run in docs/performance.md says how long it took);
# BENCH_ARGS=--quick for a short pass.
bench: build
	$(BUILD_DIR)/bench/taskwatch-bench all --json $(BUILD_DIR)/bench-results.json $(BENCH_ARGS)

format: configure
	cmake --build $(BUILD_DIR) --target format

clean:
	rm -rf $(BUILD_DIR)
