// Patient-specific posture: a radiograph's PI, PT, SS, LL and slip are taken on, within limits,
// with a clear message when they do not fit together.
#include <gtest/gtest.h>

#include "biomech/global_balance.h"
#include "biomech_test_support.h"
#include "core/error.h"

namespace sagitta::biomech {
namespace {

using test::defaultModel;

TEST(Patient, PelvicIncidenceIsMorphedToTheGivenValue) {
  for (double pi : {35.0, 45.0, 52.0, 65.0, 80.0}) {
    ModelInputs in;
    in.patient.pelvic_incidence_deg = pi;
    const Solution s = defaultModel().solve(in);
    EXPECT_NEAR(s.measures.pelvic_incidence_deg, pi, 0.01) << pi;
    EXPECT_TRUE(s.warnings.empty()) << pi;
    // PI alone: PT and LL are the Le Huec prediction (PMC4303780 Table 3 [V]), and the body
    // stands balanced on them, the trunk within a few degrees of upright
    EXPECT_TRUE(s.predicted_from_pi) << pi;
    EXPECT_NEAR(s.measures.pelvic_tilt_deg, leHuecTheoretical(pi).pelvic_tilt_deg, 1e-6) << pi;
    EXPECT_NEAR(s.measures.lumbar_lordosis_deg, leHuecTheoretical(pi).lumbar_lordosis_deg, 1e-6) << pi;
    EXPECT_LT(std::abs(s.trunk_inclination_deg), 4.0) << pi;
  }
}

TEST(Patient, HigherIncidenceGivesMoreLordosisAndSlope) {
  // Labelle 2004 / Le Huec class table (reference.md §1.2-1.3): PI correlates with SS, PT and LL
  double last_ll = -1e9, last_ss = -1e9, last_pt = -1e9;
  for (double pi : {40.0, 50.0, 60.0, 70.0}) {
    ModelInputs in;
    in.patient.pelvic_incidence_deg = pi;
    const ClinicalMeasures m = defaultModel().solve(in).measures;
    EXPECT_GT(m.lumbar_lordosis_deg, last_ll) << pi;
    EXPECT_GT(m.sacral_slope_deg, last_ss) << pi;
    EXPECT_GT(m.pelvic_tilt_deg, last_pt) << pi;
    last_ll = m.lumbar_lordosis_deg;
    last_ss = m.sacral_slope_deg;
    last_pt = m.pelvic_tilt_deg;
  }
}

TEST(Patient, TiltSlopeAndLordosisArePosed) {
  ModelInputs in;
  in.patient.pelvic_incidence_deg = 60.0;
  in.patient.pelvic_tilt_deg = 20.0;
  in.patient.lumbar_lordosis_deg = 50.0;
  const Solution s = defaultModel().solve(in);
  EXPECT_NEAR(s.measures.pelvic_incidence_deg, 60.0, 0.01);
  EXPECT_NEAR(s.measures.pelvic_tilt_deg, 20.0, 1e-6);
  EXPECT_NEAR(s.measures.sacral_slope_deg, 40.0, 0.01);
  EXPECT_NEAR(s.measures.lumbar_lordosis_deg, 50.0, 1e-6);
  ModelInputs slope;
  slope.patient.sacral_slope_deg = 30.0;
  EXPECT_NEAR(defaultModel().solve(slope).measures.sacral_slope_deg, 30.0, 1e-6);
}

TEST(Patient, InconsistentAnglesGiveAClearWarning) {
  ModelInputs in;
  in.patient.pelvic_incidence_deg = 65.0;
  in.patient.pelvic_tilt_deg = 20.0;
  in.patient.sacral_slope_deg = 30.0;  // PT + SS = 50, not 65
  const Solution s = defaultModel().solve(in);
  ASSERT_FALSE(s.warnings.empty());
  EXPECT_NE(s.warnings[0].find("PT + SS = 50"), std::string::npos) << s.warnings[0];
  EXPECT_NE(s.warnings[0].find("PI = 65"), std::string::npos) << s.warnings[0];
  EXPECT_NEAR(s.measures.pelvic_tilt_deg, 20.0, 1e-6);  // PI and PT win
  // within the tolerance: silent
  ModelInputs ok;
  ok.patient.pelvic_incidence_deg = 65.0;
  ok.patient.pelvic_tilt_deg = 20.0;
  ok.patient.sacral_slope_deg = 46.0;
  EXPECT_TRUE(defaultModel().solve(ok).warnings.empty());
  // PT and SS without PI give the PI
  ModelInputs both;
  both.patient.pelvic_tilt_deg = 15.0;
  both.patient.sacral_slope_deg = 45.0;
  EXPECT_NEAR(defaultModel().solve(both).measures.pelvic_incidence_deg, 60.0, 0.01);
}

TEST(Patient, ValuesBeyondTheModelsReachAreLimitedAndSaid) {
  // issue 12: pelvic incidence 30-110 deg is posed; beyond it the input is refused
  for (double pi : {30.0, 110.0}) {
    ModelInputs in;
    in.patient.pelvic_incidence_deg = pi;
    const Solution s = defaultModel().solve(in);
    EXPECT_NEAR(s.measures.pelvic_incidence_deg, pi, 0.01) << pi;
    // no warning about the incidence itself (a lordosis at its range may still be named)
    for (const std::string& w : s.warnings) EXPECT_EQ(w.find("pelvic incidence"), std::string::npos) << w;
  }
  for (double pi : {29.0, 111.0}) {
    ModelInputs in;
    in.patient.pelvic_incidence_deg = pi;
    EXPECT_THROW(in.validate(), InputError) << pi;
  }
  ModelInputs tilt;
  tilt.patient.pelvic_tilt_deg = 59.0;
  const Solution t = defaultModel().solve(tilt);
  ASSERT_FALSE(t.warnings.empty());
  EXPECT_NE(t.warnings[0].find("pelvic tilt"), std::string::npos);
}

TEST(Patient, MeasuredSlipReplacesTheSlider) {
  ModelInputs in;
  in.slip.percent = 10.0;
  in.patient.slip_percent = 40.0;
  const Solution s = defaultModel().solve(in);
  EXPECT_NEAR(s.measures.slip_percent, 40.0, 4.0);
  ASSERT_FALSE(s.warnings.empty());
  EXPECT_NE(s.warnings[0].find("replaces slip.percent"), std::string::npos);
}

}  // namespace
}  // namespace sagitta::biomech
