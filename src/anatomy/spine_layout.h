// Where the parts of the sacrum, L5..L1 and T12 are, in each segment's own frame, and how the
// segments stack at the neutral pose. The landmark table and the mesh builders both read this
// layout, so a landmark and the bone surface it sits on come from the same numbers.
//
// Vertebra frame (skeleton.h): origin at the centre of the inferior endplate, +Y along the
// body's axis, +X anterior, +Z right. Points named here are for the right side; the left side
// is the mirror image (z negated).
#pragma once

#include <array>

#include <glm/glm.hpp>

#include "anatomy/dimensions.h"

namespace sagitta::anatomy {

struct VertebraLayout {
  VertebraDims dims;
  // frame at the superior endplate centre (tilted by the body's wedge) in the vertebra frame
  glm::dmat4 superior_endplate{1.0};
  glm::dvec3 superior_anterior{0.0}, superior_posterior{0.0};  // endplate corners, midline
  glm::dvec3 inferior_anterior{0.0}, inferior_posterior{0.0};
  double posterior_wall_x = 0.0;  // mean x of the posterior body wall

  // right side
  glm::dvec3 pedicle_front{0.0}, pedicle_back{0.0};         // pedicle axis, body wall to articular pillar
  glm::dvec3 pedicle_superior{0.0}, pedicle_inferior{0.0};  // pedicle margins at mid-length
  glm::dvec3 superior_process{0.0};                         // centre of the superior articular process
  glm::dvec3 superior_facet{0.0};                           // centre of its articular surface
  glm::dvec3 superior_facet_normal{0.0};  // unit, out of the bone into the joint (posteromedial)
  glm::dvec3 superior_process_tip{0.0};
  glm::dvec3 inferior_process{0.0};  // centre of the inferior articular process
  glm::dvec3 inferior_facet{0.0};
  glm::dvec3 inferior_facet_normal{0.0};  // unit, out of the bone into the joint (anterolateral)
  glm::dvec3 inferior_process_tip{0.0};
  glm::dvec3 transverse_root{0.0}, transverse_tip{0.0};
  glm::dvec3 mammillary{0.0}, accessory{0.0};
  glm::dvec3 pars{0.0};  // lateral surface of the pars interarticularis

  // midline
  glm::dvec3 canal_anterior{0.0}, canal_posterior{0.0};
  glm::dvec3 spinous_root{0.0}, spinous_tip{0.0};
  double pedicle_y = 0.0;            // height of the pedicle axis
  double articular_thickness = 0.0;  // half-thickness of an articular process
};

struct SacrumLayout {
  double endplate_depth = 0.0;
  double endplate_width = 0.0;
  glm::dvec3 endplate_anterior{0.0}, endplate_posterior{0.0}, promontory{0.0};
  double posterior_wall_x = 0.0;
  double canal_width = 0.0;
  double canal_depth = 0.0;
  // right side
  glm::dvec3 pedicle_superior{0.0};
  glm::dvec3 superior_process{0.0}, superior_facet{0.0}, superior_facet_normal{0.0};
  glm::dvec3 superior_process_tip{0.0};
  glm::dvec3 ala_tip{0.0};
  double articular_thickness = 0.0;
  // centre line of the sacral bodies S1 top .. apex (cubic Bezier) and the coccyx (apex .. tip)
  std::array<glm::dvec3, 4> centreline{};
  glm::dvec3 apex{0.0}, coccyx_tip{0.0};
  glm::dvec3 median_crest_s2{0.0};  // dorsal midline at S2
  glm::dvec3 hiatus{0.0};           // sacral hiatus (S4-S5 dorsal)
};

struct SpineLayout {
  glm::dvec3 hip_axis{0.0};  // mid-point of the hip centres, pelvis frame
  glm::dmat4 sacrum_in_pelvis{1.0};
  // index 0 = L1 .. 4 = L5: frame in its parent (L5 in the sacrum, Lk in L(k+1))
  std::array<glm::dmat4, kLumbarCount> lumbar_in_parent{};
  glm::dmat4 thorax_in_l1{1.0};
  SacrumLayout sacrum;
  std::array<VertebraLayout, kLumbarCount> lumbar{};
  VertebraLayout t12;  // in the thorax frame (= T12's own frame)

  // neutral frames in the pelvis frame
  glm::dmat4 lumbarInPelvis(int index) const;  // index 0 = L1
  glm::dmat4 thoraxInPelvis() const;
};

SpineLayout layoutSpine(const BodyDimensions& dims);

inline glm::dvec3 mirrorZ(const glm::dvec3& v) {
  return {v.x, v.y, -v.z};
}
inline glm::dvec3 transformPoint(const glm::dmat4& m, const glm::dvec3& p) {
  return glm::dvec3(m * glm::dvec4(p, 1.0));
}
inline glm::dvec3 transformDirection(const glm::dmat4& m, const glm::dvec3& v) {
  return glm::dvec3(m * glm::dvec4(v, 0.0));
}
glm::dmat4 translation(const glm::dvec3& t);
glm::dmat4 rotationZ(double angle_rad);

}  // namespace sagitta::anatomy
