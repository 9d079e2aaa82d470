// Force-included into the web build only (web/CMakeLists.txt): Emscripten 3.1.6's libc++ 14 has
// std::from_chars for integers but not for double, which src/scenario/parameters.cpp uses. This
// fills the gap with strtod under the same rules as the standard's: no leading whitespace or
// '+', no "0x" prefix, "C" locale (the only one Emscripten's libc has), result_out_of_range on
// overflow. The desktop build never sees this file.
#pragma once

#ifdef __cplusplus
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <system_error>

namespace std {
inline from_chars_result from_chars(const char* first, const char* last, double& value,
                                    chars_format = chars_format::general) {
  if (first == last || *first == ' ' || *first == '\t' || *first == '\n' || *first == '+' ||
      (last - first >= 2 && first[0] == '0' && (first[1] == 'x' || first[1] == 'X')) ||
      (last - first >= 3 && first[0] == '-' && first[1] == '0' && (first[2] == 'x' || first[2] == 'X'))) {
    return {first, errc::invalid_argument};
  }
  if (*first == '-' && last - first >= 2 && (first[1] == ' ' || first[1] == '+' || first[1] == '\t')) {
    return {first, errc::invalid_argument};
  }
  const string text(first, last);
  char* end = nullptr;
  errno = 0;
  const double v = strtod(text.c_str(), &end);
  if (end == text.c_str()) return {first, errc::invalid_argument};
  const char* ptr = first + (end - text.c_str());
  if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL)) return {ptr, errc::result_out_of_range};
  value = v;
  return {ptr, errc{}};
}
}  // namespace std
#endif
