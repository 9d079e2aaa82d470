// The lower thorax hint on the thorax segment: T11 and T10 above T12 (T12 itself is built with
// the lumbar vertebrae), ribs 10-12 (flat bars, 11 and 12 floating), the costal margin
// (cartilage) rising to the xiphisternal joint, and the lower sternum with the xiphoid process.
// Control points: ThoraxLayout (thorax_layout.cpp), T12's VertebraLayout.
#include <cmath>

#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {
namespace {

using sdf::NodePtr;

// A rib: oval section, its broad faces turned outward from the trunk's long axis.
NodePtr rib(const std::vector<glm::dvec3>& pts, double r_head, double r_shaft, double r_end, const glm::dvec3& axis_point,
            const glm::dvec3& up) {
  std::vector<NodePtr> segs;
  const std::size_t n = pts.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double t0 = double(i) / double(n - 1), t1 = double(i + 1) / double(n - 1);
    auto radius = [&](double t) { return t < 0.2 ? r_head + (r_shaft - r_head) * t / 0.2 : r_shaft + (r_end - r_shaft) * (t - 0.2) / 0.8; };
    const glm::dvec3 mid = 0.5 * (pts[i] + pts[i + 1]);
    glm::dvec3 radial = mid - axis_point;
    radial -= up * glm::dot(radial, up);
    segs.push_back(sdf::flatCone(pts[i], pts[i + 1], radius(t0), radius(t1), glm::normalize(radial), 0.48));
    // the squashed pieces meet at an angle: a round joint keeps the bar continuous
    if (i > 0) segs.push_back(sdf::sphere(pts[i], 0.48 * radius(t0)));
  }
  return sdf::unite(std::move(segs));
}

}  // namespace

std::vector<PartShape> thoraxShapes(const BodyLayout& b) {
  const ThoraxLayout& t = b.thorax;
  const double s = b.dims.opensim_scale;
  const glm::dvec3 up = glm::normalize(transformDirection(glm::inverse(b.spine.thoraxInPelvis()), {0, 1, 0}));
  const glm::dvec3 axis_point = t.xiphoid_tip * 0.45;  // roughly the trunk's long axis, in front of T12

  NodePtr ribs = sdf::smoothUnion({rib(t.ribs[0], 0.0052 * s, 0.0060 * s, 0.0052 * s, axis_point, up),
                                   rib(t.ribs[1], 0.0050 * s, 0.0056 * s, 0.0036 * s, axis_point, up),
                                   rib(t.ribs[2], 0.0048 * s, 0.0052 * s, 0.0030 * s, axis_point, up)},
                                  0.0);
  std::vector<double> cart_r(t.costal_margin.size(), 0.0045 * s);
  cart_r.back() = 0.0050 * s;
  NodePtr cartilage = sdf::tube(t.costal_margin, cart_r);
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
  out.push_back(part("ribs_r", PartKind::kBone, ribs));
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
