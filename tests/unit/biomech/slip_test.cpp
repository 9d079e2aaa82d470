// Spondylolisthesis: the slip is measured back from the posed bones; the vertebra rolls into
// kyphosis as it slips; the canal narrows in a degenerative slip and not in an isthmic one; the
// posterior arch of an isthmic slip stays behind; the spine above rebalances.
#include <cmath>

#include <gtest/gtest.h>

#include "biomech_test_support.h"

namespace sagitta::biomech {
namespace {

using test::defaultModel;

Solution slip(double percent, SlipLevel level = SlipLevel::kL5S1, SlipType type = SlipType::kIsthmic) {
  ModelInputs in;
  in.slip = {level, type, percent};
  return defaultModel().solve(in);
}

TEST(Slip, IsMeasuredBackFromTheGeometryCloseToWhatWasAsked) {
  for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
    double last = -1.0;
    for (int step = 0; step <= 30; ++step) {
      const double p = 5.0 * step;
      const Solution s = slip(p, level);
      ASSERT_TRUE(s.solver.converged) << p;
      // the slider sets the measured slip (issue 13: within 0.5 %)
      EXPECT_NEAR(s.measures.slip_percent, p, 0.5) << slipLevelName(level) << " " << p;
      EXPECT_GT(s.measures.slip_percent, last) << p;
      last = s.measures.slip_percent;
    }
  }
}

TEST(Slip, SolvedSlipIsWithinAQuarterPercentAndExactAtAGradeBoundary) {
  // a tenth of a millimetre away from a boundary (model_constants.h kSlipTolerancePercent); on a
  // boundary, with the muscles moving the spine off the slip the start tables were made for, the
  // bones still measure the boundary within measures.h's kGradeTolerancePercent, so 25 % reads
  // grade I and 50 % grade II
  for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
    for (double tight : {0.0, 1.0}) {
      for (double p : {0.0, 5.0, 13.0, 25.0, 38.0, 50.0, 75.0}) {
        ModelInputs in;
        in.slip = {level, SlipType::kIsthmic, p};
        for (std::size_t m = 0; m < kMuscleCount; ++m) {
          const auto id = static_cast<MuscleId>(m);
          const MuscleGroup g = groupOf(id);
          for (Side side : kSides) {
            in.muscle(id, side).tightness = g == MuscleGroup::kHipFlexors ? tight : 1.0 - tight;
          }
        }
        const Solution s = defaultModel().solve(in);
        ASSERT_TRUE(s.solver.converged) << p;
        const bool boundary = std::fmod(p, 25.0) == 0.0 && p > 0.0;
        EXPECT_NEAR(s.measures.slip_percent, p, boundary || p == 5.0 ? kGradeTolerancePercent : 0.25)
            << slipLevelName(level) << " " << p << " tightness " << tight;
        if (boundary) {
          EXPECT_EQ(s.measures.meyerding_grade, static_cast<int>(p / 25.0)) << p;
        }
      }
    }
  }
}

TEST(Slip, MeyerdingGradeOfTheSolvedSpineFollowsTheSlip) {
  const std::array<std::pair<double, int>, 6> cases = {
      {{0.0, 0}, {15.0, 1}, {37.0, 2}, {62.0, 3}, {88.0, 4}, {125.0, 5}}};
  for (const auto& [percent, grade] : cases) {
    EXPECT_EQ(slip(percent).measures.meyerding_grade, grade) << percent;
    // a degenerative slip is capped at the end of grade II (model_constants.h)
    EXPECT_EQ(slip(percent, SlipLevel::kL4L5, SlipType::kDegenerative).measures.meyerding_grade,
              std::min(grade, 2))
        << percent;
  }
}

TEST(Slip, TheVertebraRollsIntoKyphosisAsItSlips) {
  double last = slip(0.0).measures.slip_angle_deg;
  for (int step = 1; step <= 15; ++step) {
    const double p = 10.0 * step;
    const double angle = slip(p).measures.slip_angle_deg;
    EXPECT_GT(angle, last) << p;
    last = angle;
  }
  // reference.md §2.1: lumbosacral kyphosis is present by 75 %
  EXPECT_GT(slip(75.0).measures.slip_angle_deg, 0.0);
  EXPECT_LT(slip(10.0).measures.slip_angle_deg, 0.0);  // a low-grade slip stays lordotic
}

TEST(Slip, TheSpineAboveRebalancesAndThePelvisRetroverts) {
  // the lumbar lordosis above takes up the slipped vertebra's roll, and the pelvis tilts back to
  // keep the body over the feet (slip patients have higher PT: J Korean Neurosurg Soc 2013,
  // reference.md §2.2 [V]); the trunk is no longer held upright by a constraint, so it may lean
  // a few degrees, no more
  const Solution none = slip(0.0), half = slip(50.0);
  EXPECT_GT(half.measures.pelvic_tilt_deg, none.measures.pelvic_tilt_deg);
  EXPECT_LT(std::abs(half.trunk_inclination_deg), 6.0);
  EXPECT_GT(half.measures.segmental_lordosis_deg[3], none.measures.segmental_lordosis_deg[3]);  // L4-L5
  EXPECT_LT(half.measures.segmental_lordosis_deg[4], none.measures.segmental_lordosis_deg[4]);  // L5-S1
}

TEST(Slip, DegenerativeSlipNarrowsTheCanalIsthmicDoesNot) {
  for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
    const Solution none = slip(0.0, level, SlipType::kDegenerative);
    const Solution degenerative = slip(30.0, level, SlipType::kDegenerative);
    const Solution isthmic = slip(30.0, level, SlipType::kIsthmic);
    SCOPED_TRACE(std::string(slipLevelName(level)));
    EXPECT_NEAR(none.slip.canal_ap_mm, none.slip.canal_ap_neutral_mm, 0.5);
    EXPECT_GT(none.slip.canal_ap_mm, 12.0);  // a normal lumbar canal (LMG depth ~18.7 mm)
    // the lamina moves forward with the body by roughly the slip (30 % of ~33 mm)
    EXPECT_LT(degenerative.slip.canal_ap_mm, none.slip.canal_ap_mm - 7.0);
    EXPECT_GT(isthmic.slip.canal_ap_mm, none.slip.canal_ap_mm - 1.0);
    EXPECT_FALSE(degenerative.slip.pars_defect);
    EXPECT_TRUE(isthmic.slip.pars_defect);
  }
}

TEST(Slip, TheIsthmicArchKeepsTheUnslippedTransform) {
  const Solution s = slip(40.0);
  const glm::dmat4& body = s.world[static_cast<std::size_t>(anatomy::Segment::kL5)];
  const glm::dmat4& arch = s.slip.posterior_arch_world;
  // the body has slipped forward about 40 % of the S1 endplate relative to the arch
  const glm::dvec3 shift = glm::dvec3(body[3]) - glm::dvec3(arch[3]);
  EXPECT_GT(glm::length(shift), 0.010);
  const Solution d = slip(40.0, SlipLevel::kL5S1, SlipType::kDegenerative);
  const glm::dmat4& dbody = d.world[static_cast<std::size_t>(anatomy::Segment::kL5)];
  for (int c = 0; c < 4; ++c) {
    for (int r = 0; r < 4; ++r) EXPECT_NEAR(d.slip.posterior_arch_world[c][r], dbody[c][r], 1e-12);
  }
}

TEST(Slip, NerveRootsRunThroughTheForaminaAndTheForaminaDeform) {
  for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
    const Solution none = slip(0.0, level), slipped = slip(60.0, level);
    for (const Solution* s : {&none, &slipped}) {
      for (Side side : kSides) {
        const NerveRoot& root = s->slip.nerve_roots[sideIndex(side)];
        EXPECT_EQ(root.name, level == SlipLevel::kL5S1 ? "L5" : "L4");
        for (const glm::dvec3& p : root.points) EXPECT_TRUE(std::isfinite(p.x + p.y + p.z));
        // the root leaves the spine on its own side
        EXPECT_GT((side == Side::kRight ? 1.0 : -1.0) * root.points[4].z, 0.0);
        EXPECT_GT(s->slip.foraminal_height_mm[sideIndex(side)], 5.0);
      }
    }
    EXPECT_NEAR(none.slip.foraminal_height_mm[0], none.slip.foraminal_height_neutral_mm[0], 0.5);
    EXPECT_GT(std::abs(slipped.slip.foraminal_height_mm[0] - none.slip.foraminal_height_mm[0]), 1.0);
  }
}

TEST(Slip, ShearAndCompressionStayPhysiologicalAtEveryGrade) {
  for (int step = 0; step <= 6; ++step) {
    const double p = 25.0 * step;
    const Solution s = slip(p);
    EXPECT_GT(s.l5s1_compression_N, 300.0) << p;
    EXPECT_LT(s.l5s1_compression_N, 2000.0) << p;
    EXPECT_LT(std::abs(s.l5s1_shear_N), 1500.0) << p;
  }
}

TEST(Slip, ShearGrowsWithSacralSlopeAndPsoasPull) {
  const Solution base = slip(0.0);
  ModelInputs psoas;
  for (Side s : kSides) psoas.muscle(MuscleId::kPsoas, s).tightness = 0.6;
  EXPECT_GT(defaultModel().solve(psoas).l5s1_shear_N, base.l5s1_shear_N);
  // a patient with a steeper sacrum (more SS at the same PI)
  ModelInputs steep;
  steep.patient.sacral_slope_deg = base.measures.sacral_slope_deg + 10.0;
  const Solution s = defaultModel().solve(steep);
  EXPECT_GT(s.l5s1_shear_gravity_only_N, base.l5s1_shear_gravity_only_N);
  EXPECT_GT(s.l5s1_shear_N, base.l5s1_shear_N);
}

}  // namespace
}  // namespace sagitta::biomech
