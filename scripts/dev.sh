#!/usr/bin/env bash
# The two quick-start commands (README.md):
#   scripts/dev.sh app [ARGS...]   install what is missing, build, launch Sagitta on the built-in model
#   scripts/dev.sh test            install what is missing, check formatting, build, run every test
#                                  (CI runs exactly this: .ci/run). Then the browser tests: it
#                                  installs what the web build needs (scripts/setup.sh web), builds
#                                  the page into build-web/ (scripts/web.sh build, with the assets
#                                  the native build baked), configures build/ with
#                                  -DSAGITTA_WEB_TESTS=ON and runs the tests labelled `web`
#                                  (headless chromium; README "Tests"); SAGITTA_WEB=0 leaves
#                                  this step out. Then it builds the unit tests with ASan + UBSan
#                                  and clang-tidy 14 (as errors) in build-asan/ (preset
#                                  "asan-ubsan", a unity build) and runs them (README "Tests");
#                                  SAGITTA_ASAN=0 skips that sanitizer step
# The build lives in build/ (CMake preset "dev": optimised, warnings are errors).
#   scripts/dev.sh web             install what the web build needs, bake the assets with the
#                                  native build (build/web-assets), build the page into
#                                  build-web/ and serve it on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-}"
shift || true
case "$what" in
  app|test|web) ;;
  *) echo "usage: scripts/dev.sh app [ARGS...] | scripts/dev.sh test | scripts/dev.sh web" >&2; exit 2 ;;
esac

jobs="$(nproc 2>/dev/null || echo 2)"
if [ "$what" = web ]; then
  scripts/setup.sh web
  if [ ! -f build/CMakeCache.txt ]; then
    cmake --preset dev
  fi
  # the native build bakes the shipped models for the page (src/web/baked_assets.h)
  cmake --build build --parallel "$jobs" --target sagitta_web_assets
  if [ -f web/CMakeLists.txt ]; then
    exec scripts/web.sh build-and-serve
  fi
  echo "dev.sh web: baked build/web-assets/sagitta-assets.bin; the page itself is not built yet (web/ is missing)" >&2
  exit 1
fi

scripts/setup.sh
# formatting first: it takes seconds and names every file that differs
if [ "$what" = test ]; then
  scripts/check-format.sh
fi
if [ ! -f build/CMakeCache.txt ]; then
  cmake --preset dev
fi
web_tests="${SAGITTA_WEB:-1}"
if [ "$what" != test ]; then web_tests=0; fi
if [ "$web_tests" = 0 ] && grep -q '^SAGITTA_WEB_TESTS:BOOL=ON' build/CMakeCache.txt; then
  # an earlier `dev.sh test` turned the browser tests on; without the web step they would run
  # (or fail to configure) against a stale or missing build-web/
  cmake -S . -B build -DSAGITTA_WEB_TESTS=OFF >/dev/null
fi
cmake --build build --parallel "$jobs"

# Tests that render need a display; without one, Xvfb provides a virtual one (Mesa llvmpipe).
with_display() {
  if [ -n "${DISPLAY:-}" ] && command -v xdpyinfo >/dev/null 2>&1 && xdpyinfo >/dev/null 2>&1; then
    "$@"
  elif [ -n "${DISPLAY:-}" ] && ! command -v xdpyinfo >/dev/null 2>&1; then
    "$@"
  else
    # -noreset: Xvfb would otherwise reset whenever its last client leaves, and a test that
    # opens a window during that reset fails to connect
    xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$@"
  fi
}

if [ "$what" = test ]; then
  # the browser tests (label `web`) run in their own step below, once the page is built
  with_display ctest --test-dir build --output-on-failure --parallel "$jobs" --timeout 600 -LE "^web$"
  if [ "$web_tests" != 0 ]; then
    # The web build and its browser tests (docs/web.md "Tests and figures"). A fresh clone works:
    # the native build above baked the assets the page loads (target sagitta_web_assets).
    start=$SECONDS
    scripts/setup.sh web
    cmake --build build --parallel "$jobs" --target sagitta_web_assets
    scripts/web.sh build
    built=$SECONDS
    # registers web_page_test (all browser tests) now that build-web/site exists
    cmake -S . -B build -DSAGITTA_WEB_TESTS=ON >/dev/null
    with_display ctest --test-dir build --output-on-failure --timeout 900 -L "^web$"
    echo "web: page built in $((built - start)) s, browser tests $((SECONDS - built)) s (SAGITTA_WEB=0 leaves them out)"
  fi
  if [ "${SAGITTA_ASAN:-1}" != 0 ]; then
    # The unit tests (no window, no `sagitta` binary) under AddressSanitizer and
    # UndefinedBehaviorSanitizer, every source they compile checked by clang-tidy as errors.
    # Only what they need is built, so it fits CI's time on two cores (README, "Tests"). Left out
    # of the run, as too dear under the sanitizers (they run natively above): the regeneration of
    # the shipped assets, the checks against the real bones, a stature generated and cached.
    start=$SECONDS
    if [ ! -f build-asan/CMakeCache.txt ]; then
      cmake --preset asan-ubsan >/dev/null
    fi
    cmake --build build-asan --target sagitta_unit_tests --parallel "$jobs"
    built=$SECONDS
    export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    while read -r program; do
      [ -n "$program" ] || continue
      echo "asan-ubsan: $(basename "$program")"
      "$program" --gtest_brief=1 \
        --gtest_filter='-AssetsRegeneration.*:*RealBones.*:BodyModel.AStatureNotShippedIsGeneratedOnceAndCached'
    done < build-asan/unit_tests.txt
    echo "asan-ubsan: unit tests passed (build $((built - start)) s, tests $((SECONDS - built)) s)"
  fi
else
  if [ -z "${DISPLAY:-}" ]; then
    echo "sagitta: built build/sagitta, but there is no display to open its window on (DISPLAY is not set)." >&2
    echo "sagitta: run this from a desktop session, or render headless:" >&2
    echo "  xvfb-run -a -s \"-screen 0 1920x1080x24\" build/sagitta render --out shot.png" >&2
    exit 1
  fi
  exec build/sagitta "$@"
fi
