#include "ui/frame_hooks.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/image.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "render/gl.h"
#include "scenario/report.h"
#include "ui/app_state.h"

namespace sagitta::ui {
namespace {

// The default framebuffer's back buffer (what is about to be shown), top row first.
Image readWindowPixels(const glm::ivec2& fb) {
  Image img;
  img.width = fb.x;
  img.height = fb.y;
  std::vector<std::uint8_t> bottom_up(static_cast<std::size_t>(fb.x) * fb.y * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, fb.x, fb.y, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  img.rgba.resize(bottom_up.size());
  const std::size_t row = static_cast<std::size_t>(fb.x) * 4;
  for (int y = 0; y < fb.y; ++y) {
    std::copy_n(bottom_up.data() + static_cast<std::size_t>(fb.y - 1 - y) * row, row,
                img.rgba.data() + y * row);
  }
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;  // the window is opaque
  return img;
}

}  // namespace

void FrameHooks::frameStarts() {
  frame_start_ = std::chrono::steady_clock::now();
}

FrameHooks::FrameHooks(const GuiOptions& options) : options_(options) {
  if (const char* n = std::getenv("SAGITTA_TEST_FAIL_FRAME")) fail_frame_ = std::atoi(n);
}

void FrameHooks::moveCamera(scene::Camera& camera) const {
  if (frames_ == fail_frame_) {
    fail_frame_ = -1;  // once: the frame is not counted, so the next one has the same number
    throw std::runtime_error("a test asked this frame to fail");
  }
  if (options_.orbit_rad_per_frame == 0.0f) return;
  if (options_.orbit_frames > 0 && frames_ >= options_.orbit_frames) return;  // the view rests
  camera.orbit(options_.orbit_rad_per_frame, 0.0f);
}

void FrameHooks::pictureDrawn(const glm::ivec2& framebuffer) const {
  if (lastFrame() && !options_.window_screenshot.empty())
    writePng(options_.window_screenshot, readWindowPixels(framebuffer));
}

bool FrameHooks::frameEnds(const AppState& app) {
  writeDumps(app);
  if (options_.stats != nullptr) {
    glFinish();  // count the GPU's (llvmpipe's) work in this frame, not the next
    const auto end = std::chrono::steady_clock::now();
    if (frames_ == 0) options_.stats->first_frame_s = secondsSinceProcessStart();
    options_.stats->frame_ms.push_back(std::chrono::duration<double, std::milli>(end - frame_start_).count());
  }
  const bool last = lastFrame();
  ++frames_;
  return !last;
}

void FrameHooks::finish(const AppState& app) {
  writeDumps(app);
  if (options_.stats != nullptr) options_.stats->peak_resident_mib = peakResidentMiB();
}

void FrameHooks::writeDumps(const AppState& app) const {
  try {
    if (!options_.layout_dump.empty()) {
      nlohmann::json j;
      for (const auto& [key, r] : app.widget_rects) j[key] = {r[0], r[1], r[2], r[3]};
      j["frame"] = frames_;  // lets a driving test wait for the app to see its input
      // what is open over the panels: a menu, list or dialog (ImGui's popups), the help window
      j["popup_open"] = ImGui::GetCurrentContext() != nullptr &&
                        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
      j["help_shown"] = app.show_help;
      writeFileAtomic(options_.layout_dump, j.dump(1));
    }
    if (!options_.state_dump.empty()) {
      nlohmann::json j = nlohmann::json::parse(
          scenario::reportJson(app.shown().scenario.inputs, app.session.solution()).dump());
      j["shown"]["pelvic_tilt_deg"] = app.session.shownMeasures().pelvic_tilt_deg;
      writeFileAtomic(options_.state_dump, j.dump(1));
    }
  } catch (const std::exception& e) {
    log::warning(std::string("could not write a test dump: ") + e.what());
  }
}

PhaseTimer::PhaseTimer() : on_(std::getenv("SAGITTA_PROFILE") != nullptr) {}

void PhaseTimer::start() {
  if (on_) last_ = std::chrono::steady_clock::now();
#ifdef __EMSCRIPTEN__
  frame_.clear();
#endif
}

void PhaseTimer::lap(const char* phase, bool gpu) {
  if (!on_) return;
  if (gpu) glFinish();
  const auto now = std::chrono::steady_clock::now();
  totals_[phase] += std::chrono::duration<double, std::milli>(now - last_).count();
#ifdef __EMSCRIPTEN__
  frame_[phase] += std::chrono::duration<double, std::milli>(now - last_).count();
#endif
  last_ = now;
}

PhaseTimer::~PhaseTimer() {
  if (!on_ || frames_ == 0) return;
  std::fprintf(stderr, "sagitta: mean time per frame over %d frames:\n", frames_);
  for (const auto& [phase, ms] : totals_)
    std::fprintf(stderr, "  %-22s %8.2f ms\n", phase.c_str(), ms / frames_);
}

}  // namespace sagitta::ui
