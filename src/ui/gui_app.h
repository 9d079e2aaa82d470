// The interactive application: a GLFW window with the 3D view and ImGui panels.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace sagitta::ui {

// Frame timings a benchmark asks for.
struct FrameStats {
  std::vector<double> frame_ms;    // CPU+GPU time of each frame (glFinish before the clock stops)
  std::vector<bool> full_quality;  // per frame: the 3D view on screen is full quality (not a moving frame)
  std::vector<char> window_parts;  // per frame: 0 the whole window drawn, 1 the 3D view alone, 2 nothing
  double first_frame_s = 0.0;      // from process start to the first frame on screen
  double peak_resident_mib = 0.0;
  std::string gl;  // renderer description
};

struct GuiOptions {
  std::optional<std::filesystem::path> scenario;  // opened at start
  std::filesystem::path model;                    // a model manifest (bring your own mesh); empty: built-in
  int exit_after_frames = 0;                      // > 0: quit after that many frames (smoke tests)
  std::filesystem::path
      window_screenshot;  // with exit_after_frames: PNG of the whole window at the last frame
  // benchmark controls
  std::optional<glm::ivec2> window_size;  // instead of the remembered size
  bool vsync = true;
  bool panels = true;             // false: the 3D view alone, no ImGui overlay
  float orbit_rad_per_frame = 0;  // turn the camera every frame (forces a redraw)
  int orbit_frames = 0;           // > 0: turn it during the first N frames only, then rest
  bool whole_window = false;      // draw the whole window every frame, as while the panels change
  FrameStats* stats = nullptr;    // filled when given (glFinish each frame for honest timing)
  // GUI tests: where named widgets are (JSON, rewritten every few frames), and the document
  // and measures at exit
  std::filesystem::path layout_dump;
  std::filesystem::path state_dump;
  // start recording the 3D view (1920×1080, 30 fps) at launch; it is finished when the window closes
  std::filesystem::path record;
};

// Runs until the window closes. Returns the process exit code. Throws GraphicsError when no
// OpenGL 3.3 context can be had.
int runGui(const GuiOptions& options);

#ifdef __EMSCRIPTEN__
// In the browser runGui starts the frame loop and returns; the page's hooks (web/sagitta_web.cpp)
// then act on the running app. Both return false with the one-sentence reason in `error`.
bool webSetParameter(const std::string& assignment, std::string& error);  // KEY=VALUE (report --set)
bool webOpenScenario(const std::filesystem::path& path, std::string& error);
void webSaveScenario(const std::filesystem::path& path);  // the edited document, as File > Save writes it
long webFramesDrawn();
// True when the view is at rest and its final (full-quality) frame is drawn: no animation, no
// moving frame pending, the frame loop idle (the page's sagittaTest.finish() waits for it).
bool webSettled();
// The last frame's phases in ms as JSON ({} unless SAGITTA_PROFILE was set before the start:
// the page's #profile), for the page's timings (docs/web.md).
std::string webLastFrameProfile();
#endif

}  // namespace sagitta::ui
