#!/usr/bin/env bash
# Installs every Debian 12 package Sagitta needs to build, run and test, when it is missing.
# Idempotent: a second run installs nothing. Uses sudo only when not root.
#   scripts/setup.sh        the desktop build
#   scripts/setup.sh web    also the web build: Emscripten, Debian's chromium for the browser
#                           tests, and Dear ImGui's core sources (Debian's source package, into
#                           .deps/imgui; ../shared/PLATFORM.md "Web build")
set -euo pipefail
cd "$(dirname "$0")/.."
web=0
if [ "${1:-}" = web ]; then web=1; fi

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # the checks of the test command: formatting, and the sanitizer build with clang and clang-tidy
  # (Debian 12's LLVM 14; the asan-ubsan preset names clang-14, clang++-14 and clang-tidy-14;
  # libclang-rt-14-dev holds the ASan/UBSan runtimes, which clang-14 only recommends)
  clang-14 clang-tidy-14 clang-format-14 libclang-rt-14-dev
  # libraries (see ../shared/PLATFORM.md for how CMake finds each)
  libglfw3-dev libglm-dev libassimp-dev libimgui-dev libstb-dev
  python3-glad nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libavfilter-dev
  # runtime: font, software OpenGL and a virtual display for headless use and tests
  fonts-dejavu-core libgl1-mesa-dri libglx-mesa0 xvfb xauth xdotool
)
if [ "$web" = 1 ]; then
  # Emscripten 3.1.6 (clang, binaryen, its JS optimiser needs Debian's acorn: node-acorn);
  # chromium runs the page headless with SwiftShader's WebGL 2; xz-utils unpacks ImGui's sources
  packages+=(emscripten node-acorn chromium xz-utils python3)
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  as_root=(false)
fi

# Dear ImGui's core sources for the web build: libimgui-dev ships only a prebuilt library and
# the backends, so take imgui.cpp & co. from Debian's source package of the same version (1.86),
# with a private sources list that leaves the system's untouched.
fetch_imgui_sources() {
  local dest=.deps/imgui
  if [ -f "$dest/imgui.cpp" ]; then return 0; fi
  local tmp
  tmp="$(mktemp -d)"
  chmod 755 "$tmp"  # apt's _apt user downloads into it
  local src_list=/etc/apt/sources.list.d/debian.sources
  if [ ! -f "$src_list" ]; then
    echo "setup: $src_list is missing; cannot find Debian's source package for imgui" >&2
    exit 1
  fi
  sed 's/^Types: deb$/Types: deb deb-src/' "$src_list" > "$tmp/src.sources"
  mkdir -p "$tmp/lists/partial"
  local apt_opts=(-o Dir::Etc::sourcelist="$tmp/src.sources" -o Dir::Etc::sourceparts=/nonexistent
                  -o Dir::State::Lists="$tmp/lists" -o Debug::NoLocking=1)
  echo "setup: fetching Dear ImGui's sources (Debian source package imgui)"
  apt-get "${apt_opts[@]}" update -qq
  (cd "$tmp" && apt-get "${apt_opts[@]}" source --download-only imgui >/dev/null)
  local orig
  orig="$(ls "$tmp"/imgui_*.orig.tar.* | head -1)"
  mkdir -p "$tmp/x" "$dest"
  tar -xf "$orig" -C "$tmp/x"
  local top
  top="$(ls -d "$tmp"/x/*/ | head -1)"
  cp "$top"/imgui*.cpp "$top"/imgui*.h "$top"/imconfig.h "$top"/imstb_*.h "$dest"/
  mkdir -p "$dest/backends"
  cp "$top"/backends/imgui_impl_glfw.* "$top"/backends/imgui_impl_opengl3.* "$dest/backends/"
  cp "$top"/backends/imgui_impl_opengl3_loader.h "$dest/backends/" 2>/dev/null || true
  rm -rf "$tmp"
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "${as_root[*]}" = false ]; then
    echo "setup: these packages are missing and this user is not root and has no sudo: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "$web" = 1 ]; then fetch_imgui_sources; fi
