// Screenshot (F12): the 3D view only, at a chosen size up to 4K and optionally on a
// transparent background, saved as a PNG for slides. Rendered offscreen, so it does not
// depend on the window's size.
#pragma once

#include <string>

#include <glm/glm.hpp>

#include "core/image.h"
#include "render/renderer.h"
#include "ui/app_state.h"
#include "ui/view_composer.h"

namespace sagitta::ui {

// Renders the current view of a session to an image: what the viewport shows, at w × h, with
// text scaled as on screen (`ui_scale` at a picture as tall as the viewport).
Image renderView(AppState& app, render::Renderer& renderer, ViewComposer& composer, int width, int height,
                 bool transparent, float text_scale);

class ScreenshotDialog {
 public:
  void draw(AppState& app, render::Renderer& renderer, ViewComposer& composer, glm::vec2 viewport_px,
            float ui_scale);

 private:
  int size_choice_ = 1;  // 0: the view's size, 1: 1080p, 2: 1440p, 3: 4K
  bool transparent_ = false;
  std::string path_;
  bool opened_ = false;
};

}  // namespace sagitta::ui
