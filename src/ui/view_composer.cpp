#include "ui/view_composer.h"

#include "render/gl.h"
// ImGui's OpenGL3 backend after glad
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "scene/frame_builder.h"
#include "scene/margin_layout.h"
#include "scene/muscle_mesh.h"
#include "ui/theme.h"

namespace sagitta::ui {
namespace {

constexpr float kLadderPx[] = {12.0f, 15.0f, 19.0f, 24.0f, 31.0f, 40.0f, 52.0f, 68.0f, 88.0f};

float srgbChannel(float c) {
  c = std::clamp(c, 0.0f, 1.0f);
  return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

ImU32 toImColour(const glm::vec4& linear) {
  auto byte = [](float v) { return static_cast<int>(std::lround(v * 255.0f)); };
  return IM_COL32(byte(srgbChannel(linear.r)), byte(srgbChannel(linear.g)), byte(srgbChannel(linear.b)),
                  byte(std::clamp(linear.a, 0.0f, 1.0f)));
}

struct Palette {
  ImU32 box, box_border, text, muted, leader;
};
Palette paletteFor(const OverlayStyle& s) {
  if (s.light_background) {
    return {IM_COL32(255, 255, 255, 225), IM_COL32(120, 130, 145, 160), IM_COL32(20, 24, 30, 255),
            IM_COL32(70, 78, 90, 255), IM_COL32(40, 48, 60, 220)};
  }
  const int alpha = s.high_contrast ? 240 : 200;
  return {IM_COL32(14, 17, 23, alpha), IM_COL32(90, 100, 115, 150), IM_COL32(236, 240, 245, 255),
          IM_COL32(175, 185, 198, 255), IM_COL32(220, 226, 235, 210)};
}

}  // namespace

bool FontLadder::ensure(ImFontAtlas* atlas, float max_px) {
  std::size_t needed = 1;  // the rungs below the first that pick(max_px) would return, and it
  while (needed < std::size(kLadderPx) && kLadderPx[needed - 1] < max_px * 0.97f) ++needed;
  if (needed <= regular_.size()) return false;
  atlas->Clear();
  regular_.clear();
  bold_.clear();
  for (std::size_t i = 0; i < needed; ++i) {
    regular_.emplace_back(kLadderPx[i], addEmbeddedFont(atlas, "DejaVuSans.ttf", kLadderPx[i]));
    bold_.emplace_back(kLadderPx[i], addEmbeddedFont(atlas, "DejaVuSans-Bold.ttf", kLadderPx[i]));
  }
  atlas->Build();
  return true;
}

ImFont* FontLadder::pick(float px, bool bold) const {
  const auto& ladder = bold ? bold_ : regular_;
  for (const auto& [size, font] : ladder) {
    if (size >= px * 0.97f) return font;
  }
  return ladder.back().second;
}

void drawOverlay(ImDrawList* draw, const FontLadder& fonts, const scene::DrawList& list,
                 const scene::Camera& camera, glm::vec2 origin, glm::vec2 size, const OverlayText& text,
                 const OverlayStyle& style) {
  const Palette pal = paletteFor(style);
  const float px = kBaseFontSizePx * style.scale;
  ImFont* font = fonts.pick(px, false);
  ImFont* bold = fonts.pick(px, true);
  const float pad = 0.35f * px;
  const float rounding = 0.3f * px;
  const glm::mat4 view_proj = camera.projectionMatrix(size.x / std::max(size.y, 1.0f)) * camera.view();

  // the caption's place is measured first: labels stay above it
  struct Caption {
    bool has = false;
    ImFont* font = nullptr;
    ImFont* note_font = nullptr;
    float px = 0, note_px = 0, wrap = 0, width = 0, height = 0, note_height = 0;
    ImVec2 pos;
  } caption;
  float labels_bottom = origin.y + size.y - 2.0f;
  if (!text.caption.empty()) {
    caption.has = true;
    caption.px = px * 1.25f;
    caption.note_px = px * 0.85f;
    caption.font = fonts.pick(caption.px, false);
    caption.note_font = fonts.pick(caption.note_px, false);
    caption.wrap = size.x * 0.72f;
    const ImVec2 cs = caption.font->CalcTextSizeA(caption.px, 1e6f, caption.wrap, text.caption.c_str());
    ImVec2 ns(0, 0);
    if (!text.caption_note.empty()) {
      ns = caption.note_font->CalcTextSizeA(caption.note_px, 1e6f, caption.wrap, text.caption_note.c_str());
    }
    caption.width = std::max(cs.x, ns.x);
    caption.note_height = ns.y;
    caption.height = cs.y + (ns.y > 0 ? ns.y + pad : 0.0f);
    caption.pos =
        ImVec2(origin.x + (size.x - caption.width) * 0.5f, origin.y + size.y - caption.height - pad * 3.0f);
    labels_bottom = caption.pos.y - 2.0f * pad;
  }

  // scene labels: names in the margins beside the figure on leader lines, values on their
  // overlays; clear of the lesson's landmarks, the angle lines and the bone of interest
  if (!list.labels.empty()) {
    const glm::vec3 eye = camera.eye();
    auto project = [&](const glm::vec3& p) -> std::optional<glm::vec2> {
      const glm::vec4 clip = view_proj * glm::vec4(p, 1.0f);
      if (clip.w <= 1e-5f) return std::nullopt;
      const glm::vec2 ndc = glm::vec2(clip) / clip.w;
      return origin + glm::vec2((ndc.x * 0.5f + 0.5f) * size.x, (0.5f - ndc.y * 0.5f) * size.y);
    };
    scene::MarginLayoutInput in;
    in.screen_min = origin + glm::vec2(2.0f);
    in.screen_max = glm::vec2(origin.x + size.x - 2.0f, labels_bottom);
    in.gap_px = 0.25f * px;
    in.keep_clear_px = 0.6f * px;
    std::vector<std::size_t> source;
    for (std::size_t i = 0; i < list.labels.size(); ++i) {
      const scene::Label& l = list.labels[i];
      if (!style.labels && !l.pinned) continue;  // values belong to the overlays, not the labels
      const auto anchor = project(l.anchor);
      if (!anchor) continue;
      ImFont* f = l.pinned ? bold : font;
      const ImVec2 ts = f->CalcTextSizeA(px, 1e6f, 0.0f, l.text.c_str());
      // depth along the view (metres): which of two bone landmarks on one spot is in front
      const float depth =
          l.bone_landmark ? std::max(glm::dot(l.anchor - eye, camera.forward()), 1e-3f) : 0.0f;
      in.labels.push_back({*anchor, glm::vec2(ts.x, ts.y) + glm::vec2(2.0f * pad, 1.2f * pad), l.priority,
                           l.pinned, l.hidden, depth, l.sequence});
      if (l.vertex) {
        if (const auto v = project(*l.vertex); v && glm::distance(*v, *anchor) > 1.0f)
          in.labels.back().toward = *v - *anchor;
      }
      source.push_back(i);
    }
    for (const glm::vec3& p : list.focus_points) {
      if (const auto q = project(p)) in.keep_clear.push_back(*q);
    }
    for (const glm::vec3& p : list.value_clear_points) {
      if (const auto q = project(p)) in.value_clear.push_back(*q);
    }
    for (const scene::Line& line : list.lines) {
      const auto a = project(line.a), b = project(line.b);
      if (line.on_top && a && b) in.overlays.push_back({*a, *b});
    }
    for (const auto& axis : list.focus_axes) {
      const auto a = project(axis[0]), b = project(axis[1]);
      if (a && b) in.avoid.push_back({*a, *b});
    }
    if (list.focus_bounds.valid) {
      // boxes keep 40 mm (at the figure's depth) from the bone axes: a layout choice, about a
      // thigh bone with the muscles on it as drawn, so a box clears the bone and not only its
      // axis (the desk sitter's labels sat on the thigh with 25 mm)
      constexpr float kBoneHalfWidth_m = 0.04f;
      const glm::vec3 c = list.focus_bounds.centre();
      const auto a = project(c), b = project(c + camera.up() * kBoneHalfWidth_m);
      if (a && b) in.avoid_clear_px = glm::length(*b - *a);
    }
    // and a slip's two vertebral bodies, kept clear the same way
    for (const auto* capsules : {&list.focus_muscles, &list.focus_bodies}) {
      for (const scene::DrawList::MuscleSegment& m : *capsules) {
        // the radius as seen at the segment's middle
        const glm::vec3 mid = 0.5f * (m.a + m.b);
        const auto a = project(m.a), b = project(m.b), c = project(mid),
                   r = project(mid + camera.up() * m.radius_m);
        if (a && b && c && r) in.muscles.push_back({*a, *b, glm::length(*r - *c)});
      }
    }
    if (const anatomy::Bounds& b = list.focus_bounds; b.valid) {
      // the framed region's box, shrunk a little: its corners are context, not the figure
      const glm::vec3 c = b.centre(), h = b.size() * 0.5f * 0.8f;
      bool first = true;
      for (int i = 0; i < 8; ++i) {
        const glm::vec3 p = c + glm::vec3((i & 1) ? h.x : -h.x, (i & 2) ? h.y : -h.y, (i & 4) ? h.z : -h.z);
        if (const auto q = project(p)) {
          const glm::vec2 s = glm::clamp(*q, in.screen_min, in.screen_max);
          in.figure_min = first ? s : glm::min(in.figure_min, s);
          in.figure_max = first ? s : glm::max(in.figure_max, s);
          first = false;
        }
      }
    }
    const auto placed = scene::layoutMarginLabels(in);
    for (std::size_t k = 0; k < placed.size(); ++k) {
      if (!placed[k]) continue;
      const scene::Label& l = list.labels[source[k]];
      const glm::vec2 bmin = placed[k]->min, bmax = bmin + in.labels[k].size;
      const ImU32 colour = l.colour == glm::vec4(1.0f) ? pal.text : toImColour(l.colour);
      if (placed[k]->leader || !l.pinned) {
        const ImVec2 a(in.labels[k].anchor.x, in.labels[k].anchor.y);
        if (placed[k]->leader) {
          draw->AddLine(a, ImVec2(placed[k]->leader_end.x, placed[k]->leader_end.y), pal.leader,
                        std::max(1.0f, 0.09f * px));
        }
        draw->AddCircleFilled(a, std::max(2.0f, 0.16f * px), colour);
      }
      draw->AddRectFilled(ImVec2(bmin.x, bmin.y), ImVec2(bmax.x, bmax.y), pal.box, rounding);
      draw->AddRect(ImVec2(bmin.x, bmin.y), ImVec2(bmax.x, bmax.y), pal.box_border, rounding);
      draw->AddText(l.pinned ? bold : font, px, ImVec2(bmin.x + pad, bmin.y + 0.6f * pad), colour,
                    l.text.c_str());
    }
  }

  // change badges, top left
  float y = origin.y + pad * 2.0f;
  for (const std::string& b : text.badges) {
    const ImVec2 ts = bold->CalcTextSizeA(px, 1e6f, 0.0f, b.c_str());
    const ImVec2 bmin(origin.x + pad * 2.0f, y), bmax(bmin.x + ts.x + 2.0f * pad, y + ts.y + 1.2f * pad);
    draw->AddRectFilled(bmin, bmax, pal.box, rounding);
    draw->AddText(bold, px, ImVec2(bmin.x + pad, bmin.y + 0.6f * pad), pal.text, b.c_str());
    y = bmax.y + pad;
  }

  // muscle colour legend, top right: shorter (orange) … as in neutral standing … longer (blue)
  if (text.strain_legend) {
    const float lpx = px * 0.9f;
    ImFont* lfont = fonts.pick(lpx, false);
    const char* heading = "Muscle length vs. neutral";
    char lo[32], hi[32];
    if (text.legend_numbers) {
      std::snprintf(lo, sizeof lo, "shorter −%.0f %%", 100.0 * double(scene::kStrainColourRange));
      std::snprintf(hi, sizeof hi, "+%.0f %% longer", 100.0 * double(scene::kStrainColourRange));
    } else {
      std::snprintf(lo, sizeof lo, "%s", "shorter");
      std::snprintf(hi, sizeof hi, "%s", "longer");
    }
    const ImVec2 hs = lfont->CalcTextSizeA(lpx, 1e6f, 0.0f, heading);
    const ImVec2 los = lfont->CalcTextSizeA(lpx, 1e6f, 0.0f, lo),
                 his = lfont->CalcTextSizeA(lpx, 1e6f, 0.0f, hi);
    const float bar_w = std::max(hs.x, los.x + his.x + 1.5f * lpx), bar_h = 0.6f * lpx;
    const ImVec2 bmin(origin.x + size.x - pad * 4.0f - bar_w, origin.y + pad * 2.0f);
    const ImVec2 bmax(bmin.x + bar_w + 2.0f * pad,
                      bmin.y + 0.6f * pad + hs.y + 0.4f * pad + bar_h + 0.3f * pad + los.y + pad);
    draw->AddRectFilled(bmin, bmax, pal.box, rounding);
    draw->AddText(lfont, lpx, ImVec2(bmin.x + pad, bmin.y + 0.6f * pad), pal.muted, heading);
    const float y0 = bmin.y + 0.6f * pad + hs.y + 0.4f * pad;
    constexpr int kSteps = 24;
    for (int i = 0; i < kSteps; ++i) {
      // the same ramp the muscles are drawn with, from −range to +range, in display (sRGB) colour
      const float strain =
          scene::kStrainColourRange * (2.0f * (static_cast<float>(i) + 0.5f) / kSteps - 1.0f);
      const glm::vec3 c = glm::pow(scene::strainColour(strain), glm::vec3(1.0f / 2.2f));
      const float x0 = bmin.x + pad + bar_w * static_cast<float>(i) / kSteps;
      draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + bar_w / kSteps + 0.5f, y0 + bar_h),
                          IM_COL32(static_cast<int>(c.r * 255.0f), static_cast<int>(c.g * 255.0f),
                                   static_cast<int>(c.b * 255.0f), 255));
    }
    const float ty = y0 + bar_h + 0.3f * pad;
    draw->AddText(lfont, lpx, ImVec2(bmin.x + pad, ty), pal.text, lo);
    draw->AddText(lfont, lpx, ImVec2(bmin.x + pad + bar_w - his.x, ty), pal.text, hi);
  }

  // title, top centre
  if (!text.title.empty()) {
    const float tpx = px * 1.3f;
    ImFont* title_font = fonts.pick(tpx, true);
    const ImVec2 ts = title_font->CalcTextSizeA(tpx, 1e6f, 0.0f, text.title.c_str());
    const ImVec2 pos(origin.x + (size.x - ts.x) * 0.5f, origin.y + pad * 2.0f);
    draw->AddRectFilled(ImVec2(pos.x - pad, pos.y - 0.5f * pad),
                        ImVec2(pos.x + ts.x + pad, pos.y + ts.y + 0.5f * pad), pal.box, rounding);
    draw->AddText(title_font, tpx, pos, pal.text, text.title.c_str());
  }

  // caption, bottom centre, wrapped (drawn last, over everything)
  if (caption.has) {
    draw->AddRectFilled(ImVec2(caption.pos.x - 2 * pad, caption.pos.y - pad),
                        ImVec2(caption.pos.x + caption.width + 2 * pad, caption.pos.y + caption.height + pad),
                        pal.box, rounding * 1.5f);
    draw->AddText(caption.font, caption.px, caption.pos, pal.text, text.caption.c_str(), nullptr,
                  caption.wrap);
    if (caption.note_height > 0) {
      draw->AddText(caption.note_font, caption.note_px,
                    ImVec2(caption.pos.x, caption.pos.y + caption.height - caption.note_height), pal.muted,
                    text.caption_note.c_str(), nullptr, caption.wrap);
    }
  }
}

ViewComposer::ViewComposer() {
  ImGuiContext* previous = ImGui::GetCurrentContext();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing to remember: this context only draws overlays
  io.LogFilename = nullptr;
  // no fonts yet: the first picture rasterises the sizes it needs (drawOverlays), so a large one
  // does not build the atlas twice
#if SAGITTA_GL_ES
  ImGui_ImplOpenGL3_Init("#version 300 es");  // WebGL 2: a "330 core" shader fails to compile
#else
  ImGui_ImplOpenGL3_Init("#version 330 core");
#endif
  ImGui::SetCurrentContext(previous);
}

ViewComposer::~ViewComposer() {
  ImGuiContext* previous = ImGui::GetCurrentContext();
  ImGui::SetCurrentContext(context_);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext(context_);
  ImGui::SetCurrentContext(previous == context_ ? nullptr : previous);
}

render::RenderSettings renderSettingsFor(const scene::ViewState& view) {
  render::RenderSettings s;
  switch (view.background) {
    case scene::BackgroundChoice::kDark:
      s.background = render::Background::kDark;
      break;
    case scene::BackgroundChoice::kLight:
      s.background = render::Background::kLight;
      break;
    case scene::BackgroundChoice::kTransparent:
      s.background = render::Background::kTransparent;
      break;
  }
  s.show_grid = view.grid;
  s.shadows = view.shadows;
  s.xray = view.xray;
  // the midsagittal cut removes the half nearer the viewer of a lateral view: the left half
  // (z < 0) when seen from the left, keeping the right
  s.clip_plane = scene::cutawayPlane(view, view.camera);
  return s;
}

void ViewComposer::composeFrame(render::Renderer& renderer, const scene::FrameContent& frame,
                                const scene::MeshLibrary& meshes, const scene::Camera& camera,
                                const scene::ViewState& view, float ui_scale, render::RenderTarget& target,
                                const FrameQuality& quality) {
  if (target.empty()) return;
  render::RenderSettings settings = renderSettingsFor(view);
  scene::ViewState cut_view = view;
  cut_view.camera = camera;
  settings.clip_plane = renderSettingsFor(cut_view).clip_plane;
  settings.line_scale = ui_scale;
  OverlayStyle style;
  style.scale = ui_scale * (view.mode == scene::Mode::kClassroom ? 1.25f : 1.0f);
  style.labels = view.labels;
  style.light_background = view.background == scene::BackgroundChoice::kLight;
  style.high_contrast = view.mode == scene::Mode::kClassroom;
  OverlayText text;
  text.caption = frame.captions.caption;
  text.caption_note = frame.captions.note;
  text.badges = frame.captions.badges;
  text.title = frame.title;
  text.strain_legend = view.muscles && !view.xray;
  text.legend_numbers = scene::showsNumbers(view);

  const int w = target.width(), h = target.height();
  std::vector<Pass> passes;
  if (frame.compare) {
    // neutral on the left, current on the right, one camera for both
    const int half = w / 2;
    OverlayText left_text;
    left_text.title = frame.compare_title;
    passes.push_back({&*frame.compare, glm::ivec4(0, 0, half, h), left_text});
    text.title = frame.title;
    passes.push_back({&frame.list, glm::ivec4(half, 0, w - half, h), text});
  } else {
    passes.push_back({&frame.list, glm::ivec4(0, 0, w, h), text});
  }
  settings.reuse_shadow_map = quality.reuse_shadow_map;
  settings.low_detail = quality.low_detail;
  if (quality.resolution_scale < 1.0f) {
    // the moving frame: the 3D passes into a smaller single-sample picture, scaled up into the
    // target; overlay line widths scale with it so they look the same after the upscale
    const float s = std::max(quality.resolution_scale, 0.1f);
    const int sw = std::max(1, static_cast<int>(std::lround(static_cast<float>(w) * s)));
    const int sh = std::max(1, static_cast<int>(std::lround(static_cast<float>(h) * s)));
    if (!small_) {
      small_ = std::make_unique<render::RenderTarget>(sw, sh, 1);
    } else {
      small_->resize(sw, sh);
    }
    settings.line_scale = ui_scale * static_cast<float>(sh) / static_cast<float>(h);
    settings.skip_on_top_lines = true;
    for (const Pass& p : passes) {
      const int x0 = p.viewport.x * sw / w, x1 = (p.viewport.x + p.viewport.z) * sw / w;
      settings.viewport = glm::ivec4(x0, 0, x1 - x0, sh);
      renderer.render(*p.list, meshes, camera, settings, *small_, false);
    }
    small_->resolve();
    renderer.upscale(*small_, target);
    // the angle lines over everything at full resolution, crisp as in the rest frame
    settings.line_scale = ui_scale;
    for (const Pass& p : passes) {
      settings.viewport = p.viewport;
      renderer.drawOnTopLines(*p.list, camera, settings, target);
    }
  } else {
    for (const Pass& p : passes) {
      settings.viewport = p.viewport;
      renderer.render(*p.list, meshes, camera, settings, target, false);
    }
  }
  drawOverlays(passes, camera, style, target);
}

void ViewComposer::compose(render::Renderer& renderer, const scene::DrawList& list,
                           const scene::MeshLibrary& meshes, const scene::Camera& camera,
                           const render::RenderSettings& settings, const OverlayText& text,
                           const OverlayStyle& style, render::RenderTarget& target) {
  renderer.render(list, meshes, camera, settings, target, false);
  if (target.empty()) return;
  OverlayStyle s = style;
  s.light_background = settings.background == render::Background::kLight;
  drawOverlays({{&list, glm::ivec4(0, 0, target.width(), target.height()), text}}, camera, s, target);
}

void ViewComposer::drawOverlays(const std::vector<Pass>& passes, const scene::Camera& camera,
                                const OverlayStyle& style, render::RenderTarget& target) {
  ImGuiContext* previous = ImGui::GetCurrentContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  // the whole framebuffer (ImGui's renderer draws over all of it); a region of the window is
  // offset into it, and its overlays clipped to it
  const glm::ivec2 fb = target.framebufferSize();
  io.DisplaySize = ImVec2(static_cast<float>(fb.x), static_cast<float>(fb.y));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.DeltaTime = 1.0f / 60.0f;
  // between frames, as ImGui requires: the rungs this picture's text needs (the first picture's
  // texture is made by the first NewFrame below)
  if (fonts_.ensure(io.Fonts, kBaseFontSizePx * style.scale * kLargestOverlayText) && device_objects_) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  ImGui_ImplOpenGL3_NewFrame();  // the first one makes the shader and the font texture
  device_objects_ = true;
  ImGui::NewFrame();
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const glm::vec2 corner(static_cast<float>(target.origin().x),
                         static_cast<float>(fb.y - target.origin().y - target.height()));
  draw->PushClipRect(ImVec2(corner.x, corner.y), ImVec2(corner.x + static_cast<float>(target.width()),
                                                        corner.y + static_cast<float>(target.height())));
  for (const Pass& p : passes) {
    // GL viewports count from the bottom, ImGui from the top
    const glm::vec2 origin =
        corner + glm::vec2(static_cast<float>(p.viewport.x),
                           static_cast<float>(target.height() - p.viewport.y - p.viewport.w));
    drawOverlay(draw, fonts_, *p.list, camera, origin,
                glm::vec2(static_cast<float>(p.viewport.z), static_cast<float>(p.viewport.w)), p.text, style);
  }
  draw->PopClipRect();
  ImGui::Render();
  // the 3D view is resolved first and the overlays drawn onto the resolved picture: ImGui
  // anti-aliases its text and shapes itself, and blending them into four samples a pixel cost a
  // software renderer several times as much for the same picture
  target.resolve();
  target.bindResolvedForDrawing();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  ImGui::SetCurrentContext(previous);
}

}  // namespace sagitta::ui
