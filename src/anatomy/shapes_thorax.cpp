// The lower thorax hint on the thorax segment: ribs 10-12 (flat bars with a round head on the
// costal facet of T10, T11, T12; 11 and 12 floating), the costal margin (cartilage) rising to
// the xiphisternal joint, and the lower sternum with the xiphoid process. The vertebrae are
// shapes_vertebra.cpp's. Control points: ThoraxLayout (thorax_layout.cpp).
#include <cmath>

#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {
namespace {

using sdf::NodePtr;

// A rib: oval section, thin across the curve within the rib's own plane (its external and
// internal surfaces face away from and toward the ring's centre), wide along the plane normal
// (its superior and inferior borders).
// The head is a round knob on the first control point, the head's radius round (ThoraxLayout:
// one joint space off its costal facet, so its nearest point to the facet's centre faces it).
NodePtr rib(const std::vector<glm::dvec3>& control, const RibRadii& r, double s) {
  const double r_head = r.head, r_shaft = r.shaft, r_end = r.end;
  // a smooth curve through the control points, its section turning with it: no elbows or seams
  const std::vector<glm::dvec3> pts = sdf::smoothCurve(control, 6);
  const std::size_t n = pts.size();
  // the rib's plane: Newell normal of the (nearly planar) curve
  glm::dvec3 normal(0.0);
  for (std::size_t i = 1; i + 1 < n; ++i) normal += glm::cross(pts[i] - pts[0], pts[i + 1] - pts[0]);
  normal = glm::normalize(normal);
  std::vector<double> radii(n);
  std::vector<glm::dvec3> flat(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = double(i) / double(n - 1);
    radii[i] =
        t < 0.2 ? r_head + (r_shaft - r_head) * t / 0.2 : r_shaft + (r_end - r_shaft) * (t - 0.2) / 0.8;
    const glm::dvec3 tangent = glm::normalize(pts[std::min(i + 1, n - 1)] - pts[i > 0 ? i - 1 : 0]);
    flat[i] = glm::normalize(glm::cross(normal, tangent));
  }
  const NodePtr head = sdf::sphere(control.front(), r_head);
  return sdf::smoothUnion({sdf::flatBar(pts, radii, flat, kRibFlatten), head},
                          0.0008 * s);  // a small blend: swells the head by at most 0.2 mm
}

}  // namespace

std::vector<PartShape> thoraxShapes(const BodyLayout& b) {
  const ThoraxLayout& t = b.thorax;
  const double s = b.dims.opensim_scale;
  const glm::dvec3 up = glm::normalize(transformDirection(glm::inverse(b.spine.thoraxInPelvis()), {0, 1, 0}));

  std::vector<NodePtr> each;
  for (std::size_t i = 0; i < t.ribs.size(); ++i) each.push_back(rib(t.ribs[i], t.rib_radii[i], s));
  NodePtr ribs = sdf::smoothUnion(std::move(each), 0.0);
  const std::vector<glm::dvec3> margin = sdf::smoothCurve(t.costal_margin, 5);
  std::vector<double> cart_r(margin.size(), 0.0045 * s);
  cart_r.back() = 0.0050 * s;
  NodePtr cartilage = sdf::tube(margin, cart_r);
  const glm::dvec3 body_top = t.xiphisternal_joint + up * (0.035 * s);
  NodePtr sternum = sdf::smoothUnion(
      {sdf::flatCone(body_top, t.xiphisternal_joint, 0.014 * s, 0.012 * s, {1, 0, 0}, 0.42),
       sdf::flatCone(t.xiphisternal_joint, t.xiphoid_tip, 0.0085 * s, 0.0045 * s, {1, 0, 0}, 0.5)},
      0.003 * s);

  auto part = [&](const std::string& name, PartKind kind, NodePtr field) {
    PartShape p;
    p.name = name;
    p.kind = kind;
    p.segment = Segment::kThorax;
    p.field = std::move(field);
    p.voxel = 0.0011 * s;
    p.chord_error = 2.1e-4 * s;
    p.min_edge = 0.0008 * s;
    p.max_edge = 0.006 * s;
    return p;
  };
  std::vector<PartShape> out;
  PartShape ribs_r = part("ribs_r", PartKind::kBone, ribs);
  // thin bars seen from a distance: the sharp curvature of their borders needs no finer chords
  // than the rest of the thorax hint shows (keeps the model inside its triangle budget)
  ribs_r.chord_error *= 1.5;
  // and coarser still at the low level of detail, which makes room in its budget for the
  // thoracic vertebrae (shapes_vertebra.cpp)
  ribs_r.low_lod_coarsening = 1.2;
  out.push_back(ribs_r);
  PartShape ribs_l = part("ribs_l", PartKind::kBone, nullptr);
  ribs_l.mirror_of = "ribs_r";
  out.push_back(ribs_l);
  out.push_back(part("costal_cartilage_r", PartKind::kCartilage, cartilage));
  PartShape cart_l = part("costal_cartilage_l", PartKind::kCartilage, nullptr);
  cart_l.mirror_of = "costal_cartilage_r";
  out.push_back(cart_l);
  out.push_back(part("sternum", PartKind::kBone, sternum));
  return out;
}

}  // namespace sagitta::anatomy
