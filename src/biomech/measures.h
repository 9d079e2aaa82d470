// Clinical measures computed from posed landmark positions only: the numbers a clinician reads
// off a lateral radiograph. Nothing here knows about muscles, inputs or the solver, so a
// measure cannot echo a slider: give it points, it measures them.
//
// Sign conventions (reference.md §1.1, §1.5, §2.1; the report states them):
//   pelvic_tilt_deg      Legaye PT: vertical to the line hip axis -> S1 endplate mid-point,
//                        positive when the hip axis is in front of it; anterior tilt makes it smaller
//   asis_psis_tilt_deg   clinical tilt: the PSIS->ASIS line below the horizontal, positive when the
//                        ASIS is lower (anterior); mean of both sides
//   sacral_slope_deg     S1 endplate to the horizontal, positive when its anterior corner is lower
//   pelvic_incidence_deg perpendicular to the S1 endplate at its mid-point to the line to the hip
//                        axis, measured on its own (acos), so PI = PT + SS is a check, not a definition
//   lumbar_lordosis_deg  Cobb angle, L1 superior endplate to S1 endplate, positive = lordosis
//   segmental_lordosis   between the superior endplates of adjacent levels (L5-S1: L5 to S1), so
//                        the five add up to the Cobb angle
//   hip_extension_deg    femoral axis (knee centre -> head centre) against the anterior pelvic
//                        plane line (mid-ASIS -> pubic symphysis), positive = extension
//   slip_percent         Meyerding: forward displacement of the upper vertebra's posterior-inferior
//                        corner along the lower endplate, over that endplate's AP length
//   slip_angle_deg       the upper vertebra's inferior endplate against the perpendicular to the
//                        lower vertebra's posterior border, positive = kyphotic (rolled forward)
// Whole-body balance (docs/biomechanics.md "Global balance"):
//   sagittal_vertical_axis_mm  horizontal distance from the posterior-superior corner of S1 to the
//                        C7 plumb line (dropped from the C7 body's centroid), positive = C7 in front
//                        (SRS definition; Schwab et al. 2012, Spine 37:1077 [V])
//   t1_pelvic_angle_deg  angle at the hip axis between the lines to the T1 centroid and to the S1
//                        endplate mid-point, positive when T1 is ahead of that line (Protopsaltis
//                        et al. 2014; = PT + T1's forward angle from the hip axis plumb line)
//   thoracic_kyphosis_deg Cobb angle, T4 superior endplate to T12 inferior endplate, positive = kyphosis
//   global_tilt_deg      angle between the line S1 endplate mid-point -> C7 centroid and the line
//                        hip axis -> S1 endplate mid-point (Obeid et al. 2016); = PT + C7's forward
//                        angle from the vertical through S1
//   knee_flexion_deg     femoral axis (hip -> knee centre) against the shank axis (knee -> ankle
//                        centre), positive = flexion (ankle behind the femoral line)
//   lordosis_apex        the most anterior of the L1..L5 superior endplate mid-points and the S1
//                        endplate mid-point in the measurement frame (Roussouly's lordosis apex)
// All angles are measured in the sagittal (x-y) plane of the frame the points are given in.
#pragma once

#include <array>

#include <glm/glm.hpp>

#include "anatomy/skeleton.h"
#include "anatomy/thoracic_column.h"
#include "biomech/types.h"

namespace sagitta::biomech {

inline constexpr int kLumbarLevels = 5;

// Points in the measurement frame (metres, +X anterior, +Y up): the world for standing, sitting
// and the lunge; for the supine Thomas test the couch frame turned upright (root^-1 * world).
struct MeasureLandmarks {
  std::array<glm::dvec3, kSideCount> hip_centre{};   // femoral_head_centre_l / _r
  std::array<glm::dvec3, kSideCount> knee_centre{};  // knee_centre_l / _r
  glm::dvec3 s1_anterior{0.0}, s1_posterior{0.0};    // s1_endplate_anterior / _posterior
  // superior endplate corners of L1..L5, index 0 = L1
  std::array<glm::dvec3, kLumbarLevels> superior_anterior{}, superior_posterior{};
  std::array<glm::dvec3, kSideCount> asis{}, psis{};
  glm::dvec3 pubic_symphysis{0.0};
  // the slip level
  SlipLevel slip_level = SlipLevel::kL5S1;
  glm::dvec3 upper_inferior_anterior{0.0}, upper_inferior_posterior{0.0};  // e.g. l5_inferior_endplate_*
  glm::dvec3 lower_superior_anterior{0.0}, lower_superior_posterior{0.0};  // e.g. s1_endplate_*
  glm::dvec3 lower_posterior_wall{0.0};  // a point lower down the lower vertebra's posterior border
  // whole-body balance (anatomy/thoracic_column.h; ankle_centre_l / _r)
  glm::dvec3 c7_centroid{0.0}, t1_centroid{0.0};
  glm::dvec3 t4_superior_anterior{0.0}, t4_superior_posterior{0.0};
  glm::dvec3 t12_inferior_anterior{0.0}, t12_inferior_posterior{0.0};
  std::array<glm::dvec3, kSideCount> ankle_centre{};
};

struct ClinicalMeasures {
  double pelvic_tilt_deg = 0.0;
  double asis_psis_tilt_deg = 0.0;
  double sacral_slope_deg = 0.0;
  double pelvic_incidence_deg = 0.0;
  double lumbar_lordosis_deg = 0.0;
  std::array<double, kLumbarLevels> segmental_lordosis_deg{};  // 0 = L1-L2 .. 4 = L5-S1
  std::array<double, kSideCount> hip_extension_deg{};          // by sideIndex
  SlipLevel slip_level = SlipLevel::kL5S1;
  double slip_percent = 0.0;
  int meyerding_grade = 0;  // 0 none, 1..5 for I..V
  double slip_angle_deg = 0.0;
  // whole-body balance
  double sagittal_vertical_axis_mm = 0.0;
  double t1_pelvic_angle_deg = 0.0;
  double thoracic_kyphosis_deg = 0.0;
  double global_tilt_deg = 0.0;
  std::array<double, kSideCount> knee_flexion_deg{};  // by sideIndex
  int lordosis_apex = 4;                              // 0 = L1 .. 4 = L5 (superior endplate), 5 = S1
};

ClinicalMeasures measure(const MeasureLandmarks& points);

// Meyerding grade of a measured slip (reference.md §2.1 [V]): I up to 25 %, II to 50 %, III to
// 75 %, IV to 100 %, V beyond. A forward displacement under kNoSlipBelowPercent is graded 0, no
// slip [D]: 5 % is 1.7 mm on a 33 mm endplate, and a normal lordotic L5-S1 disc already puts L5's
// posterior-inferior corner about 2.5 % in front of S1's (the corners of a wedge-shaped disc do
// not line up), so smaller readings are geometry, not spondylolisthesis.
inline constexpr double kNoSlipBelowPercent = 5.0;
// A slip within this of a boundary counts as on it: the solve sets the measured slip to within
// 0.01 % of the slider near a boundary (model_impl.h slipTolerancePercent), so 25 % is grade I,
// as published.
inline constexpr double kGradeTolerancePercent = 0.02;
int meyerdingGrade(double slip_percent);

// "segmental lordosis" level names, index 0 = "L1-L2" .. 4 = "L5-S1"
std::string_view segmentLevelName(int index);
// lordosis apex names, index 0 = "L1" .. 4 = "L5", 5 = "S1"
std::string_view apexLevelName(int index);

// Gathers the points by landmark name from a posed skeleton, in the measurement frame
// (root^-1 * world). The S1 posterior border point is derived: 25 mm down the perpendicular to
// the S1 endplate from its posterior corner (the skeleton has no landmark on the sacral
// posterior wall); for L5 as the lower vertebra its own inferior posterior corner is used. C7, T1
// and T4 (c7_body_centre, t1_body_centre, t4_superior_endplate_*) sit on the thoracic column and
// move with its bend at their level (anatomy::thoracicLevelWorlds), as they are drawn.
// Throws std::out_of_range naming a missing landmark.
MeasureLandmarks measureLandmarks(const anatomy::Skeleton& skeleton, const anatomy::Pose& pose,
                                  SlipLevel level);

// The landmarks measureLandmarks reads, as indices into skeleton.landmarks(): resolved once when
// a model is loaded, so what is measured every frame looks nothing up by name.
struct MeasureLandmarkIds {
  std::array<std::size_t, kSideCount> hip_centre{}, knee_centre{}, asis{}, psis{}, ankle_centre{};
  std::size_t pubic_symphysis = 0, s1_anterior = 0, s1_posterior = 0;
  // L1..L5, index 0 = L1
  std::array<std::size_t, kLumbarLevels> superior_anterior{}, superior_posterior{}, inferior_anterior{},
      inferior_posterior{};
  std::size_t t12_inferior_anterior = 0, t12_inferior_posterior = 0;
  // landmarks on the thoracic column (c7_body_centre, t1_body_centre,
  // t4_superior_endplate_anterior / _posterior): thorax frame at the neutral pose, moved by the
  // column's bend at their level (anatomy::thoracicLevelMotions of pose.upper_thorax's turn)
  std::size_t c7_body_centre = 0, t1_body_centre = 0, t4_superior_anterior = 0, t4_superior_posterior = 0;
  int c7_level = 0, t1_level = 1, t4_level = 4;
  anatomy::ThoracicColumn column;  // of the skeleton's body: where its discs bend
};
// Throws std::out_of_range naming a missing landmark.
MeasureLandmarkIds resolveMeasureLandmarks(const anatomy::Skeleton& skeleton);
// The same points as above, read by index (`ids` resolved on this skeleton).
MeasureLandmarks measureLandmarks(const MeasureLandmarkIds& ids, const anatomy::Skeleton& skeleton,
                                  const anatomy::Pose& pose, SlipLevel level);

}  // namespace sagitta::biomech
