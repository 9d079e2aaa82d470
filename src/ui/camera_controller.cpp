#include "ui/camera_controller.h"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <cmath>

#include <GLFW/glfw3.h>

namespace sagitta::ui {
namespace {

constexpr float kOrbitRadPerPixel = 0.008f;
constexpr float kWheelZoomStep = 0.88f;

// ImGui 1.86 indexes keys by the GLFW key codes its GLFW backend writes into io.KeysDown
bool pressed(int glfw_key) {
  return ImGui::IsKeyPressed(glfw_key, false);
}

}  // namespace

CameraCommands updateCamera(scene::Camera& camera, const ViewportRect& viewport,
                            const anatomy::Bounds& bounds) {
  CameraCommands out;
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
        out.changed = true;
      } else if (left || middle) {
        camera.orbit(delta.x * kOrbitRadPerPixel, delta.y * kOrbitRadPerPixel);
        out.changed = true;
      }
    }
    if (over && started_here && io.MouseWheel != 0.0f) {
      camera.dolly(std::pow(kWheelZoomStep, io.MouseWheel));
      out.changed = true;
    }
  }

  if (io.WantTextInput) return out;
  const bool ctrl = io.KeyCtrl;
  auto view = [&](scene::ViewPreset v) {
    camera.setView(v);
    camera.frame(bounds, viewport.aspect());
    out.changed = true;
  };
  if (pressed(GLFW_KEY_1) || pressed(GLFW_KEY_KP_1))
    view(ctrl ? scene::ViewPreset::kPosterior : scene::ViewPreset::kAnterior);
  if (pressed(GLFW_KEY_3) || pressed(GLFW_KEY_KP_3))
    view(ctrl ? scene::ViewPreset::kLateralRight : scene::ViewPreset::kLateralLeft);
  if (pressed(GLFW_KEY_7) || pressed(GLFW_KEY_KP_7)) view(scene::ViewPreset::kSuperior);
  if (pressed(GLFW_KEY_0) || pressed(GLFW_KEY_KP_0)) view(scene::ViewPreset::kOblique);
  if (pressed(GLFW_KEY_5) || pressed(GLFW_KEY_KP_5)) {
    camera.projection = camera.projection == scene::Projection::kPerspective
                            ? scene::Projection::kOrthographic
                            : scene::Projection::kPerspective;
    out.changed = true;
  }
  if (pressed(GLFW_KEY_F) && !ctrl) {
    camera.frame(bounds, viewport.aspect());
    out.changed = true;
  }
  if (pressed(GLFW_KEY_G) && !ctrl) out.toggle_grid = true;
  return out;
}

}  // namespace sagitta::ui
