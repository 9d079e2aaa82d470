// The built-in model's parts as signed distance fields, built from the body layout. Each bone
// file (shapes_*.cpp) turns the cited control points of body_layout.h into primitives; the
// generator (mesh_generator.h) samples, decimates and skins them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/body_layout.h"
#include "anatomy/isosurface.h"
#include "anatomy/model.h"
#include "anatomy/sdf.h"

namespace sagitta::anatomy {

struct PartShape {
  std::string name;  // e.g. "l5", "os_coxae_r", "disc_l5_s1"
  PartKind kind = PartKind::kBone;
  Segment segment = Segment::kPelvis;  // rigid parts: the frame the field is in
  sdf::NodePtr field;                  // rigid: segment frame; skinned: world at the neutral pose
  double voxel = 0.001;                // sampling step of the first, rough mesh (m)
  double chord_error = 4e-5;           // default level of detail: triangle-to-surface distance (m)
  double min_edge = 5e-4;              // default level of detail: edge length bounds (m)
  double max_edge = 4e-3;
  // the low level of detail's chord error and edge lengths are the default level's times
  // kLowLodErrorFactor and kLowLodLengthFactor (mesh_generator.h), and this factor again: parts
  // seen small (the thoracic column) are coarsened further there, to keep its triangle budget
  double low_lod_coarsening = 1.0;
  // A thin bar's meshes at both levels of detail, made directly (swept sections, shapes_thorax.cpp)
  // rather than remeshed from the field: remeshed inside the budget, a rib's flat section got five
  // or six vertices round and the ribs were drawn lumpy; at the low level's chord error a rib
  // (6 mm thick) came out as a twisted ribbon. They take their normals from their own triangles,
  // and carving (part_shapes.cpp) pushes their vertices out of what carves the field. Empty:
  // remeshed.
  struct Swept {
    TriMesh full, low;
  };
  std::optional<Swept> swept;
  // a left part made by mirroring the named right part's mesh through z = 0 (field unused)
  std::string mirror_of;
  // L4 and L5: the surface of an isthmic defect through both pars interarticulares, in the
  // segment frame, positive on the vertebral-body side and about the distance to the surface.
  // builtinShapes() splits such a part (after the neighbours are carved) into `name` and
  // `name + "_arch"` (splitAtPars).
  sdf::NodePtr pars_cut;
  // skinned parts only: up to four segments and weights (summing to 1) for a bind-pose point
  std::function<void(const glm::dvec3& world, glm::u8vec4& segments, glm::vec4& weights)> skin;
};

std::vector<PartShape> vertebraShapes(const BodyLayout& body);  // t12, t11..t1, c7, l1..l5
std::vector<PartShape> sacrumShapes(const BodyLayout& body);    // sacrum with coccyx
std::vector<PartShape> pelvisShapes(const BodyLayout& body);    // os_coxae_l/_r, pubic symphysis disc
std::vector<PartShape> femurShapes(const BodyLayout& body);     // femur_l/_r
std::vector<PartShape> shankShapes(const BodyLayout& body);     // tibia, fibula and foot per side
std::vector<PartShape> thoraxShapes(const BodyLayout& body);    // ribs and costal cartilage
std::vector<PartShape> discShapes(const BodyLayout& body);      // annulus and nucleus per level
std::vector<PartShape> outlineShapes(const BodyLayout& body);   // translucent body outline

// The total width of the pars defect between a vertebra and its posterior arch (m): thin enough
// that the intact vertebra reads as one bone, so the crack only opens when the arch stays
// behind in an isthmic slip.
inline constexpr double kParsGap = 0.0006;

// Replaces each part with a pars_cut by its two pieces: `name` (body, pedicles, transverse and
// superior articular processes, the pars down to the cut) and `name + "_arch"` (the rest of the
// pars, laminae, inferior articular and spinous processes), kParsGap apart. Same segment.
void splitAtPars(std::vector<PartShape>& shapes);

// All parts of the built-in model, in a fixed order.
std::vector<PartShape> builtinShapes(const BodyLayout& body);

}  // namespace sagitta::anatomy
