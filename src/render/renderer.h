// Draws a scene::DrawList into a RenderTarget: background, key-light shadow map, lit opaque
// meshes, floor grid with shadows, sorted transparent meshes, overlay lines. It knows nothing
// of anatomy or muscles: only meshes, transforms, colours and flags.
#pragma once

#include <cstdint>
#include <unordered_map>

#include <glm/glm.hpp>

#include "render/gpu_mesh.h"
#include "render/render_target.h"
#include "render/shader.h"
#include "scene/camera.h"
#include "scene/draw_list.h"

namespace sagitta::render {

enum class Background : std::uint8_t { kDark, kLight, kTransparent };

struct RenderSettings {
  Background background = Background::kDark;
  bool show_grid = true;
  bool shadows = true;
  int shadow_map_size = 2048;
  // Radiograph look: material thickness along each ray, attenuated like an X-ray film (no
  // lighting, grid or shadows; overlay lines still drawn).
  bool xray = false;
  // Cutaway: a world plane (n, d); geometry where dot(n, p) + d < 0 is removed and the
  // inside of cut surfaces is shown as solid section. All zero: no cut.
  glm::vec4 clip_plane{0.0f};
  // Part of the target to draw into (x, y from the bottom left, width, height); zero width:
  // the whole target. Two calls with two halves make a side-by-side comparison.
  glm::ivec4 viewport{0};
  // Overlay line widths are given for a 1080-pixel-high picture at 100 % UI scale; this scales
  // them (the same picture at any size, wider lines on a projector).
  float line_scale = 1.0f;
  // The moving frame (see docs/ARCHITECTURE.md, "Fluid on software rendering"): keep the shadow
  // map drawn last even when the key light or the shadow casters moved since; a view at rest
  // redraws it.
  bool reuse_shadow_map = false;
  // The moving frame's low level of detail: meshes drawn with their clustered index lists
  // (GpuMesh, about an eighth of the triangles), and shadows from one bilinear sample instead of
  // 12 soft ones.
  bool low_detail = false;
  // Leave out the overlay lines drawn over everything (DrawList lines with on_top): the moving
  // frame draws them at full resolution after the upscale (drawOnTopLines).
  bool skip_on_top_lines = false;
};

// How strongly a material attenuates X-rays, relative to cortical bone (for the radiograph).
float xrayDensity(scene::Material material);

struct RenderStats {
  int draw_calls = 0;
  std::size_t triangles = 0;
  bool shadow_map_redrawn = false;
};

class Renderer {
 public:
  // Compiles every shader; throws GraphicsError naming the file on failure.
  Renderer();

  // Draws into the target's multisampled buffer and, with `resolve`, resolves it; pass false
  // to draw more on top (2D overlays) before calling target.resolve().
  void render(const scene::DrawList& list, const scene::MeshLibrary& meshes, const scene::Camera& camera,
              const RenderSettings& settings, RenderTarget& target, bool resolve = true);
  const RenderStats& lastStats() const { return stats_; }

  // Draws `source`'s resolved picture over the whole of `target` (bound for drawing),
  // bilinearly scaled: the moving frame's upscale.
  void upscale(const RenderTarget& source, RenderTarget& target);

  // Only the list's on-top overlay lines, into `settings.viewport` of `target`, over what it holds.
  void drawOnTopLines(const scene::DrawList& list, const scene::Camera& camera,
                      const RenderSettings& settings, RenderTarget& target);

 private:
  struct CachedMesh {
    GpuMesh gpu;
    std::uint64_t version = 0;
    glm::vec3 centre{0.0f};  // of the mesh's bounds, in its own frame
  };
  const GpuMesh& gpuMesh(scene::MeshId id, const scene::MeshLibrary& meshes);
  glm::vec3 centreOf(scene::MeshId id, const scene::MeshLibrary& meshes);
  void drawBackground(const RenderSettings& settings);
  glm::mat4 updateShadowMap(const scene::DrawList& list, const scene::MeshLibrary& meshes,
                            const glm::vec3& key_dir, const scene::Camera& camera, float aspect,
                            const RenderSettings& settings);
  enum class Pass { kOpaque, kTransparent, kOnTop };
  void drawItems(const scene::DrawList& list, const scene::MeshLibrary& meshes, Pass pass,
                 const glm::mat4& view_proj, const glm::mat4& light_view_proj, const scene::Camera& camera,
                 const RenderSettings& settings);
  void drawFloor(const scene::DrawList& list, const glm::mat4& view_proj, const glm::mat4& light_view_proj,
                 const RenderSettings& settings);
  void drawLines(const scene::DrawList& list, const glm::mat4& view_proj, glm::vec2 viewport_size,
                 float line_scale, bool on_top);
  void bindViewport(const RenderTarget& target) const;
  void drawRadiograph(const scene::DrawList& list, const scene::MeshLibrary& meshes,
                      const scene::Camera& camera, RenderTarget& target);

  // variants of one file (render::buildProgram's defines): llvmpipe runs every line for every
  // vertex and pixel whatever the branches decide, so code an item cannot use is compiled out.
  // [rigid, skinned] without the cutaway's section colour, then the same with it (mesh.frag)
  ShaderProgram mesh_programs_[4];
  ShaderProgram shadow_programs_[2];  // rigid, skinned
  ShaderProgram background_program_;
  ShaderProgram grid_program_;
  ShaderProgram lines_program_;
  ShaderProgram xray_accumulate_program_;
  ShaderProgram xray_composite_program_;
  ShaderProgram upscale_program_;
  Framebuffer xray_fbo_;
  Texture xray_thickness_;
  glm::ivec2 xray_size_{0};
  glm::ivec4 viewport_{0};  // of the current render() call
  VertexArray empty_vao_;
  GpuMesh floor_quad_;
  VertexArray lines_vao_;
  Buffer lines_vbo_;      // per-line instances
  Buffer lines_corners_;  // the static quad strip

  Framebuffer shadow_fbo_;
  Texture shadow_depth_;
  int shadow_size_ = 0;
  std::uint64_t shadow_key_ = 0;
  glm::mat4 light_view_proj_{1.0f};
  glm::mat4 shadow_light_view_proj_{1.0f};  // the light the shadow map was drawn from

  std::unordered_map<scene::MeshId, CachedMesh> gpu_meshes_;
  RenderStats stats_;
};

}  // namespace sagitta::render
