// The standing posture: the neutral adult lands in published normal ranges, the pose is
// consistent with the skeleton's forward kinematics, and the identities of the measures hold.
#include <cmath>

#include <gtest/gtest.h>

#include "anatomy/skeleton.h"
#include "biomech/measures.h"
#include "biomech_test_support.h"
#include "core/error.h"
#include "core/units.h"

namespace sagitta::biomech {
namespace {

using test::defaultModel;

TEST(NeutralStanding, LandsInPublishedNormalRanges) {
  const Solution s = defaultModel().solve(ModelInputs{});
  ASSERT_TRUE(s.solver.converged);
  const ClinicalMeasures& m = s.measures;
  // reference.md §1.2 suggested default adult (Mac-Thiong 2011 [V ranges]; Le Huec class III,
  // PMC4303780 [V]) with its test tolerances of about 1 SD: PI 52 +- 10, PT 12 +- 7, SS 40 +- 8,
  // LL 60 +- 11
  EXPECT_NEAR(m.pelvic_incidence_deg, 52.0, 10.0);
  EXPECT_NEAR(m.pelvic_tilt_deg, 12.0, 7.0);
  EXPECT_NEAR(m.sacral_slope_deg, 40.0, 8.0);
  EXPECT_NEAR(m.lumbar_lordosis_deg, 60.0, 11.0);
  // SRS-Schwab modifier: PI - LL under 10 deg is normal (Terran, Schwab et al. 2013) [V]
  EXPECT_LT(std::abs(m.pelvic_incidence_deg - m.lumbar_lordosis_deg), 10.0);
  // Preece et al. 2008: ASIS-PSIS angle of pelves in the anatomical position 13 +- 5 deg, range
  // 0-23 [V]: inside the range
  EXPECT_GT(m.asis_psis_tilt_deg, 0.0);
  EXPECT_LT(m.asis_psis_tilt_deg, 23.0);
  // standing with the femurs vertical: no hip flexion or extension
  EXPECT_NEAR(m.hip_extension_deg[0], 0.0, 1e-6);
  EXPECT_NEAR(m.hip_extension_deg[1], 0.0, 1e-6);
  // no slip is read on a spine without one
  EXPECT_EQ(m.meyerding_grade, 0);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(NeutralStanding, GravityOnlyShearMatchesTheReferenceFormula) {
  // reference.md §2.3 [D]: F = W_up sin(SS); 260 N at SS 40 deg for 75 kg with f_up = 0.55; the
  // skeleton's mass above L5-S1 is Dempster's 0.536 (docs/anatomy.md), so 0.536 m g sin(SS)
  const Solution s = defaultModel().solve(ModelInputs{});
  const double expected = 0.536 * 75.0 * kGravity_m_s2 * std::sin(degToRad(s.measures.sacral_slope_deg));
  EXPECT_NEAR(s.l5s1_shear_gravity_only_N, expected, 0.01 * expected);
  EXPECT_GT(s.l5s1_shear_N, 0.0);
  EXPECT_GT(s.l5s1_compression_N, 0.0);
}

TEST(Pose, WorldTransformsAreTheSkeletonsForwardKinematicsOfThePose) {
  for (PoseKind pose : {PoseKind::kStanding, PoseKind::kThomas, PoseKind::kLunge, PoseKind::kSitting}) {
    ModelInputs in;
    in.pose = pose;
    in.slip.percent = 40.0;
    test::setGroup(in, MuscleGroup::kHipFlexors, 0.6);
    const Solution s = defaultModel().solve(in);
    const auto world = anatomy::worldTransforms(defaultModel().skeleton(), s.pose);
    for (std::size_t i = 0; i < anatomy::kSegmentCount; ++i) {
      for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
          ASSERT_NEAR(world[i][c][r], s.world[i][c][r], 1e-12) << poseName(pose) << " segment " << i;
        }
      }
    }
    // and the measures read from those landmarks are the Solution's
    const ClinicalMeasures m = measure(measureLandmarks(defaultModel().skeleton(), s.pose, in.slip.level));
    EXPECT_NEAR(m.pelvic_tilt_deg, s.measures.pelvic_tilt_deg, 1e-9);
    EXPECT_NEAR(m.lumbar_lordosis_deg, s.measures.lumbar_lordosis_deg, 1e-9);
    EXPECT_NEAR(m.slip_percent, s.measures.slip_percent, 1e-9);
  }
}

TEST(Pose, PelvicIncidenceEqualsTiltPlusSlopeInEverySolvedPosture) {
  std::uint32_t seed = 12345;
  auto next = [&]() {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24);
  };
  for (int i = 0; i < 300; ++i) {
    ModelInputs in;
    for (auto& muscle : in.muscles) {
      for (auto& side : muscle) {
        side.tightness = next();
        side.tone = next();
      }
    }
    in.pose = static_cast<PoseKind>(static_cast<int>(next() * 3.999));
    in.pose_side = next() < 0.5 ? Side::kLeft : Side::kRight;
    in.slip.level = next() < 0.5 ? SlipLevel::kL4L5 : SlipLevel::kL5S1;
    in.slip.type = next() < 0.5 ? SlipType::kIsthmic : SlipType::kDegenerative;
    in.slip.percent = next() < 0.5 ? 0.0 : 150.0 * next();
    if (next() < 0.3) in.patient.pelvic_incidence_deg = 35.0 + 40.0 * next();
    const ClinicalMeasures m = defaultModel().solve(in).measures;
    ASSERT_NEAR(m.pelvic_incidence_deg, m.pelvic_tilt_deg + m.sacral_slope_deg, 0.01) << i;
    double sum = 0.0;
    for (double v : m.segmental_lordosis_deg) sum += v;
    ASSERT_NEAR(sum, m.lumbar_lordosis_deg, 1e-9) << i;
  }
}

TEST(Pose, ModelIsBuiltForOtherBodies) {
  for (double stature : {1.55, 1.95}) {
    anatomy::BodyParams body;
    body.stature_m = stature;
    body.sex = anatomy::Sex::kFemale;
    const PostureModel model(anatomy::buildSkeleton(body));
    ModelInputs in;
    in.body.stature_m = stature;
    in.body.sex = anatomy::Sex::kFemale;
    const Solution s = model.solve(in);
    EXPECT_TRUE(s.solver.converged);
    EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
    EXPECT_NEAR(s.measures.pelvic_tilt_deg, 12.0, 7.0);
    ModelInputs tight = in;
    test::setGroup(tight, MuscleGroup::kHipFlexors, 0.8);
    EXPECT_LT(model.solve(tight).measures.pelvic_tilt_deg, s.measures.pelvic_tilt_deg);
  }
  // a model asked for a body it was not built for says so
  ModelInputs other;
  other.body.stature_m = 1.60;
  const Solution s = defaultModel().solve(other);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("body.stature_m"), std::string::npos);
  // and for a sex it was not built for
  ModelInputs woman;
  woman.body.sex = anatomy::Sex::kFemale;
  ASSERT_EQ(defaultModel().solve(woman).warnings.size(), 1u);
}

TEST(Pose, BadInputsAreRefusedNamingTheField) {
  ModelInputs in;
  in.muscle(MuscleId::kPsoas, Side::kRight).tightness = 1.5;
  try {
    defaultModel().solve(in);
    FAIL() << "accepted tightness 1.5";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("muscles.psoas.right.tightness"), std::string::npos) << e.what();
  }
  ModelInputs nan;
  nan.slip.percent = std::nan("");
  EXPECT_THROW(defaultModel().solve(nan), InputError);
  ModelInputs big;
  big.slip.percent = kMaxSlipPercent + 1.0;
  EXPECT_THROW(defaultModel().solve(big), InputError);
}

}  // namespace
}  // namespace sagitta::biomech
