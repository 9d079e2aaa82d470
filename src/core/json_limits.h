// Bounds on JSON input, checked by one linear scan before a parser sees the text: a file of
// 100,000 nested '[' or 100,000 keys in one object must be refused quickly with a clear message,
// not take the parser (recursive, and O(n^2) for ordered objects) out of time or memory.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sagitta {

struct JsonLimits {
  std::size_t max_bytes = 16u << 20;  // 16 MiB: the largest Sagitta file is a few kB
  int max_depth = 64;                 // Sagitta's own files nest 4 levels deep
  std::size_t max_object_keys = 10000;
};

// Throws InputError "SOURCE:LINE: ..." naming the limit when `text` is larger, nests deeper or
// holds an object with more keys than `limits` allow. Says nothing about other syntax errors:
// the parser reports those.
void checkJsonLimits(std::string_view text, const std::string& source, const JsonLimits& limits = {});

}  // namespace sagitta
