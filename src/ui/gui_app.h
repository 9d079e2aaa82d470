// The interactive application: a GLFW window with the 3D view and ImGui panels.
#pragma once

#include <filesystem>
#include <optional>

namespace sagitta::ui {

struct GuiOptions {
  std::optional<std::filesystem::path> scenario;  // opened at start
  int exit_after_frames = 0;  // > 0: quit after that many frames (smoke tests)
  std::filesystem::path window_screenshot;  // with exit_after_frames: PNG of the whole window at the last frame
};

// Runs until the window closes. Returns the process exit code. Throws GraphicsError when no
// OpenGL 3.3 context can be had.
int runGui(const GuiOptions& options);

}  // namespace sagitta::ui
