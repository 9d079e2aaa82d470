#include "ui/camera_controller.h"

#include <cmath>

#include <imgui.h>

namespace sagitta::ui {
namespace {

constexpr float kOrbitRadPerPixel = 0.008f;
constexpr float kWheelZoomStep = 0.88f;

}  // namespace

bool updateCamera(scene::Camera& camera, const ViewportRect& viewport) {
  bool changed = false;
  ImGuiIO& io = ImGui::GetIO();
  const glm::vec2 mouse(io.MousePos.x, io.MousePos.y);
  const bool over = mouse.x >= viewport.min.x && mouse.y >= viewport.min.y && mouse.x < viewport.max.x &&
                    mouse.y < viewport.max.y;

  // drags that started in the viewport keep going even when the pointer leaves it
  if (!io.WantCaptureMouse || ImGui::IsMouseDragging(ImGuiMouseButton_Left) ||
      ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
    const glm::vec2 delta(io.MouseDelta.x, io.MouseDelta.y);
    const bool left = ImGui::IsMouseDown(ImGuiMouseButton_Left);
    const bool middle = ImGui::IsMouseDown(ImGuiMouseButton_Middle);
    const bool right = ImGui::IsMouseDown(ImGuiMouseButton_Right);
    const bool started_here = !io.WantCaptureMouse;
    if (started_here && (delta.x != 0.0f || delta.y != 0.0f) && std::isfinite(delta.x) &&
        std::isfinite(delta.y)) {
      const float height = std::max(viewport.size().y, 1.0f);
      if (right || ((left || middle) && io.KeyShift)) {
        camera.pan(delta.x / height, delta.y / height);
        changed = true;
      } else if (left || middle) {
        camera.orbit(delta.x * kOrbitRadPerPixel, delta.y * kOrbitRadPerPixel);
        changed = true;
      }
    }
    if (over && started_here && io.MouseWheel != 0.0f) {
      camera.dolly(std::pow(kWheelZoomStep, io.MouseWheel));
      changed = true;
    }
  }

  return changed;
}

}  // namespace sagitta::ui
