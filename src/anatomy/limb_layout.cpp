// Femur and shank control points. The femur frame is Rajagopal2016's (origin at the hip centre),
// so its muscle insertions carry over; the neck follows the cited neck-shaft angle and
// anteversion, and the trochanters sit where Rajagopal's muscles insert on them.
#include <cmath>

#include "anatomy/body_layout.h"
#include "core/units.h"

namespace sagitta::anatomy {

FemurLayout layoutFemur(const BodyDimensions& d) {
  const double s = d.opensim_scale;
  const double len = d.femur_length;
  FemurLayout f;
  f.head_radius = d.femoral_head_radius;
  f.shaft_radius = d.shaft_radius;
  f.knee_centre = {0.0, -len, 0.0};

  // The shaft axis runs from just above the intercondylar notch to the neck base; the neck
  // leaves it at the neck-shaft angle, turned forward by the anteversion, and reaches the head
  // centre at the femoral offset from the axis. Solved by a short fixed-point iteration.
  const glm::dvec3 knee_axis_point(0.003 * s, -len + 0.03 * s, 0.0);
  const glm::dvec3 forward_medial(std::sin(d.anteversion), 0.0, -std::cos(d.anteversion));
  const double beta = kPi - d.neck_shaft_angle;  // between the neck (toward the head) and the shaft (up)
  const double neck_to_axis = d.femoral_offset / std::sin(beta);
  glm::dvec3 a(0.0, 1.0, 0.0);
  glm::dvec3 base(0.0);
  for (int it = 0; it < 8; ++it) {
    const glm::dvec3 m = glm::normalize(forward_medial - glm::dot(forward_medial, a) * a);
    const glm::dvec3 to_head = std::cos(beta) * a + std::sin(beta) * m;
    base = -neck_to_axis * to_head;  // head centre is the origin
    a = glm::normalize(base - knee_axis_point);
  }
  f.neck_base = base;
  f.neck_axis = glm::normalize(base);
  f.shaft_top = base + a * (0.025 * s);
  f.shaft_bottom = knee_axis_point;

  // trochanters: tip of the greater trochanter among Rajagopal's gluteus medius/minimus and
  // piriformis insertions (x -0.031..-0.007, y -0.012..-0.004, z 0.044..0.056) [M/D]; the lesser
  // trochanter posteromedially at the foot of the neck, between Rajagopal's psoas insertion
  // (-0.0235, -0.0524, 0.0088) and iliacus insertion (-0.0122, -0.0637, 0.0196) [M]: its
  // prominence ~1.1 head diameters from the head centre on an AP view (1.023 in PMID 23451435,
  // 100 hip radiographs [V abstract]) and ~65 mm from the greater trochanter's tip (67.2 +- 7.5 mm
  // in men, 59.9 +- 5.3 in women, J Clin Med Res 11:740 [V table])
  f.greater_trochanter = glm::dvec3(-0.016, -0.001, 0.052) * s;
  // (for a woman the offset is scaled with her smaller head, 43 vs 48 mm [U], so the trochanters
  // come 60 mm apart, as cited)
  f.lesser_trochanter =
      glm::dvec3(-0.018, -0.050, 0.010) * (s * std::min(1.0, d.femoral_head_radius / (0.024 * s)));

  // condyles: centres of the posterior condylar circles at the knee-centre level, their
  // distal surfaces ~22 mm below it (Rajagopal femur mesh: lowest condyle y -0.4296 m vs the
  // knee at -0.408 m) [M]; bicondylar width [U]
  // condyles broad enough behind to leave the cited notch between them (intercondylar width
  // M 22.0 +- 1.8, F 18.7 +- 1.0 mm, Terzidis 2012, 360 dry femora [V abstract])
  f.condyle_radius = 0.021 * s;
  f.condyle_half_width = 0.0165 * s;
  f.lateral_condyle = {-0.004 * s, -len, 0.024 * s};
  f.medial_condyle = {-0.006 * s, -len - 0.002 * s, -0.023 * s};
  f.lateral_epicondyle = {-0.002 * s, -len + 0.010 * s, 0.47 * d.bicondylar_width};
  f.medial_epicondyle = {-0.004 * s, -len + 0.014 * s, -0.50 * d.bicondylar_width};
  f.patellar_groove = {0.024 * s, -len + 0.018 * s, 0.002 * s};

  // named features (shapes_femur.cpp draws them; landmarks mark them on the surface): the fovea
  // in the posteroinferior quadrant of the head (123 of 125 dry femora, PMID 28097394 [V
  // abstract]); the neck's front at its waist; the intertrochanteric crest behind and the line in
  // front, both between the trochanters; the linea aspera on the back of the middle third [U:
  // Gray's Anatomy]
  f.fovea_direction = glm::normalize(-f.neck_axis + glm::dvec3(-0.30, -0.55, 0.0));
  const glm::dvec3 neck_front = glm::normalize(glm::cross(glm::dvec3(0.0, 1.0, 0.0), f.neck_axis));
  f.neck_anterior = f.neck_axis * (f.head_radius + 0.004 * s) +
                    (neck_front.x > 0.0 ? neck_front : -neck_front) * (0.63 * f.head_radius * 0.82);
  f.intertrochanteric_crest = base + glm::dvec3(-0.016, -0.006, 0.006) * s;
  f.intertrochanteric_line =
      0.5 * (f.greater_trochanter + f.lesser_trochanter) + glm::dvec3(0.026, -0.006, 0.004) * s;
  f.linea_aspera =
      0.5 * (f.shaft_top + f.shaft_bottom) + glm::dvec3(0.017 * s - d.shaft_radius * 0.95, 0.0, 0.0);
  return f;
}

ShankLayout layoutShank(const BodyDimensions& d) {
  const double s = d.opensim_scale;
  const double len = d.shank_length;
  const double foot = d.foot_length;
  ShankLayout k;
  k.tibia_radius = 0.012 * s;  // mid-shaft tibia ~24 mm [U]
  // plateau under the femoral condyles (condyle radius + cartilage) [D]
  k.medial_plateau = {-0.004 * s, -0.024 * s, -0.023 * s};
  k.lateral_plateau = {-0.006 * s, -0.024 * s, 0.024 * s};
  k.tibial_tuberosity = {0.031 * s, -0.063 * s, 0.004 * s};  // Rajagopal rectus femoris insertion [M]
  k.fibular_head = {-0.024 * s, -0.055 * s, 0.034 * s};      // under Rajagopal's biceps insertion [M/D]
  k.ankle_centre = {0.0, -len, 0.0};
  k.tibia_bottom = {0.0, -len + 0.012 * s, -0.002 * s};
  k.medial_malleolus = {0.006 * s, -len - 0.010 * s, -0.025 * s};
  k.lateral_malleolus = {-0.010 * s, -len - 0.020 * s, 0.027 * s};
  // foot: ankle above the back quarter of the foot [U]; sole on the floor at the neutral pose
  k.sole_y = -len - d.ankle_height;
  k.heel = {-0.24 * foot, k.sole_y + 0.030 * s, 0.0};
  k.toe_tip = {0.76 * foot, k.sole_y + 0.012 * s, -0.027 * s};
  k.first_metatarsal_head = {0.53 * foot, k.sole_y + 0.016 * s, -0.030 * s};
  k.fifth_metatarsal_head = {0.46 * foot, k.sole_y + 0.012 * s, 0.034 * s};
  return k;
}

}  // namespace sagitta::anatomy
