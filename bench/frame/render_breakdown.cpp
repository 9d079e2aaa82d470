// What a 1920×1080 frame of the 3D view costs on this machine, part by part: the full view,
// then with one feature turned off at a time, then the moving frame (issue 16). Prints the
// median of N frames for each.
//
// The floor is measured in the same run, so the ratio means something on a loaded machine:
// the same triangles as the frame (its opaque items, pre-transformed into one buffer) with a
// one-line Lambert shader at the same MSAA, resolved and read back, as in
// ../shared/bench/llvmpipe_floor.cpp. The full-quality frame is timed the same way (resolved
// and read back). Target (issue 16): full-quality 4x MSAA frame <= 2x the floor.
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/frame/sagitta_render_breakdown [frames] [quick]
// `quick`: the default level of detail only, and only the floor, full-quality and moving frames;
// `moving`: only the moving frame, then with one feature off at a time; `full`: only the
// full-quality frame (for a profiler).
// `ab DIR_A DIR_B`: shader experiments, paired: two renderers, one with SAGITTA_SHADER_DIR=DIR_A,
// one with DIR_B, take turns drawing the same full-quality frames (and then moving frames), so
// both see the same machine load; prints the CPU time of each and B/A.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <glm/gtc/type_ptr.hpp>
#include <sys/resource.h>

#include "render/gl.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "render/shader.h"
#include "render/window.h"
#include "scene/default_model.h"
#include "scene/session.h"
#include "ui/view_composer.h"

using namespace sagitta;

namespace {

// CPU time of the whole process (all of llvmpipe's threads): the work a frame costs, which a
// machine shared with other jobs stretches in wall-clock time but not in CPU time.
double cpuMs() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return 1e3 * static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-3 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

struct Timing {
  double wall_ms = 0.0, cpu_ms = 0.0;  // medians
};

Timing medianMs(int frames, const std::function<void()>& draw) {
  std::vector<double> wall, cpu;
  draw();  // warm up: uploads, shader variants
  glFinish();
  for (int i = 0; i < frames; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpuMs();
    draw();
    glFinish();
    wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    cpu.push_back(cpuMs() - c0);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

GLuint compile(GLenum type, const char* source) {
  const GLuint s = glCreateShader(type);
  glShaderSource(s, 1, &source, nullptr);
  glCompileShader(s);
  return s;
}

// The floor: the frame's opaque triangles, one draw call, a one-line shader; cleared, drawn,
// resolved and read back each frame with the camera turning.
Timing floorMs(const scene::DrawList& list, const scene::MeshLibrary& meshes, scene::Camera camera, int msaa,
               int frames, std::size_t& triangles) {
  std::vector<float> vertices;
  triangles = 0;
  for (const scene::DrawItem& item : list.items) {
    if (item.opacity < 0.999f) continue;
    const anatomy::MeshData& m = meshes.mesh(item.mesh);
    const glm::mat4 model = item.skin >= 0 ? glm::mat4(1.0f) : item.model;
    for (const std::uint32_t i : m.indices) {
      const glm::vec3 p = glm::vec3(model * glm::vec4(m.positions[i], 1.0f));
      const glm::vec3 n = glm::mat3(model) * m.normals[i];
      vertices.insert(vertices.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
    }
    triangles += m.indices.size() / 3;
  }
  const char* vs = R"(#version 330 core
layout(location = 0) in vec3 p; layout(location = 1) in vec3 n; uniform mat4 mvp; out vec3 vn;
void main() { vn = n; gl_Position = mvp * vec4(p, 1.0); })";
  const char* fs = R"(#version 330 core
in vec3 vn; out vec4 c;
void main() { float d = max(dot(normalize(vn), normalize(vec3(0.3, 0.5, 0.8))), 0.0); c = vec4(vec3(0.2 + 0.8 * d), 1.0); })";
  const GLuint program = glCreateProgram();
  const GLuint v = compile(GL_VERTEX_SHADER, vs), f = compile(GL_FRAGMENT_SHADER, fs);
  glAttachShader(program, v);
  glAttachShader(program, f);
  glLinkProgram(program);
  GLuint vao = 0, vbo = 0;
  glGenVertexArrays(1, &vao);
  glBindVertexArray(vao);
  glGenBuffers(1, &vbo);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(),
               GL_STATIC_DRAW);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 24, nullptr);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 24, reinterpret_cast<void*>(12));
  glEnableVertexAttribArray(1);
  render::RenderTarget target(1920, 1080, msaa);
  std::vector<unsigned char> pixels(1920u * 1080u * 4u);
  const Timing ms = medianMs(frames, [&] {
    camera.orbit(0.01f, 0.0f);
    const glm::mat4 mvp = camera.projectionMatrix(16.0f / 9.0f) * camera.view();
    target.bindForDrawing();
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glDepthMask(GL_TRUE);
    glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glUseProgram(program);
    glUniformMatrix4fv(glGetUniformLocation(program, "mvp"), 1, GL_FALSE, glm::value_ptr(mvp));
    glBindVertexArray(vao);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices.size() / 6));
    target.resolve();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, target.resolvedFramebuffer());
    glReadPixels(0, 0, 1920, 1080, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  });
  glBindVertexArray(0);
  glDeleteBuffers(1, &vbo);
  glDeleteVertexArrays(1, &vao);
  glDeleteProgram(program);
  glDeleteShader(v);
  glDeleteShader(f);
  return ms;
}

// Paired A/B of two shader folders (see the top of this file).
int abMain(int frames, const char* dir_a, const char* dir_b) {
  ::setenv("SAGITTA_SHADER_DIR", dir_a, 1);
  render::Renderer a;
  ::setenv("SAGITTA_SHADER_DIR", dir_b, 1);
  render::Renderer b;
  ::unsetenv("SAGITTA_SHADER_DIR");
  ui::ViewComposer composer;
  scene::Session session(scene::loadDefaultModel(anatomy::Lod::kDefault));
  session.settle();
  const scene::Document doc = session.shown();
  for (const bool moving : {false, true}) {
    render::RenderTarget target(1920, 1080, moving ? 1 : 4);
    scene::Camera camera = session.cameraFor(doc.view, 16.0f / 9.0f);
    std::vector<double> cpu[2];
    for (int i = 0; i < 2 * frames + 2; ++i) {
      render::Renderer& r = (i % 2 == 0) ? a : b;
      if (i % 2 == 0) camera.orbit(0.01f, 0.0f);  // both draw the same view
      const scene::FrameContent f = session.frame(camera);
      glFinish();
      const double c0 = cpuMs();
      composer.composeFrame(r, f, session.meshes(), camera, doc.view, 1.0f, target,
                            moving ? ui::kMovingFrame : ui::FrameQuality{});
      if (!moving) (void)target.readPixels();
      glFinish();
      if (i >= 2) cpu[i % 2].push_back(cpuMs() - c0);  // the first pair warms up
    }
    double sum[2] = {0, 0};
    for (int k = 0; k < 2; ++k) {
      for (const double c : cpu[k]) sum[k] += c;
      std::sort(cpu[k].begin(), cpu[k].end());
    }
    std::printf(
        "%s frame, %d pairs: A CPU median %.1f ms (min %.1f, mean %.1f); B CPU median %.1f ms (min %.1f, "
        "mean %.1f); B/A median %.3f, mean %.3f\n",
        moving ? "moving" : "full-quality", frames, cpu[0][cpu[0].size() / 2], cpu[0].front(),
        sum[0] / frames, cpu[1][cpu[1].size() / 2], cpu[1].front(), sum[1] / frames,
        cpu[1][cpu[1].size() / 2] / cpu[0][cpu[0].size() / 2], sum[1] / sum[0]);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::max(3, std::atoi(argv[1])) : 20;
  const bool moving_only = argc > 2 && std::string(argv[2]) == "moving";
  const bool full_only = argc > 2 && std::string(argv[2]) == "full";
  const bool quick = moving_only || full_only || (argc > 2 && std::string(argv[2]) == "quick");
  render::WindowOptions wo;
  wo.visible = false;
  wo.vsync = false;
  wo.width = wo.height = 64;
  render::Window window(wo);
  std::printf("renderer: %s\n", window.glDescription().c_str());
  if (argc > 4 && std::string(argv[2]) == "ab") return abMain(frames, argv[3], argv[4]);
  render::Renderer renderer;
  ui::ViewComposer composer;
  for (const anatomy::Lod lod : {anatomy::Lod::kDefault, anatomy::Lod::kLow}) {
    if (quick && lod != anatomy::Lod::kDefault) continue;
    scene::Session session(scene::loadDefaultModel(lod));
    session.settle();
    const scene::Document initial = session.shown();  // each case changes this, not the last case
    std::printf("\n%s level of detail, 1920x1080, median of %d frames:\n",
                lod == anatomy::Lod::kDefault ? "default" : "low", frames);
    auto run = [&](const char* what, int msaa, const std::function<void(scene::ViewState&)>& change,
                   bool orbit, const ui::FrameQuality& quality = {}, bool read_back = false) {
      render::RenderTarget target(1920, 1080, msaa);
      scene::Document doc = initial;
      change(doc.view);
      session.show(doc);
      scene::Camera camera = session.cameraFor(doc.view, 16.0f / 9.0f);
      std::vector<std::uint8_t> pixels;
      const Timing ms = medianMs(frames, [&] {
        if (orbit) camera.orbit(0.01f, 0.0f);  // a moving camera redraws the shadow map too
        const scene::FrameContent f = session.frame(camera);
        composer.composeFrame(renderer, f, session.meshes(), camera, doc.view, 1.0f, target, quality);
        if (read_back) pixels = target.readPixels();
      });
      std::printf("  %-58s %7.1f ms  (CPU %7.1f ms)\n", what, ms.wall_ms, ms.cpu_ms);
      return ms;
    };
    // the features turned off one at a time, for the full-quality and the moving-frame rows
    const auto keep = [](scene::ViewState&) {};
    const auto no_shadows = [](scene::ViewState& v) { v.shadows = false; };
    const auto no_muscles = [](scene::ViewState& v) { v.muscles = false; };
    const auto no_names = [](scene::ViewState& v) { v.labels = false; };
    const auto no_angles = [](scene::ViewState& v) { v.pelvic_angles = v.lordosis = v.meyerding = false; };
    const auto no_grid = [](scene::ViewState& v) { v.grid = false; };
    const auto bones_only = [](scene::ViewState& v) {
      v.shadows = false;
      v.muscles = v.nerves = v.labels = v.pelvic_angles = v.lordosis = v.meyerding = v.shear_arrow = false;
    };
    if (moving_only) {
      const ui::FrameQuality quality = ui::kMovingFrame;
      run("moving frame (half resolution, no MSAA, cached shadows)", 1, keep, true, quality);
      // where the moving frame's time goes: one feature off at a time
      run("  no muscles", 1, no_muscles, true, quality);
      run("  no name labels", 1, no_names, true, quality);
      run("  no angle overlays (so no see-through hip)", 1, no_angles, true, quality);
      run("  no floor grid", 1, no_grid, true, quality);
      run("  no shadows", 1, no_shadows, true, quality);
      run("  bones only, no shadows", 1, bones_only, true, quality);
      ui::FrameQuality full_detail = quality;
      full_detail.low_detail = false;
      run("  full level of detail (every triangle, soft shadows)", 1, keep, true, full_detail);
      continue;
    }
    if (full_only) {
      run("full quality, camera turning, resolved + read back (4x MSAA)", 4, keep, true, {}, true);
      continue;
    }
    const scene::Camera camera0 = session.cameraFor(session.shown().view, 16.0f / 9.0f);
    std::size_t floor_triangles = 0;
    const scene::FrameContent f0 = session.frame(camera0);
    const Timing floor_before = floorMs(f0.list, session.meshes(), camera0, 4, frames, floor_triangles);
    std::printf("  %-58s %7.1f ms  (CPU %7.1f ms; %zu triangles)\n",
                "floor: same triangles, one-line shader, 4x MSAA", floor_before.wall_ms, floor_before.cpu_ms,
                floor_triangles);
    const Timing full =
        run("full quality, camera turning, resolved + read back (4x MSAA)", 4, keep, true, {}, true);
    for (int once = 0; once < (quick ? 0 : 1); ++once) {
      run("full view, camera turning (4x MSAA, shadows)", 4, keep, true);
      run("full view, still camera (shadow map cached)", 4, keep, false);
      run("no shadows", 4, no_shadows, true);
      run("no MSAA", 1, keep, true);
      run("no muscles", 4, no_muscles, true);
      run(
          "no labels or overlays", 4,
          [&](scene::ViewState& v) {
            no_names(v);
            no_angles(v);
          },
          true);
      run("no name labels (angle overlays, see-through hip kept)", 4, no_names, true);
      run("no angle overlays (so no see-through hip)", 4, no_angles, true);
      run("no floor grid", 4, no_grid, true);
      run("bones only, no shadows, no MSAA", 1, bones_only, true);
    }
    {
      // the CPU part alone: the draw list (muscle meshes, hidden-label ray casts, overlays)
      scene::Camera camera = session.cameraFor(session.shown().view, 16.0f / 9.0f);
      const Timing t = medianMs(frames, [&] {
        camera.orbit(0.01f, 0.0f);
        const scene::FrameContent f = session.frame(camera);
      });
      std::printf("  %-58s %7.1f ms  (CPU %7.1f ms)\n", "draw list only (scene::Session::frame, no GL)",
                  t.wall_ms, t.cpu_ms);
    }
    const Timing moving =
        run("moving frame (half resolution, no MSAA, cached shadows)", 1, keep, true, ui::kMovingFrame);
    const Timing floor_after = floorMs(f0.list, session.meshes(), camera0, 4, frames, floor_triangles);
    const double floor_wall = 0.5 * (floor_before.wall_ms + floor_after.wall_ms);
    const double floor_cpu = 0.5 * (floor_before.cpu_ms + floor_after.cpu_ms);
    std::printf("  %-58s %7.1f ms  (CPU %7.1f ms)\n", "floor again (the mean of both is used)",
                floor_after.wall_ms, floor_after.cpu_ms);
    std::printf("  full quality / floor at 4x MSAA: %.2fx wall clock, %.2fx CPU time (target: <= 2x)\n",
                full.wall_ms / floor_wall, full.cpu_ms / floor_cpu);
    std::printf(
        "  moving frame: %.1f frames/s wall clock, %.2fx the floor's CPU time (target: >= 30 frames/s)\n",
        1000.0 / moving.wall_ms, moving.cpu_ms / floor_cpu);
    session.show(scene::Document{});
  }
  return 0;
}
