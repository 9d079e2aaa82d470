#!/usr/bin/env bash
# Installs every Debian 12 package Sagitta needs to build, run and test, when it is missing.
# Idempotent: a second run installs nothing. Uses sudo only when not root.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # the checks of the test command: formatting, and the sanitizer build with clang and clang-tidy
  # (Debian 12's LLVM 14; the asan-ubsan preset names clang-14, clang++-14 and clang-tidy-14)
  clang-14 clang-tidy-14 clang-format-14
  # libraries (see ../shared/PLATFORM.md for how CMake finds each)
  libglfw3-dev libglm-dev libassimp-dev libimgui-dev libstb-dev
  python3-glad nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libavfilter-dev
  # runtime: font, software OpenGL and a virtual display for headless use and tests
  fonts-dejavu-core libgl1-mesa-dri libglx-mesa0 xvfb xauth xdotool
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup: these packages are missing and this user is not root and has no sudo: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
