#include "scene/view_state.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.h"

using namespace sagitta::scene;
using nlohmann::json;

TEST(ViewState, SectionsRoundTripThroughJson) {
  ViewState s;
  s.mode = Mode::kPatient;
  s.xray = true;
  s.ghost = Ghost::kSideBySide;
  s.background = BackgroundChoice::kTransparent;
  s.caption = "Tight hip flexors tip the pelvis forward.";
  s.camera_view = CameraView::kFree;
  s.camera.yaw_rad = 0.5f;
  s.camera.pitch_rad = 0.25f;
  s.camera.distance_m = 1.7f;
  s.camera.target = {0.01f, 1.02f, -0.03f};
  s.camera.projection = Projection::kOrthographic;
  nlohmann::ordered_json file = {{"schema", "sagitta.scenario"},
                                 {"muscles", {{"hip_flexors", {{"tightness", 0.5}}}}}};
  writeViewSections(s, file);
  EXPECT_EQ(file["muscles"]["hip_flexors"]["tightness"], 0.5) << "other sections are left alone";
  ViewState back;
  applyViewSections(back, file);
  EXPECT_EQ(back.mode, Mode::kPatient);
  EXPECT_TRUE(back.xray);
  EXPECT_EQ(back.ghost, Ghost::kSideBySide);
  EXPECT_EQ(back.caption, s.caption);
  EXPECT_NEAR(back.camera.yaw_rad, 0.5f, 1e-5f);
  EXPECT_NEAR(back.camera.target.y, 1.02f, 1e-5f);
  EXPECT_EQ(back.camera.projection, Projection::kOrthographic);
  EXPECT_EQ(back.camera_view, CameraView::kFree);
}

TEST(ViewState, ANamedViewIsStoredByName) {
  ViewState s;
  setViewKey(s, "camera.view", "anterior");
  nlohmann::ordered_json file = json::object();
  writeViewSections(s, file);
  EXPECT_EQ(file["camera"]["view"], "anterior");
  EXPECT_FALSE(file["camera"].contains("yaw_deg"));
}

TEST(ViewState, BadValuesNameTheKeyAndChangeNothing) {
  ViewState s;
  const ViewState before = s;
  const json bad = {{"view", {{"xray", true}, {"ghost", "sideways"}}}};
  try {
    applyViewSections(s, bad, "scene.json");
    FAIL();
  } catch (const sagitta::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("scene.json: view.ghost"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("sideways"), std::string::npos);
  }
  EXPECT_EQ(s, before) << "all or nothing";
  EXPECT_THROW(setViewKey(s, "view.xray", 1), sagitta::InputError);
  EXPECT_THROW(setViewKey(s, "camera.fov_deg", 500), sagitta::InputError);
  EXPECT_THROW(setViewKey(s, "camera.distance_m", "far"), sagitta::InputError);
  EXPECT_THROW(setViewKey(s, "view.frobnicate", true), sagitta::InputError);
  EXPECT_THROW(applyViewSections(s, json{{"camera", {{"view", "sideways"}}}}), sagitta::InputError);
  EXPECT_THROW(applyViewSections(s, json{{"mode", "party"}}), sagitta::InputError);
}

TEST(ViewState, EveryKeyCanBeReadAndWrittenBack) {
  ViewState s;
  s.camera_view = CameraView::kFree;
  for (const ViewKeyInfo& k : viewKeys()) {
    const json v = getViewKey(s, k.key);
    ViewState t = s;
    EXPECT_NO_THROW(setViewKey(t, k.key, v)) << k.key;
    EXPECT_EQ(getViewKey(t, k.key), v) << k.key;
    EXPECT_FALSE(k.description.empty()) << k.key;
  }
}

#include "scene/normal_ranges.h"

TEST(NormalRanges, TheDefaultAdultIsNormalAndExtremesAreFlagged) {
  // the model's neutral adult (PI 52, PT 12, SS 40, LL 60) sits in every green band
  EXPECT_EQ(classify(*findRange("pelvic_incidence_deg"), 52.0), Band::kNormal);
  EXPECT_EQ(classify(*findRange("pelvic_tilt_deg"), 12.0), Band::kNormal);
  EXPECT_EQ(classify(*findRange("sacral_slope_deg"), 40.0), Band::kNormal);
  EXPECT_EQ(classify(*findRange("lumbar_lordosis_deg"), 60.0), Band::kNormal);
  EXPECT_EQ(classify(*findRange("pi_minus_ll_deg"), -8.0), Band::kNormal);
  // SRS-Schwab thresholds
  EXPECT_EQ(classify(*findRange("pelvic_tilt_deg"), 25.0), Band::kBorderline);
  EXPECT_EQ(classify(*findRange("pelvic_tilt_deg"), 31.0), Band::kOutside);
  EXPECT_EQ(classify(*findRange("pi_minus_ll_deg"), 15.0), Band::kBorderline);
  EXPECT_EQ(classify(*findRange("pi_minus_ll_deg"), 25.0), Band::kOutside);
  // any slip is not normal; high grades are red
  EXPECT_EQ(classify(*findRange("slip_percent"), 0.0), Band::kNormal);
  EXPECT_EQ(classify(*findRange("slip_percent"), 30.0), Band::kBorderline);
  EXPECT_EQ(classify(*findRange("slip_percent"), 60.0), Band::kOutside);
  EXPECT_EQ(classify(*findRange("sacral_slope_deg"), std::nan("")), Band::kOutside);
  for (const NormalRange& r : normalRanges()) {
    EXPECT_LE(r.borderline_lo, r.normal_lo) << r.key;
    EXPECT_GE(r.borderline_hi, r.normal_hi) << r.key;
    EXPECT_FALSE(r.source.empty()) << r.key;
  }
}
