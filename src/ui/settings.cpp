#include "ui/settings.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/log.h"
#include "core/paths.h"

namespace sagitta::ui {

std::filesystem::path settingsPath() {
  return paths::configDir() / "settings.json";
}

Settings loadSettings(const std::filesystem::path& path) {
  Settings s;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return s;
  try {
    const nlohmann::json j = nlohmann::json::parse(readFile(path));
    s.window_width = std::clamp(j.value("window_width", s.window_width), 320, 16384);
    s.window_height = std::clamp(j.value("window_height", s.window_height), 240, 16384);
    const float scale = j.value("ui_scale", 0.0f);
    s.ui_scale = scale == 0.0f ? 0.0f : std::clamp(scale, Settings::kMinScale, Settings::kMaxScale);
    if (j.contains("recent_files") && j["recent_files"].is_array()) {
      for (const auto& f : j["recent_files"]) {
        if (f.is_string()) s.recent_files.push_back(f.get<std::string>());
      }
    }
  } catch (const std::exception& e) {
    log::warning("ignoring the settings in " + path.string() + " (" + e.what() + "); using defaults");
    return Settings{};
  }
  return s;
}

void saveSettings(const Settings& s, const std::filesystem::path& path) {
  nlohmann::json j;
  j["window_width"] = s.window_width;
  j["window_height"] = s.window_height;
  j["ui_scale"] = s.ui_scale;
  j["recent_files"] = s.recent_files;
  writeFileAtomic(path, j.dump(2) + "\n");
}

void addRecentFile(Settings& s, const std::string& file) {
  std::erase(s.recent_files, file);
  s.recent_files.insert(s.recent_files.begin(), file);
  if (s.recent_files.size() > 8) s.recent_files.resize(8);
}

}  // namespace sagitta::ui
