// Mouse control of the 3D view, as in Blender and OpenSim Creator:
//   left or middle drag: orbit   right drag, or Shift + left/middle drag: pan   wheel: zoom
// The view keys (1, 3, 7, 0, 5, F, G) are commands: see ui/commands.cpp.
#pragma once

#include <glm/glm.hpp>

#include "scene/camera.h"

namespace sagitta::ui {

struct ViewportRect {
  glm::vec2 min{0.0f};
  glm::vec2 max{0.0f};
  glm::vec2 size() const { return max - min; }
  float aspect() const { return size().y > 0.0f ? size().x / size().y : 1.0f; }
};

// Applies this frame's mouse input (only when the mouse is over the viewport and no ImGui
// window wants it) to the camera. Returns whether the camera moved.
bool updateCamera(scene::Camera& camera, const ViewportRect& viewport);

}  // namespace sagitta::ui
