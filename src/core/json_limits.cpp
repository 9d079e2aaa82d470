#include "core/json_limits.h"

#include <vector>

#include "core/error.h"

namespace sagitta {

void checkJsonLimits(std::string_view text, const std::string& source, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw InputError(source + ": the file is " + std::to_string(text.size()) +
                     " bytes, more than the limit of " + std::to_string(limits.max_bytes) +
                     " bytes for a JSON file");
  }
  // one entry per open container: the number of keys so far (objects) or -1 (arrays)
  std::vector<long long> open;
  int line = 1;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;  // an escaped character (a newline cannot be escaped in JSON)
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '{':
      case '[':
        if (static_cast<int>(open.size()) >= limits.max_depth) {
          throw InputError(source + ":" + std::to_string(line) +
                           ": the JSON nests deeper than the limit of " + std::to_string(limits.max_depth) +
                           " levels");
        }
        open.push_back(c == '{' ? 1 : -1);
        break;
      case '}':
      case ']':
        if (!open.empty()) open.pop_back();
        break;
      case ',':
        if (!open.empty() && open.back() > 0 &&
            static_cast<std::size_t>(++open.back()) > limits.max_object_keys) {
          throw InputError(source + ":" + std::to_string(line) + ": an object holds more than the limit of " +
                           std::to_string(limits.max_object_keys) + " keys");
        }
        break;
      default:
        break;
    }
  }
}

}  // namespace sagitta
