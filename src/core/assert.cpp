#include "core/assert.h"

#include <cstdio>
#include <cstdlib>

namespace sagitta::detail {

void assertFailed(const char* condition, const char* message, const char* file, int line) {
  std::fprintf(stderr, "sagitta: internal error at %s:%d: %s (%s)\n", file, line, message, condition);
  std::fflush(stderr);
  std::abort();
}

}  // namespace sagitta::detail
