// Screen geometry in pixels (y down) shared by the label layouts (scene/label_layout.h,
// scene/margin_layout.h): rectangles, segments and capsules.
#pragma once

#include <algorithm>

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

struct ScreenSegment {
  glm::vec2 a{0.0f}, b{0.0f};
};

// A segment with a radius: a muscle's path as drawn
struct ScreenCapsule {
  glm::vec2 a{0.0f}, b{0.0f};
  float radius = 0.0f;
};

// Whether segment a-b meets the box (Liang-Barsky clipping).
inline bool segmentHitsBox(glm::vec2 a, glm::vec2 b, glm::vec2 box_min, glm::vec2 box_max) {
  float t0 = 0.0f, t1 = 1.0f;
  const glm::vec2 d = b - a;
  const float p[4] = {-d.x, d.x, -d.y, d.y};
  const float q[4] = {a.x - box_min.x, box_max.x - a.x, a.y - box_min.y, box_max.y - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0.0f) {
      if (q[i] < 0.0f) return false;
      continue;
    }
    const float t = q[i] / p[i];
    if (p[i] < 0.0f) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  return true;
}

// Whether the capsule comes closer to the rectangle than its radius (the rectangle grown by the
// radius, corners square: a layout margin, not an exact distance).
inline bool capsuleHitsBox(const ScreenCapsule& c, const ScreenRect& r) {
  const glm::vec2 grow(c.radius);
  return segmentHitsBox(c.a, c.b, r.min - grow, r.max + grow);
}

}  // namespace sagitta::scene
