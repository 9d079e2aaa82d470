// Spinopelvic parameters measured on the built-in skeleton's landmarks at the neutral pose.
#include <array>
#include <string>

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include "anatomy_test_util.h"

namespace sagitta::anatomy {
namespace {

using test::lineAngleDeg;
using test::measureSpinopelvic;
using test::world;

// reference.md 1.2 suggested default adult (Mac-Thiong 2011 [V ranges], Le Huec class III,
// PMC4303780 [V]) with the test tolerances given there (about 1 SD):
// PI 52 +- 10, PT 12 +- 7, SS 40 +- 8, LL 60 +- 11
constexpr double kPi = 52.0, kPiTol = 10.0;
constexpr double kPt = 12.0, kPtTol = 7.0;
constexpr double kSs = 40.0, kSsTol = 8.0;
constexpr double kLl = 60.0, kLlTol = 11.0;

TEST(Spinopelvic, NeutralPoseOfTheDefaultAdultIsWithinNormativeRanges) {
  const Skeleton sk = buildSkeleton();
  const test::Spinopelvic sp = measureSpinopelvic(sk);
  EXPECT_NEAR(sp.pi_deg, kPi, kPiTol);
  EXPECT_NEAR(sp.pt_deg, kPt, kPtTol);
  EXPECT_NEAR(sp.ss_deg, kSs, kSsTol);
  EXPECT_NEAR(sp.ll_deg, kLl, kLlTol);
  // PI = PT + SS is an identity of the definitions (reference.md 1.1)
  EXPECT_NEAR(sp.pi_deg, sp.pt_deg + sp.ss_deg, 1e-9);
  // SRS-Schwab: PI - LL below 10 deg is normal (Terran, Schwab et al. 2013, reference.md 1.3)
  EXPECT_LT(std::abs(sp.pi_deg - sp.ll_deg), 10.0);
}

TEST(Spinopelvic, EveryBodyTypeStandsWithNormalParameters) {
  for (const Sex sex : {Sex::kMale, Sex::kFemale}) {
    for (const double stature : {1.50, 1.75, 2.00}) {
      for (const double age : {20.0, 70.0}) {
        BodyParams p;
        p.sex = sex;
        p.stature_m = stature;
        p.age_years = age;
        const test::Spinopelvic sp = measureSpinopelvic(buildSkeleton(p));
        SCOPED_TRACE(std::to_string(stature) + " m, age " + std::to_string(age));
        // Mac-Thiong 2011 found no M/F difference and PI unrelated to age (reference.md 1.2)
        EXPECT_NEAR(sp.pi_deg, kPi, kPiTol);
        EXPECT_NEAR(sp.pt_deg, kPt, kPtTol);
        EXPECT_NEAR(sp.ss_deg, kSs, kSsTol);
        EXPECT_NEAR(sp.ll_deg, kLl, kLlTol);
      }
    }
  }
}

TEST(Spinopelvic, LordosisIsSharedLikeTheStandingCohort) {
  const Skeleton sk = buildSkeleton();
  // segmental lordosis: angle between the superior endplates of adjacent levels
  const std::array<std::string, 6> upper = {"l1", "l2", "l3", "l4", "l5", "s1"};
  auto endplate = [&](const std::string& v) {
    if (v == "s1") return lineAngleDeg(world(sk, "s1_endplate_posterior"), world(sk, "s1_endplate_anterior"));
    return lineAngleDeg(world(sk, v + "_superior_endplate_posterior"),
                        world(sk, v + "_superior_endplate_anterior"));
  };
  // Sci Rep 2022 s41598-022-21840-x Table 2, all 324 subjects (reference.md 1.4) [V]:
  // L1-L2 1.2 +- 3.6, L2-L3 5.9 +- 4.1, L3-L4 9.1 +- 4.2, L4-L5 12.7 +- 5.1, L5-S1 21.6 +- 7.7
  const std::array<double, 5> mean = {1.2, 5.9, 9.1, 12.7, 21.6};
  const std::array<double, 5> sd = {3.6, 4.1, 4.2, 5.1, 7.7};
  std::array<double, 5> seg{};
  for (std::size_t k = 0; k < 5; ++k) {
    seg[k] = endplate(upper[k]) - endplate(upper[k + 1]);
    SCOPED_TRACE(upper[k] + "-" + upper[k + 1]);
    EXPECT_NEAR(seg[k], mean[k], 2.0 * sd[k]);
    if (k > 0) {
      EXPECT_GT(seg[k], seg[k - 1]) << "lordosis should grow toward the sacrum";
    }
  }
  // about two thirds of LL lies at L4-S1 (PMC6680033: 70.8%; Sci Rep 2022: 67.9%) [V]
  const double total = seg[0] + seg[1] + seg[2] + seg[3] + seg[4];
  EXPECT_NEAR((seg[3] + seg[4]) / total, 0.68, 0.08);
}

TEST(Spinopelvic, PelvicRotationAboutTheHipAxisMovesPtAndSsOneForOne) {
  // reference.md 1.1 rigid-pelvis kinematics [D]: anterior rotation d gives SS + d, PT - d
  const Skeleton sk = buildSkeleton();
  const test::Spinopelvic neutral = measureSpinopelvic(sk);
  const glm::dvec3 hip =
      0.5 * (sk.landmark("acetabulum_centre_l").position + sk.landmark("acetabulum_centre_r").position);
  Pose pose;
  const double d = degToRad(-8.0);  // negative about +Z tips the pelvis forward (anterior tilt)
  pose.joint[static_cast<std::size_t>(Segment::kPelvis)] =
      glm::dmat4(glm::dmat3(std::cos(d), std::sin(d), 0.0, -std::sin(d), std::cos(d), 0.0, 0.0, 0.0, 1.0));
  pose.joint[0] =
      glm::translate(glm::dmat4(1.0), hip) * pose.joint[0] * glm::translate(glm::dmat4(1.0), -hip);
  const test::Spinopelvic tilted = measureSpinopelvic(sk, pose);
  EXPECT_NEAR(tilted.ss_deg, neutral.ss_deg + 8.0, 1e-6);
  EXPECT_NEAR(tilted.pt_deg, neutral.pt_deg - 8.0, 1e-6);
  EXPECT_NEAR(tilted.pi_deg, neutral.pi_deg, 1e-6);
}

}  // namespace
}  // namespace sagitta::anatomy
