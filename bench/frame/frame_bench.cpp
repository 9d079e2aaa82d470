// Frame-time benchmark of the real GUI loop on the default scene at 1920×1080 (issue 2):
// 3D view rendered offscreen (shadows, 4× MSAA), copied into the window, ImGui panels drawn
// over it, buffers swapped, glFinish — 300 frames with the camera turning every frame so
// nothing is cached. Prints median and p95 with and without the ImGui overlay, the time from
// process start to the first frame, and peak memory.
//
// Run under a display, e.g.  xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/frame/sagitta_frame_bench
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/process_stats.h"
#include "ui/gui_app.h"

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

sagitta::ui::FrameStats runFrames(bool panels, float orbit, int frames) {
  sagitta::ui::FrameStats stats;
  sagitta::ui::GuiOptions o;
  o.exit_after_frames = frames;
  o.window_size = glm::ivec2(1920, 1080);
  o.vsync = false;
  o.panels = panels;
  o.orbit_rad_per_frame = orbit;
  o.stats = &stats;
  sagitta::ui::runGui(o);
  return stats;
}

void print(const char* what, const sagitta::ui::FrameStats& s) {
  // the first frames build fonts and upload meshes: report them apart from the steady state
  std::vector<double> steady(s.frame_ms.begin() + std::min<std::size_t>(5, s.frame_ms.size()), s.frame_ms.end());
  std::printf("%-52s median %6.1f ms   p95 %6.1f ms   (%zu frames, first frame %.1f ms)\n", what,
              percentile(steady, 0.5), percentile(steady, 0.95), steady.size(),
              s.frame_ms.empty() ? 0.0 : s.frame_ms.front());
}

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 300;
  // keep the user's real settings out of it
  ::setenv("XDG_CONFIG_HOME", "/tmp/sagitta-bench-config", 1);
  std::printf("Sagitta frame benchmark: default scene, 1920x1080 window, shadows on, 4x MSAA, vsync off\n");
  const auto with_ui = runFrames(true, 0.01f, frames);
  std::printf("renderer: %s\n", with_ui.gl.c_str());
  std::printf("time from process start to first frame: %.0f ms\n", with_ui.first_frame_s * 1000.0);
  print("orbiting camera, with ImGui overlay", with_ui);
  print("orbiting camera, without ImGui overlay", runFrames(false, 0.01f, frames));
  print("still camera (shadow map cached), with ImGui overlay", runFrames(true, 0.0f, frames));
  std::printf("peak resident memory: %.0f MiB\n", sagitta::peakResidentMiB());
  std::printf("target: median <= 16.7 ms at 1080p\n");
  return 0;
}
