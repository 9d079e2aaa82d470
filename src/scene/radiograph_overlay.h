// Lines and values drawn on the model as a clinician draws them on a lateral radiograph:
// hip axis, S1 endplate line, PI / PT / SS with their angle arcs and values, the L1 and S1
// endplate lines of the Cobb lordosis angle, the C7 plumb line with the sagittal vertical axis
// (SVA) to the S1 posterior-superior corner, and Meyerding lines at the slip
// level. Every line goes through landmarks of the posed bones, and the values come from the
// measures computed on the same landmarks: what is drawn is what was measured.
#pragma once

#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "scene/draw_list.h"

namespace sagitta::scene {

// World positions (metres) of the landmarks the overlays pass through.
struct RadiographPoints {
  glm::vec3 hip_left{0.0f}, hip_right{0.0f};        // femoral head centres
  glm::vec3 s1_anterior{0.0f}, s1_posterior{0.0f};  // S1 superior endplate corners
  glm::vec3 l1_anterior{0.0f}, l1_posterior{0.0f};  // L1 superior endplate corners
  // where the plumb line hangs from: the centre of the C7 vertebral body, the C7 plumb line the
  // sagittal vertical axis is measured from (SRS; Schwab et al. 2012, Spine 37:1077; as planning
  // software draws it, "a vertical line starting from the midpoint of the C7 vertebral body",
  // help.peekmed.com/sagittal-vertical-axis-how-to-perform)
  glm::vec3 plumb_top{0.0f};
  // the slip level: the lower vertebra's superior endplate and the upper one's inferior
  // posterior corner
  glm::vec3 lower_anterior{0.0f}, lower_posterior{0.0f};
  glm::vec3 upper_posterior_inferior{0.0f};
  glm::vec3 lower_posterior_wall{0.0f};  // lower down the lower vertebra's posterior border
};

struct RadiographValues {
  double pelvic_incidence_deg = 0.0;
  double pelvic_tilt_deg = 0.0;
  double sacral_slope_deg = 0.0;
  double lumbar_lordosis_deg = 0.0;
  double slip_percent = 0.0;
  int meyerding_grade = 0;
  std::string slip_level;  // "L5-S1"
  double sagittal_vertical_axis_mm = 0.0;
};

struct RadiographOptions {
  bool pelvic_angles = true;  // hip axis, S1 line, PI, PT, SS
  bool lordosis = true;       // L1 and S1 endplate lines, LL
  bool plumb_line = true;     // the C7 plumb line and the SVA
  bool meyerding = true;      // only drawn when there is a slip
  bool light_background = false;
  float line_width_px = 2.5f;  // classroom mode draws thicker
};

// "Grade II (37 %)" style text; "No slip" for grade 0.
std::string meyerdingText(int grade, double percent);

void addRadiographOverlay(const RadiographPoints& points, const RadiographValues& values,
                          const RadiographOptions& options, DrawList& list);

}  // namespace sagitta::scene
