// The built-in body laid out in its segment frames: the control points from which both the
// landmark table (skeleton_builtin.cpp) and the bone shapes (bone_shapes/*) are built.
// Everything is in metres, right side only where a part is bilateral (left = mirrorZ).
#pragma once

#include <array>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/dimensions.h"
#include "anatomy/spine_layout.h"

namespace sagitta::anatomy {

// Right os coxa in the pelvis frame.
struct PelvisLayout {
  std::vector<glm::dvec3> crest;  // outer lip of the iliac crest, ASIS .. PSIS
  glm::dvec3 asis{0.0}, aiis{0.0}, psis{0.0}, piis{0.0};
  glm::dvec3 iliac_tubercle{0.0}, iliac_crest_top{0.0};
  glm::dvec3 iliac_fossa{0.0};    // deepest point of the fossa (inner surface)
  glm::dvec3 sciatic_notch{0.0};  // apex of the greater sciatic notch
  glm::dvec3 ischial_spine{0.0}, ischial_tuberosity{0.0};
  glm::dvec3 lesser_sciatic_notch{0.0};
  glm::dvec3 pubic_symphysis{0.0};  // most anterior point of the symphysis (midline)
  glm::dvec3 symphysis_superior{0.0}, symphysis_inferior{0.0}, symphysis_posterior{0.0};  // midline
  glm::dvec3 pubic_tubercle{0.0};
  glm::dvec3 iliopubic_eminence{0.0};
  glm::dvec3 inferior_pubic_ramus{0.0};  // 3 cm down the subpubic arch from the symphysis
  glm::dvec3 obturator_centre{0.0};
  glm::dvec3 obturator_normal{0.0};
  double obturator_height = 0.0, obturator_width = 0.0;
  glm::dvec3 acetabulum_centre{0.0};
  glm::dvec3 acetabulum_axis{0.0};  // out of the socket: lateral, down, forward
  double acetabulum_radius = 0.0;   // socket surface (head radius + cartilage)
  glm::dvec3 acetabulum_rim_superior{0.0};
  glm::dvec3 auricular_centre{0.0};      // iliac side of the sacroiliac joint
  glm::dvec3 auricular_normal{0.0};      // faces medially toward the sacrum
  std::vector<glm::dvec3> arcuate_line;  // pelvic brim: auricular surface .. pubic tubercle
};

// Right femur in its frame (origin hip centre, +Y toward the hip from the knee).
struct FemurLayout {
  double head_radius = 0.0;
  glm::dvec3 neck_axis{0.0};                     // unit, from the head centre toward the shaft
  glm::dvec3 neck_base{0.0};                     // where the neck axis meets the shaft axis
  glm::dvec3 shaft_top{0.0}, shaft_bottom{0.0};  // anatomical shaft axis
  double shaft_radius = 0.0;
  glm::dvec3 greater_trochanter{0.0};  // tip
  glm::dvec3 lesser_trochanter{0.0};
  glm::dvec3 medial_condyle{0.0}, lateral_condyle{0.0};  // condyle centres
  double condyle_radius = 0.0;
  glm::dvec3 medial_epicondyle{0.0}, lateral_epicondyle{0.0};
  glm::dvec3 knee_centre{0.0};
  glm::dvec3 patellar_groove{0.0};
  // named features, each marked by a landmark laid onto the surface (landmark_snap.cpp)
  glm::dvec3 fovea_direction{0.0};          // unit, from the head centre to the fovea capitis
  glm::dvec3 neck_anterior{0.0};            // front of the neck at its waist
  glm::dvec3 intertrochanteric_crest{0.0};  // middle of the crest, behind
  glm::dvec3 intertrochanteric_line{0.0};   // middle of the line, in front
  glm::dvec3 linea_aspera{0.0};             // the ridge at mid-shaft, behind
  double condyle_half_width = 0.0;          // each condyle's half breadth, across the knee
};

// Right shank (tibia, fibula, foot) in its frame (origin knee centre, +Y toward the knee).
struct ShankLayout {
  glm::dvec3 medial_plateau{0.0}, lateral_plateau{0.0};
  glm::dvec3 tibial_tuberosity{0.0};
  glm::dvec3 fibular_head{0.0};
  glm::dvec3 tibia_bottom{0.0};
  glm::dvec3 medial_malleolus{0.0}, lateral_malleolus{0.0};
  glm::dvec3 ankle_centre{0.0};
  glm::dvec3 heel{0.0}, toe_tip{0.0};
  glm::dvec3 first_metatarsal_head{0.0}, fifth_metatarsal_head{0.0};
  double sole_y = 0.0;  // the floor, in the shank frame at the neutral pose
  double tibia_radius = 0.0;
};

// A rib's section: an oval bar thin across the curve within the rib's plane (kRibFlatten of its
// radius) and `radius` wide along the plane's normal; the head is a round knob of the head's
// radius. Drawing values [D].
inline constexpr double kRibFlatten = 0.55;
struct RibRadii {
  double head = 0.0, shaft = 0.0, end = 0.0;  // at the head, from a fifth of the way, at the end
};

// Lower ribs and costal margin in the thorax frame.
struct ThoraxLayout {
  // right ribs 10, 11, 12 as control points of a smooth curve from the head to the end: the
  // first is the centre of the head's knob, one joint space off its costal facet on T10, T11 or
  // T12 (anatomy::ribArticulation); rib 10's second passes its tubercle one joint space in front
  // of T10's transverse costal facet
  std::array<std::vector<glm::dvec3>, 3> ribs;
  std::array<RibRadii, 3> rib_radii{};
  // where longissimus's rib 12 fascicle inserts, between rib 12's designed head and its angle:
  // trunk-muscle attachments keep their milestone-1 positions (docs/anatomy.md), so it did not
  // move when the heads were put on their facets (issue 14)
  glm::dvec3 rib12_longissimus{0.0};
  // the line of the costal margin from rib 10's end up to the xiphoid (right): where the rectus
  // abdominis and internal oblique attach (the drawn margin is the cartilages' lower borders)
  std::vector<glm::dvec3> costal_margin;
  // rib 10's cartilage, from its end up into rib 9's: drawn as part "costal_cartilage_r"
  std::vector<glm::dvec3> tenth_cartilage;
  glm::dvec3 xiphoid_tip{0.0};
  glm::dvec3 xiphisternal_joint{0.0};
  // Ribs 1-9 (right; index k - 1 for rib k), drawn as part "tK_rib_r", which moves with Tk: control
  // points from the head's knob through the tubercle, the angle and the side of the chest to the
  // costochondral junction (thorax_layout.cpp)
  std::array<std::vector<glm::dvec3>, 9> upper_ribs;
  std::array<RibRadii, 9> upper_rib_radii{};
  // each one's costal cartilage, from the junction to the sternum's side (ribs 1-7) or into the
  // cartilage above (8, 9): drawn with the sternum
  std::array<std::vector<glm::dvec3>, 9> upper_cartilages;
  // the sternum's midline at its front: the jugular notch (top of the manubrium) and the sternal
  // angle (manubriosternal joint); the xiphisternal joint is above
  glm::dvec3 jugular_notch{0.0};
  glm::dvec3 sternal_angle{0.0};
};

struct BodyLayout {
  BodyDimensions dims;
  SpineLayout spine;
  PelvisLayout pelvis;
  FemurLayout femur;
  ShankLayout shank;
  ThoraxLayout thorax;
  std::array<glm::dmat4, kSegmentCount> neutral_in_parent{};
};

BodyLayout layoutBody(const BodyParams& params);

// Segment frames in the world at the neutral pose (forward kinematics of neutral_in_parent).
std::array<glm::dmat4, kSegmentCount> neutralWorld(const BodyLayout& body);

Segment leftOf(Segment right);     // femur_r -> femur_l, shank_r -> shank_l, others unchanged
Segment lumbarSegment(int index);  // 0 = L1 .. 4 = L5

// pieces of layoutBody, one file each
PelvisLayout layoutPelvis(const BodyDimensions& dims, const SpineLayout& spine);
FemurLayout layoutFemur(const BodyDimensions& dims);
ShankLayout layoutShank(const BodyDimensions& dims);
ThoraxLayout layoutThorax(const BodyDimensions& dims, const SpineLayout& spine);

}  // namespace sagitta::anatomy
