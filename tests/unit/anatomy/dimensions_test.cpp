// Dimensions of the built-in skeleton, measured on its landmarks, against cited ranges. The
// default body is a 1.75 m, 40 y man; every bound names its source (reference.md status tags).
#include "anatomy/dimensions.h"

#include <string>

#include <gtest/gtest.h>

#include "anatomy_test_util.h"

namespace sagitta::anatomy {
namespace {

using test::world;

double mm(double m) {
  return m * 1000.0;
}
double dist(const Skeleton& sk, const std::string& a, const std::string& b) {
  return mm(glm::distance(world(sk, a), world(sk, b)));
}

TEST(Dimensions, PelvisWidthAndDepth) {
  const Skeleton sk = buildSkeleton();
  // inter-ASIS: Rajagopal2016 bone mesh 242 mm [M]; skin markers 257 mm less ASIS skin
  // 2 x 9.7 mm (Mantovani 2016) = 238 mm [D]; +-10% for a 1.75 m man
  EXPECT_NEAR(dist(sk, "asis_l", "asis_r"), 245.0, 25.0);
  // ASIS-PSIS depth along X: Rajagopal mesh 138 mm [M]; markers 164.5 mm less skin
  // (9.7 + 19.6 mm, Mantovani 2016) = 135 mm [D]
  const double depth = mm(world(sk, "asis_r").x - world(sk, "psis_r").x);
  EXPECT_NEAR(depth, 140.0, 18.0);
  // ASIS-PSIS angle (PSIS above ASIS) in a standard anatomical position: Preece 2008,
  // 30 cadaver pelves, 13 +- 5 deg, range 0-23 [V]
  const double asis_psis = test::lineAngleDeg(world(sk, "psis_r"), world(sk, "asis_r"));
  EXPECT_GT(-asis_psis, 0.0);
  EXPECT_LT(-asis_psis, 23.0);
}

TEST(Dimensions, HipCentreAgreesWithBell1989) {
  const Skeleton sk = buildSkeleton();
  // Bell 1989: HJC 30% of inter-ASIS distal, 14% medial, 22% posterior of the ASIS; within
  // 3.3 cm with 95% certainty [V]
  const glm::dvec3 asis = world(sk, "asis_r");
  const double w = glm::distance(world(sk, "asis_l"), asis);
  const glm::dvec3 bell = asis + glm::dvec3(-0.22 * w, -0.30 * w, -0.14 * w);
  EXPECT_LT(glm::distance(bell, world(sk, "acetabulum_centre_r")), 0.033);
}

TEST(Dimensions, VertebralBodiesGrowFromL1ToL5) {
  const Skeleton sk = buildSkeleton();
  const BodyDimensions d = computeDimensions({});
  // LMG regressions at 175 cm (anthropometry.json, formulas [V], values [D]): upper endplate
  // width 38.8 and depth 32.4 mm at L1. Body heights: Junno et al. 2009 (PLoS ONE 4:e4836, MRI)
  // measured L4 at 30.5 +- 1.7 mm in Finnish men of about 1.78 m, so 30.0 mm at 1.75 m, with
  // LMG's pattern across the levels (their own heights, 24.0..24.7 mm, are 20 % short)
  const double body_height[5] = {29.6, 29.8, 30.2, 30.0, 30.4};
  double prev_width = 0.0, prev_depth = 0.0;
  for (int k = 1; k <= 5; ++k) {
    const std::string v = "l" + std::to_string(k);
    SCOPED_TRACE(v);
    const double depth = dist(sk, v + "_superior_endplate_anterior", v + "_superior_endplate_posterior");
    const double width = mm(d.lumbar[static_cast<std::size_t>(k - 1)].endplate_width_superior);
    const double h_ant = dist(sk, v + "_inferior_endplate_anterior", v + "_superior_endplate_anterior");
    const double h_post = dist(sk, v + "_inferior_endplate_posterior", v + "_superior_endplate_posterior");
    if (k == 1) {
      EXPECT_NEAR(width, 38.8, 3.0);
      EXPECT_NEAR(depth, 32.4, 3.0);
    }
    // bodies widen and deepen caudally (reference.md 5 caveat: ~40 mm at L1 to ~50 mm at L5)
    EXPECT_GT(width, prev_width);
    EXPECT_GE(depth, prev_depth - 1e-9);
    EXPECT_NEAR(0.5 * (h_ant + h_post), body_height[k - 1], 1.5);
    prev_width = width;
    prev_depth = depth;
  }
  EXPECT_GT(prev_width, 38.8 + 5.0);
  EXPECT_LT(prev_width, 55.0);
  // L5 is taller in front than behind (reference.md 5: L5 wedging is well established)
  EXPECT_GT(dist(sk, "l5_inferior_endplate_anterior", "l5_superior_endplate_anterior"),
            dist(sk, "l5_inferior_endplate_posterior", "l5_superior_endplate_posterior"));
}

TEST(Dimensions, CanalAndForamina) {
  const Skeleton sk = buildSkeleton();
  for (int k = 1; k <= 5; ++k) {
    const std::string v = "l" + std::to_string(k);
    // canal AP depth: LMG 18.6-18.7 mm at 175 cm [D from V formulas]
    EXPECT_NEAR(dist(sk, v + "_canal_anterior", v + "_canal_posterior"), 18.65, 2.0) << v;
  }
  // the intervertebral foramen between two pedicles stays open: taller than the disc behind it
  // (its height is pedicle-to-pedicle, spanning the disc and parts of both bodies)
  for (int k = 1; k <= 4; ++k) {
    const std::string up = "l" + std::to_string(k), low = "l" + std::to_string(k + 1);
    const double foramen = dist(sk, up + "_pedicle_inferior_r", low + "_pedicle_superior_r");
    const double disc = dist(sk, up + "_inferior_endplate_posterior", low + "_superior_endplate_posterior");
    EXPECT_GT(foramen, disc + 5.0) << up << "-" << low;
  }
}

TEST(Dimensions, DiscHeightsMatchTheMriCohort) {
  const Skeleton sk = buildSkeleton();
  // Anatomical Sciences Journal A-10-159-1, MRI, 14 adults 40-60 y [V]: mean +- SD (mm)
  const double ant[5] = {10.82, 13.09, 15.21, 18.14, 18.71}, ant_sd[5] = {1.59, 1.21, 1.24, 1.49, 1.61};
  const double post[5] = {7.31, 8.58, 9.08, 10.14, 8.51}, post_sd[5] = {1.71, 1.66, 1.22, 1.01, 1.08};
  for (int k = 1; k <= 5; ++k) {
    const std::string up = "l" + std::to_string(k);
    const std::string low = k < 5 ? "l" + std::to_string(k + 1) + "_superior_endplate" : "s1_endplate";
    SCOPED_TRACE(up);
    const double a = dist(sk, up + "_inferior_endplate_anterior", low + "_anterior");
    const double p = dist(sk, up + "_inferior_endplate_posterior", low + "_posterior");
    EXPECT_NEAR(a, ant[k - 1], 2.0 * ant_sd[k - 1]);
    EXPECT_NEAR(p, post[k - 1], 2.0 * post_sd[k - 1]);
  }
}

TEST(Dimensions, DiscsThinWithAgeByTheLmgRegression) {
  BodyParams young, old;
  young.age_years = 25.0;
  old.age_years = 65.0;
  const BodyDimensions a = computeDimensions(young), b = computeDimensions(old);
  // LMG male L4-L5: 1.076 + 0.006952 * age cm [V code]: +2.8 mm from 25 to 65 y (it is a
  // cross-sectional regression of disc height on age in that model)
  EXPECT_NEAR(mm(b.discs[3].height_middle - a.discs[3].height_middle), 10.0 * 0.006952 * 40.0, 0.01);
}

TEST(Dimensions, Femur) {
  const Skeleton sk = buildSkeleton();
  const BodyDimensions d = computeDimensions({});
  // head diameter: Rajagopal femur mesh implies >= 44 mm [M]; textbook 48 mm for men is [U],
  // so the ceiling is only a plausibility bound
  EXPECT_GE(mm(2.0 * d.femoral_head_radius), 44.0);
  EXPECT_LE(mm(2.0 * d.femoral_head_radius), 55.0);
  // neck-shaft angle, 3D, between the neck axis and the shaft axis: cited means span
  // 122.2 (CT 3D median, PMC4775021) .. 133.0 (Jiang 2015) [V]
  const glm::dvec3 base = sk.landmark("femoral_neck_base_r").position;
  const glm::dvec3 to_head = glm::normalize(sk.landmark("femoral_head_centre_r").position - base);
  const glm::dvec3 to_knee = glm::normalize(sk.landmark("femoral_shaft_distal_r").position - base);
  const double nsa = radToDeg(std::acos(glm::dot(to_head, to_knee)));
  EXPECT_GE(nsa, 122.2);
  EXPECT_LE(nsa, 133.0);
  // anteversion: neck axis vs the posterior condylar axis, seen from above: Toogood 2009
  // 9.73, Jiang 2015 10.62, PMC4775021 male median 12.1 (IQR 7.4-20.4) [V]
  const glm::dvec3 condyles = sk.landmark("lateral_condyle_posterior_r").position -
                              sk.landmark("medial_condyle_posterior_r").position;
  const double neck_angle = std::atan2(to_head.x, -to_head.z);  // head forward of the frontal plane
  const double condyle_angle = std::atan2(-condyles.x, condyles.z);
  const double version = radToDeg(neck_angle - condyle_angle);
  EXPECT_GE(version, 7.4);
  EXPECT_LE(version, 20.4);
}

TEST(Dimensions, FemalePelvisIsWiderWithAWiderSubpubicArch) {
  BodyParams man, woman;
  woman.sex = Sex::kFemale;
  woman.stature_m = man.stature_m = 1.70;
  const Skeleton m = buildSkeleton(man), f = buildSkeleton(woman);
  auto subpubic = [](const Skeleton& sk) {
    const glm::dvec3 apex = world(sk, "pubic_symphysis_inferior");
    const glm::dvec3 l = glm::normalize(world(sk, "inferior_pubic_ramus_l") - apex);
    const glm::dvec3 r = glm::normalize(world(sk, "inferior_pubic_ramus_r") - apex);
    return radToDeg(std::acos(glm::dot(l, r)));
  };
  // Ali 2020 (Anat Cell Biol 53:27, 3D CT): men 68.6 +- 7.6, women 87.4 +- 6.5 deg [V]
  EXPECT_NEAR(subpubic(m), 68.6, 2.0 * 7.6);
  EXPECT_NEAR(subpubic(f), 87.4, 2.0 * 6.5);
  // wider true pelvis in women: intertuberous and bispinous distances (Hampel 2018, MRI of
  // women: intertuberous 118-120 mm) [V]
  EXPECT_GT(dist(f, "ischial_tuberosity_l", "ischial_tuberosity_r"),
            dist(m, "ischial_tuberosity_l", "ischial_tuberosity_r"));
  EXPECT_GT(dist(f, "ischial_spine_l", "ischial_spine_r"), dist(m, "ischial_spine_l", "ischial_spine_r"));
  EXPECT_NEAR(dist(f, "ischial_tuberosity_l", "ischial_tuberosity_r"), 119.0, 15.0);
  EXPECT_GE(dist(f, "asis_l", "asis_r"), dist(m, "asis_l", "asis_r"));
}

}  // namespace
}  // namespace sagitta::anatomy
