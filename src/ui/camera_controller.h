// Mouse and keyboard control of the 3D view, as in Blender and OpenSim Creator:
//   left or middle drag: orbit   right drag, or Shift + left/middle drag: pan   wheel: zoom
//   1 / Ctrl+1: anterior / posterior   3 / Ctrl+3: lateral left / right   7: superior
//   0: oblique   5: perspective / orthographic   F: frame all   G: floor grid
#pragma once

#include <glm/glm.hpp>

#include "anatomy/mesh.h"
#include "scene/camera.h"

namespace sagitta::ui {

struct ViewportRect {
  glm::vec2 min{0.0f};
  glm::vec2 max{0.0f};
  glm::vec2 size() const { return max - min; }
  float aspect() const { return size().y > 0.0f ? size().x / size().y : 1.0f; }
};

struct CameraCommands {
  bool toggle_grid = false;
  bool changed = false;
};

// Applies this frame's ImGui input (only when the mouse is over the viewport and no ImGui
// window wants it) to the camera.
CameraCommands updateCamera(scene::Camera& camera, const ViewportRect& viewport,
                            const anatomy::Bounds& bounds);

}  // namespace sagitta::ui
