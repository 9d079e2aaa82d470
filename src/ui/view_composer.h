// Renders the 3D view and its 2D overlays (labels with leader lines, pinned values, a caption,
// change badges) into a RenderTarget of any size. It has its own ImGui context, so it works
// headless (`sagitta render`, `record`) and from inside a GUI frame (the viewport, screenshots)
// and every path produces the same picture.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "render/render_target.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/draw_list.h"
#include "scene/session.h"
#include "scene/view_state.h"

struct ImGuiContext;
struct ImFont;
struct ImFontAtlas;
struct ImDrawList;

namespace sagitta::ui {

struct OverlayText {
  std::string caption;              // plain-language sentence(s) at the bottom (patient mode)
  std::string caption_note;         // small line under the caption (e.g. "mechanics, not a diagnosis")
  std::vector<std::string> badges;  // top-left, e.g. "ΔPT −4.1°"
  std::string title;                // top-centre heading (e.g. the preset's name)
  bool strain_legend = false;       // top-right: what the muscle colours mean
  bool legend_numbers = true;       // with its ±% ends (patient mode hides numbers unless asked)
};

struct OverlayStyle {
  float scale = 1.0f;  // text size multiplier (UI scale × picture size / 1080)
  bool labels = true;  // name labels (bones, landmarks, muscles); pinned values always show
  bool light_background = false;
  bool high_contrast = false;  // classroom / projector
};

// Fonts rasterised at a ladder of sizes (about 1.3× apart): text is drawn from the nearest
// larger size, so it stays crisp from a small preview to a 4K screenshot. Only the rungs a
// picture needs are rasterised: the 88 px rung alone is two fifths of the whole ladder's atlas,
// and uploading the whole atlas (2048×4096 RGBA) cost the browser's first frame a quarter of a
// second (docs/web.md). A larger picture later adds its rungs; pick() answers as the whole
// ladder would for any size up to the one ensured.
class FontLadder {
 public:
  // Rasterises every rung up to the first at or above `max_px` (the largest text to be drawn),
  // rebuilding `atlas` when rungs are missing. True when the atlas changed (its texture must be
  // uploaded again).
  bool ensure(ImFontAtlas* atlas, float max_px);
  ImFont* pick(float px, bool bold) const;
  std::size_t rungs() const { return regular_.size(); }

 private:
  std::vector<std::pair<float, ImFont*>> regular_, bold_;
};
// The largest overlay text is the title: 1.3 × the overlay's base size (drawOverlay).
inline constexpr float kLargestOverlayText = 1.3f;

// How a frame is drawn. Full quality for screenshots, clips and a view at rest; the moving
// frame while the camera or the pose moves on a slow (software) renderer: the 3D part at a
// fraction of the resolution without MSAA (draw into a single-sample target), upscaled, with the
// cached shadow map; labels and text stay at full resolution. docs/ARCHITECTURE.md has the policy.
struct FrameQuality {
  float resolution_scale = 1.0f;  // < 1: the 3D view drawn this much smaller, then upscaled
  bool reuse_shadow_map = false;
  bool low_detail = false;  // clustered meshes and one-sample shadows (RenderSettings)
  bool full() const { return resolution_scale >= 1.0f && !reuse_shadow_map && !low_detail; }
};
inline constexpr FrameQuality kMovingFrame{0.5f, true, true};

class ViewComposer {
 public:
  ViewComposer();
  ~ViewComposer();
  ViewComposer(const ViewComposer&) = delete;
  ViewComposer& operator=(const ViewComposer&) = delete;

  void compose(render::Renderer& renderer, const scene::DrawList& list, const scene::MeshLibrary& meshes,
               const scene::Camera& camera, const render::RenderSettings& settings, const OverlayText& text,
               const OverlayStyle& style, render::RenderTarget& target);

  // A whole frame of a session as its view state asks: background, X-ray, cutaway, grid and
  // shadows; the comparison side by side when there is one; labels and captions. `ui_scale` is
  // the text size for this picture (UI scale, or picture height / 1080 headless).
  void composeFrame(render::Renderer& renderer, const scene::FrameContent& frame,
                    const scene::MeshLibrary& meshes, const scene::Camera& camera,
                    const scene::ViewState& view, float ui_scale, render::RenderTarget& target,
                    const FrameQuality& quality = {});

 private:
  struct Pass {
    const scene::DrawList* list;
    glm::ivec4 viewport;  // bottom-left origin, pixels
    OverlayText text;
  };
  void drawOverlays(const std::vector<Pass>& passes, const scene::Camera& camera, const OverlayStyle& style,
                    render::RenderTarget& target);

  ImGuiContext* context_ = nullptr;
  FontLadder fonts_;
  bool device_objects_ = false;  // the backend made its shader and font texture (first NewFrame)
  std::unique_ptr<render::RenderTarget> small_;  // the moving frame's 3D view, before the upscale
};

// Renderer settings for a view state (the part of the picture a view state decides).
render::RenderSettings renderSettingsFor(const scene::ViewState& view);

// The overlay drawing itself, into any ImGui draw list over a rectangle of `size` pixels.
void drawOverlay(ImDrawList* draw, const FontLadder& fonts, const scene::DrawList& list,
                 const scene::Camera& camera, glm::vec2 origin, glm::vec2 size, const OverlayText& text,
                 const OverlayStyle& style);

}  // namespace sagitta::ui
