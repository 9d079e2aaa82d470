// The key light's shadow window (render/shadow_fit.h): a close-up gets a smaller window (finer
// texels) that still covers what the camera sees of the scene; a view of the whole scene keeps the
// whole-scene window.
#include "render/shadow_fit.h"

#include <cmath>
#include <cstdio>

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

namespace sagitta::render {
namespace {

constexpr float kRadius = 1.1f;  // about the skeleton and its floor
const glm::vec3 kCentre(0.0f, 0.45f, 0.0f);

// the light's view as the renderer builds it, from the renderer's key light
glm::mat4 lightView(const scene::Camera& camera) {
  const glm::vec3 key = keyLightDirection(camera);
  return glm::lookAt(kCentre + key * kRadius * 2.0f, kCentre, glm::vec3(0.0f, 1.0f, 0.0f));
}

scene::Camera closeUp(float yaw_deg) {
  scene::Camera c;
  c.target = glm::vec3(0.0f, 1.08f, 0.0f);  // the lumbar spine
  c.distance_m = 0.45f;
  c.yaw_rad = glm::radians(yaw_deg);
  c.pitch_rad = glm::radians(10.0f);
  return c;
}

bool covers(const ShadowWindow& w, const glm::mat4& light_view, const glm::vec3& p) {
  const glm::vec2 q(light_view * glm::vec4(p, 1.0f));
  return std::abs(q.x - w.centre.x) <= w.half && std::abs(q.y - w.centre.y) <= w.half;
}

TEST(ShadowFit, ACloseUpGetsASmallerWindowThatCoversWhatItSees) {
  for (const float yaw : {0.0f, 90.0f, 200.0f, 300.0f}) {
    const scene::Camera cam = closeUp(yaw);
    const glm::mat4 lv = lightView(cam);
    const ShadowWindow w = fitShadowWindow(lv, kCentre, kRadius, cam, 16.0f / 9.0f);
    SCOPED_TRACE(yaw);
    std::printf("yaw %.0f: half %.3f m of %.2f\n", double(yaw), double(w.half), double(kRadius));
    EXPECT_LT(w.half, 0.4f * kRadius);  // texels at least 2.5x finer than the whole scene's
    EXPECT_GE(w.half, 0.025f);
    // the target and the edges of the picture at the target's depth are inside it
    EXPECT_TRUE(covers(w, lv, cam.target));
    const float hh = cam.halfHeightAtTarget(), hw = hh * 16.0f / 9.0f;
    for (const float sx : {-1.0f, 1.0f})
      for (const float sy : {-1.0f, 1.0f})
        EXPECT_TRUE(covers(w, lv, cam.target + cam.right() * (sx * hw) + cam.up() * (sy * hh)));
  }
}

TEST(ShadowFit, AViewOfTheWholeSceneKeepsTheWholeSceneWindow) {
  scene::Camera cam;
  cam.target = glm::vec3(0.0f, 0.9f, 0.0f);
  cam.distance_m = 4.0f;
  const glm::mat4 lv = lightView(cam);
  const ShadowWindow w = fitShadowWindow(lv, kCentre, kRadius, cam, 16.0f / 9.0f);
  EXPECT_FLOAT_EQ(w.half, kRadius);
  const glm::vec2 c(lv * glm::vec4(kCentre, 1.0f));
  EXPECT_NEAR(w.centre.x, c.x, 1e-5f);
  EXPECT_NEAR(w.centre.y, c.y, 1e-5f);
}

TEST(ShadowFit, ACameraLookingAwayOrADegenerateSceneGetsTheWholeSceneWindow) {
  const glm::mat4 lv = lightView(closeUp(0.0f));
  scene::Camera away = closeUp(0.0f);
  away.target = glm::vec3(0.0f, 1.08f, -5.0f);  // 5 m off, looking further away
  away.yaw_rad = glm::radians(180.0f);
  EXPECT_FLOAT_EQ(fitShadowWindow(lv, kCentre, kRadius, away, 1.5f).half, kRadius);
  EXPECT_FLOAT_EQ(fitShadowWindow(lv, kCentre, 0.0f, closeUp(0.0f), 1.5f).half, 0.0f);
  EXPECT_FLOAT_EQ(fitShadowWindow(lv, kCentre, kRadius, closeUp(0.0f), 0.0f).half, kRadius);
}

}  // namespace
}  // namespace sagitta::render
