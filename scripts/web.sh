#!/usr/bin/env bash
# The web build (docs/web.md). Needs `scripts/setup.sh web` and the native build's baked assets
# (cmake --build build --target sagitta_web_assets); scripts/dev.sh web does all of it.
#   scripts/web.sh build             configure (once) and build build-web/ (the site: build-web/site)
#   scripts/web.sh serve             serve build-web/site on http://127.0.0.1:8080
#   scripts/web.sh build-and-serve
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build-and-serve}"
jobs="$(nproc 2>/dev/null || echo 2)"
# Debian's Emscripten: its JS optimiser needs Debian's acorn, and its cache is frozen (never set
# EM_CACHE); ../shared/PLATFORM.md "Web build"
export NODE_PATH=/usr/share/nodejs
unset EM_CACHE

build() {
  if [ ! -f build/web-assets/sagitta-assets.bin ]; then
    echo "web.sh: build/web-assets/sagitta-assets.bin is missing: build the native target sagitta_web_assets first (scripts/dev.sh web does)" >&2
    exit 1
  fi
  if [ ! -f build-web/CMakeCache.txt ]; then
    emcmake cmake -S web -B build-web -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DSAGITTA_BAKED_ASSETS="$PWD/build/web-assets/sagitta-assets.bin"
  fi
  cmake --build build-web --parallel "$jobs"
}

serve() {
  echo "Sagitta in the browser: http://127.0.0.1:8080/ (Ctrl+C stops)"
  exec python3 -m http.server 8080 --bind 127.0.0.1 --directory build-web/site
}

case "$what" in
  build) build ;;
  serve) serve ;;
  build-and-serve) build; serve ;;
  *) echo "usage: scripts/web.sh build | serve | build-and-serve" >&2; exit 2 ;;
esac
