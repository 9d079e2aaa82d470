// Minimal levelled logging to stderr. The GUI also shows warnings and errors in its status bar
// through a sink it installs; the CLI keeps stderr for messages and stdout for results.
#pragma once

#include <functional>
#include <string_view>

namespace sagitta::log {

enum class Level { kDebug, kInfo, kWarning, kError };

void setMinimumLevel(Level level);
// A sink receives every message at or above the minimum level (in addition to stderr).
void setSink(std::function<void(Level, std::string_view)> sink);
void write(Level level, std::string_view message);

inline void debug(std::string_view m) {
  write(Level::kDebug, m);
}
inline void info(std::string_view m) {
  write(Level::kInfo, m);
}
inline void warning(std::string_view m) {
  write(Level::kWarning, m);
}
inline void error(std::string_view m) {
  write(Level::kError, m);
}

}  // namespace sagitta::log
