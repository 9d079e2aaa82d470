// The picture shows what the solver solved (issue 12): the thoracic column's bend the posture
// solve finds is carried by the Pose, drawn level by level (each disc T1-T2 .. T11-T12 taking its
// share), and every measure shown is taken on the drawn pose; the C7 plumb line hangs from C7.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/thoracic_column.h"
#include "biomech/measures.h"
#include "core/units.h"
#include "scene/presets.h"
#include "scene/session.h"

using namespace sagitta;

namespace {

// A tiny triangle: the tests read where a part is drawn (its model matrix), not its shape.
anatomy::MeshData speck() {
  anatomy::MeshData m;
  m.positions = {{0.0f, 0.0f, 0.0f}, {0.001f, 0.0f, 0.0f}, {0.0f, 0.001f, 0.0f}};
  m.normals = {{0.0f, 0.0f, 1.0f}, {0.0f, 0.0f, 1.0f}, {0.0f, 0.0f, 1.0f}};
  m.indices = {0, 1, 2};
  return m;
}

// The built-in skeleton with the thoracic parts C7 .. T12 so the frame builder places them.
scene::Session& session() {
  static scene::Session s = [] {
    anatomy::Model m;
    m.skeleton = anatomy::buildSkeleton();
    for (int level = 0; level < anatomy::kThoracicColumnLevels; ++level) {
      anatomy::ModelPart p;
      p.name = std::string(anatomy::thoracicPartName(level));
      p.segment = anatomy::Segment::kThorax;
      p.mesh = speck();
      m.parts.push_back(std::move(p));
    }
    return scene::Session(std::move(m));
  }();
  return s;
}

// A high-PI patient whose lordosis falls 30 deg short of the incidence (PI - LL = 30: a
// Schwab "++" mismatch, Schwab et al. 2012): the solver compensates, the thoracic column included.
scene::Document highPiPatient() {
  scene::Document d = scene::findPreset("neutral")->document;
  d.scenario.inputs.patient.pelvic_incidence_deg = 70.0;
  d.scenario.inputs.patient.lumbar_lordosis_deg = 40.0;
  return d;
}

std::vector<scene::Document> postures() {
  std::vector<scene::Document> out;
  for (const char* name : {"neutral", "anterior-pelvic-tilt", "posterior-tilt-flat-back"})
    out.push_back(scene::findPreset(name)->document);
  out.push_back(highPiPatient());
  return out;
}

biomech::ClinicalMeasures measuredOn(const anatomy::Pose& pose) {
  const scene::Session& s = session();
  return biomech::measure(
      biomech::measureLandmarks(s.model().skeleton, pose, s.shown().scenario.inputs.slip.level));
}

// the angle of a line in the sagittal plane (radians)
double lineAngle(const glm::dvec3& from, const glm::dvec3& to) {
  return std::atan2(to.y - from.y, to.x - from.x);
}

glm::dvec3 at(const glm::mat4& m, const glm::dvec3& p) {
  return glm::dvec3(glm::dmat4(m) * glm::dvec4(p, 1.0));
}

const scene::DrawItem& drawn(const scene::FrameContent& f, const std::string& part) {
  for (const scene::DrawItem& item : f.list.items) {
    if (item.part >= 0 && session().model().parts[static_cast<std::size_t>(item.part)].name == part)
      return item;
  }
  throw std::out_of_range("no draw item for " + part);
}

}  // namespace

TEST(DrawnBalance, MeasuresOfTheDrawnPoseAreTheReports) {
  // what `sagitta report` prints is measured on exactly the pose that is drawn
  for (const scene::Document& d : postures()) {
    session().show(d);
    session().settle();
    const biomech::ClinicalMeasures& solved = session().solution().measures;
    const biomech::ClinicalMeasures shown = measuredOn(session().shownPose());
    EXPECT_NEAR(shown.sagittal_vertical_axis_mm, solved.sagittal_vertical_axis_mm, 1e-6);
    EXPECT_NEAR(shown.t1_pelvic_angle_deg, solved.t1_pelvic_angle_deg, 1e-6);
    EXPECT_NEAR(shown.thoracic_kyphosis_deg, solved.thoracic_kyphosis_deg, 1e-6);
    EXPECT_NEAR(shown.global_tilt_deg, solved.global_tilt_deg, 1e-6);
    EXPECT_NEAR(shown.pelvic_tilt_deg, solved.pelvic_tilt_deg, 1e-6);
    EXPECT_NEAR(shown.lumbar_lordosis_deg, solved.lumbar_lordosis_deg, 1e-6);
    EXPECT_NEAR(shown.knee_flexion_deg[0], solved.knee_flexion_deg[0], 1e-6);
    EXPECT_NEAR(shown.knee_flexion_deg[1], solved.knee_flexion_deg[1], 1e-6);
  }
}

TEST(DrawnBalance, TheHighPiPatientFlattensTheThoracicColumn) {
  // the case the tests below rely on: the solved column is bent, not left as drawn before
  session().show(highPiPatient());
  session().settle();
  const glm::dmat4& upper = session().solution().pose.upper_thorax;
  const double turn_deg = radToDeg(std::atan2(upper[0][1], upper[0][0]));
  EXPECT_GT(std::abs(turn_deg), 1.0);
  // with the column held rigid the kyphosis would read the neutral one; the report's differs
  anatomy::Pose rigid = session().solution().pose;
  rigid.upper_thorax = glm::dmat4(1.0);
  EXPECT_GT(
      std::abs(measuredOn(rigid).thoracic_kyphosis_deg - session().solution().measures.thoracic_kyphosis_deg),
      1.0);
}

TEST(DrawnBalance, TheDrawnThoraxBendsAsSolved) {
  const anatomy::ThoracicColumn column = anatomy::thoracicColumn(session().model().skeleton.params());
  for (const scene::Document& d : postures()) {
    session().show(d);
    session().settle();
    scene::Camera camera;
    camera.setView(scene::ViewPreset::kLateralLeft);
    const scene::FrameContent f = session().frame(camera);
    // the Cobb angle between T4's drawn superior endplate and T12's drawn inferior endplate
    const glm::mat4& t4 = drawn(f, "t4").model;
    const glm::mat4& t12 = drawn(f, "t12").model;
    const double t4_line =
        lineAngle(at(t4, column.superior_posterior[4]), at(t4, column.superior_anterior[4]));
    const double t12_line =
        lineAngle(at(t12, column.inferior_posterior[12]), at(t12, column.inferior_anterior[12]));
    const double drawn_tk = radToDeg(std::remainder(t12_line - t4_line, 2.0 * kPi));
    // the issue asks for the measures taken on the drawn pose to be the solver's (0.5 deg)
    EXPECT_NEAR(drawn_tk, session().solution().measures.thoracic_kyphosis_deg, 0.5);
    EXPECT_NEAR(drawn_tk, session().solution().measures.thoracic_kyphosis_deg, 1e-3);  // and exactly
    // T12 moves with the thorax
    const glm::dmat4 thorax = session().solution().world[static_cast<std::size_t>(anatomy::Segment::kThorax)];
    for (int i = 0; i < 4; ++i) {
      for (int j = 0; j < 4; ++j) EXPECT_NEAR(t12[i][j], thorax[i][j], 1e-5);
    }
    // level by level: each disc T1-T2 .. T11-T12 opens by its share of the column's turn
    // (anatomy::thoracicDiscShares), C7-T1 by none; the shares of T4-T5 .. T11-T12 add up to
    // the change of the kyphosis from neutral
    const double turn = anatomy::thoracicTurn(session().solution().pose.upper_thorax);
    const auto& shares = anatomy::thoracicDiscShares();
    double tk_turn = 0.0;
    for (int level = 0; level + 1 < anatomy::kThoracicColumnLevels; ++level) {
      const glm::dmat4 upper(drawn(f, std::string(anatomy::thoracicPartName(level))).model);
      const glm::dmat4 lower(drawn(f, std::string(anatomy::thoracicPartName(level + 1))).model);
      const glm::dmat4 rel = glm::inverse(lower) * upper;
      const double disc_turn = std::atan2(rel[0][1], rel[0][0]);
      SCOPED_TRACE(anatomy::thoracicPartName(level));
      EXPECT_NEAR(disc_turn, shares[static_cast<std::size_t>(level)] * turn, 1e-5);
      if (level >= 4) tk_turn += disc_turn;
    }
    EXPECT_NEAR(drawn_tk, measuredOn(anatomy::Pose{}).thoracic_kyphosis_deg - radToDeg(tk_turn), 1e-3);
    // C7 and T1 carry the whole turn: they are drawn by the pose's column motion
    const glm::mat4& c7 = drawn(f, "c7").model;
    const glm::mat4& t1 = drawn(f, "t1").model;
    const glm::dmat4 top = thorax * session().solution().pose.upper_thorax;
    for (int i = 0; i < 4; ++i) {
      for (int j = 0; j < 4; ++j) {
        EXPECT_FLOAT_EQ(c7[i][j], t1[i][j]);
        EXPECT_NEAR(c7[i][j], top[i][j], 1e-5);
      }
    }
  }
}

TEST(DrawnBalance, InMotionEveryShownMeasureIsTheDrawnPoses) {
  session().show(scene::findPreset("neutral")->document);
  session().settle();
  const double tk_from = session().solution().measures.thoracic_kyphosis_deg;
  session().show(highPiPatient());
  const double tk_to = session().solution().measures.thoracic_kyphosis_deg;
  session().update(0.1);
  ASSERT_TRUE(session().animating());
  const biomech::ClinicalMeasures shown = session().shownMeasures();
  const biomech::ClinicalMeasures drawn_pose = measuredOn(session().shownPose());
  EXPECT_DOUBLE_EQ(shown.thoracic_kyphosis_deg, drawn_pose.thoracic_kyphosis_deg);
  EXPECT_DOUBLE_EQ(shown.sagittal_vertical_axis_mm, drawn_pose.sagittal_vertical_axis_mm);
  EXPECT_DOUBLE_EQ(shown.t1_pelvic_angle_deg, drawn_pose.t1_pelvic_angle_deg);
  EXPECT_DOUBLE_EQ(shown.global_tilt_deg, drawn_pose.global_tilt_deg);
  // the drawn kyphosis is on its way: strictly between where it started and where it goes
  EXPECT_GT(std::abs(shown.thoracic_kyphosis_deg - tk_from), 0.05);
  EXPECT_GT(std::abs(shown.thoracic_kyphosis_deg - tk_to), 0.05);
  session().settle();
  EXPECT_DOUBLE_EQ(session().shownMeasures().thoracic_kyphosis_deg, tk_to);
}

TEST(DrawnBalance, ThePlumbLineHangsFromC7) {
  for (const scene::Document& posture : postures()) {
    scene::Document d = posture;
    d.view.plumb_line = true;
    session().show(d);
    session().settle();
    scene::Camera camera;
    camera.setView(scene::ViewPreset::kLateralLeft);
    const scene::FrameContent f = session().frame(camera);
    const biomech::MeasureLandmarks ml = biomech::measureLandmarks(
        session().model().skeleton, session().shownPose(), d.scenario.inputs.slip.level);
    const glm::dvec3 c7 = glm::dvec3(session().shownPose().root * glm::dvec4(ml.c7_centroid, 1.0));
    // the plumb line: the dashed vertical line down to the floor
    int found = 0;
    for (const scene::Line& l : f.list.lines) {
      if (!l.dashed || std::abs(l.b.y) > 1e-6f || std::abs(l.a.x - l.b.x) > 1e-6f) continue;
      ++found;
      EXPECT_NEAR(l.a.x, c7.x, 1e-4);
      EXPECT_NEAR(l.a.y, c7.y, 1e-4);
      // SVA is the plumb line's distance in front of the S1 posterior-superior corner
      const glm::dvec3 s1 = glm::dvec3(session().shownPose().root * glm::dvec4(ml.s1_posterior, 1.0));
      EXPECT_NEAR(1e3 * (double(l.a.x) - s1.x), session().solution().measures.sagittal_vertical_axis_mm, 0.1);
    }
    EXPECT_EQ(found, 1);
  }
}
