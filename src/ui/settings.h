// Per-user settings kept between runs in the config folder (XDG): window size, UI scale,
// recent files. A missing or broken settings file is replaced by defaults (with a warning),
// never fatal; it is written atomically.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sagitta::ui {

struct Settings {
  int window_width = 1600;
  int window_height = 900;
  float ui_scale = 0.0f;  // 0: follow the monitor's content scale
  std::vector<std::string> recent_files;

  static constexpr float kMinScale = 1.0f;
  static constexpr float kMaxScale = 3.0f;
};

std::filesystem::path settingsPath();
Settings loadSettings(const std::filesystem::path& path = settingsPath());
void saveSettings(const Settings& settings, const std::filesystem::path& path = settingsPath());
// Puts a file at the top of the recent list (at most 8, no duplicates).
void addRecentFile(Settings& settings, const std::string& file);

}  // namespace sagitta::ui
