#include "scenario/json_lines.h"

#include <algorithm>
#include <vector>

namespace sagitta::scenario {

int lineOfOffset(std::string_view text, std::size_t offset) {
  const std::size_t end = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

namespace {

// A small scanner over JSON text that calls visit(path, line) for every object key, in file
// order, until visit returns true. One path buffer is shared by all levels (each level
// remembers where its own path ends), so the scan is linear in the text, however deep it nests.
template <class Visit>
void scanKeys(std::string_view text, Visit visit) {
  struct Level {
    bool object = true;
    std::size_t path_end = 0;  // length of this container's path in `path`
    int index = 0;             // current element (arrays)
    bool expect_key = true;
  };
  std::vector<Level> stack;
  std::string path;
  std::string key;
  int line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\n':
        ++line;
        break;
      case '{':
      case '[': {
        // an object's path already ends in its key (set when the key was read)
        if (!stack.empty() && !stack.back().object) {
          path.resize(stack.back().path_end);
          path += '[';
          path += std::to_string(stack.back().index);
          path += ']';
        }
        stack.push_back({c == '{', path.size(), 0, true});
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
        key.clear();
        std::size_t j = i + 1;
        for (; j < text.size() && text[j] != '"'; ++j) {
          if (text[j] == '\n') ++line;
          if (text[j] == '\\' && j + 1 < text.size()) {
            ++j;
            key += text[j] == 'n' ? '\n' : text[j];  // enough for matching key names
          } else {
            key += text[j];
          }
        }
        if (!stack.empty() && stack.back().object && stack.back().expect_key) {
          Level& level = stack.back();
          level.expect_key = false;
          path.resize(level.path_end);
          if (level.path_end > 0) path += '.';
          path += key;
          if (visit(path, line)) return;
        }
        i = j;
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace

std::map<std::string, int> keyLines(std::string_view text) {
  std::map<std::string, int> out;
  scanKeys(text, [&](const std::string& path, int line) {
    out.emplace(path, line);
    return false;
  });
  return out;
}

int lineOfKey(std::string_view text, std::string_view path) {
  int found = 0;
  scanKeys(text, [&](const std::string& p, int line) {
    if (p != path) return false;
    found = line;
    return true;
  });
  return found;
}

std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    // the length of a well-formed UTF-8 sequence starting here, or 0
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    for (std::size_t k = 1; k < n; ++k) {
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) n = 0;
    }
    if (n == 1 && c >= 0x20 && c != 0x7f) {
      out += static_cast<char>(c);
    } else if (n > 1) {
      out.append(s.substr(i, n));
      i += n - 1;
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

std::string jsonErrorMessage(std::string_view text, const std::string& source,
                             const nlohmann::json::exception& e) {
  std::string what = e.what();
  if (const auto* parse = dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
    // "[json.exception.parse_error.101] parse error at line 1, column 2: REASON; last read: '...'"
    const auto colon = what.find(": ", what.find("parse error"));
    if (colon != std::string::npos) what = what.substr(colon + 2);
    const auto last_read = what.find("; last read");
    if (last_read != std::string::npos) {
      const auto expected = what.find("; expected", last_read);
      what = what.substr(0, last_read) + (expected != std::string::npos ? what.substr(expected) : "");
    }
    const int line = lineOfOffset(text, parse->byte > 0 ? parse->byte - 1 : 0);
    return source + ":" + std::to_string(line) + ": malformed JSON: " + printable(what);
  }
  // e.g. "number overflow parsing '1e400'": find the number in the text for its line
  int line = 1;
  const auto q1 = what.find('\'');
  const auto q2 = q1 == std::string::npos ? std::string::npos : what.find('\'', q1 + 1);
  if (q2 != std::string::npos) {
    const auto at = text.find(what.substr(q1 + 1, q2 - q1 - 1));
    if (at != std::string_view::npos) line = lineOfOffset(text, at);
  }
  const auto bracket = what.find("] ");
  if (bracket != std::string::npos) what = what.substr(bracket + 2);
  return source + ":" + std::to_string(line) + ": " + printable(what) + " (not a finite number)";
}

}  // namespace sagitta::scenario
