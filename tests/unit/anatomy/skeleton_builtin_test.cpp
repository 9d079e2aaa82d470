// The built-in skeleton: landmarks, frames, masses and how it scales.
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "anatomy/dimensions.h"
#include "anatomy_test_util.h"

namespace sagitta::anatomy {
namespace {

using test::world;

std::vector<std::string> requiredLandmarks() {
  std::vector<std::string> names = {"pubic_symphysis",
                                    "sacral_promontory",
                                    "s1_endplate_anterior",
                                    "s1_endplate_posterior",
                                    "s1_endplate_mid",
                                    "coccyx_tip",
                                    "t12_inferior_endplate_anterior",
                                    "t12_inferior_endplate_posterior"};
  const std::vector<std::string> pairs = {"asis",
                                          "aiis",
                                          "psis",
                                          "piis",
                                          "pubic_tubercle",
                                          "ischial_tuberosity",
                                          "ischial_spine",
                                          "iliac_crest_top",
                                          "acetabulum_centre",
                                          "femoral_head_centre",
                                          "greater_trochanter",
                                          "lesser_trochanter",
                                          "medial_epicondyle",
                                          "lateral_epicondyle",
                                          "knee_centre",
                                          "ankle_centre",
                                          "psoas_via1",
                                          "psoas_insertion",
                                          "iliacus_origin",
                                          "iliacus_insertion",
                                          "rectus_femoris_origin",
                                          "rectus_femoris_insertion",
                                          "sartorius_origin",
                                          "sartorius_insertion",
                                          "tfl_origin",
                                          "tfl_insertion",
                                          "semimembranosus_origin",
                                          "semimembranosus_insertion",
                                          "semitendinosus_origin",
                                          "semitendinosus_insertion",
                                          "biceps_femoris_lh_origin",
                                          "biceps_femoris_lh_insertion",
                                          "rectus_abdominis_origin",
                                          "rectus_abdominis_insertion",
                                          "external_oblique_origin",
                                          "external_oblique_insertion",
                                          "internal_oblique_origin",
                                          "internal_oblique_insertion",
                                          "s1_superior_articular",
                                          "s1_pedicle_superior"};
  for (const std::string& p : pairs) {
    names.push_back(p + "_l");
    names.push_back(p + "_r");
  }
  for (int g = 1; g <= 3; ++g) {
    for (const char* part : {"origin", "insertion"}) {
      for (const char* side : {"_l", "_r"})
        names.push_back("gluteus_maximus" + std::to_string(g) + "_" + part + side);
    }
  }
  for (int k = 1; k <= 5; ++k) {
    const std::string v = "l" + std::to_string(k);
    for (const char* n :
         {"_superior_endplate_anterior", "_superior_endplate_posterior", "_inferior_endplate_anterior",
          "_inferior_endplate_posterior", "_spinous_tip", "_canal_anterior", "_canal_posterior"}) {
      names.push_back(v + n);
    }
    for (const char* n : {"_transverse_tip", "_pars", "_pedicle_superior", "_pedicle_inferior",
                          "_superior_articular", "_inferior_articular"}) {
      names.push_back(v + n + "_l");
      names.push_back(v + n + "_r");
    }
    for (const char* side : {"_l", "_r"}) {
      names.push_back("psoas_origin_" + v + side);
      names.push_back("longissimus_origin_" + v + side);
      names.push_back("longissimus_insertion_" + v + side);
      names.push_back("multifidus_origin_" + v + side);
      names.push_back("multifidus_insertion_" + v + side);
      if (k <= 4) {
        names.push_back("iliocostalis_origin_" + v + side);
        names.push_back("iliocostalis_insertion_" + v + side);
      }
    }
  }
  return names;
}

TEST(BuiltinSkeleton, HasEveryRequiredLandmark) {
  const Skeleton sk = buildSkeleton();
  for (const std::string& name : requiredLandmarks()) EXPECT_NE(sk.findLandmark(name), nullptr) << name;
}

TEST(BuiltinSkeleton, LandmarkNamesAreUniqueSnakeCase) {
  const Skeleton sk = buildSkeleton();
  const std::regex snake("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
  std::set<std::string> seen;
  for (const Landmark& l : sk.landmarks()) {
    EXPECT_TRUE(std::regex_match(l.name, snake)) << l.name;
    EXPECT_TRUE(seen.insert(l.name).second) << "duplicate " << l.name;
  }
}

TEST(BuiltinSkeleton, MuscleLandmarksFollowTheNamingPattern) {
  const Skeleton sk = buildSkeleton();
  const std::regex muscle(
      "^(psoas|iliacus|rectus_femoris|sartorius|tfl|gluteus_maximus[123]|semimembranosus|semitendinosus|"
      "biceps_femoris_lh|rectus_abdominis|external_oblique|internal_oblique|iliocostalis|longissimus|"
      "multifidus)_"
      "(origin|via1|via2|insertion)(_(l[1-5]|rib12))?_(l|r)$");
  const std::regex looks_like_muscle("_(origin|via1|via2|insertion)");
  int count = 0;
  for (const Landmark& l : sk.landmarks()) {
    if (!std::regex_search(l.name, looks_like_muscle)) continue;
    ++count;
    EXPECT_TRUE(std::regex_match(l.name, muscle)) << l.name;
  }
  EXPECT_GT(count, 100);
}

TEST(BuiltinSkeleton, TwoJointMusclesInsertOnTheShank) {
  const Skeleton sk = buildSkeleton();
  for (const char* m :
       {"rectus_femoris", "sartorius", "tfl", "semimembranosus", "semitendinosus", "biceps_femoris_lh"}) {
    EXPECT_EQ(sk.landmark(std::string(m) + "_insertion_r").segment, Segment::kShankRight) << m;
    EXPECT_EQ(sk.landmark(std::string(m) + "_insertion_l").segment, Segment::kShankLeft) << m;
    EXPECT_EQ(sk.landmark(std::string(m) + "_origin_r").segment, Segment::kPelvis) << m;
  }
  EXPECT_EQ(sk.landmark("psoas_origin_l3_r").segment, Segment::kL3);
  EXPECT_EQ(sk.landmark("psoas_insertion_r").segment, Segment::kFemurRight);
  EXPECT_EQ(sk.landmark("multifidus_insertion_l5_r").segment, Segment::kL5);
  EXPECT_EQ(sk.landmark("rectus_abdominis_insertion_r").segment, Segment::kThorax);
}

TEST(BuiltinSkeleton, LeftAndRightAreMirrorImages) {
  const Skeleton sk = buildSkeleton();
  const auto w = worldTransforms(sk, Pose{});
  int pairs = 0;
  for (const Landmark& r : sk.landmarks()) {
    if (r.name.size() < 2 || r.name.substr(r.name.size() - 2) != "_r") continue;
    const Landmark* l = sk.findLandmark(r.name.substr(0, r.name.size() - 2) + "_l");
    ASSERT_NE(l, nullptr) << r.name;
    const glm::dvec3 pr = worldPosition(r, w), pl = worldPosition(*l, w);
    EXPECT_NEAR(pr.x, pl.x, 1e-9) << r.name;
    EXPECT_NEAR(pr.y, pl.y, 1e-9) << r.name;
    EXPECT_NEAR(pr.z, -pl.z, 1e-9) << r.name;
    EXPECT_GT(pr.z, 0.0) << r.name << " should be right of the midline";
    ++pairs;
  }
  EXPECT_GT(pairs, 100);
}

TEST(BuiltinSkeleton, HipCentreIsAcetabulumCentreIsFemoralHeadCentre) {
  const Skeleton sk = buildSkeleton();
  const auto w = worldTransforms(sk, Pose{});
  for (const char* side : {"_l", "_r"}) {
    const glm::dvec3 acetabulum = world(sk, std::string("acetabulum_centre") + side);
    const glm::dvec3 head = world(sk, std::string("femoral_head_centre") + side);
    const Segment femur = side == std::string("_l") ? Segment::kFemurLeft : Segment::kFemurRight;
    const glm::dvec3 femur_origin(w[static_cast<std::size_t>(femur)][3]);
    EXPECT_LT(glm::distance(acetabulum, head), 0.001) << side;
    EXPECT_LT(glm::distance(acetabulum, femur_origin), 0.001) << side;
  }
}

TEST(BuiltinSkeleton, FramesAreAsDocumented) {
  const Skeleton sk = buildSkeleton();
  // pelvis origin at mid-ASIS (skeleton.h)
  const glm::dvec3 mid_asis = 0.5 * (sk.landmark("asis_l").position + sk.landmark("asis_r").position);
  EXPECT_LT(glm::length(mid_asis), 1e-12);
  // sacrum origin at the S1 endplate mid-point, +X toward the anterior corner, +Y its normal
  EXPECT_LT(glm::length(sk.landmark("s1_endplate_mid").position), 1e-12);
  const glm::dvec3 s1a = sk.landmark("s1_endplate_anterior").position;
  EXPECT_GT(s1a.x, 0.0);
  EXPECT_NEAR(s1a.y, 0.0, 1e-12);
  // vertebrae: origin at the inferior endplate centre, its anterior corner on +X
  for (int k = 1; k <= 5; ++k) {
    const std::string v = "l" + std::to_string(k);
    EXPECT_LT(glm::length(sk.landmark(v + "_inferior_endplate_mid").position), 1e-12) << v;
    EXPECT_GT(sk.landmark(v + "_inferior_endplate_anterior").position.x, 0.0) << v;
    EXPECT_GT(sk.landmark(v + "_superior_endplate_anterior").position.y, 0.015) << v;
  }
  // femur: +Y from the knee centre to the hip centre
  const glm::dvec3 knee = sk.landmark("knee_centre_r").position;
  EXPECT_NEAR(knee.x, 0.0, 1e-12);
  EXPECT_NEAR(knee.z, 0.0, 1e-12);
  EXPECT_LT(knee.y, -0.3);
  const glm::dvec3 ankle = sk.landmark("ankle_centre_r").position;
  EXPECT_NEAR(ankle.x, 0.0, 1e-12);
  EXPECT_LT(ankle.y, -0.3);
}

TEST(BuiltinSkeleton, StandsOnTheFloor) {
  const BodyParams p;
  const Skeleton sk = buildSkeleton(p);
  for (const char* n : {"heel_r", "toe_tip_r", "first_metatarsal_head_l", "fifth_metatarsal_head_l"}) {
    const double y = world(sk, n).y;
    EXPECT_GT(y, 0.0) << n;
    EXPECT_LT(y, 0.04) << n;
  }
  // ankle height 0.039 of stature, Drillis & Contini via Winter [U: a design value, checked
  // here only as the placement rule it is]
  EXPECT_NEAR(world(sk, "ankle_centre_r").y, 0.039 * p.stature_m, 1e-9);
  // hip centres above the knees above the ankles (femora and shanks vertical at neutral)
  const glm::dvec3 hip = world(sk, "femoral_head_centre_r"), knee = world(sk, "knee_centre_r");
  EXPECT_NEAR(hip.x, knee.x, 1e-9);
  EXPECT_NEAR(hip.z, knee.z, 1e-9);
}

TEST(BuiltinSkeleton, IsDeterministic) {
  const Skeleton a = buildSkeleton(), b = buildSkeleton();
  ASSERT_EQ(a.landmarks().size(), b.landmarks().size());
  for (std::size_t i = 0; i < a.landmarks().size(); ++i) {
    EXPECT_EQ(a.landmarks()[i].name, b.landmarks()[i].name);
    EXPECT_EQ(a.landmarks()[i].position, b.landmarks()[i].position);
  }
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    EXPECT_EQ(a.segment(static_cast<Segment>(i)).neutral_in_parent,
              b.segment(static_cast<Segment>(i)).neutral_in_parent);
  }
}

TEST(BuiltinSkeleton, SegmentMassesAddUpToTheBody) {
  BodyParams p;
  p.mass_kg = 80.0;
  const Skeleton sk = buildSkeleton(p);
  double total = 0.0;
  for (std::size_t i = 0; i < kSegmentCount; ++i) total += sk.segment(static_cast<Segment>(i)).mass_kg;
  // Dempster via Winter fractions (pelvis 0.142, abdomen 0.139, thorax 0.216, head-neck 0.081,
  // arms 2 x 0.050, thighs 2 x 0.100) + de Leva 1996 shank + foot 2 x 0.057 = 0.992 [V]
  EXPECT_NEAR(total / p.mass_kg, 0.992, 0.005);
  // mass above L5-S1: 0.536 of body mass (reference.md 2.3) [D]
  double above = 0.0;
  for (Segment s : {Segment::kL5, Segment::kL4, Segment::kL3, Segment::kL2, Segment::kL1, Segment::kThorax}) {
    above += sk.segment(s).mass_kg;
  }
  EXPECT_NEAR(above / p.mass_kg, 0.536, 0.005);
  // the abdominal mass sits in front of the lumbar bodies (Christophy 2012 COM offsets) [M]
  EXPECT_GT(sk.segment(Segment::kL5).centre_of_mass.x, 0.0);
}

TEST(BuiltinSkeleton, UpperBodyBalancesJustBehindTheHips) {
  const Skeleton sk = buildSkeleton();
  const auto w = worldTransforms(sk, Pose{});
  double moment = 0.0, mass = 0.0, body_moment = 0.0, body_mass = 0.0;
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    const SegmentDef& seg = sk.segment(static_cast<Segment>(i));
    const double x = glm::dvec3(w[i] * glm::dvec4(seg.centre_of_mass, 1.0)).x;
    body_moment += seg.mass_kg * x;
    body_mass += seg.mass_kg;
    if (i >= static_cast<std::size_t>(Segment::kL5) && i <= static_cast<std::size_t>(Segment::kThorax)) {
      moment += seg.mass_kg * x;
      mass += seg.mass_kg;
    }
  }
  const double hip_x = world(sk, "femoral_head_centre_r").x;
  // the gravity line lies "very slightly behind the femoral heads" (Le Huec 2011, Eur Spine J
  // 20 S5:558) [V abstract]
  EXPECT_LT(moment / mass, hip_x);
  EXPECT_GT(moment / mass, hip_x - 0.04);
  // and the whole body's falls between heel and toes
  EXPECT_GT(body_moment / body_mass, world(sk, "heel_r").x);
  EXPECT_LT(body_moment / body_mass, world(sk, "first_metatarsal_head_r").x);
}

TEST(BuiltinSkeleton, ScalesWithStature) {
  BodyParams small, tall;
  small.stature_m = 1.55;
  tall.stature_m = 1.95;
  const Skeleton a = buildSkeleton(small), b = buildSkeleton(tall);
  const double ratio = tall.stature_m / small.stature_m;
  auto width = [](const Skeleton& s) { return glm::distance(world(s, "asis_l"), world(s, "asis_r")); };
  EXPECT_NEAR(width(b) / width(a), ratio, 1e-9);
  auto leg = [](const Skeleton& s) { return world(s, "femoral_head_centre_r").y; };
  EXPECT_NEAR(leg(b) / leg(a), ratio, 0.01);
  auto l4 = [](const Skeleton& s) {
    return glm::distance(world(s, "l4_superior_endplate_anterior"),
                         world(s, "l4_superior_endplate_posterior"));
  };
  EXPECT_GT(l4(b), l4(a) * 1.15);
}

TEST(BuiltinSkeleton, FacetJointsAreOneJointSpaceApart) {
  const Skeleton sk = buildSkeleton();
  const double gap = computeDimensions({}).facet_gap;
  const std::vector<std::pair<std::string, std::string>> joints = {{"t12", "l1"}, {"l1", "l2"}, {"l2", "l3"},
                                                                   {"l3", "l4"},  {"l4", "l5"}, {"l5", "s1"}};
  for (const auto& [upper, lower] : joints) {
    for (const char* side : {"_l", "_r"}) {
      const double d = glm::distance(world(sk, upper + "_inferior_articular" + side),
                                     world(sk, lower + "_superior_articular" + side));
      EXPECT_NEAR(d, gap, 1e-9) << upper << "-" << lower << side;
    }
  }
}

}  // namespace
}  // namespace sagitta::anatomy
