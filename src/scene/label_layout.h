// Places text labels on screen near their anchors without overlapping each other or leaving
// the screen; a label moved away from its anchor gets a leader line. Pure geometry in pixels,
// so it is unit-tested without a window.
#pragma once

#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/screen_rect.h"

namespace sagitta::scene {

struct LabelBox {
  glm::vec2 anchor{0.0f};  // pixel the label refers to
  glm::vec2 size{0.0f};    // text box size in pixels (padding included)
  int priority = 0;        // higher is placed first
  bool pinned = false;     // value labels: centred on the anchor, moved only when another value is there
  // Where the label tries first when it must move off its anchor, as the offset from the anchor
  // (a value: its angle's vertex, so it stays inside its angle): along it, never past its end;
  // zero: the fixed order of directions only.
  glm::vec2 toward{0.0f};
};

struct PlacedLabel {
  glm::vec2 min{0.0f};  // top-left corner of the box
  bool leader = false;  // draw a line from the anchor to the box
};

// One result per input (same order); nullopt when a label cannot be placed without overlap
// (it is then dropped rather than drawn over another). `screen_min/max`: the usable area.
// `keep_clear`: points no box may come closer to than `keep_clear_px` (the landmarks a lesson
// names: a value box centred over one moves aside on a leader, as over another value).
// `keep_clear_capsules`: shapes no box comes within their radius of (the lesson's muscles as
// drawn) where it has room; a box with no room clear of them is placed as if they were not there
// rather than dropped.
std::vector<std::optional<PlacedLabel>> layoutLabels(
    const std::vector<LabelBox>& labels, glm::vec2 screen_min, glm::vec2 screen_max, float gap_px = 4.0f,
    const std::vector<glm::vec2>& keep_clear = {}, float keep_clear_px = 0.0f,
    const std::vector<ScreenCapsule>& keep_clear_capsules = {});

}  // namespace sagitta::scene
