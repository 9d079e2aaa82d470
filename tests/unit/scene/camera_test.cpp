#include "scene/camera.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

using sagitta::scene::Camera;
using sagitta::scene::Projection;
using sagitta::scene::ViewPreset;

namespace {

glm::vec3 project(const Camera& c, float aspect, const glm::vec3& p) {
  const glm::vec4 clip = c.projectionMatrix(aspect) * c.view() * glm::vec4(p, 1.0f);
  return glm::vec3(clip) / clip.w;
}

sagitta::anatomy::Bounds box(glm::vec3 lo, glm::vec3 hi) {
  sagitta::anatomy::Bounds b;
  b.add(lo);
  b.add(hi);
  return b;
}

}  // namespace

TEST(Camera, LateralLeftLooksAlongPlusZWithAnteriorOnTheLeft) {
  Camera c;
  c.setView(ViewPreset::kLateralLeft);
  EXPECT_NEAR(c.forward().z, 1.0f, 1e-5f);
  // a point anterior (+X) of the target appears left of centre
  const glm::vec3 ndc = project(c, 1.0f, c.target + glm::vec3(0.1f, 0.0f, 0.0f));
  EXPECT_LT(ndc.x, -0.01f);
  EXPECT_NEAR(ndc.y, 0.0f, 1e-4f);
}

TEST(Camera, LateralRightIsTheMirrorOfLateralLeft) {
  Camera c;
  c.setView(ViewPreset::kLateralRight);
  EXPECT_NEAR(c.forward().z, -1.0f, 1e-5f);
  EXPECT_GT(project(c, 1.0f, c.target + glm::vec3(0.1f, 0.0f, 0.0f)).x, 0.01f);
}

TEST(Camera, AnteriorAndPosteriorViewsFaceThePatient) {
  Camera c;
  c.setView(ViewPreset::kAnterior);
  EXPECT_GT(c.eye().x, c.target.x + 0.5f) << "the eye is in front of the patient";
  // facing the patient, the patient's right (+Z) is on the viewer's left
  EXPECT_LT(project(c, 1.0f, c.target + glm::vec3(0, 0, 0.1f)).x, -0.01f);
  c.setView(ViewPreset::kPosterior);
  EXPECT_LT(c.eye().x, c.target.x - 0.5f);
  EXPECT_GT(project(c, 1.0f, c.target + glm::vec3(0, 0, 0.1f)).x, 0.01f);
}

TEST(Camera, SuperiorViewLooksDownWithAnteriorAtTheTop) {
  Camera c;
  c.setView(ViewPreset::kSuperior);
  EXPECT_LT(c.forward().y, -0.99f);
  EXPECT_GT(project(c, 1.0f, c.target + glm::vec3(0.1f, 0, 0)).y, 0.01f);
}

TEST(Camera, ViewPresetNamesRoundTrip) {
  for (const char* name : {"lateral-left", "lateral-right", "anterior", "posterior", "superior", "oblique"}) {
    const auto v = sagitta::scene::viewPresetFromName(name);
    ASSERT_TRUE(v.has_value()) << name;
    EXPECT_EQ(sagitta::scene::viewPresetName(*v), name);
  }
  EXPECT_EQ(sagitta::scene::viewPresetFromName("lateral"), ViewPreset::kLateralLeft);
  EXPECT_FALSE(sagitta::scene::viewPresetFromName("sideways").has_value());
}

TEST(Camera, OrbitKeepsDistanceAndClampsPitch) {
  Camera c;
  c.distance_m = 3.0f;
  c.orbit(0.7f, 10.0f);
  EXPECT_NEAR(glm::length(c.eye() - c.target), 3.0f, 1e-4f);
  EXPECT_LE(c.pitch_rad, glm::radians(89.0f) + 1e-6f);
  c.orbit(0.0f, -100.0f);
  EXPECT_GE(c.pitch_rad, -glm::radians(89.0f) - 1e-6f);
  EXPECT_TRUE(std::isfinite(c.view()[0][0]));
}

TEST(Camera, PanMovesTheTargetInTheScreenPlane) {
  Camera c;
  c.setView(ViewPreset::kLateralLeft);
  const glm::vec3 before = c.target;
  c.pan(0.1f, 0.0f);
  const glm::vec3 d = c.target - before;
  EXPECT_NEAR(glm::dot(d, c.forward()), 0.0f, 1e-5f);
  EXPECT_GT(glm::length(d), 0.0f);
}

TEST(Camera, DollyIsClampedAndIgnoresNonsense) {
  Camera c;
  c.distance_m = 2.0f;
  c.dolly(0.5f);
  EXPECT_NEAR(c.distance_m, 1.0f, 1e-6f);
  c.dolly(std::nanf(""));
  c.dolly(-3.0f);
  EXPECT_NEAR(c.distance_m, 1.0f, 1e-6f);
  c.dolly(1e-9f);
  EXPECT_GT(c.distance_m, 0.0f);
}

TEST(Camera, FrameFitsEveryCornerInsideTheView) {
  for (Projection p : {Projection::kPerspective, Projection::kOrthographic}) {
    for (ViewPreset v :
         {ViewPreset::kLateralLeft, ViewPreset::kAnterior, ViewPreset::kSuperior, ViewPreset::kOblique}) {
      Camera c;
      c.projection = p;
      c.setView(v);
      const auto b = box({-0.2f, 0.0f, -0.15f}, {0.1f, 1.2f, 0.15f});
      const float aspect = 16.0f / 9.0f;
      c.frame(b, aspect);
      float max_extent = 0.0f;
      for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                               (i & 4) ? b.max.z : b.min.z);
        const glm::vec3 ndc = project(c, aspect, corner);
        EXPECT_LE(std::abs(ndc.x), 1.0f) << static_cast<int>(v);
        EXPECT_LE(std::abs(ndc.y), 1.0f) << static_cast<int>(v);
        max_extent = std::max({max_extent, std::abs(ndc.x), std::abs(ndc.y)});
      }
      EXPECT_GT(max_extent, 0.6f) << "framing should fill the view, not leave it mostly empty";
    }
  }
}

TEST(Camera, OrthographicShowsTheSameHeightAtTheTargetAsPerspective) {
  Camera c;
  c.distance_m = 2.0f;
  const glm::vec3 top = c.target + c.up() * c.halfHeightAtTarget();
  c.projection = Projection::kPerspective;
  const float persp = project(c, 1.0f, top).y;
  c.projection = Projection::kOrthographic;
  const float ortho = project(c, 1.0f, top).y;
  EXPECT_NEAR(persp, 1.0f, 1e-3f);
  EXPECT_NEAR(ortho, 1.0f, 1e-3f);
}
