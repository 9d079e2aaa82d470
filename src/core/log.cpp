#include "core/log.h"

#include <cstdio>
#include <mutex>
#include <string>

namespace sagitta::log {
namespace {

// Logging may be called from the recorder's worker thread, so the state is guarded.
std::mutex& mutex() {
  static std::mutex m;
  return m;
}
Level& minimum() {
  static Level l = Level::kInfo;
  return l;
}
std::function<void(Level, std::string_view)>& sink() {
  static std::function<void(Level, std::string_view)> s;
  return s;
}

const char* prefix(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug: ";
    case Level::kInfo:
      return "";
    case Level::kWarning:
      return "warning: ";
    case Level::kError:
      return "error: ";
  }
  return "";
}

}  // namespace

void setMinimumLevel(Level level) {
  std::lock_guard lock(mutex());
  minimum() = level;
}

void setSink(std::function<void(Level, std::string_view)> s) {
  std::lock_guard lock(mutex());
  sink() = std::move(s);
}

void write(Level level, std::string_view message) {
  std::lock_guard lock(mutex());
  if (level < minimum()) return;
  std::fprintf(stderr, "sagitta: %s%.*s\n", prefix(level), static_cast<int>(message.size()), message.data());
  if (sink()) sink()(level, message);
}

}  // namespace sagitta::log
