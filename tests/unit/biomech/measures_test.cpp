// Clinical measures on plain points: known geometry in, known angles out; identities hold for
// any rigid motion; Meyerding grades from displacements built into the geometry.
#include "biomech/measures.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "core/units.h"

namespace sagitta::biomech {
namespace {

glm::dvec3 rotateZ(const glm::dvec3& p, double a) {
  return {std::cos(a) * p.x - std::sin(a) * p.y, std::sin(a) * p.x + std::cos(a) * p.y, p.z};
}

// A sagittal skeleton of points with given PT, SS and Cobb LL, everything else neutral.
MeasureLandmarks synthetic(double pt_deg, double ss_deg, double ll_deg) {
  MeasureLandmarks p;
  const double pt = degToRad(pt_deg), ss = degToRad(ss_deg);
  p.hip_centre = {glm::dvec3(0.0, 0.0, -0.08), glm::dvec3(0.0, 0.0, 0.08)};
  p.knee_centre = {glm::dvec3(0.0, -0.43, -0.08), glm::dvec3(0.0, -0.43, 0.08)};
  const glm::dvec3 m(-0.115 * std::sin(pt), 0.115 * std::cos(pt), 0.0);  // hip axis in front by PT
  const glm::dvec3 e(std::cos(ss), -std::sin(ss), 0.0);                  // anterior end lower by SS
  p.s1_anterior = m + 0.017 * e;
  p.s1_posterior = m - 0.017 * e;
  // L5..L1 superior endplates turning up by equal steps to reach the Cobb angle at L1
  for (int k = 4; k >= 0; --k) {
    const double angle = -ss + degToRad(ll_deg) * (5 - k) / 5.0;
    const glm::dvec3 c = m + glm::dvec3(0.0, 0.035 * (5 - k), 0.0);
    const glm::dvec3 d(std::cos(angle), std::sin(angle), 0.0);
    p.superior_anterior[static_cast<std::size_t>(k)] = c + 0.017 * d;
    p.superior_posterior[static_cast<std::size_t>(k)] = c - 0.017 * d;
  }
  // anterior pelvic plane vertical, ASIS 2 cm lower than PSIS
  p.asis = {glm::dvec3(0.06, 0.08, -0.12), glm::dvec3(0.06, 0.08, 0.12)};
  p.psis = {glm::dvec3(-0.08, 0.10, -0.04), glm::dvec3(-0.08, 0.10, 0.04)};
  p.pubic_symphysis = {0.06, 0.0, 0.0};
  // no slip: L5's inferior endplate sits on S1
  p.upper_inferior_anterior = p.s1_anterior + glm::dvec3(0.0, 0.01, 0.0);
  p.upper_inferior_posterior = p.s1_posterior + glm::dvec3(0.0, 0.01, 0.0);
  p.lower_superior_anterior = p.s1_anterior;
  p.lower_superior_posterior = p.s1_posterior;
  p.lower_posterior_wall = p.s1_posterior + 0.025 * glm::dvec3(e.y, -e.x, 0.0);
  return p;
}

MeasureLandmarks transformed(MeasureLandmarks p, double angle, const glm::dvec3& shift) {
  auto t = [&](glm::dvec3& v) { v = rotateZ(v, angle) + shift; };
  for (auto& v : p.hip_centre) t(v);
  for (auto& v : p.knee_centre) t(v);
  for (auto& v : p.asis) t(v);
  for (auto& v : p.psis) t(v);
  for (auto& v : p.superior_anterior) t(v);
  for (auto& v : p.superior_posterior) t(v);
  t(p.s1_anterior);
  t(p.s1_posterior);
  t(p.pubic_symphysis);
  t(p.upper_inferior_anterior);
  t(p.upper_inferior_posterior);
  t(p.lower_superior_anterior);
  t(p.lower_superior_posterior);
  t(p.lower_posterior_wall);
  return p;
}

TEST(Measures, ReadBackTheAnglesTheGeometryWasBuiltWith) {
  const ClinicalMeasures m = measure(synthetic(12.0, 40.0, 60.0));
  EXPECT_NEAR(m.pelvic_tilt_deg, 12.0, 1e-9);
  EXPECT_NEAR(m.sacral_slope_deg, 40.0, 1e-9);
  EXPECT_NEAR(m.pelvic_incidence_deg, 52.0, 1e-9);
  EXPECT_NEAR(m.lumbar_lordosis_deg, 60.0, 1e-9);
  double sum = 0.0;
  for (double s : m.segmental_lordosis_deg) sum += s;
  EXPECT_NEAR(sum, m.lumbar_lordosis_deg, 1e-9);
  EXPECT_NEAR(m.segmental_lordosis_deg[4], 12.0, 1e-9);
  EXPECT_NEAR(m.hip_extension_deg[0], 0.0, 1e-9);
  // PSIS 2 cm above the ASIS over 14 cm: atan(2/14)
  EXPECT_NEAR(m.asis_psis_tilt_deg, radToDeg(std::atan2(0.02, 0.14)), 1e-9);
}

TEST(Measures, PelvicIncidenceEqualsTiltPlusSlopeForAnyRigidMotion) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> angle(-0.6, 0.6), shift(-0.5, 0.5), pt(-10.0, 45.0), ss(0.0, 60.0);
  for (int i = 0; i < 2000; ++i) {
    const double pt0 = pt(rng), ss0 = std::max(ss(rng), 10.0 - pt0);  // PI of a pelvis is positive
    const MeasureLandmarks p =
        transformed(synthetic(pt0, ss0, 50.0), angle(rng), {shift(rng), shift(rng), 0.0});
    const ClinicalMeasures m = measure(p);
    ASSERT_NEAR(m.pelvic_incidence_deg, m.pelvic_tilt_deg + m.sacral_slope_deg, 1e-9) << i;
    ASSERT_NEAR(m.pelvic_incidence_deg, pt0 + ss0, 1e-9) << i;  // PI is a shape: motion leaves it
  }
}

TEST(Measures, AnteriorPelvicRotationLowersTiltAndRaisesSlopeOneForOne) {
  // reference.md §1.1 [D]: anterior rotation d about the hip axis gives SS + d, PT - d, and the
  // ASIS-PSIS angle + d
  const MeasureLandmarks p = synthetic(12.0, 40.0, 60.0);
  const ClinicalMeasures before = measure(p);
  const ClinicalMeasures after = measure(transformed(p, degToRad(-7.0), glm::dvec3(0.0)));  // -Z: anterior
  EXPECT_NEAR(after.sacral_slope_deg - before.sacral_slope_deg, 7.0, 1e-9);
  EXPECT_NEAR(after.pelvic_tilt_deg - before.pelvic_tilt_deg, -7.0, 1e-9);
  EXPECT_NEAR(after.asis_psis_tilt_deg - before.asis_psis_tilt_deg, 7.0, 1e-9);
  EXPECT_NEAR(after.pelvic_incidence_deg, before.pelvic_incidence_deg, 1e-9);
}

TEST(Measures, HipExtensionIsPositiveWhenTheKneeGoesBehindThePelvicPlane) {
  MeasureLandmarks p = synthetic(12.0, 40.0, 60.0);
  p.knee_centre[1] = p.hip_centre[1] + rotateZ(glm::dvec3(0.0, -0.43, 0.0), degToRad(-15.0));  // knee back
  p.knee_centre[0] = p.hip_centre[0] + rotateZ(glm::dvec3(0.0, -0.43, 0.0), degToRad(20.0));   // knee forward
  const ClinicalMeasures m = measure(p);
  EXPECT_NEAR(m.hip_extension_deg[sideIndex(Side::kRight)], 15.0, 1e-9);
  EXPECT_NEAR(m.hip_extension_deg[sideIndex(Side::kLeft)], -20.0, 1e-9);
}

// Lower endplate 33 mm long; the upper vertebra's posterior-inferior corner displaced forward
// along it by `percent`.
MeasureLandmarks slipped(double percent, double tilt_deg = 25.0) {
  MeasureLandmarks p = synthetic(12.0, 40.0, 60.0);
  const glm::dvec3 post(0.0, 0.0, 0.0), e(1.0, 0.0, 0.0);
  p.lower_superior_posterior = post;
  p.lower_superior_anterior = post + 0.033 * e;
  p.lower_posterior_wall = post + glm::dvec3(0.0, -0.025, 0.0);
  p.upper_inferior_posterior = post + 0.033 * percent / 100.0 * e + glm::dvec3(0.0, 0.012, 0.0);
  p.upper_inferior_anterior = p.upper_inferior_posterior + 0.033 * e;
  return transformed(p, degToRad(tilt_deg), {0.1, 1.0, 0.0});  // on a tilted film, somewhere
}

TEST(Meyerding, GradesAreMeasuredFromTheGeometryAtTheCitedBoundaries) {
  // reference.md §2.1 [V]: I 0-25 %, II 26-50 %, III 51-75 %, IV 76-100 %, V > 100 %
  const std::array<std::pair<double, int>, 11> cases = {{{0.0, 0},
                                                         {3.0, 0},
                                                         {24.0, 1},
                                                         {26.0, 2},
                                                         {49.0, 2},
                                                         {51.0, 3},
                                                         {74.0, 3},
                                                         {76.0, 4},
                                                         {99.0, 4},
                                                         {101.0, 5},
                                                         {140.0, 5}}};
  for (const auto& [percent, grade] : cases) {
    const ClinicalMeasures m = measure(slipped(percent));
    EXPECT_NEAR(m.slip_percent, percent, 1e-9);
    EXPECT_EQ(m.meyerding_grade, grade) << percent << " %";
  }
}

TEST(Meyerding, GradeFunctionBoundariesAndNonsense) {
  EXPECT_EQ(meyerdingGrade(kNoSlipBelowPercent - 0.01), 0);
  EXPECT_EQ(meyerdingGrade(kNoSlipBelowPercent), 1);
  EXPECT_EQ(meyerdingGrade(25.0), 1);
  // a boundary belongs to the lower grade, within the solve's tolerance (measures.h)
  EXPECT_EQ(meyerdingGrade(25.0 + 0.5 * kGradeTolerancePercent), 1);
  EXPECT_EQ(meyerdingGrade(25.0 + 2.0 * kGradeTolerancePercent), 2);
  EXPECT_EQ(meyerdingGrade(100.0), 4);
  EXPECT_EQ(meyerdingGrade(100.0 + 2.0 * kGradeTolerancePercent), 5);
  EXPECT_EQ(meyerdingGrade(-10.0), 0);  // retrolisthesis is not graded
  EXPECT_EQ(meyerdingGrade(std::nan("")), 0);
}

TEST(SlipAngle, IsPositiveWhenTheUpperVertebraRollsForward) {
  MeasureLandmarks p = slipped(30.0, 0.0);
  // parallel endplates, posterior wall perpendicular: zero slip angle
  EXPECT_NEAR(measure(p).slip_angle_deg, 0.0, 1e-9);
  // roll the upper endplate 12 deg into kyphosis (anterior end down)
  const glm::dvec3 d = p.upper_inferior_anterior - p.upper_inferior_posterior;
  p.upper_inferior_anterior = p.upper_inferior_posterior + rotateZ(d, degToRad(-12.0));
  EXPECT_NEAR(measure(p).slip_angle_deg, 12.0, 1e-9);
}

}  // namespace
}  // namespace sagitta::biomech
