#include "scene/radiograph_overlay.h"

#include <cmath>

#include <gtest/gtest.h>

using namespace sagitta::scene;

namespace {

// A textbook pelvis in the sagittal plane: S1 endplate 35 mm long sloping 40° down to the
// front, hip axis placed so that PT = 12° and PI = 52°.
RadiographPoints textbook() {
  const float ss = glm::radians(40.0f), pt = glm::radians(12.0f);
  RadiographPoints p;
  const glm::vec3 m(0.0f, 1.05f, 0.0f);
  const glm::vec3 dir(std::cos(ss), -std::sin(ss), 0.0f);  // forward and down
  p.s1_anterior = m + dir * 0.0175f;
  p.s1_posterior = m - dir * 0.0175f;
  const float d = 0.11f;  // M to the hip axis
  const glm::vec3 ha = m + glm::vec3(std::sin(pt), -std::cos(pt), 0.0f) * d;
  p.hip_left = ha + glm::vec3(0, 0, -0.08f);
  p.hip_right = ha + glm::vec3(0, 0, 0.08f);
  p.l1_anterior = {0.03f, 1.25f, 0.0f};
  p.l1_posterior = {-0.005f, 1.25f, 0.0f};
  p.plumb_top = {0.0f, 1.4f, 0.0f};
  p.lower_anterior = p.s1_anterior;
  p.lower_posterior = p.s1_posterior;
  p.upper_posterior_inferior = p.s1_posterior + dir * 0.01f + glm::vec3(0, 0.012f, 0);
  p.lower_posterior_wall = p.s1_posterior + glm::vec3(-std::sin(ss), -std::cos(ss), 0) * -0.025f;
  return p;
}

const Label* labelStarting(const DrawList& l, const std::string& prefix) {
  for (const Label& x : l.labels) {
    if (x.text.rfind(prefix, 0) == 0) return &x;
  }
  return nullptr;
}

}  // namespace

TEST(RadiographOverlay, ValuesAreTheMeasuresAndLabelsArePinned) {
  DrawList list;
  RadiographValues v{52.4, 12.2, 40.2, 61.0, 0.0, 0, "L5-S1"};
  addRadiographOverlay(textbook(), v, RadiographOptions{}, list);
  ASSERT_NE(labelStarting(list, "PI 52°"), nullptr);
  ASSERT_NE(labelStarting(list, "PT 12°"), nullptr);
  ASSERT_NE(labelStarting(list, "SS 40°"), nullptr);
  ASSERT_NE(labelStarting(list, "LL 61°"), nullptr);
  EXPECT_TRUE(labelStarting(list, "PI")->pinned);
  EXPECT_EQ(labelStarting(list, "L5-S1"), nullptr) << "no Meyerding lines without a slip";
}

TEST(RadiographOverlay, TheLinesPassThroughTheLandmarks) {
  DrawList list;
  const RadiographPoints p = textbook();
  RadiographOptions o;
  addRadiographOverlay(p, RadiographValues{}, o, list);
  const glm::vec3 ha = (p.hip_left + p.hip_right) * 0.5f, m = (p.s1_anterior + p.s1_posterior) * 0.5f;
  bool m_to_ha = false, vertical_at_ha = false;
  for (const Line& l : list.lines) {
    if (glm::distance(l.a, m) < 1e-6f && glm::distance(l.b, ha) < 1e-6f) m_to_ha = true;
    if (glm::distance(l.a, ha) < 1e-6f && std::abs(l.b.x - ha.x) < 1e-6f && l.b.y > ha.y)
      vertical_at_ha = true;
    EXPECT_TRUE(std::isfinite(l.a.x) && std::isfinite(l.b.y));
  }
  EXPECT_TRUE(m_to_ha) << "the PI/PT line joins the S1 mid-point and the hip axis";
  EXPECT_TRUE(vertical_at_ha) << "the PT reference is the vertical through the hip axis";
}

TEST(RadiographOverlay, TheArcsSpanTheirAngles) {
  // the PT arc around the hip axis starts straight up and ends on the line to M: its label sits
  // on the bisector, 6° from the vertical for PT = 12°
  DrawList list;
  const RadiographPoints p = textbook();
  RadiographOptions o;
  addRadiographOverlay(p, RadiographValues{52, 12, 40, 60, 0, 0, "L5-S1"}, o, list);
  const glm::vec3 ha = (p.hip_left + p.hip_right) * 0.5f;
  const Label* pt = labelStarting(list, "PT");
  ASSERT_NE(pt, nullptr);
  const glm::vec3 d = glm::normalize(pt->anchor - ha);
  EXPECT_NEAR(glm::degrees(std::atan2(-d.x, d.y)), 6.0, 0.5)
      << "tilted back toward M, which lies behind the hip axis";
}

TEST(RadiographOverlay, MeyerdingLinesAppearWithASlip) {
  DrawList with, without;
  addRadiographOverlay(textbook(), RadiographValues{52, 12, 40, 60, 37.0, 2, "L5-S1"}, RadiographOptions{},
                       with);
  addRadiographOverlay(textbook(), RadiographValues{52, 12, 40, 60, 0.0, 0, "L5-S1"}, RadiographOptions{},
                       without);
  EXPECT_GT(with.lines.size(), without.lines.size() + 5);
  const Label* grade = labelStarting(with, "L5-S1");
  ASSERT_NE(grade, nullptr);
  EXPECT_EQ(grade->text, "L5-S1: Grade II (37 %)");
  // review (stop 32): pinned in front of S1 the value covered the overhanging vertebra that shows
  // the slip; it is named in the margin, its leader to the slipped corner the grade is read at
  EXPECT_FALSE(grade->pinned);
  EXPECT_TRUE(grade->inside_bone) << "drawn over the bones like the Meyerding lines";
  EXPECT_LT(glm::distance(grade->anchor, textbook().upper_posterior_inferior), 1e-6f);
}

TEST(RadiographOverlay, MeyerdingTextNamesTheGrade) {
  EXPECT_EQ(meyerdingText(0, 0.5), "No slip");
  EXPECT_EQ(meyerdingText(4, 88.0), "Grade IV (88 %)");
  EXPECT_EQ(meyerdingText(5, 120.0), "Grade V (120 %)");
}

TEST(RadiographOverlay, ThePlumbLineDropsFromC7AndTheSvaReachesTheS1Corner) {
  DrawList list;
  RadiographPoints p = textbook();
  p.plumb_top = {0.035f, 1.5f, 0.0f};  // C7 35 mm in front of the S1 posterior corner's x
  p.plumb_top.x += p.s1_posterior.x;
  RadiographValues v;
  v.sagittal_vertical_axis_mm = 35.0;
  RadiographOptions o;
  addRadiographOverlay(p, v, o, list);
  bool plumb = false, sva = false;
  for (const Line& l : list.lines) {
    if (glm::distance(l.a, p.plumb_top) < 1e-6f && l.b.y == 0.0f && l.b.x == p.plumb_top.x) plumb = true;
    if (glm::distance(l.a, p.s1_posterior) < 1e-6f && std::abs(l.b.x - p.plumb_top.x) < 1e-6f &&
        std::abs(l.b.y - p.s1_posterior.y) < 1e-6f)
      sva = true;
  }
  EXPECT_TRUE(plumb) << "a vertical from C7 to the floor";
  EXPECT_TRUE(sva) << "the SVA runs level from the S1 posterior corner to the plumb line";
  ASSERT_NE(labelStarting(list, "SVA 35 mm"), nullptr);
}
