// What tests and benchmarks ask of the frame loop, kept out of it: quitting after N frames, a
// PNG of the window at the last frame, the widget-layout and state dumps a driving test reads,
// frame timings, a camera that turns every frame, (SAGITTA_PROFILE) time per phase, and
// (SAGITTA_TEST_FAIL_FRAME=N) an unexpected exception in frame N, halfway through the interface,
// for the test of the frame boundary's catch-all.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include <glm/glm.hpp>

#include "scene/camera.h"
#include "ui/gui_app.h"

namespace sagitta::ui {

struct AppState;

class FrameHooks {
 public:
  explicit FrameHooks(const GuiOptions& options);

  // a scripted run (--exit-after-frames) or a benchmark never waits for input
  bool keepsDrawing() const { return options_.exit_after_frames > 0 || options_.orbit_rad_per_frame != 0.0f; }
  bool scripted() const { return options_.exit_after_frames > 0; }
  // Quit asked in a scripted run: one more frame, so the window screenshot sees the last picture.
  void quitAfterThisFrame() { quitting_ = true; }

  void frameStarts();
  // the benchmark's turning camera; throws std::runtime_error in the frame SAGITTA_TEST_FAIL_FRAME
  // names (an ImGui frame is open then)
  void moveCamera(scene::Camera& camera) const;
  // After the window's picture is drawn, before it is shown: the PNG at the last frame.
  void pictureDrawn(const glm::ivec2& framebuffer) const;
  // After the swap: dumps and timings. Returns false when the run is over.
  bool frameEnds(const AppState& app);
  // At exit: the last dumps and the peak memory.
  void finish(const AppState& app);

 private:
  bool lastFrame() const {
    return quitting_ || (options_.exit_after_frames > 0 && frames_ + 1 >= options_.exit_after_frames);
  }
  void writeDumps(const AppState& app) const;

  GuiOptions options_;
  bool quitting_ = false;
  int frames_ = 0;
  mutable int fail_frame_ = -1;  // SAGITTA_TEST_FAIL_FRAME, until it has failed once
  std::chrono::steady_clock::time_point frame_start_;
};

// Where frame time goes, per phase, when SAGITTA_PROFILE is set (printed at exit). glFinish
// after each GPU phase makes the split honest at the cost of some overlap.
class PhaseTimer {
 public:
  PhaseTimer();
  ~PhaseTimer();
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;
  void start();
  void lap(const char* phase, bool gpu = false);
  void frame() { frames_ += on_ ? 1 : 0; }
#ifdef __EMSCRIPTEN__
  // the browser's profile (web/site/sagitta.js, #profile): the laps of the last frame, in ms
  const std::map<std::string, double>& lastFrame() const {
    return frame_;
  }
#endif

 private:
  bool on_;
#ifdef __EMSCRIPTEN__
  std::map<std::string, double> frame_;
#endif
  int frames_ = 0;
  std::map<std::string, double> totals_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace sagitta::ui
