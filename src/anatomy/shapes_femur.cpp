// Femur (right, mirrored for the left) in the femur frame (origin at the hip centre). Head with
// its fovea, a waisted neck at the cited neck-shaft angle and anteversion, greater and lesser
// trochanters joined by the intertrochanteric crest, a shaft with a slight anterior bow and the
// linea aspera, and the distal end: medial and lateral condyles with the intercondylar notch,
// the patellar groove and both epicondyles. Control points: FemurLayout (limb_layout.cpp).
#include <cmath>

#include "anatomy/part_shapes.h"
#include "core/units.h"

namespace sagitta::anatomy {

namespace {
constexpr double kShaftTopAboveNeckBase_m = 0.003;  // [D]
}  // namespace

std::vector<PartShape> femurShapes(const BodyLayout& b) {
  const FemurLayout& f = b.femur;
  const double s = b.dims.opensim_scale;
  const double r = f.head_radius;
  const glm::dvec3 up(0.0, 1.0, 0.0);
  using sdf::NodePtr;
  std::vector<NodePtr> parts;

  // head and neck: the neck narrows just below the head, then widens toward the trochanters
  const glm::dvec3 head(0.0);
  const glm::dvec3 axis = f.neck_axis;                           // head -> shaft
  const glm::dvec3 flat = glm::normalize(glm::cross(axis, up));  // the neck is oval: flatter front-to-back
  parts.push_back(sdf::sphere(head, r));
  const glm::dvec3 waist = head + axis * (r + 0.004 * s);
  parts.push_back(sdf::flatCone(head + axis * (0.5 * r), waist, 0.70 * r, 0.63 * r, flat, 0.82));
  parts.push_back(sdf::flatCone(waist, f.neck_base, 0.63 * r, 0.82 * r, flat, 0.80));

  // shaft: along the anatomical axis with a slight anterior bow, widening at both ends
  const glm::dvec3 top = f.shaft_top, bottom = f.shaft_bottom;
  const glm::dvec3 sa = glm::normalize(top - bottom);
  const glm::dvec3 fwd = glm::normalize(glm::dvec3(1, 0, 0) - sa * sa.x);
  std::vector<glm::dvec3> shaft;
  std::vector<double> shaft_r;
  const int n = 16;
  for (int i = 0; i <= n; ++i) {
    const double t = double(i) / n;  // 0 at the top
    // anterior bow: a 17 mm rise at mid-shaft gives a radius of ~0.9-1.1 m through the 25, 50
    // and 75 % levels, the CT figures (943 mm mean in 1232 femurs, PMC6177158; 770 +- 267 mm,
    // Harma 2005; 1027 +- 242 mm, 150 CT femurs 2022) [V abstracts]
    const glm::dvec3 p = top + (bottom - top) * t + fwd * (0.017 * s * std::sin(kPi * t));
    shaft.push_back(p);
    const double flare = std::max(0.0, 1.0 - t / 0.18) * 0.0045 + std::max(0.0, (t - 0.72) / 0.28) * 0.012;
    shaft_r.push_back(f.shaft_radius + flare * s);
  }
  // the tube's top ends just above the neck's base: continued up the shaft axis to shaft_top,
  // its round cap filled the space above the neck between the head and the greater trochanter,
  // so the neck had no superior border and its cross-section centroids ran ~12 mm above the
  // neck axis (a neck-shaft angle of ~110 deg measured on the mesh, against 127 on the
  // landmarks); the greater trochanter's block carries the bone lateral to it
  std::vector<glm::dvec3> tube_pts = shaft;
  tube_pts.front() = f.neck_base + sa * (kShaftTopAboveNeckBase_m * s);
  parts.push_back(sdf::tube(tube_pts, shaft_r));
  // linea aspera: a ridge down the back of the middle third
  const glm::dvec3 back = -fwd;
  parts.push_back(
      sdf::tube({shaft[4] + back * (f.shaft_radius * 0.85), shaft[8] + back * (f.shaft_radius * 0.95),
                 shaft[12] + back * (f.shaft_radius * 0.9)},
                {0.0025 * s, 0.0034 * s, 0.0026 * s}));

  // greater trochanter: a tall block lateral and slightly behind the neck base, its tip at the
  // landmark; lesser trochanter: a cone to its landmark
  const glm::dvec3 gt = f.greater_trochanter;
  const glm::dvec3 gt_centre = gt + glm::dvec3(0.002, -0.020, 0.004) * s;
  parts.push_back(
      sdf::ellipsoid(sdf::frameFromAxes(gt_centre, sa, {1, 0, 0}), glm::dvec3(0.026, 0.019, 0.012) * s));
  parts.push_back(sdf::roundCone(gt_centre + glm::dvec3(0.0, 0.004, 0.0) * s,
                                 gt - glm::dvec3(0.0, 0.004, 0.0) * s, 0.011 * s, 0.0055 * s));
  const glm::dvec3 lt_base = f.neck_base - sa * (0.016 * s);
  parts.push_back(sdf::roundCone(
      lt_base, f.lesser_trochanter - glm::normalize(f.lesser_trochanter - lt_base) * (0.004 * s), 0.010 * s,
      0.0048 * s));
  // intertrochanteric line in front: a low ridge from the greater trochanter's front down and
  // medially to the lesser trochanter (the capsule's attachment) [U: Gray's Anatomy]
  parts.push_back(sdf::tube({gt + glm::dvec3(0.010, -0.014, -0.006) * s, f.intertrochanteric_line,
                             f.lesser_trochanter + glm::dvec3(0.010, 0.004, 0.004) * s},
                            {0.0035 * s, 0.0030 * s, 0.0028 * s}));
  // intertrochanteric crest behind: a rounded ridge along the back of the neck's base, from the
  // greater trochanter's posterior edge down and medially to the lesser trochanter
  parts.push_back(sdf::tube({gt + glm::dvec3(-0.012, -0.008, -0.004) * s, f.intertrochanteric_crest,
                             f.lesser_trochanter + glm::dvec3(0.002, 0.006, 0.006) * s},
                            {0.0060 * s, 0.0065 * s, 0.0050 * s}));

  // distal end: the shaft flares into a broad metaphysis; two condyles, round behind and
  // longer in front, joined in front by the patellar surface and apart behind at the notch;
  // epicondyles on their sides, the adductor tubercle above the medial one
  const double cr = f.condyle_radius;
  const glm::dvec3 knee = f.knee_centre;
  for (const glm::dvec3& c : {f.medial_condyle, f.lateral_condyle}) {
    const double side = c.z > 0.0 ? 1.0 : -1.0;
    parts.push_back(
        sdf::ellipsoid(sdf::Frame{c + glm::dvec3(0.004, 0.003, -side * 0.001) * s, glm::dmat3(1.0)},
                       glm::dvec3(cr + 0.009 * s, cr + 0.004 * s, f.condyle_half_width)));
  }
  parts.push_back(sdf::ellipsoid(sdf::Frame{knee + glm::dvec3(0.004, 0.034, 0.0) * s, glm::dmat3(1.0)},
                                 glm::dvec3(0.024, 0.030, 0.036) * s));  // metaphysis
  parts.push_back(sdf::ellipsoid(sdf::Frame{knee + glm::dvec3(0.014, 0.012, 0.0) * s, glm::dmat3(1.0)},
                                 glm::dvec3(0.014, 0.022, 0.030) * s));  // the patellar surface's bed
  parts.push_back(sdf::sphere(f.lateral_epicondyle - glm::dvec3(0.0, 0.0, 0.0065) * s, 0.0075 * s));
  parts.push_back(sdf::sphere(f.medial_epicondyle + glm::dvec3(0.0, 0.0, 0.0065) * s, 0.0080 * s));
  parts.push_back(sdf::sphere(f.medial_epicondyle + glm::dvec3(-0.004, 0.020, 0.0075) * s, 0.0045 * s));

  NodePtr bone = sdf::smoothUnion(std::move(parts), 0.005 * s);
  // intercondylar notch behind and below; patellar groove in front; fovea capitis on the head
  // intercondylar notch: a channel from behind, under the patellar surface (the notch's width
  // between the condyles is set by their spacing and breadth, limb_layout.cpp)
  const double notch_r = 0.0115 * s;
  bone = sdf::subtract(bone,
                       sdf::roundCone(knee + glm::dvec3(-0.040, -0.012, 0.0) * s,
                                      knee + glm::dvec3(0.004, -0.020, 0.0) * s, notch_r, 0.83 * notch_r),
                       0.003 * s);
  // patellar groove: a shallow trough down the front, between the lateral and medial lips
  bone = sdf::subtract(
      bone,
      sdf::roundCone(f.patellar_groove + glm::dvec3(0.019, 0.040, 0.0) * s,
                     f.patellar_groove + glm::dvec3(0.021, -0.020, 0.0) * s, 0.0125 * s, 0.0125 * s),
      0.004 * s);
  // fovea capitis: an oval pit in the posteroinferior quadrant of the head, its long axis
  // posteroinferior, ~18 x 13 mm (17.7 +- 4 x 13 +- 3.2 mm in 125 dry femora, PMID 28097394
  // [V abstract]), ~3 mm deep [D]
  const glm::dvec3 fovea_dir = f.fovea_direction;
  const glm::dvec3 fovea_long =
      glm::normalize(glm::cross(fovea_dir, glm::cross(glm::dvec3(-0.5, -1.0, 0.0), fovea_dir)));
  bone = sdf::subtract(
      bone,
      sdf::ellipsoid(sdf::frameFromAxes(head + fovea_dir * (r + 0.0005 * s), fovea_long, fovea_dir),
                     glm::dvec3(0.0115, 0.0035, 0.0085) * s),
      0.0015 * s);

  PartShape right;
  right.name = "femur_r";
  right.segment = Segment::kFemurRight;
  right.field = bone;
  right.voxel = 0.0012 * s;
  right.chord_error = 2.8e-4 * s;  // within the low level's budget with the new features
  right.min_edge = 0.0007 * s;
  right.max_edge = 0.007 * s;
  PartShape left = right;
  left.name = "femur_l";
  left.segment = Segment::kFemurLeft;
  left.field = nullptr;
  left.mirror_of = "femur_r";
  return {right, left};
}

}  // namespace sagitta::anatomy
