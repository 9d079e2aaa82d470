#include "render/renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "render/shadow_fit.h"

namespace sagitta::render {
namespace {

// Background gradients (sRGB): calm dark blue-grey for screens and projectors in dim rooms,
// near-white for printed slides and bright rooms.
struct BackgroundColours {
  glm::vec3 top, bottom, grid_line, shadow;
};
BackgroundColours coloursFor(Background b) {
  switch (b) {
    case Background::kLight:
      return {{0.96f, 0.965f, 0.975f}, {0.84f, 0.86f, 0.89f}, {0.45f, 0.5f, 0.58f}, {0.25f, 0.27f, 0.3f}};
    case Background::kTransparent:
      return {{0.0f, 0.0f, 0.0f}, {0.0f, 0.0f, 0.0f}, {0.5f, 0.55f, 0.62f}, {0.0f, 0.0f, 0.0f}};
    case Background::kDark:
      break;
  }
  return {{0.16f, 0.19f, 0.24f}, {0.055f, 0.065f, 0.085f}, {0.45f, 0.52f, 0.62f}, {0.0f, 0.0f, 0.0f}};
}

// FNV-1a over raw bytes: a cheap fingerprint of what the shadow map depends on.
void hashBytes(std::uint64_t& h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
}

anatomy::MeshData unitFloorQuad() {
  anatomy::MeshData q;
  q.positions = {{-1, 0, -1}, {1, 0, -1}, {1, 0, 1}, {-1, 0, 1}};
  q.normals.assign(4, {0, 1, 0});
  q.indices = {0, 2, 1, 0, 3, 2};
  return q;
}

float boundsRadius(const anatomy::Bounds& b) {
  return b.valid ? glm::length(b.size()) * 0.5f : 1.0f;
}

}  // namespace

Renderer::Renderer()
    : mesh_programs_{buildProgram("mesh.vert", "mesh.frag", {},
                                  "#define SAGITTA_SKINNING 0\n#define SAGITTA_CUTAWAY 0"),
                     buildProgram("mesh.vert", "mesh.frag", {},
                                  "#define SAGITTA_SKINNING 1\n#define SAGITTA_CUTAWAY 0"),
                     buildProgram("mesh.vert", "mesh.frag", {},
                                  "#define SAGITTA_SKINNING 0\n#define SAGITTA_CUTAWAY 1"),
                     buildProgram("mesh.vert", "mesh.frag", {},
                                  "#define SAGITTA_SKINNING 1\n#define SAGITTA_CUTAWAY 1")},
      shadow_programs_{buildProgram("shadow.vert", "shadow.frag", {}, "#define SAGITTA_SKINNING 0"),
                       buildProgram("shadow.vert", "shadow.frag", {}, "#define SAGITTA_SKINNING 1")},
      background_program_(buildProgram("background.vert", "background.frag")),
      grid_program_(buildProgram("grid.vert", "grid.frag")),
      lines_program_(buildProgram("lines.vert", "lines.frag")),
      xray_accumulate_program_(buildProgram("xray_accumulate.vert", "xray_accumulate.frag")),
      xray_composite_program_(buildProgram("background.vert", "xray_composite.frag")),
      upscale_program_(buildProgram("background.vert", "upscale.frag")),
      empty_vao_(makeVertexArray()),
      floor_quad_(unitFloorQuad()),
      lines_vao_(makeVertexArray()),
      lines_vbo_(makeBuffer()),
      lines_corners_(makeBuffer()) {
  // the lines' quads: one static strip of four corners (end, side), instanced per line
  const float corners[8] = {0.0f, -1.0f, 0.0f, 1.0f, 1.0f, -1.0f, 1.0f, 1.0f};
  glBindVertexArray(lines_vao_.get());
  glBindBuffer(GL_ARRAY_BUFFER, lines_corners_.get());
  glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
}

float xrayDensity(scene::Material material) {
  // relative linear attenuation at diagnostic energies, cortical bone = 1 (rough textbook
  // ratios; the picture is a teaching likeness of a radiograph, not a dose model)
  switch (material) {
    case scene::Material::kBone:
      return 1.0f;
    case scene::Material::kCartilage:
      return 0.45f;
    case scene::Material::kDisc:
      return 0.4f;
    case scene::Material::kNucleus:
      return 0.35f;
    case scene::Material::kMuscle:  // soft tissue, as the nerve
    case scene::Material::kNerve:
      return 0.1f;
    case scene::Material::kSkin:
      return 0.055f;
    case scene::Material::kPlain:
      return 0.0f;
  }
  return 0.0f;
}

const GpuMesh& Renderer::gpuMesh(scene::MeshId id, const scene::MeshLibrary& meshes) {
  CachedMesh& c = gpu_meshes_[id];
  if (c.version != meshes.version(id)) {
    const anatomy::MeshData& mesh = meshes.mesh(id);
    c.gpu.upload(mesh);
    const anatomy::Bounds& b = meshes.bounds(id);
    c.centre = b.valid ? b.centre() : glm::vec3(0.0f);
    c.version = meshes.version(id);
  }
  return c.gpu;
}

glm::vec3 Renderer::centreOf(scene::MeshId id, const scene::MeshLibrary& meshes) {
  (void)gpuMesh(id, meshes);
  return gpu_meshes_[id].centre;
}

void Renderer::drawBackground(const RenderSettings& settings) {
  if (settings.background == Background::kTransparent) {
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    return;
  }
  glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  const BackgroundColours c = coloursFor(settings.background);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  background_program_.use();
  background_program_.set("u_top", c.top);
  background_program_.set("u_bottom", c.bottom);
  background_program_.set("u_vignette", settings.background == Background::kDark ? 0.35f : 0.12f);
  glBindVertexArray(empty_vao_.get());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  ++stats_.draw_calls;
}

glm::mat4 Renderer::updateShadowMap(const scene::DrawList& list, const scene::MeshLibrary& meshes,
                                    const glm::vec3& key_dir, const scene::Camera& camera, float aspect,
                                    const RenderSettings& settings) {
  const int size = std::clamp(settings.shadow_map_size, 256, 8192);
  if (size != shadow_size_) {
    shadow_depth_ = makeTexture();
    glBindTexture(GL_TEXTURE_2D, shadow_depth_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, size, size, 0, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT,
                 nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
#if SAGITTA_GL_CLAMP_TO_BORDER
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_BORDER);
    const float white[4] = {1.0f, 1.0f, 1.0f, 1.0f};
    glTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, white);
#else
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
#endif
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
    shadow_fbo_ = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, shadow_fbo_.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, shadow_depth_.get(), 0);
#if !SAGITTA_GL_ES
    glDrawBuffer(GL_NONE);
#else
    const GLenum none = GL_NONE;  // OpenGL ES has only the plural
    glDrawBuffers(1, &none);
#endif
    glReadBuffer(GL_NONE);
    shadow_size_ = size;
    shadow_key_ = 0;
  }

  // the moving frame keeps the shadows it has (they catch up when the view rests)
  if (settings.reuse_shadow_map && shadow_key_ != 0) return shadow_light_view_proj_;

  // an orthographic box around the scene and the floor under it, seen from the key light
  const anatomy::Bounds& b = list.bounds;
  const glm::vec3 centre =
      b.valid ? glm::vec3(b.centre().x, b.centre().y * 0.5f, b.centre().z) : glm::vec3(0.0f);
  const float radius =
      b.valid
          ? std::max(boundsRadius(b), glm::length(glm::vec2(b.size().x, b.size().z)) + b.centre().y * 0.5f)
          : 1.0f;
  const glm::vec3 up = std::abs(key_dir.y) > 0.99f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
  const glm::mat4 light_view = glm::lookAt(centre + key_dir * radius * 2.0f, centre, up);
  // across the beam, only the part of the scene the camera sees (render/shadow_fit.h: finer
  // texels in a close-up); along it, the whole scene, so casters out of view still cast
  const ShadowWindow w = fitShadowWindow(light_view, centre, radius, camera, aspect);
  const glm::mat4 light_proj = glm::ortho(w.centre.x - w.half, w.centre.x + w.half, w.centre.y - w.half,
                                          w.centre.y + w.half, 0.01f, radius * 4.0f);
  const glm::mat4 light_view_proj = light_proj * light_view;

  // redraw only when something the shadows depend on changed (llvmpipe has no time to spare)
  std::uint64_t key = 1469598103934665603ull;
  hashBytes(key, &light_view_proj, sizeof(light_view_proj));
  hashBytes(key, &settings.clip_plane, sizeof(settings.clip_plane));
  for (const scene::DrawItem& item : list.items) {
    if ((item.flags & scene::kCastsShadow) == 0 || item.opacity < 0.999f) continue;
    const std::uint64_t version = meshes.version(item.mesh);
    hashBytes(key, &item.mesh, sizeof(item.mesh));
    hashBytes(key, &version, sizeof(version));
    hashBytes(key, &item.model, sizeof(item.model));
    if (item.skin >= 0)
      hashBytes(key, &list.skins[static_cast<std::size_t>(item.skin)], sizeof(scene::SkinMatrices));
  }
  if (key == shadow_key_) return light_view_proj;
  shadow_key_ = key;
  shadow_light_view_proj_ = light_view_proj;
  stats_.shadow_map_redrawn = true;

  glBindFramebuffer(GL_FRAMEBUFFER, shadow_fbo_.get());
  glViewport(0, 0, size, size);
  glClear(GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);  // closed meshes; both faces avoid light leaks at thin bone
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(1.5f, 2.0f);
  for (const ShaderProgram& program : shadow_programs_) {
    program.use();
    program.set("u_light_view_proj", light_view_proj);
    program.set("u_clip_plane", settings.clip_plane);
  }
#if SAGITTA_GL_CLIP_DISTANCE
  glEnable(GL_CLIP_DISTANCE0);
#endif
  const ShaderProgram* in_use = &shadow_programs_[1];
  for (const scene::DrawItem& item : list.items) {
    if ((item.flags & scene::kCastsShadow) == 0 || item.opacity < 0.999f) continue;
    const GpuMesh& gpu = gpuMesh(item.mesh, meshes);
    const bool skinned = item.skin >= 0 && gpu.skinned();
    const ShaderProgram& program = shadow_programs_[skinned ? 1 : 0];
    if (&program != in_use) {
      program.use();
      in_use = &program;
    }
    program.set("u_model", item.model);
    program.set("u_skinned", skinned ? 1 : 0);
    if (skinned)
      program.setArray("u_skin", list.skins[static_cast<std::size_t>(item.skin)].data(),
                       anatomy::kSegmentCount);
    // the casters' low level of detail (~12 % of the triangles): the soft shadows it casts differ
    // from the full meshes' by a few grey levels at a few hundred pixels of a 1080p frame, and the
    // map is redrawn whenever the camera (which carries the key light) or the pose moves; it saved
    // llvmpipe ~20 ms of a ~350 ms full-quality frame (docs/performance.md)
    gpu.draw(true);
    ++stats_.draw_calls;
  }
  glDisable(GL_POLYGON_OFFSET_FILL);
#if SAGITTA_GL_CLIP_DISTANCE
  glDisable(GL_CLIP_DISTANCE0);
#endif
  return light_view_proj;
}

void Renderer::drawItems(const scene::DrawList& list, const scene::MeshLibrary& meshes, Pass pass,
                         const glm::mat4& view_proj, const glm::mat4& light_view_proj,
                         const scene::Camera& camera, const RenderSettings& settings) {
  const bool transparent = pass == Pass::kTransparent;
  std::vector<const scene::DrawItem*> items;
  for (const scene::DrawItem& item : list.items) {
    if (item.opacity <= 0.0f) continue;
    const bool on_top = (item.flags & scene::kOnTop) != 0;
    if (pass == Pass::kOnTop ? on_top : (!on_top && (item.opacity < 0.999f) == transparent))
      items.push_back(&item);
  }
  if (items.empty()) return;
  const glm::vec3 eye = camera.eye();
  if (pass == Pass::kOpaque) {
    // near to far: the depth test then rejects hidden surfaces before they are shaded (what
    // llvmpipe spends most of a frame on), e.g. the bones behind the near side's muscles
    std::vector<std::pair<float, const scene::DrawItem*>> by_depth;
    by_depth.reserve(items.size());
    for (const scene::DrawItem* item : items) {
      const glm::vec3 centre = item->skin >= 0
                                   ? centreOf(item->mesh, meshes)
                                   : glm::vec3(item->model * glm::vec4(centreOf(item->mesh, meshes), 1.0f));
      by_depth.emplace_back(glm::dot(centre - eye, camera.forward()), item);
    }
    std::stable_sort(by_depth.begin(), by_depth.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < items.size(); ++i) items[i] = by_depth[i].second;
  }
  if (transparent) {
    // back to front by the distance of each item's origin (good enough for a few layers)
    std::stable_sort(items.begin(), items.end(), [&](const scene::DrawItem* a, const scene::DrawItem* b) {
      return glm::length(glm::vec3(a->model[3]) - eye) > glm::length(glm::vec3(b->model[3]) - eye);
    });
  }

  const glm::vec3 key = keyLightDirection(camera);
  const glm::vec3 fill = glm::normalize(glm::vec3(-key.x, 0.35f, -key.z));
  // the rim light sits behind the model, shining toward the viewer
  const glm::vec3 rim = glm::normalize(camera.forward() + glm::vec3(0.0f, 0.4f, 0.0f));

  // the programs for rigid and skinned items, with or without the cutaway's code (mesh.frag)
  const bool cut = settings.clip_plane != glm::vec4(0.0f);
  const ShaderProgram* programs = &mesh_programs_[cut ? 2 : 0];
  for (int k = 0; k < 2; ++k) {
    const ShaderProgram& mesh = programs[k];
    mesh.use();
    mesh.set("u_view_proj", view_proj);
    mesh.set("u_light_view_proj", light_view_proj);
    mesh.set("u_eye", eye);
    mesh.set("u_key_dir", key);
    mesh.set("u_fill_dir", fill);
    mesh.set("u_rim_dir", rim);
    mesh.set("u_shadows", settings.shadows ? 1 : 0);
    // the moving frame: one bilinear tap at the point itself (a 2x2-texel edge), the soft shadow's
    // four rim taps come back at rest; llvmpipe's moving frame is ~9 % cheaper than with four taps
    mesh.set("u_shadow_taps", settings.low_detail ? 1 : 4);
    mesh.set("u_shadow_texel", settings.low_detail
                                   ? glm::vec2(0.0f)
                                   : glm::vec2(1.0f / static_cast<float>(std::max(shadow_size_, 1))));
    mesh.set("u_shadow_map", 0);
    mesh.set("u_clip_plane", settings.clip_plane);
    mesh.set("u_cutaway", cut ? 1 : 0);
  }
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, shadow_depth_.get());
#if SAGITTA_GL_CLIP_DISTANCE
  glEnable(GL_CLIP_DISTANCE0);
#endif

  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDepthMask(transparent ? GL_FALSE : GL_TRUE);
  if (transparent) {
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  } else {
    glDisable(GL_BLEND);
  }
  const ShaderProgram* in_use = &programs[1];
  for (const scene::DrawItem* item : items) {
    const GpuMesh& gpu = gpuMesh(item->mesh, meshes);
    const bool skinned = item->skin >= 0 && gpu.skinned();
    const ShaderProgram& mesh = programs[skinned ? 1 : 0];
    if (&mesh != in_use) {
      mesh.use();
      in_use = &mesh;
    }
    mesh.set("u_model", item->model);
    mesh.set("u_normal_matrix", glm::transpose(glm::inverse(glm::mat3(item->model))));
    mesh.set("u_skinned", skinned ? 1 : 0);
    if (skinned)
      mesh.setArray("u_skin", list.skins[static_cast<std::size_t>(item->skin)].data(),
                    anatomy::kSegmentCount);
    mesh.set("u_colour", item->colour);
    mesh.set("u_opacity", item->opacity);
    mesh.set("u_highlight", item->highlight);
    mesh.set("u_material", static_cast<int>(item->material));
    // the cutaway opens the bones, not the nerves: the near side's roots stay whole in front of
    // the cut, so the pinched one is seen where it leaves the spine (issue 13)
    if (cut) {
      mesh.set("u_clip_plane",
               item->material == scene::Material::kNerve ? glm::vec4(0.0f) : settings.clip_plane);
    }
    mesh.set("u_receives_shadow", (item->flags & scene::kReceivesShadow) ? 1 : 0);
    // through a cut the insides show, so nothing may be culled
    const bool two_sided = cut || (item->flags & scene::kTwoSided) != 0;
    if (two_sided) {
      glDisable(GL_CULL_FACE);
    } else {
      glEnable(GL_CULL_FACE);
      glCullFace(GL_BACK);
    }
    if (transparent && two_sided) {
      // inner faces first, then outer, so a translucent shell composites in order
      glEnable(GL_CULL_FACE);
      glCullFace(GL_FRONT);
      gpu.draw(settings.low_detail);
      glCullFace(GL_BACK);
      gpu.draw(settings.low_detail);
      stats_.draw_calls += 2;
    } else {
      gpu.draw(settings.low_detail);
      ++stats_.draw_calls;
    }
    stats_.triangles += static_cast<std::size_t>(gpu.indexCount(settings.low_detail) / 3);
  }
  glDisable(GL_CULL_FACE);
#if SAGITTA_GL_CLIP_DISTANCE
  glDisable(GL_CLIP_DISTANCE0);
#endif
  glDepthMask(GL_TRUE);
}

void Renderer::drawRadiograph(const scene::DrawList& list, const scene::MeshLibrary& meshes,
                              const scene::Camera& camera, RenderTarget& target) {
  const glm::ivec2 size(target.width(), target.height());
  if (size != xray_size_) {
    xray_thickness_ = makeTexture();
    glBindTexture(GL_TEXTURE_2D, xray_thickness_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, size.x, size.y, 0, GL_RED, GL_FLOAT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    xray_fbo_ = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, xray_fbo_.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, xray_thickness_.get(), 0);
    xray_size_ = size;
  }
  // pass 1: signed depths of every surface summed per pixel
  glBindFramebuffer(GL_FRAMEBUFFER, xray_fbo_.get());
  glViewport(viewport_.x, viewport_.y, viewport_.z, viewport_.w);
  glScissor(viewport_.x, viewport_.y, viewport_.z, viewport_.w);
  glEnable(GL_SCISSOR_TEST);
  glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE);
#if SAGITTA_GL_CLIP_DISTANCE
  glEnable(GL_CLIP_DISTANCE0);
#endif
  const float aspect = static_cast<float>(viewport_.z) / static_cast<float>(viewport_.w);
  xray_accumulate_program_.use();
  xray_accumulate_program_.set("u_view", camera.view());
  xray_accumulate_program_.set("u_proj", camera.projectionMatrix(aspect));
  // a film is a projection through the whole body: the cutaway's plane does not apply, and it
  // would open the closed surfaces the signed-depth sum needs (a clipped bone adds its far
  // face's depth alone and burns out white: the slip presets' films, issue 13)
  xray_accumulate_program_.set("u_clip_plane", glm::vec4(0.0f));
  for (const scene::DrawItem& item : list.items) {
    const float density = xrayDensity(item.material);
    if (density <= 0.0f || item.opacity <= 0.0f) continue;
    const GpuMesh& gpu = gpuMesh(item.mesh, meshes);
    const bool skinned = item.skin >= 0 && gpu.skinned();
    xray_accumulate_program_.set("u_model", item.model);
    xray_accumulate_program_.set("u_skinned", skinned ? 1 : 0);
    if (skinned) {
      xray_accumulate_program_.setArray("u_skin", list.skins[static_cast<std::size_t>(item.skin)].data(),
                                        anatomy::kSegmentCount);
    }
    xray_accumulate_program_.set("u_density", density);
    gpu.draw();
    ++stats_.draw_calls;
  }
#if SAGITTA_GL_CLIP_DISTANCE
  glDisable(GL_CLIP_DISTANCE0);
#endif
  // pass 2: attenuation into the picture
  bindViewport(target);
  glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  glDisable(GL_BLEND);
  xray_composite_program_.use();
  // the full-screen triangle covers the viewport; sample the same part of the thickness
  xray_composite_program_.set("u_uv_rect",
                              glm::vec4(static_cast<float>(viewport_.x) / static_cast<float>(size.x),
                                        static_cast<float>(viewport_.y) / static_cast<float>(size.y),
                                        static_cast<float>(viewport_.z) / static_cast<float>(size.x),
                                        static_cast<float>(viewport_.w) / static_cast<float>(size.y)));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, xray_thickness_.get());
  xray_composite_program_.set("u_thickness", 0);
  xray_composite_program_.set("u_mu", 28.0f);  // 1/e at 3.6 cm of bone: vertebral bodies read mid-grey
  glBindVertexArray(empty_vao_.get());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  ++stats_.draw_calls;
}

void Renderer::drawFloor(const scene::DrawList& list, const glm::mat4& view_proj,
                         const glm::mat4& light_view_proj, const RenderSettings& settings) {
  if (!settings.show_grid && !settings.shadows) return;
  const BackgroundColours c = coloursFor(settings.background);
  const anatomy::Bounds& b = list.bounds;
  const glm::vec3 centre = b.valid ? glm::vec3(b.centre().x, 0.0f, b.centre().z) : glm::vec3(0.0f);
  const float half = std::max(1.0f, boundsRadius(b) * 1.5f);
  glEnable(GL_DEPTH_TEST);
  glDepthMask(GL_FALSE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  grid_program_.use();
  grid_program_.set("u_view_proj", view_proj);
  grid_program_.set("u_light_view_proj", light_view_proj);
  grid_program_.set("u_centre", centre);
  grid_program_.set("u_half_size", half);
  grid_program_.set("u_line_colour", c.grid_line);
  grid_program_.set("u_shadow_colour", c.shadow);
  grid_program_.set("u_show_grid", settings.show_grid ? 1 : 0);
  grid_program_.set("u_shadows", settings.shadows ? 1 : 0);
  grid_program_.set("u_shadow_taps", 8);
  grid_program_.set("u_shadow_texel", glm::vec2(1.0f / static_cast<float>(std::max(shadow_size_, 1))));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, shadow_depth_.get());
  grid_program_.set("u_shadow_map", 0);
  floor_quad_.draw();
  ++stats_.draw_calls;
  glDepthMask(GL_TRUE);
}

void Renderer::bindViewport(const RenderTarget& target) const {
  target.bindForDrawing();
  const glm::ivec2 o = target.origin();  // a region of the window: its corner
  glViewport(o.x + viewport_.x, o.y + viewport_.y, viewport_.z, viewport_.w);
  glScissor(o.x + viewport_.x, o.y + viewport_.y, viewport_.z, viewport_.w);
  glEnable(GL_SCISSOR_TEST);  // clears stay inside the viewport
}

void Renderer::drawLines(const scene::DrawList& list, const glm::mat4& view_proj, glm::vec2 viewport_size,
                         float line_scale, bool on_top) {
  // one instance per line, no tessellation on the CPU and no geometry shader: the vertex
  // shader widens each line's quad on screen
  struct LineInstance {
    glm::vec3 a, b;
    glm::vec4 colour;
    glm::vec2 width_dash;
  };
  std::vector<LineInstance> instances;
  instances.reserve(list.lines.size());
  for (const scene::Line& l : list.lines) {
    if (l.on_top != on_top) continue;
    instances.push_back(
        {l.a, l.b, l.colour, glm::vec2(std::max(1.0f, l.width_px * line_scale), l.dashed ? 1.0f : 0.0f)});
  }
  if (instances.empty()) return;
  glBindVertexArray(lines_vao_.get());
  glBindBuffer(GL_ARRAY_BUFFER, lines_vbo_.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(LineInstance)),
               instances.data(), GL_STREAM_DRAW);
  const auto attribute = [](GLuint index, GLint n, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, n, GL_FLOAT, GL_FALSE, sizeof(LineInstance),
                          reinterpret_cast<void*>(offset));
    glVertexAttribDivisor(index, 1);
  };
  attribute(1, 3, offsetof(LineInstance, a));
  attribute(2, 3, offsetof(LineInstance, b));
  attribute(3, 4, offsetof(LineInstance, colour));
  attribute(4, 2, offsetof(LineInstance, width_dash));
  if (on_top) {
    glDisable(GL_DEPTH_TEST);
  } else {
    glEnable(GL_DEPTH_TEST);
  }
  glDepthMask(GL_FALSE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  lines_program_.use();
  lines_program_.set("u_view_proj", view_proj);
  lines_program_.set("u_viewport", viewport_size);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(instances.size()));
  ++stats_.draw_calls;
  glDepthMask(GL_TRUE);
  glEnable(GL_DEPTH_TEST);
}

void Renderer::upscale(const RenderTarget& source, RenderTarget& target) {
  if (source.empty() || target.empty()) return;
  target.bindForDrawing();
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  upscale_program_.use();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, source.resolvedTexture());
  upscale_program_.set("u_source", 0);
  glBindVertexArray(empty_vao_.get());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glEnable(GL_DEPTH_TEST);
}

void Renderer::render(const scene::DrawList& list, const scene::MeshLibrary& meshes,
                      const scene::Camera& camera, const RenderSettings& settings, RenderTarget& target,
                      bool resolve) {
  stats_ = {};
  if (target.empty()) return;  // minimised window: nothing to draw, and no GL errors
  viewport_ = settings.viewport.z > 0 && settings.viewport.w > 0
                  ? settings.viewport
                  : glm::ivec4(0, 0, target.width(), target.height());
  const glm::vec2 viewport_size(static_cast<float>(viewport_.z), static_cast<float>(viewport_.w));
  const float aspect = viewport_size.x / viewport_size.y;
  const glm::mat4 view_proj = camera.projectionMatrix(aspect) * camera.view();
  if (settings.xray) {
    drawRadiograph(list, meshes, camera, target);
    drawLines(list, view_proj, viewport_size, settings.line_scale, false);
    if (!settings.skip_on_top_lines) drawLines(list, view_proj, viewport_size, settings.line_scale, true);
    glBindVertexArray(0);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    if (resolve) target.resolve();
    return;
  }
  const glm::vec3 key = keyLightDirection(camera);
  glm::mat4 light_view_proj(1.0f);
  if (settings.shadows) light_view_proj = updateShadowMap(list, meshes, key, camera, aspect, settings);
  light_view_proj_ = light_view_proj;

  bindViewport(target);
  drawBackground(settings);
#if SAGITTA_GL_MULTISAMPLE_TOGGLE
  glEnable(GL_MULTISAMPLE);
#endif
  drawItems(list, meshes, Pass::kOpaque, view_proj, light_view_proj, camera, settings);
  drawLines(list, view_proj, viewport_size, settings.line_scale, false);
  drawFloor(list, view_proj, light_view_proj, settings);
  drawItems(list, meshes, Pass::kTransparent, view_proj, light_view_proj, camera, settings);
  // items that must stay visible inside the body (a force arrow): over everything, with
  // their own depth so they still shade as solids
  if (std::any_of(list.items.begin(), list.items.end(),
                  [](const scene::DrawItem& i) { return (i.flags & scene::kOnTop) != 0; })) {
    glClear(GL_DEPTH_BUFFER_BIT);
    drawItems(list, meshes, Pass::kOnTop, view_proj, light_view_proj, camera, settings);
  }
  if (!settings.skip_on_top_lines) drawLines(list, view_proj, viewport_size, settings.line_scale, true);
  glBindVertexArray(0);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  if (resolve) target.resolve();
}

void Renderer::drawOnTopLines(const scene::DrawList& list, const scene::Camera& camera,
                              const RenderSettings& settings, RenderTarget& target) {
  if (target.empty()) return;
  viewport_ = settings.viewport.z > 0 && settings.viewport.w > 0
                  ? settings.viewport
                  : glm::ivec4(0, 0, target.width(), target.height());
  const glm::vec2 viewport_size(static_cast<float>(viewport_.z), static_cast<float>(viewport_.w));
  const glm::mat4 view_proj = camera.projectionMatrix(viewport_size.x / viewport_size.y) * camera.view();
  bindViewport(target);
  drawLines(list, view_proj, viewport_size, settings.line_scale, true);
  glBindVertexArray(0);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace sagitta::render
