#include "scene/camera.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace sagitta::scene {
namespace {

constexpr float kMaxPitch = glm::radians(89.0f);
constexpr float kMinDistance = 0.05f;
constexpr float kMaxDistance = 50.0f;

struct NamedView {
  std::string_view name;
  ViewPreset view;
};
constexpr std::array<NamedView, 7> kViewNames = {{{"lateral", ViewPreset::kLateralLeft},
                                                  {"lateral-left", ViewPreset::kLateralLeft},
                                                  {"lateral-right", ViewPreset::kLateralRight},
                                                  {"anterior", ViewPreset::kAnterior},
                                                  {"posterior", ViewPreset::kPosterior},
                                                  {"superior", ViewPreset::kSuperior},
                                                  {"oblique", ViewPreset::kOblique}}};

}  // namespace

std::optional<ViewPreset> viewPresetFromName(std::string_view name) {
  for (const NamedView& v : kViewNames) {
    if (v.name == name) return v.view;
  }
  return std::nullopt;
}

std::string_view viewPresetName(ViewPreset view) {
  for (const NamedView& v : kViewNames) {
    if (v.view == view && v.name != "lateral") return v.name;
  }
  return "lateral-left";
}

glm::vec3 Camera::forward() const {
  // yaw 0: eye at -Z looking toward +Z; positive yaw turns the eye toward +X (anterior)
  const float cp = std::cos(pitch_rad);
  return glm::normalize(glm::vec3(-std::sin(yaw_rad) * cp, -std::sin(pitch_rad), std::cos(yaw_rad) * cp));
}

glm::vec3 Camera::right() const {
  const glm::vec3 f = forward();
  glm::vec3 r = glm::cross(f, glm::vec3(0.0f, 1.0f, 0.0f));
  if (glm::length(r) < 1e-6f) r = glm::vec3(std::cos(yaw_rad), 0.0f, std::sin(yaw_rad));
  return glm::normalize(r);
}

glm::vec3 Camera::up() const {
  return glm::normalize(glm::cross(right(), forward()));
}

glm::vec3 Camera::eye() const {
  return target - forward() * distance_m;
}

glm::mat4 Camera::view() const {
  return glm::lookAt(eye(), target, up());
}

float Camera::halfHeightAtTarget() const {
  return distance_m * std::tan(fov_y_rad * 0.5f);
}

glm::mat4 Camera::projectionMatrix(float aspect) const {
  aspect = std::max(aspect, 1e-3f);
  const float near_m = std::max(distance_m * 0.01f, 0.005f);
  const float far_m = distance_m * 10.0f + 10.0f;
  if (projection == Projection::kPerspective) return glm::perspective(fov_y_rad, aspect, near_m, far_m);
  const float h = halfHeightAtTarget();
  // orthographic depth range centred on the target so nothing behind the eye is lost
  return glm::ortho(-h * aspect, h * aspect, -h, h, -far_m, far_m);
}

void Camera::orbit(float delta_yaw_rad, float delta_pitch_rad) {
  yaw_rad = std::remainder(yaw_rad + delta_yaw_rad, 2.0f * glm::pi<float>());
  pitch_rad = std::clamp(pitch_rad + delta_pitch_rad, -kMaxPitch, kMaxPitch);
}

void Camera::pan(float dx_fraction, float dy_fraction) {
  const float h = 2.0f * halfHeightAtTarget();
  target += (-right() * dx_fraction + up() * dy_fraction) * h;
}

void Camera::dolly(float factor) {
  if (!(factor > 0.0f) || !std::isfinite(factor)) return;
  distance_m = std::clamp(distance_m * factor, kMinDistance, kMaxDistance);
}

void Camera::setView(ViewPreset view) {
  const float pi = glm::pi<float>();
  switch (view) {
    case ViewPreset::kLateralLeft:
      yaw_rad = 0.0f;
      pitch_rad = 0.0f;
      break;
    case ViewPreset::kLateralRight:
      yaw_rad = pi;
      pitch_rad = 0.0f;
      break;
    case ViewPreset::kAnterior:
      yaw_rad = pi * 0.5f;
      pitch_rad = 0.0f;
      break;
    case ViewPreset::kPosterior:
      yaw_rad = -pi * 0.5f;
      pitch_rad = 0.0f;
      break;
    // from above with anterior at the top of the screen, as superior views are usually shown
    case ViewPreset::kSuperior:
      yaw_rad = -pi * 0.5f;
      pitch_rad = kMaxPitch;
      break;
    // from the front left and a little above: pelvis, hip flexors and spine all visible
    case ViewPreset::kOblique:
      yaw_rad = pi * 0.25f;
      pitch_rad = glm::radians(20.0f);
      break;
  }
}

void Camera::frame(const anatomy::Bounds& bounds, float aspect) {
  if (!bounds.valid) return;
  target = bounds.centre();
  aspect = std::max(aspect, 1e-3f);
  // fit the 8 corners in camera space: the needed half-height is the largest of the vertical
  // extent and the horizontal extent divided by the aspect ratio
  const glm::vec3 r = right(), u = up(), f = forward();
  float need_half_h = 0.0f, depth_half = 0.0f;
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 c((i & 1) ? bounds.max.x : bounds.min.x, (i & 2) ? bounds.max.y : bounds.min.y,
                      (i & 4) ? bounds.max.z : bounds.min.z);
    const glm::vec3 d = c - target;
    need_half_h = std::max({need_half_h, std::abs(glm::dot(d, u)), std::abs(glm::dot(d, r)) / aspect});
    depth_half = std::max(depth_half, std::abs(glm::dot(d, f)));
  }
  need_half_h *= 1.08f;  // margin
  // perspective: the near face of the box is closer to the eye, so add its depth; an
  // orthographic extent depends on the distance only (see halfHeightAtTarget)
  const float extra = projection == Projection::kPerspective ? depth_half : 0.0f;
  distance_m = std::clamp(need_half_h / std::tan(fov_y_rad * 0.5f) + extra, kMinDistance, kMaxDistance);
}

}  // namespace sagitta::scene
