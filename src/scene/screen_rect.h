// An axis-aligned rectangle in pixels (y down), shared by the label layouts
// (scene/label_layout.h, scene/margin_layout.h).
#pragma once

#include <glm/glm.hpp>

namespace sagitta::scene {

struct ScreenRect {
  glm::vec2 min{0.0f}, max{0.0f};
  // Whether the two overlap or come closer than `gap` pixels.
  bool overlaps(const ScreenRect& o, float gap) const {
    return min.x < o.max.x + gap && o.min.x < max.x + gap && min.y < o.max.y + gap && o.min.y < max.y + gap;
  }
  bool inside(glm::vec2 lo, glm::vec2 hi) const {
    return min.x >= lo.x && min.y >= lo.y && max.x <= hi.x && max.y <= hi.y;
  }
  // Whether `p` is closer than `r` to the rectangle (inside counts).
  bool near(glm::vec2 p, float r) const {
    const glm::vec2 q = glm::clamp(p, min, max);
    return glm::distance(p, q) < r;
  }
};

}  // namespace sagitta::scene
