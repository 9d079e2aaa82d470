// Bone shapes of a developmental (dysplastic) and a high-grade spondylolisthesis: the trapezoidal
// L5 and the rounded (domed) sacral endplate. Pure displacement fields in a segment's frame, so
// the same function moves a mesh's vertices and the landmarks measured on it; both fields only
// move points along the endplate normal and are monotone along it, so a closed mesh stays closed
// and no triangle folds over (tests/unit/anatomy/slip_reshape_test.cpp).
#pragma once

#include <glm/glm.hpp>

#include "anatomy/mesh.h"

namespace sagitta::anatomy {

// A vertebral body's four endplate corners in its segment frame (sagittal plane: +X anterior,
// +Y up; Z lateral is ignored).
struct BodyCorners {
  glm::dvec3 superior_anterior{0.0}, superior_posterior{0.0};
  glm::dvec3 inferior_anterior{0.0}, inferior_posterior{0.0};
};

// Lumbar index: posterior body height over anterior body height (measured along the normal of
// the inferior endplate), 1 for a rectangular body, under 1 for a trapezoidal one.
double lumbarIndex(const BodyCorners& body);

// The trapezoidal body: the superior endplate's posterior corner comes down by `drop_m` along
// the inferior endplate's normal; the drop falls linearly to 0 at the superior endplate's
// anterior corner and to 0 at
// the inferior endplate (which carries the slip: every slip measure stays put), and behind the
// posterior wall it fades over `taper_m` into the pedicles, so the arch and its facets keep their
// shape. Above the superior endplate (the disc over it) the drop fades to 0 over `above_fade_m`.
struct BodyWedge {
  BodyCorners body;
  double drop_m = 0.0;
  double taper_m = 0.012;
  double above_fade_m = 0.010;
};
// The drop that gives `lumbar_index` (0 when the body is already that trapezoidal).
double wedgeDropFor(const BodyCorners& body, double lumbar_index);
glm::dvec3 wedgePoint(const BodyWedge& wedge, const glm::dvec3& p);

// The rounded sacral dome: the superior endplate (posterior corner `posterior`, anterior corner
// `anterior`) sinks by drop_m * s^2, s rising from 0 at `flat_fraction` of the way forward to 1
// at the anterior edge (and beyond it), so its front rounds off while the posterior corner stays;
// the sinking fades with depth into the body over `depth_fade_m` and above the endplate (the
// disc) over `above_fade_m`, and sideways beyond the endplate's half width over `side_fade_m` (the
// alae keep their shape).
struct SacralDome {
  glm::dvec3 posterior{0.0}, anterior{0.0};
  double drop_m = 0.0;
  double flat_fraction = 0.3;
  double half_width_m = 0.022;
  double side_fade_m = 0.008;
  double depth_fade_m = 0.025;
  double above_fade_m = 0.010;
};
glm::dvec3 domePoint(const SacralDome& dome, const glm::dvec3& p);

// Moves every vertex of `mesh` (positions in the frame the field is given in) and recomputes its
// normals. `to_field` / `from_field` map mesh positions into that frame and back (identity for a
// rigid part in the segment's frame; the segment's inverse neutral world for a skinned disc).
template <class Field>
void deformMesh(MeshData& mesh, const glm::dmat4& to_field, const glm::dmat4& from_field, Field&& field) {
  for (glm::vec3& v : mesh.positions) {
    const glm::dvec3 p(to_field * glm::dvec4(glm::dvec3(v), 1.0));
    v = glm::vec3(glm::dvec3(from_field * glm::dvec4(field(p), 1.0)));
  }
  computeSmoothNormals(mesh);
}

}  // namespace sagitta::anatomy
