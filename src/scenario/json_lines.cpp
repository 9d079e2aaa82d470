#include "scenario/json_lines.h"

#include <algorithm>
#include <vector>

namespace sagitta::scenario {

int lineOfOffset(std::string_view text, std::size_t offset) {
  const std::size_t end = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

std::map<std::string, int> keyLines(std::string_view text) {
  // A small scanner over already-validated JSON: a stack of containers, each knowing the path
  // that leads to it; a string in key position is recorded with its line.
  struct Frame {
    bool object = true;
    std::string path;  // path of this container
    std::string key;   // current key (objects)
    int index = 0;     // current element (arrays)
    bool expect_key = true;
  };
  std::map<std::string, int> out;
  std::vector<Frame> stack;
  int line = 1;
  auto childPath = [&]() -> std::string {
    if (stack.empty()) return "";
    const Frame& f = stack.back();
    if (f.object) return f.path.empty() ? f.key : f.path + "." + f.key;
    return f.path + "[" + std::to_string(f.index) + "]";
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\n':
        ++line;
        break;
      case '{':
      case '[': {
        Frame f;
        f.object = c == '{';
        f.path = childPath();
        stack.push_back(f);
        break;
      }
      case '}':
      case ']':
        if (!stack.empty()) stack.pop_back();
        break;
      case ',':
        if (!stack.empty()) {
          if (stack.back().object) {
            stack.back().expect_key = true;
          } else {
            ++stack.back().index;
          }
        }
        break;
      case '"': {
        std::string s;
        std::size_t j = i + 1;
        for (; j < text.size() && text[j] != '"'; ++j) {
          if (text[j] == '\\' && j + 1 < text.size()) {
            ++j;
            s += text[j] == 'n' ? '\n' : text[j];  // enough for matching key names
          } else {
            s += text[j];
          }
        }
        if (!stack.empty() && stack.back().object && stack.back().expect_key) {
          Frame& f = stack.back();
          f.key = s;
          f.expect_key = false;
          out.emplace(f.path.empty() ? s : f.path + "." + s, line);
        }
        i = j;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

}  // namespace sagitta::scenario
