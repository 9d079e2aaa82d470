// What a 1920×1080 frame of the 3D view costs on this machine, part by part: the full view,
// then with one feature turned off at a time. Prints the median of N frames for each.
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/frame/sagitta_render_breakdown [frames]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "render/gl.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "render/window.h"
#include "scene/default_model.h"
#include "scene/session.h"
#include "ui/view_composer.h"

using namespace sagitta;

namespace {

double medianMs(int frames, const std::function<void()>& draw) {
  std::vector<double> ms;
  draw();  // warm up: uploads, shader variants
  glFinish();
  for (int i = 0; i < frames; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    draw();
    glFinish();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::max(3, std::atoi(argv[1])) : 20;
  render::WindowOptions wo;
  wo.visible = false;
  wo.vsync = false;
  wo.width = wo.height = 64;
  render::Window window(wo);
  std::printf("renderer: %s\n", window.glDescription().c_str());
  render::Renderer renderer;
  ui::ViewComposer composer;
  for (const anatomy::Lod lod : {anatomy::Lod::kDefault, anatomy::Lod::kLow}) {
    scene::Session session(scene::loadDefaultModel(lod));
    session.settle();
    std::printf("\n%s level of detail, 1920x1080, median of %d frames:\n",
                lod == anatomy::Lod::kDefault ? "default" : "low", frames);
    auto run = [&](const char* what, int msaa, const std::function<void(scene::ViewState&)>& change,
                   bool orbit) {
      render::RenderTarget target(1920, 1080, msaa);
      scene::Document doc = session.shown();
      change(doc.view);
      session.show(doc);
      scene::Camera camera = session.cameraFor(doc.view, 16.0f / 9.0f);
      const double ms = medianMs(frames, [&] {
        if (orbit) camera.orbit(0.01f, 0.0f);  // a moving camera redraws the shadow map too
        const scene::FrameContent f = session.frame(camera);
        composer.composeFrame(renderer, f, session.meshes(), camera, doc.view, 1.0f, target);
      });
      std::printf("  %-46s %7.1f ms\n", what, ms);
    };
    const scene::ViewState base = scene::ViewState{};
    run(
        "full view, camera turning (4x MSAA, shadows)", 4, [](scene::ViewState&) {}, true);
    run(
        "full view, still camera (shadow map cached)", 4, [](scene::ViewState&) {}, false);
    run(
        "no shadows", 4, [](scene::ViewState& v) { v.shadows = false; }, true);
    run(
        "no MSAA", 1, [](scene::ViewState&) {}, true);
    run(
        "no muscles", 4, [](scene::ViewState& v) { v.muscles = false; }, true);
    run(
        "no labels or overlays", 4,
        [](scene::ViewState& v) {
          v.labels = false;
          v.pelvic_angles = v.lordosis = v.meyerding = false;
        },
        true);
    run(
        "bones only, no shadows, no MSAA", 1,
        [](scene::ViewState& v) {
          v.shadows = false;
          v.muscles = v.nerves = v.labels = v.pelvic_angles = v.lordosis = v.meyerding = v.shear_arrow =
              false;
        },
        true);
    session.show(scene::Document{});
    (void)base;
  }
  return 0;
}
