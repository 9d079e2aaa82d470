#!/usr/bin/env bash
# Fails, listing the files, when a C/C++ source of the project does not match .clang-format
# (clang-format 14, Debian 12's). Fix them with: clang-format-14 -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."

format="$(command -v clang-format-14 || command -v clang-format || true)"
if [ -z "$format" ]; then
  echo "check-format: clang-format-14 is not installed (scripts/setup.sh installs it)" >&2
  exit 1
fi
mapfile -t files < <(git ls-files -- '*.c' '*.cc' '*.cpp' '*.h' '*.hpp' | grep -v '^shared/' || true)
# one run over every file (a process per file is slow on a busy machine); the files named in its
# complaints are the ones that differ
mapfile -t bad < <("$format" --style=file --dry-run "${files[@]}" 2>&1 |
  sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: \(warning\|error\): code should be clang-formatted.*/\1/p' | sort -u)
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: ${#bad[@]} of ${#files[@]} files do not match .clang-format; run: $(basename "$format") -i FILE..." >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files match .clang-format"
