#include "core/paths.h"

#include <cstdlib>
#include <system_error>

#include <unistd.h>

#include "core/error.h"

namespace sagitta::paths {
namespace fs = std::filesystem;

namespace {

// $<xdg_var>/sagitta, else ~/<home_sub>/sagitta, else <tmp>/sagitta-<tmp_suffix>; created.
fs::path xdgDir(const char* xdg_var, const char* home_sub, const char* tmp_suffix) {
  fs::path dir;
  if (const char* xdg = std::getenv(xdg_var); xdg != nullptr && xdg[0] == '/') {
    dir = fs::path(xdg) / "sagitta";
  } else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0') {
    dir = fs::path(home) / home_sub / "sagitta";
  } else {
    dir = fs::temp_directory_path() / (std::string("sagitta-") + tmp_suffix);
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  return dir;
}

}  // namespace

std::filesystem::path configDir() {
  return xdgDir("XDG_CONFIG_HOME", ".config", "config");
}

std::filesystem::path cacheDir() {
  return xdgDir("XDG_CACHE_HOME", ".cache", "cache");
}

std::filesystem::path executableDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path() : exe.parent_path();
}

std::filesystem::path assetsDir() {
  std::error_code ec;
  auto usable = [&](const fs::path& p) { return fs::is_directory(p / "models", ec); };
  if (const char* env = std::getenv("SAGITTA_ASSETS"); env != nullptr && env[0] != '\0') {
    if (usable(env)) return env;
    throw IoError(std::string("SAGITTA_ASSETS is ") + env + ", which holds no models folder");
  }
  const fs::path exe = executableDir();
  for (const fs::path& candidate :
       {exe / "assets", exe.parent_path() / "assets", fs::path(SAGITTA_SOURCE_DIR) / "assets"}) {
    if (usable(candidate)) return candidate;
  }
  throw IoError("cannot find Sagitta's assets folder (set SAGITTA_ASSETS to it)");
}

}  // namespace sagitta::paths
