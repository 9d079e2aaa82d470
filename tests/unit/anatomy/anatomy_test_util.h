// Helpers shared by the anatomy tests: world positions and the sagittal angles that a
// radiologist measures on a lateral view (reference.md 1.1 definitions).
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "anatomy/model.h"
#include "anatomy/skeleton.h"
#include "core/units.h"

namespace sagitta::anatomy {
inline void PrintTo(Sex s, std::ostream* os) {
  *os << sexName(s);
}  // gtest names the body
}  // namespace sagitta::anatomy

namespace sagitta::anatomy::test {

// The shipped built-in model of a sex at a level of detail, loaded once per test program.
inline const Model& shippedModel(Sex sex, Lod lod = Lod::kDefault) {
  static std::map<std::pair<Sex, Lod>, Model> cache;
  auto it = cache.find({sex, lod});
  if (it == cache.end()) it = cache.emplace(std::pair{sex, lod}, loadBuiltinModel(lod, sex)).first;
  return it->second;
}

// The body the running test is about (set by EveryShippedBody), for a test file's helpers.
inline Sex& bodyUnderTest() {
  static Sex sex = Sex::kMale;
  return sex;
}

// Tests that hold for every shipped body (the average man and woman): TEST_P on a fixture
// derived from this, instantiated with SAGITTA_FOR_EVERY_SHIPPED_BODY(Fixture).
class EveryShippedBody : public ::testing::TestWithParam<Sex> {
 protected:
  void SetUp() override { bodyUnderTest() = GetParam(); }
};
inline std::string bodyName(const ::testing::TestParamInfo<Sex>& info) {
  return std::string(sexName(info.param));
}
#define SAGITTA_FOR_EVERY_SHIPPED_BODY(Fixture)                                                              \
  INSTANTIATE_TEST_SUITE_P(                                                                                  \
      Shipped, Fixture, ::testing::Values(::sagitta::anatomy::Sex::kMale, ::sagitta::anatomy::Sex::kFemale), \
      ::sagitta::anatomy::test::bodyName)

inline glm::dvec3 world(const Skeleton& sk, std::string_view name, const Pose& pose = {}) {
  return worldPosition(sk.landmark(name), worldTransforms(sk, pose));
}

// Angle of the line from `posterior` to `anterior` above the horizontal, degrees, sagittal plane
// (positive when the anterior end is higher).
inline double lineAngleDeg(const glm::dvec3& posterior, const glm::dvec3& anterior) {
  return radToDeg(std::atan2(anterior.y - posterior.y, anterior.x - posterior.x));
}

struct Spinopelvic {
  double pi_deg = 0.0, pt_deg = 0.0, ss_deg = 0.0, ll_deg = 0.0;
};

inline Spinopelvic measureSpinopelvic(const Skeleton& sk, const Pose& pose = {}) {
  const glm::dvec3 ha =
      0.5 * (world(sk, "femoral_head_centre_l", pose) + world(sk, "femoral_head_centre_r", pose));
  const glm::dvec3 ant = world(sk, "s1_endplate_anterior", pose);
  const glm::dvec3 post = world(sk, "s1_endplate_posterior", pose);
  const glm::dvec3 m = 0.5 * (ant + post);
  Spinopelvic r;
  // SS: endplate to the horizontal (the anterior corner is the lower one)
  r.ss_deg = -lineAngleDeg(post, ant);
  // PT: vertical to the line hip axis - M, positive when the hip axis is in front of M
  r.pt_deg = radToDeg(std::atan2(ha.x - m.x, m.y - ha.y));
  // PI: perpendicular to the endplate at M (into the sacrum) to the line M - hip axis
  const glm::dvec2 e = glm::normalize(glm::dvec2(ant.x - post.x, ant.y - post.y));
  glm::dvec2 n(-e.y, e.x);
  if (n.y > 0.0) n = -n;
  const glm::dvec2 to_ha = glm::normalize(glm::dvec2(ha.x - m.x, ha.y - m.y));
  r.pi_deg = radToDeg(std::acos(glm::dot(n, to_ha)));
  // LL: Cobb angle, L1 superior endplate to S1 endplate (lordosis positive)
  r.ll_deg = lineAngleDeg(world(sk, "l1_superior_endplate_posterior", pose),
                          world(sk, "l1_superior_endplate_anterior", pose)) -
             lineAngleDeg(post, ant);
  return r;
}

}  // namespace sagitta::anatomy::test
