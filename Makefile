# The two set-up commands of the README: `make run` and `make test`.
# Both install missing Debian packages (scripts/debian-packages.txt), configure once and build incrementally.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=

.PHONY: all deps configure build run test package format bench clean

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

# Builds and runs every test (unit, integration, ui) with a real Secret Service, then checks formatting.
# In CI (CI=true) it also builds, validates, installs and removes the Debian package.
test: build
	scripts/run-tests.sh $(BUILD_DIR) $(CTEST_ARGS)
	cmake --build $(BUILD_DIR) --target format-check
	@if [ "$$CI" = true ]; then scripts/package-check.sh $(BUILD_DIR); fi

# Builds the Debian package: $(BUILD_DIR)/taskwatch_<version>_amd64.deb
package: build
	cd $(BUILD_DIR) && cpack -G DEB

# Runs every benchmark (bench/, docs/performance.md): a table of medians on stdout and every run in
# $(BUILD_DIR)/bench-results.json. About 25 minutes; BENCH_ARGS=--quick for a short pass.
bench: build
	$(BUILD_DIR)/bench/taskwatch-bench all --json $(BUILD_DIR)/bench-results.json $(BENCH_ARGS)

format: configure
	cmake --build $(BUILD_DIR) --target format

clean:
	rm -rf $(BUILD_DIR)
