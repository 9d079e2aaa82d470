// Where Sagitta finds its assets and keeps per-user settings.
#pragma once

#include <filesystem>

namespace sagitta::paths {

// The per-user config folder (XDG: $XDG_CONFIG_HOME/sagitta or ~/.config/sagitta), created on
// demand. Holds the ImGui layout, window size, UI scale and recent files.
std::filesystem::path configDir();

// The per-user cache folder ($XDG_CACHE_HOME/sagitta or ~/.cache/sagitta), created on demand:
// built-in models generated for a body that is not shipped.
std::filesystem::path cacheDir();

// The folder of built-in models and timelines. Searched in order: $SAGITTA_ASSETS, the
// `assets` folder next to or one level above the executable, the source tree it was built from.
// Throws IoError when none exists.
std::filesystem::path assetsDir();

// The folder of the running executable.
std::filesystem::path executableDir();

}  // namespace sagitta::paths
