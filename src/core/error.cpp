#include "core/error.h"

#include <cerrno>
#include <cstring>

namespace sagitta {

std::string systemErrorText(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

}  // namespace sagitta
