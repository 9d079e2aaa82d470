// Spondylolisthesis as a spine surgeon sees it (issue 13): the slider sets the measured slip;
// the disc collapses and a high-grade slip rolls into lumbosacral kyphosis; the neural spaces
// measured on the bones narrow where they do in patients and never go negative; each nerve root
// is reported where it is compressed; the SDSG type follows the measured numbers.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "biomech/measures.h"
#include "biomech/model_constants.h"
#include "biomech/slip_classification.h"
#include "biomech_test_support.h"
#include "core/units.h"

namespace sagitta::biomech {
namespace {

using test::defaultModel;

Solution slip(double percent, SlipLevel level, SlipType type) {
  ModelInputs in;
  in.slip = {level, type, percent};
  return defaultModel().solve(in);
}

const NerveRoot& root(const Solution& s, std::string_view name, std::string_view role) {
  for (const NerveRoot& r : s.slip.nerve_roots) {
    if (r.name == name && r.role == role) return r;
  }
  ADD_FAILURE() << "no root " << name << " " << role;
  return s.slip.nerve_roots.front();
}

TEST(SlipSlider, SetsTheMeasuredMeyerdingPercent) {
  // issue 13: the neutral spine measures 0 +- 0.5 %, and the measured slip equals the slider
  // within 0.5 % from 0 to 100 %
  for (SlipType type : {SlipType::kIsthmic, SlipType::kDegenerative, SlipType::kDysplastic}) {
    for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
      const double top = type == SlipType::kDegenerative ? detail::kDegenerativeMaxSlipPercent : 100.0;
      for (double p = 0.0; p <= top + 1e-9; p += 2.5) {
        const Solution s = slip(p, level, type);
        ASSERT_TRUE(s.solver.converged) << p;
        EXPECT_NEAR(s.measures.slip_percent, p, 0.5) << slipTypeName(type) << " " << slipLevelName(level);
      }
    }
  }
}

TEST(SlipSlider, GradeBoundariesAreExact) {
  // Meyerding (reference.md §2.1 [V]): I up to 25 %, II to 50 %, III to 75 %, IV to 100 %
  const std::array<std::pair<double, int>, 8> cases = {
      {{25.0, 1}, {26.0, 2}, {50.0, 2}, {51.0, 3}, {75.0, 3}, {76.0, 4}, {100.0, 4}, {101.0, 5}}};
  for (const auto& [p, grade] : cases) {
    EXPECT_EQ(slip(p, SlipLevel::kL5S1, SlipType::kIsthmic).measures.meyerding_grade, grade) << p;
  }
}

TEST(SlipTypes, SpondylolysisIsAParsDefectWithoutASlip) {
  const Solution s = slip(0.0, SlipLevel::kL5S1, SlipType::kSpondylolysis);
  EXPECT_TRUE(s.slip.pars_defect);
  EXPECT_NEAR(s.measures.slip_percent, 0.0, 0.5);
  EXPECT_EQ(s.measures.meyerding_grade, 0);
  const Solution pushed = slip(30.0, SlipLevel::kL5S1, SlipType::kSpondylolysis);
  EXPECT_NEAR(pushed.measures.slip_percent, 0.0, 0.5);
  ASSERT_FALSE(pushed.warnings.empty());
  EXPECT_NE(pushed.warnings[0].find("without a slip"), std::string::npos);
}

TEST(SlipTypes, DegenerativeSlipsAreCappedWithTheReasonShown) {
  // degenerative slips rarely pass grade II (model_constants.h, balance_and_slip.md [V])
  const Solution s = slip(90.0, SlipLevel::kL4L5, SlipType::kDegenerative);
  EXPECT_NEAR(s.measures.slip_percent, detail::kDegenerativeMaxSlipPercent, 0.5);
  ASSERT_FALSE(s.warnings.empty());
  EXPECT_NE(s.warnings[0].find("grade II"), std::string::npos);
  EXPECT_TRUE(slip(40.0, SlipLevel::kL4L5, SlipType::kDegenerative).warnings.empty());
}

TEST(SlipTypes, DysplasticSlipsComeWithAHighPelvicIncidence) {
  // Hresko 2007: 78.9 +- 12.1 deg in high-grade developmental slips [V]
  const Solution s = slip(60.0, SlipLevel::kL5S1, SlipType::kDysplastic);
  EXPECT_NEAR(s.measures.pelvic_incidence_deg, 78.9, 12.1);
  EXPECT_TRUE(s.slip.pars_defect);
}

TEST(SlipMechanics, TheDiscLosesHeightAsTheSlipGrows) {
  double last = 1e9;
  for (double p = 0.0; p <= 100.0; p += 10.0) {
    const Solution s = slip(p, SlipLevel::kL5S1, SlipType::kIsthmic);
    EXPECT_LE(s.slip.disc_height_mm, last + 1e-6) << p;
    last = s.slip.disc_height_mm;
  }
  const Solution none = slip(0.0, SlipLevel::kL5S1, SlipType::kIsthmic);
  EXPECT_NEAR(none.slip.disc_height_mm, none.slip.disc_height_neutral_mm, 0.2);
  EXPECT_LT(slip(50.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.disc_height_mm,
            0.6 * none.slip.disc_height_neutral_mm);
}

TEST(SlipMechanics, HighGradeSlipsRollIntoLumbosacralKyphosis) {
  // slip angle: high grade about +20 (Huang 2003) to +26 deg (Hanson 2002), adult controls about
  // -15 deg (Hanson) [V, balance_and_slip.md]; the free-pelvis 100 % slip lands in that range
  // +- 2 deg (the presets, with their PI and PT, are held to 20.3..26 in presets_test.cpp)
  const Solution none = slip(0.0, SlipLevel::kL5S1, SlipType::kIsthmic);
  const Solution high = slip(100.0, SlipLevel::kL5S1, SlipType::kIsthmic);
  EXPECT_NEAR(none.measures.slip_angle_deg, -15.0, 5.0);
  EXPECT_GT(high.measures.slip_angle_deg, 18.0);
  EXPECT_LT(high.measures.slip_angle_deg, 28.0);
  // Dubousset's lumbosacral angle (L5 superior endplate against the S1 posterior border): about
  // 100-110 deg normally, under 90 deg in a kyphotic lumbosacral junction [U: commonly quoted, no
  // stored numeric source found for issue 13; docs/biomechanics.md "Dubousset's lumbosacral angle"]
  EXPECT_GT(none.slip.lumbosacral_angle_deg, 100.0);
  EXPECT_LT(high.slip.lumbosacral_angle_deg, 90.0);
}

TEST(NeuralGeometry, TheForamenNarrowsAsAnIsthmicSlipGrows) {
  // isthmic L5-S1: the L5 pedicle descends onto the S1 corner and disc (balance_and_slip.md [V])
  std::array<double, kSideCount> height{1e9, 1e9}, area{1e9, 1e9};
  for (double p = 0.0; p <= 100.0; p += 5.0) {
    const Solution s = slip(p, SlipLevel::kL5S1, SlipType::kIsthmic);
    for (std::size_t i = 0; i < kSideCount; ++i) {
      EXPECT_LE(s.slip.foraminal_height_mm[i], height[i] + 0.05) << p;
      EXPECT_LE(s.slip.foraminal_area_mm2[i], area[i] + 0.5) << p;
      height[i] = s.slip.foraminal_height_mm[i];
      area[i] = s.slip.foraminal_area_mm2[i];
    }
  }
  const Solution none = slip(0.0, SlipLevel::kL5S1, SlipType::kIsthmic);
  EXPECT_LT(height[0], 0.75 * none.slip.foraminal_height_mm[0]);
}

TEST(NeuralGeometry, TheCanalAndRecessNarrowAsADegenerativeSlipGrows) {
  double ap = 1e9, area = 1e9, recess = 1e9;
  for (double p = 0.0; p <= detail::kDegenerativeMaxSlipPercent; p += 5.0) {
    const Solution s = slip(p, SlipLevel::kL4L5, SlipType::kDegenerative);
    // within 0.15 mm and 0.7 %: the roll turns the canal a little (the AP is measured along the
    // lower endplate), most at the first 10 %, before the slide has narrowed it
    EXPECT_LE(s.slip.canal_ap_mm, ap + 0.15) << p;
    EXPECT_LE(s.slip.canal_area_mm2, area + 1.6) << p;
    EXPECT_LE(s.slip.lateral_recess_mm[0], recess + 0.05) << p;
    ap = s.slip.canal_ap_mm;
    area = s.slip.canal_area_mm2;
    recess = s.slip.lateral_recess_mm[0];
  }
  const Solution none = slip(0.0, SlipLevel::kL4L5, SlipType::kDegenerative);
  EXPECT_LT(ap, 0.5 * none.slip.canal_ap_mm);
  // an isthmic slip leaves the arch behind: the canal does not narrow (Ulmer's sign [V])
  EXPECT_GE(slip(40.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.canal_ap_mm,
            slip(0.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.canal_ap_mm - 0.5);
}

TEST(NeuralGeometry, TheCanalIsAsLargeAsInAdultsAndAGradeIDegenerativeSlipNarrowsItLikeStenosis) {
  // bony canal cross-section at L4-L5 on MRI (Medicine 2017, PMC5728944 [V abstract]): 200 +- 61
  // mm2 in 130 adults without stenosis, 119 +- 49 mm2 in 135 patients with central stenosis
  const Solution none = slip(0.0, SlipLevel::kL4L5, SlipType::kDegenerative);
  EXPECT_NEAR(none.slip.canal_area_mm2, 200.0, 61.0);
  // a degenerative L4-L5 slip at the end of grade I (25 %) narrows it into the stenotic range,
  // without closing it (model prediction checked against that range)
  const Solution grade1 = slip(25.0, SlipLevel::kL4L5, SlipType::kDegenerative);
  EXPECT_NEAR(grade1.slip.canal_area_mm2, 119.0, 49.0);
  EXPECT_GT(grade1.slip.canal_ap_mm, 5.0);
}

TEST(NeuralGeometry, CanalAndForamenSizesFallInThePublishedBands) {
  // Absolute sizes against published radiological bands (docs/biomechanics.md "Neural geometry"):
  // lumbar canal AP under 12 mm is stenosis (Steurer et al. 2011, BMC Musculoskelet Disord
  // 12:175, summarised by Talekar et al. 2017, Appl Radiol 46(1) [V]); foraminal height (the
  // pedicles' cortices, cranio-caudal) normal >= 15 mm, mild stenosis 12-15, moderate 8-12, severe
  // < 8 (spinebase.org "Foraminal Height and Width", after Lee et al. 2010, AJR 194:1095 [V]; the
  // 15 mm line is Hasegawa 1995's critical height too).
  for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
    const Solution none = slip(0.0, level, SlipType::kIsthmic);
    EXPECT_GE(none.slip.canal_ap_mm, 12.0) << slipLevelName(level);
  }
  // both neutral foramina are normal (L5-S1 measured 14.4 mm, in the mild band, while the lumbar
  // bodies were 20 % short of their measured height)
  EXPECT_GE(slip(0.0, SlipLevel::kL4L5, SlipType::kIsthmic).slip.foraminal_height_mm[0], 15.0);
  EXPECT_GE(slip(0.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.foraminal_height_mm[0], 15.0);
  // a degenerative L4-L5 slip at the end of grade I is stenotic by the canal's AP (model
  // prediction, checked against the band)
  EXPECT_LT(slip(25.0, SlipLevel::kL4L5, SlipType::kDegenerative).slip.canal_ap_mm, 12.0);
  // an isthmic L5-S1 slip of grade III or more leaves the L5 foramen under Hasegawa et al.'s
  // (1995) critical 15 mm, stenotic; by 100 % near the moderate band (model predictions checked
  // against the bands; the free pelvis's grade II, 50 %, is at the line: 15.2 mm)
  for (double p : {60.0, 75.0, 100.0}) {
    EXPECT_LT(slip(p, SlipLevel::kL5S1, SlipType::kIsthmic).slip.foraminal_height_mm[0], 15.0) << p;
  }
  EXPECT_LT(slip(100.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.foraminal_height_mm[0], 12.5);
}

TEST(NeuralGeometry, NoDimensionIsNegativeFromNoSlipToTheLargestAllowed) {
  for (SlipType type : {SlipType::kIsthmic, SlipType::kDegenerative, SlipType::kDysplastic}) {
    for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
      for (double p = 0.0; p <= kMaxSlipPercent; p += 10.0) {
        const SlipResult r = slip(p, level, type).slip;
        std::string where = std::string(slipTypeName(type)) + " " + std::string(slipLevelName(level));
        for (double v : {r.canal_ap_mm, r.canal_area_mm2, r.disc_height_mm, r.foraminal_height_mm[0],
                         r.foraminal_height_mm[1], r.foraminal_area_mm2[0], r.foraminal_area_mm2[1],
                         r.lateral_recess_mm[0], r.lateral_recess_mm[1]}) {
          EXPECT_TRUE(std::isfinite(v)) << where << " " << p;
          EXPECT_GE(v, 0.0) << where << " " << p;
        }
        for (const NerveRoot& n : r.nerve_roots) EXPECT_GE(n.narrowing_pct, 0.0) << where << " " << p;
      }
    }
  }
}

TEST(NerveRoots, NoRootIsCompressedOnTheNeutralSpine) {
  for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
    const Solution s = slip(0.0, level, SlipType::kIsthmic);
    ASSERT_EQ(s.slip.nerve_roots.size(), 5u);
    for (const NerveRoot& n : s.slip.nerve_roots) {
      EXPECT_EQ(n.where, "none") << n.name;
      EXPECT_NEAR(n.narrowing_pct, 0.0, 0.5) << n.name;
    }
  }
}

TEST(NerveRoots, IsthmicL5S1PinchesTheExitingL5RootInTheForamen) {
  // balance_and_slip.md [V, textbook]: the exiting L5 root in the L5-S1 foramen; the canal is wide
  const Solution s = slip(45.0, SlipLevel::kL5S1, SlipType::kIsthmic);
  const NerveRoot& worst = s.slip.nerve_roots[s.slip.most_compressed];
  EXPECT_EQ(worst.name, "L5");
  EXPECT_EQ(worst.role, "exiting");
  EXPECT_EQ(worst.where, "foramen");
  EXPECT_EQ(root(s, "cauda_equina", "traversing").where, "none");
}

TEST(NerveRoots, DegenerativeL4L5PinchesTheTraversingL5RootAndTheCanal) {
  // balance_and_slip.md [V, textbook]: the traversing L5 root in the lateral recess, with
  // central stenosis (neurogenic claudication)
  const Solution s = slip(20.0, SlipLevel::kL4L5, SlipType::kDegenerative);
  const NerveRoot& worst = s.slip.nerve_roots[s.slip.most_compressed];
  EXPECT_EQ(worst.name, "L5");
  EXPECT_EQ(worst.role, "traversing");
  EXPECT_EQ(worst.where, "lateral_recess");
  EXPECT_EQ(root(s, "cauda_equina", "traversing").where, "canal");
  EXPECT_EQ(root(s, "L4", "exiting").where, "none");
}

TEST(NerveRoots, HighGradeSlipsStretchTheSacralRootsOverTheDome) {
  // lumbosacral kyphosis drapes the sacral roots over the S1 dome (reference.md §2.1)
  const Solution s = slip(90.0, SlipLevel::kL5S1, SlipType::kDysplastic);
  const NerveRoot& s1 = root(s, "S1", "traversing");
  EXPECT_EQ(s1.where, "canal");
  EXPECT_GE(s1.stretch_pct, kStretchedPct);
  EXPECT_LT(slip(20.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.nerve_roots[4].stretch_pct, kStretchedPct);
}

TEST(Sdsg, TypesFollowGradePelvisAndSpine) {
  // Labelle 2011 / Mac-Thiong 2008 (slip_classification.h)
  EXPECT_EQ(sdsgType(0, 50.0, 40.0, 10.0, 0.0), 0);
  EXPECT_EQ(sdsgType(1, 40.0, 30.0, 10.0, 0.0), 1);
  EXPECT_EQ(sdsgType(2, 52.0, 40.0, 12.0, 0.0), 2);
  EXPECT_EQ(sdsgType(2, 70.0, 50.0, 20.0, 0.0), 3);
  EXPECT_EQ(sdsgType(3, 79.0, 57.0, 22.0, 0.0), 4);
  EXPECT_EQ(sdsgType(4, 79.0, 39.0, 40.0, -20.0), 5);
  EXPECT_EQ(sdsgType(4, 79.0, 39.0, 40.0, 60.0), 6);
  // the solved spine: a low-grade slip with a normal PI is type 2
  EXPECT_EQ(slip(15.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.sdsg_type, 2);
  EXPECT_EQ(slip(15.0, SlipLevel::kL4L5, SlipType::kDegenerative).slip.sdsg_type, 0);  // L5-S1 only
}

TEST(Sdsg, TheC7PlumbLineIsTheRealC7OverTheFemoralHeads) {
  // Mac-Thiong 2008 / Labelle 2011: the spine is balanced when the C7 plumb line falls over or
  // behind the femoral heads. The offset is measured from the thoracic column's C7 centroid.
  for (double p : {0.0, 40.0, 90.0}) {
    const Solution s = slip(p, SlipLevel::kL5S1, SlipType::kDysplastic);
    const MeasureLandmarks ml = measureLandmarks(defaultModel().skeleton(), s.pose, SlipLevel::kL5S1);
    const double hips_x = 0.5 * (ml.hip_centre[0].x + ml.hip_centre[1].x);
    // the SVA (C7 against the S1 posterior corner) and the plumb offset (C7 against the femoral
    // heads) come from the same C7 (the solver's, which turns with the upper thoracic column), so
    // they differ by S1's offset from the femoral heads alone
    EXPECT_NEAR(s.slip.c7_plumb_offset_mm - s.measures.sagittal_vertical_axis_mm,
                1e3 * (ml.s1_posterior.x - hips_x), 0.5)
        << p;
  }
}

TEST(SlipShape, ADysplasticL5BecomesTrapezoidalAsItSlips) {
  // trapezoidal L5 of developmental slips (Yue 2005; slip_classification.h): the lumbar index
  // (posterior / anterior body height) falls with the grade to kDysplasticHighGradeLumbarIndex
  double last = 1e9;
  for (double p = 0.0; p <= 100.0; p += 20.0) {
    const Solution s = slip(p, SlipLevel::kL5S1, SlipType::kDysplastic);
    EXPECT_LE(s.slip.l5_lumbar_index, last + 1e-9) << p;
    EXPECT_GT(s.slip.l5_lumbar_index, 0.0) << p;
    last = s.slip.l5_lumbar_index;
  }
  const Solution none = slip(0.0, SlipLevel::kL5S1, SlipType::kDysplastic);
  const Solution high = slip(100.0, SlipLevel::kL5S1, SlipType::kDysplastic);
  EXPECT_NEAR(none.slip.l5_lumbar_index, none.slip.l5_lumbar_index_neutral, 1e-9);
  EXPECT_NEAR(high.slip.l5_lumbar_index, kDysplasticHighGradeLumbarIndex, 1e-6);
  EXPECT_LT(high.slip.l5_lumbar_index, high.slip.l5_lumbar_index_neutral - 0.1);
  // an isthmic L5 keeps its shape; the wedge leaves the slip measures on the inferior endplate
  const Solution isthmic = slip(100.0, SlipLevel::kL5S1, SlipType::kIsthmic);
  EXPECT_NEAR(isthmic.slip.l5_lumbar_index, isthmic.slip.l5_lumbar_index_neutral, 1e-9);
  EXPECT_NEAR(high.measures.slip_percent, 100.0, 0.5);
  // a taller anterior wall tips L5's superior endplate against its inferior one by the wedge
  // angle; Dubousset's lumbosacral angle (measured on the superior endplate) stays kyphotic
  // (< 90 deg). (With the free lumbar spine an isthmic slip on the same pelvis is solved to a
  // different L5 attitude, so the two angles are no longer compared.)
  const anatomy::BodyCorners& c = high.slip.l5_wedge.body;
  const double wedge_deg = radToDeg(
      std::atan2(high.slip.l5_wedge.drop_m, glm::length(c.superior_anterior - c.superior_posterior)));
  EXPECT_GT(wedge_deg, 5.0);
  EXPECT_LT(high.slip.lumbosacral_angle_deg, 90.0);
}

TEST(SlipShape, TheSacralDomeRoundsAsTheSlipGrows) {
  // SDSG doming index: controls 11.6, low grade 16.4, high grade 27.9 % (Spine 2007;32:1888)
  double last = -1.0;
  for (double p = 0.0; p <= 100.0; p += 10.0) {
    const Solution s = slip(p, SlipLevel::kL5S1, SlipType::kIsthmic);
    EXPECT_GE(s.slip.sacral_doming_pct, last - 1e-9) << p;
    EXPECT_GE(s.slip.sacral_dome.drop_m, 0.0) << p;
    last = s.slip.sacral_doming_pct;
  }
  EXPECT_EQ(slip(0.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.sacral_dome.drop_m, 0.0);
  EXPECT_NEAR(slip(50.0, SlipLevel::kL5S1, SlipType::kIsthmic).slip.sacral_doming_pct,
              kLowGradeDomingPct - kControlDomingPct, 1e-6);
  EXPECT_NEAR(slip(100.0, SlipLevel::kL5S1, SlipType::kDysplastic).slip.sacral_doming_pct,
              kHighGradeDomingPct - kControlDomingPct, 1e-6);
  // a low-grade degenerative slip has no dome, nor does a slip at L4-L5 reshape the sacrum
  EXPECT_EQ(slip(25.0, SlipLevel::kL5S1, SlipType::kDegenerative).slip.sacral_dome.drop_m, 0.0);
  EXPECT_EQ(slip(25.0, SlipLevel::kL4L5, SlipType::kIsthmic).slip.sacral_dome.drop_m, 0.0);
}

}  // namespace
}  // namespace sagitta::biomech

namespace sagitta::biomech {
namespace {

TEST(NerveRoots, TheMostCompressedRootIsACompressedOne) {
  // `nerve_root` and the captions name it: a root pinched somewhere comes before a free one
  // (regression: an isthmic grade II slip named the free S1 root, and no caption showed)
  for (SlipType type : {SlipType::kIsthmic, SlipType::kDysplastic}) {
    for (double p = 0.0; p <= 100.0; p += 10.0) {
      const Solution s = slip(p, SlipLevel::kL5S1, type);
      bool any = false;
      for (const NerveRoot& r : s.slip.nerve_roots) any |= r.where != "none";
      EXPECT_EQ(s.slip.nerve_roots[s.slip.most_compressed].where != "none", any) << p;
    }
  }
  const Solution grade2 = slip(50.0, SlipLevel::kL5S1, SlipType::kIsthmic);
  EXPECT_EQ(grade2.slip.nerve_roots[grade2.slip.most_compressed].name, "L5");
  EXPECT_EQ(grade2.slip.nerve_roots[grade2.slip.most_compressed].where, "foramen");
}

}  // namespace
}  // namespace sagitta::biomech
