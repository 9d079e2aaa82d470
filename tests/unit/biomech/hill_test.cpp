// Hill-type curves against the cited values (reference.md §4.1) and their own consistency.
#include "biomech/hill.h"

#include <cmath>

#include <gtest/gtest.h>

namespace sagitta::biomech {
namespace {

TEST(PassiveCurve, ThelenCurveMatchesTheReferenceWorkedValues) {
  // reference.md §4.1 [D] example, k_PE = 4, e0 = 0.6: f(1.1) = 0.018, f(1.2) = 0.052,
  // f(1.3) = 0.119, f(1.4) = 0.25, f(1.6) = 1.0
  const PassiveCurve c = PassiveCurve::fromStrains(0.0, 0.6);
  EXPECT_NEAR(c.force(1.1), 0.018, 0.0005);
  EXPECT_NEAR(c.force(1.2), 0.052, 0.0005);
  EXPECT_NEAR(c.force(1.3), 0.119, 0.0005);
  EXPECT_NEAR(c.force(1.4), 0.25, 0.001);
  EXPECT_NEAR(c.force(1.6), 1.0, 1e-12);
}

TEST(PassiveCurve, IsSlackBelowItsZeroStrainAndRisesAfter) {
  // Uhlrich 2022 psoas: zero force at strain -0.076, Fmax at +0.503 (reference.md §4.2)
  const PassiveCurve c = PassiveCurve::fromStrains(-0.0763, 0.5033);
  EXPECT_EQ(c.force(0.90), 0.0);
  EXPECT_EQ(c.force(0.9237), 0.0);
  EXPECT_GT(c.force(0.95), 0.0);
  EXPECT_NEAR(c.force(1.5033), 1.0, 1e-9);
  double last = 0.0;
  for (int step = 0; step < 157; ++step) {
    const double l = 0.93 + 0.01 * step;
    EXPECT_GT(c.force(l), last) << l;
    last = c.force(l);
  }
}

TEST(PassiveCurve, EnergyIsTheIntegralOfForceAndStiffnessItsSlope) {
  const PassiveCurve c = PassiveCurve::fromStrains(0.1, 0.7);
  for (int step = 0; step < 53; ++step) {  // includes the linear continuation above 5 Fmax
    const double l = 1.05 + 0.037 * step;
    const double h = 1e-6;
    EXPECT_NEAR((c.energy(l + h) - c.energy(l - h)) / (2 * h), c.force(l), 1e-6 * (1.0 + c.force(l))) << l;
    EXPECT_NEAR((c.force(l + h) - c.force(l - h)) / (2 * h), c.stiffness(l), 1e-4 * (1.0 + c.stiffness(l)))
        << l;
  }
}

TEST(PassiveCurve, TurnsLinearAboveFiveFmaxWithoutAJump) {
  const PassiveCurve c = PassiveCurve::fromStrains(0.0, 0.6);
  const double start = c.zero_length_norm + c.linear_start;
  EXPECT_NEAR(c.force(start), 5.0, 1e-9);
  EXPECT_NEAR(c.force(start - 1e-9), c.force(start + 1e-9), 1e-6);
  EXPECT_NEAR(c.stiffness(start - 1e-9), c.stiffness(start + 1e-9), 1e-4 * c.stiffness(start));
  EXPECT_TRUE(std::isfinite(c.energy(50.0)));
}

TEST(ActiveForceLength, PeaksAtOptimalLengthAndIsSymmetric) {
  EXPECT_DOUBLE_EQ(activeForceLength(1.0), 1.0);
  EXPECT_NEAR(activeForceLength(0.8), activeForceLength(1.2), 1e-15);
  EXPECT_LT(activeForceLength(1.5), activeForceLength(1.2));
  for (int step = 0; step < 30; ++step) {
    const double l = 0.3 + 0.05 * step;
    const double h = 1e-6;
    EXPECT_NEAR((activeForceLengthIntegral(l + h) - activeForceLengthIntegral(l - h)) / (2 * h),
                activeForceLength(l), 1e-7);
  }
}

}  // namespace
}  // namespace sagitta::biomech
