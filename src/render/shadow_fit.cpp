#include "render/shadow_fit.h"

#include <algorithm>
#include <cmath>

namespace sagitta::render {

glm::vec3 keyLightDirection(const scene::Camera& camera) {
  // upper left of the viewer and a little toward them, rotating with the camera's yaw only,
  // so the floor shadow stays put while the camera tilts
  const float yaw = camera.yaw_rad;
  const glm::vec3 toward_viewer(std::sin(yaw), 0.0f, -std::cos(yaw));
  const glm::vec3 viewer_left(-std::cos(yaw), 0.0f, -std::sin(yaw));
  return glm::normalize(glm::vec3(0.0f, 1.6f, 0.0f) + toward_viewer * 0.9f + viewer_left * 0.7f);
}

ShadowWindow fitShadowWindow(const glm::mat4& light_view, const glm::vec3& scene_centre, float scene_radius,
                             const scene::Camera& camera, float aspect) {
  // the scene's window, centred on the scene in the light's view
  const glm::vec2 c = glm::vec2(light_view * glm::vec4(scene_centre, 1.0f));
  const ShadowWindow whole{c, scene_radius};
  if (!(scene_radius > 0.0f) || !(aspect > 0.0f)) return whole;
  const glm::vec3 eye = camera.eye(), forward = camera.forward(), right = camera.right(), up = camera.up();
  // the depths the scene spans along the view, the far one cut at 1.5 x the target's distance
  const float centre_depth = glm::dot(scene_centre - eye, forward);
  const float near_d = std::max(centre_depth - scene_radius, 0.01f);
  const float far_d = std::min(centre_depth + scene_radius, 1.5f * camera.distance_m + 0.05f);
  if (!(far_d > near_d)) return whole;
  const bool ortho = camera.projection == scene::Projection::kOrthographic;
  const float tan_half = std::tan(0.5f * camera.fov_y_rad);
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (const float d : {near_d, far_d}) {
    const float hh = ortho ? camera.halfHeightAtTarget() : d * tan_half;
    const float hw = hh * aspect;
    for (const float sx : {-1.0f, 1.0f}) {
      for (const float sy : {-1.0f, 1.0f}) {
        const glm::vec3 corner = eye + forward * d + right * (sx * hw) + up * (sy * hh);
        const glm::vec3 q = glm::vec3(light_view * glm::vec4(corner, 1.0f));
        lo = glm::min(lo, glm::vec2(q));
        hi = glm::max(hi, glm::vec2(q));
      }
    }
  }
  lo = glm::max(lo, c - glm::vec2(scene_radius));
  hi = glm::min(hi, c + glm::vec2(scene_radius));
  if (!(hi.x > lo.x) || !(hi.y > lo.y)) return whole;  // the camera looks away from the scene
  ShadowWindow w;
  w.centre = 0.5f * (lo + hi);
  w.half = std::max(0.025f, 0.55f * std::max(hi.x - lo.x, hi.y - lo.y));
  if (w.half >= scene_radius) return whole;
  return w;
}

}  // namespace sagitta::render
