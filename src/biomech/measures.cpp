#include "biomech/measures.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "anatomy/thoracic_column.h"
#include "core/units.h"

namespace sagitta::biomech {
namespace {

glm::dvec2 xy(const glm::dvec3& p) {
  return {p.x, p.y};
}

// Angle of the line posterior -> anterior above the horizontal (radians).
double lineAngle(const glm::dvec3& posterior, const glm::dvec3& anterior) {
  return std::atan2(anterior.y - posterior.y, anterior.x - posterior.x);
}

double wrapPi(double a) {
  while (a > kPi) a -= 2.0 * kPi;
  while (a <= -kPi) a += 2.0 * kPi;
  return a;
}

// Signed angle from a to b (radians), counter-clockwise in the x-y plane positive.
double signedAngle(const glm::dvec2& a, const glm::dvec2& b) {
  return std::atan2(a.x * b.y - a.y * b.x, a.x * b.x + a.y * b.y);
}

}  // namespace

int meyerdingGrade(double slip_percent) {
  if (!(slip_percent >= kNoSlipBelowPercent)) return 0;  // also NaN -> 0
  // the boundaries belong to the lower grade; a solved slip lands within kGradeTolerance of its target
  if (slip_percent <= 25.0 + kGradeTolerancePercent) return 1;
  if (slip_percent <= 50.0 + kGradeTolerancePercent) return 2;
  if (slip_percent <= 75.0 + kGradeTolerancePercent) return 3;
  if (slip_percent <= 100.0 + kGradeTolerancePercent) return 4;
  return 5;
}

std::string_view segmentLevelName(int index) {
  static constexpr std::array<std::string_view, kLumbarLevels> kNames = {"L1-L2", "L2-L3", "L3-L4", "L4-L5",
                                                                         "L5-S1"};
  return kNames.at(static_cast<std::size_t>(index));
}

std::string_view apexLevelName(int index) {
  static constexpr std::array<std::string_view, kLumbarLevels + 1> kNames = {"L1", "L2", "L3",
                                                                             "L4", "L5", "S1"};
  return kNames.at(static_cast<std::size_t>(index));
}

ClinicalMeasures measure(const MeasureLandmarks& p) {
  ClinicalMeasures m;
  const glm::dvec3 ha = 0.5 * (p.hip_centre[0] + p.hip_centre[1]);
  const glm::dvec3 mid = 0.5 * (p.s1_anterior + p.s1_posterior);

  // SS: the endplate against the horizontal; PT: the vertical against mid -> hip axis
  const double endplate = lineAngle(p.s1_posterior, p.s1_anterior);
  m.sacral_slope_deg = radToDeg(-endplate);
  m.pelvic_tilt_deg = radToDeg(std::atan2(ha.x - mid.x, mid.y - ha.y));
  // PI on its own: the endplate perpendicular pointing into the sacrum against the line to the
  // hip axis
  const glm::dvec2 e = glm::normalize(xy(p.s1_anterior - p.s1_posterior));
  const glm::dvec2 into_sacrum(e.y, -e.x);  // e turned clockwise: below the endplate
  const glm::dvec2 to_hip = glm::normalize(xy(ha - mid));
  m.pelvic_incidence_deg = radToDeg(std::acos(std::clamp(glm::dot(into_sacrum, to_hip), -1.0, 1.0)));

  // lordosis: superior endplates from L1 down to S1
  std::array<double, kLumbarLevels + 1> angle{};
  for (int k = 0; k < kLumbarLevels; ++k) {
    const auto i = static_cast<std::size_t>(k);
    angle[i] = lineAngle(p.superior_posterior[i], p.superior_anterior[i]);
  }
  angle[kLumbarLevels] = endplate;
  for (int k = 0; k < kLumbarLevels; ++k) {
    const auto i = static_cast<std::size_t>(k);
    m.segmental_lordosis_deg[i] = radToDeg(wrapPi(angle[i] - angle[i + 1]));
  }
  m.lumbar_lordosis_deg = radToDeg(wrapPi(angle[0] - endplate));

  // clinical tilt: PSIS -> ASIS below the horizontal, both sides averaged
  double tilt = 0.0;
  for (std::size_t s = 0; s < kSideCount; ++s) tilt += -lineAngle(p.psis[s], p.asis[s]);
  m.asis_psis_tilt_deg = radToDeg(0.5 * tilt);

  // hip: the femoral axis against the anterior pelvic plane line, both pointing down
  const glm::dvec3 mid_asis = 0.5 * (p.asis[0] + p.asis[1]);
  const glm::dvec2 app_down = glm::normalize(xy(p.pubic_symphysis - mid_asis));
  for (std::size_t s = 0; s < kSideCount; ++s) {
    const glm::dvec2 femur_down = glm::normalize(xy(p.knee_centre[s] - p.hip_centre[s]));
    // flexion swings the knee forward: counter-clockwise from the plane line (+X anterior, +Y up)
    m.hip_extension_deg[s] = -radToDeg(signedAngle(app_down, femur_down));
  }

  // spondylolisthesis at the slip level
  m.slip_level = p.slip_level;
  const glm::dvec2 lower = xy(p.lower_superior_anterior - p.lower_superior_posterior);
  const double lower_length = glm::length(lower);
  const glm::dvec2 along = lower / lower_length;
  m.slip_percent =
      100.0 * glm::dot(xy(p.upper_inferior_posterior - p.lower_superior_posterior), along) / lower_length;
  m.meyerding_grade = meyerdingGrade(m.slip_percent);
  const glm::dvec2 border = xy(p.lower_superior_posterior - p.lower_posterior_wall);  // up the posterior wall
  const glm::dvec2 perpendicular(border.y, -border.x);                                // turned forward
  const glm::dvec2 upper = xy(p.upper_inferior_anterior - p.upper_inferior_posterior);
  m.slip_angle_deg = radToDeg(signedAngle(upper, perpendicular));

  // whole-body balance (definitions in measures.h)
  m.sagittal_vertical_axis_mm = 1e3 * (p.c7_centroid.x - p.s1_posterior.x);
  const double t1_forward = std::atan2(p.t1_centroid.x - ha.x, p.t1_centroid.y - ha.y);
  m.t1_pelvic_angle_deg = m.pelvic_tilt_deg + radToDeg(t1_forward);
  const double c7_forward = std::atan2(p.c7_centroid.x - mid.x, p.c7_centroid.y - mid.y);
  m.global_tilt_deg = m.pelvic_tilt_deg + radToDeg(c7_forward);
  m.thoracic_kyphosis_deg = radToDeg(wrapPi(lineAngle(p.t12_inferior_posterior, p.t12_inferior_anterior) -
                                            lineAngle(p.t4_superior_posterior, p.t4_superior_anterior)));
  for (std::size_t s = 0; s < kSideCount; ++s) {
    const glm::dvec2 femur_down = xy(p.knee_centre[s] - p.hip_centre[s]);
    const glm::dvec2 shank_down = xy(p.ankle_centre[s] - p.knee_centre[s]);
    // flexion swings the ankle backward: clockwise from the femoral line
    m.knee_flexion_deg[s] = 0.0 - radToDeg(signedAngle(femur_down, shank_down));  // no "-0"
  }
  double front = -1e300;
  for (int k = 0; k <= kLumbarLevels; ++k) {
    const auto i = static_cast<std::size_t>(k);
    const double x = k < kLumbarLevels ? 0.5 * (p.superior_anterior[i].x + p.superior_posterior[i].x) : mid.x;
    if (x > front) {
      front = x;
      m.lordosis_apex = k;
    }
  }
  return m;
}

MeasureLandmarkIds resolveMeasureLandmarks(const anatomy::Skeleton& sk) {
  auto id = [&](const std::string& name) {
    if (const auto i = sk.landmarkIndex(name)) return *i;
    throw std::out_of_range("the skeleton has no landmark named " + name);
  };
  MeasureLandmarkIds ids;
  for (Side s : kSides) {
    const std::string sfx(sideSuffix(s));
    const std::size_t i = sideIndex(s);
    ids.hip_centre[i] = id("femoral_head_centre" + sfx);
    ids.knee_centre[i] = id("knee_centre" + sfx);
    ids.asis[i] = id("asis" + sfx);
    ids.psis[i] = id("psis" + sfx);
    ids.ankle_centre[i] = id("ankle_centre" + sfx);
  }
  ids.pubic_symphysis = id("pubic_symphysis");
  ids.s1_anterior = id("s1_endplate_anterior");
  ids.s1_posterior = id("s1_endplate_posterior");
  for (int k = 0; k < kLumbarLevels; ++k) {
    const std::string v = "l" + std::to_string(k + 1);
    const auto i = static_cast<std::size_t>(k);
    ids.superior_anterior[i] = id(v + "_superior_endplate_anterior");
    ids.superior_posterior[i] = id(v + "_superior_endplate_posterior");
    ids.inferior_anterior[i] = id(v + "_inferior_endplate_anterior");
    ids.inferior_posterior[i] = id(v + "_inferior_endplate_posterior");
  }
  ids.t12_inferior_anterior = id("t12_inferior_endplate_anterior");
  ids.t12_inferior_posterior = id("t12_inferior_endplate_posterior");
  auto onColumn = [&](const std::string& name, int& level) {
    level = anatomy::thoracicColumnLevel(name);
    if (level < 0) throw std::out_of_range(name + " is not on the thoracic column");
    return id(name);
  };
  int t4_posterior_level = 0;
  ids.c7_body_centre = onColumn("c7_body_centre", ids.c7_level);
  ids.t1_body_centre = onColumn("t1_body_centre", ids.t1_level);
  ids.t4_superior_anterior = onColumn("t4_superior_endplate_anterior", ids.t4_level);
  ids.t4_superior_posterior = onColumn("t4_superior_endplate_posterior", t4_posterior_level);
  ids.column = anatomy::thoracicColumn(sk.params());
  return ids;
}

MeasureLandmarks measureLandmarks(const anatomy::Skeleton& sk, const anatomy::Pose& pose, SlipLevel level) {
  return measureLandmarks(resolveMeasureLandmarks(sk), sk, pose, level);
}

MeasureLandmarks measureLandmarks(const MeasureLandmarkIds& ids, const anatomy::Skeleton& sk,
                                  const anatomy::Pose& pose, SlipLevel level) {
  const auto world = anatomy::worldTransforms(sk, pose);
  const glm::dmat4 to_frame = glm::inverse(pose.root);
  const std::vector<anatomy::Landmark>& landmarks = sk.landmarks();
  auto at = [&](std::size_t i) {
    return glm::dvec3(to_frame * glm::dvec4(anatomy::worldPosition(landmarks.at(i), world), 1.0));
  };
  MeasureLandmarks p;
  for (Side s : kSides) {
    const std::size_t i = sideIndex(s);
    p.hip_centre[i] = at(ids.hip_centre[i]);
    p.knee_centre[i] = at(ids.knee_centre[i]);
    p.asis[i] = at(ids.asis[i]);
    p.psis[i] = at(ids.psis[i]);
  }
  p.pubic_symphysis = at(ids.pubic_symphysis);
  p.s1_anterior = at(ids.s1_anterior);
  p.s1_posterior = at(ids.s1_posterior);
  for (std::size_t k = 0; k < kLumbarLevels; ++k) {
    p.superior_anterior[k] = at(ids.superior_anterior[k]);
    p.superior_posterior[k] = at(ids.superior_posterior[k]);
  }
  p.slip_level = level;
  if (level == SlipLevel::kL5S1) {
    p.upper_inferior_anterior = at(ids.inferior_anterior[4]);
    p.upper_inferior_posterior = at(ids.inferior_posterior[4]);
    p.lower_superior_anterior = p.s1_anterior;
    p.lower_superior_posterior = p.s1_posterior;
    // derived: 25 mm down the perpendicular to the S1 endplate from its posterior corner
    const glm::dvec3 e = glm::normalize(p.s1_anterior - p.s1_posterior);
    p.lower_posterior_wall = p.s1_posterior + 0.025 * glm::dvec3(e.y, -e.x, 0.0);
  } else {
    p.upper_inferior_anterior = at(ids.inferior_anterior[3]);
    p.upper_inferior_posterior = at(ids.inferior_posterior[3]);
    p.lower_superior_anterior = p.superior_anterior[4];
    p.lower_superior_posterior = p.superior_posterior[4];
    p.lower_posterior_wall = at(ids.inferior_posterior[4]);
  }
  // C7, T1 and T4 move with the thoracic column's bend at their level, as they are drawn
  const auto levels = anatomy::thoracicLevelWorlds(
      ids.column, to_frame * world[static_cast<std::size_t>(anatomy::Segment::kThorax)], pose.upper_thorax);
  auto onColumn = [&](std::size_t i, int on) {
    return glm::dvec3(levels[static_cast<std::size_t>(on)] * glm::dvec4(landmarks.at(i).position, 1.0));
  };
  p.c7_centroid = onColumn(ids.c7_body_centre, ids.c7_level);
  p.t1_centroid = onColumn(ids.t1_body_centre, ids.t1_level);
  p.t4_superior_anterior = onColumn(ids.t4_superior_anterior, ids.t4_level);
  p.t4_superior_posterior = onColumn(ids.t4_superior_posterior, ids.t4_level);
  p.t12_inferior_anterior = at(ids.t12_inferior_anterior);
  p.t12_inferior_posterior = at(ids.t12_inferior_posterior);
  for (Side s : kSides) p.ankle_centre[sideIndex(s)] = at(ids.ankle_centre[sideIndex(s)]);
  return p;
}

}  // namespace sagitta::biomech
