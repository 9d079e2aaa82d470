// The rib cage on the thorax segment: ribs 10-12 (flat bars with a round head on the costal facet
// of T10, T11, T12; 11 and 12 floating) and rib 10's cartilage rising into rib 9's, on T12's
// frame; ribs 1-9, each on its own vertebra's level; the sternum (manubrium, body, xiphoid
// process) and the cartilages of ribs 1-9, on T6's. The vertebrae are
// shapes_vertebra.cpp's. Control points: ThoraxLayout (thorax_layout.cpp).
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {
namespace {

using sdf::NodePtr;

// A bar as sdf::flatBar sweeps it: points, radius and the axis across the bar that `flatten`
// squashes, per point.
struct Bar {
  std::vector<glm::dvec3> points;
  std::vector<double> radii;
  std::vector<glm::dvec3> flat;
  double flatten = 1.0;
};

glm::dvec3 tangentAt(const std::vector<glm::dvec3>& p, std::size_t i) {
  return glm::normalize(p[std::min(i + 1, p.size() - 1)] - p[i > 0 ? i - 1 : 0]);
}

// The same bar as a closed mesh (PartShape::swept): `sides` vertices round a
// section at every `step`-th point and at the last; each end rounded by `caps` sections at even
// angles (one: at 45 degrees, 0.71 of the radius and that far beyond the end) and closed by a fan
// to a point a radius beyond it, so a rib's end reaches where the field's round head does.
void sweep(const Bar& b, int sides, std::size_t step, int caps, TriMesh& out) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < b.points.size(); i += step) at.push_back(i);
  if (at.back() + 1 != b.points.size()) at.push_back(b.points.size() - 1);
  const auto base = static_cast<std::uint32_t>(out.positions.size());
  const auto k_sides = static_cast<std::uint32_t>(sides);
  // a section: centre, tangent, radius scale and how far along the tangent it is moved
  auto ring = [&](std::size_t i, double scale, double along) {
    const glm::dvec3 t = tangentAt(b.points, i);
    const glm::dvec3 u = glm::normalize(b.flat[i] - t * glm::dot(b.flat[i], t));
    const glm::dvec3 v = glm::cross(t, u);
    const double r = b.radii[i] * scale;
    for (int k = 0; k < sides; ++k) {
      const double a = 2.0 * std::numbers::pi * k / sides;
      out.positions.push_back(b.points[i] + t * (along * b.radii[i]) +
                              r * (b.flatten * std::cos(a) * u + std::sin(a) * v));
    }
  };
  auto cap = [&](int j) { return 0.5 * std::numbers::pi * j / (caps + 1); };
  for (int j = caps; j >= 1; --j) ring(at.front(), std::cos(cap(j)), -std::sin(cap(j)));
  for (const std::size_t i : at) ring(i, 1.0, 0.0);
  for (int j = 1; j <= caps; ++j) ring(at.back(), std::cos(cap(j)), std::sin(cap(j)));
  const auto rings = static_cast<std::uint32_t>(at.size() + 2 * static_cast<std::size_t>(caps));
  auto vertex = [&](std::uint32_t r, std::uint32_t k) { return base + r * k_sides + k % k_sides; };
  // round the section the angle turns from u to v, which is anticlockwise about the tangent: these
  // quads face out
  for (std::uint32_t r = 0; r + 1 < rings; ++r) {
    for (std::uint32_t k = 0; k < k_sides; ++k) {
      out.triangles.emplace_back(vertex(r, k), vertex(r, k + 1), vertex(r + 1, k + 1));
      out.triangles.emplace_back(vertex(r, k), vertex(r + 1, k + 1), vertex(r + 1, k));
    }
  }
  const std::size_t first = at.front(), last = at.back();
  out.positions.push_back(b.points[first] - tangentAt(b.points, first) * b.radii[first]);
  const auto start = static_cast<std::uint32_t>(out.positions.size() - 1);
  out.positions.push_back(b.points[last] + tangentAt(b.points, last) * b.radii[last]);
  const auto end = start + 1;
  for (std::uint32_t k = 0; k < k_sides; ++k) {
    out.triangles.emplace_back(start, vertex(0, k + 1), vertex(0, k));
    out.triangles.emplace_back(end, vertex(rings - 1, k), vertex(rings - 1, k + 1));
  }
}

// A rib's swept mesh (its vertices from `first` on) with the field's round head: the vertices
// inside the ball on the first control point (the flattened section's thin sides near the head)
// pushed out to its surface, so the head faces its costal facet as the field's does.
void roundHead(TriMesh& m, std::size_t first, const glm::dvec3& centre, double radius) {
  for (std::size_t i = first; i < m.positions.size(); ++i) {
    const glm::dvec3 d = m.positions[i] - centre;
    const double len = glm::length(d);
    if (len < radius && len > 1e-9) m.positions[i] = centre + d * (radius / len);
  }
}

// A rib: oval section, thin across the curve within the rib's own plane (its external and
// internal surfaces face away from and toward the ring's centre), wide along the plane normal
// (its superior and inferior borders). `flat_faces_up`: rib 1, whose broad surfaces face up and
// down (thin along the plane's normal, wide within the plane) where the others' face out and in.
Bar ribBar(const std::vector<glm::dvec3>& control, const RibRadii& r, bool flat_faces_up) {
  Bar b;
  // a smooth curve through the control points, its section turning with it: no elbows or seams
  b.points = sdf::smoothCurve(control, 6);
  const std::size_t n = b.points.size();
  // the rib's plane: Newell normal of the (nearly planar) curve
  glm::dvec3 normal(0.0);
  for (std::size_t i = 1; i + 1 < n; ++i)
    normal += glm::cross(b.points[i] - b.points[0], b.points[i + 1] - b.points[0]);
  normal = glm::normalize(normal);
  b.radii.resize(n);
  b.flat.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = double(i) / double(n - 1);
    b.radii[i] =
        t < 0.2 ? r.head + (r.shaft - r.head) * t / 0.2 : r.shaft + (r.end - r.shaft) * (t - 0.2) / 0.8;
    b.flat[i] = flat_faces_up ? normal : glm::normalize(glm::cross(normal, tangentAt(b.points, i)));
  }
  b.flatten = kRibFlatten;
  return b;
}

// The rib's field: the bar with a round knob on the first control point, the head's radius round
// (ThoraxLayout: one joint space off its costal facet, so its nearest point to the facet's centre
// faces it).
NodePtr ribField(const Bar& b, const std::vector<glm::dvec3>& control, const RibRadii& r, double s) {
  const NodePtr head = sdf::sphere(control.front(), r.head);
  return sdf::smoothUnion({sdf::flatBar(b.points, b.radii, b.flat, b.flatten), head},
                          0.0008 * s);  // a small blend: swells the head by at most 0.2 mm
}

// A cartilage: a round tube along the curve through its control points.
Bar cartilageBar(const std::vector<glm::dvec3>& control, int per_span, double radius) {
  Bar b;
  b.points = sdf::smoothCurve(control, per_span);
  b.radii.assign(b.points.size(), radius);
  for (std::size_t i = 0; i < b.points.size(); ++i) {
    const glm::dvec3 t = tangentAt(b.points, i);
    const glm::dvec3 any = std::abs(t.y) < 0.9 ? glm::dvec3(0, 1, 0) : glm::dvec3(1, 0, 0);
    b.flat.push_back(glm::normalize(glm::cross(t, any)));
  }
  return b;
}

}  // namespace

std::vector<PartShape> thoraxShapes(const BodyLayout& b) {
  const ThoraxLayout& t = b.thorax;
  const double s = b.dims.opensim_scale;
  const glm::dvec3 up = glm::normalize(transformDirection(glm::inverse(b.spine.thoraxInPelvis()), {0, 1, 0}));

  // the low level of detail of the bars: 8 sides, a section every other point of the curve; the
  // ribs' full level: 16 sides at every point (~7 mm apart, 4-5 degrees of the rib's turn), the
  // ends rounded by three sections
  constexpr int kSides = 8;
  constexpr std::size_t kStep = 2;
  constexpr int kFullSides = 16;
  constexpr int kCartilageSides = 12;  // round, and thinner
  constexpr int kFullCaps = 3;
  // a rib's two meshes
  auto sweepRib = [&](const Bar& bar, const std::vector<glm::dvec3>& control, const RibRadii& r,
                      TriMesh& full, TriMesh& low) {
    const std::size_t full_from = full.positions.size(), low_from = low.positions.size();
    sweep(bar, kFullSides, 1, kFullCaps, full);
    sweep(bar, kSides, kStep, 1, low);
    roundHead(full, full_from, control.front(), r.head);
    roundHead(low, low_from, control.front(), r.head);
  };
  std::vector<NodePtr> each;
  TriMesh ribs_full, ribs_low;
  for (std::size_t i = 0; i < t.ribs.size(); ++i) {
    const Bar bar = ribBar(t.ribs[i], t.rib_radii[i], false);
    each.push_back(ribField(bar, t.ribs[i], t.rib_radii[i], s));
    sweepRib(bar, t.ribs[i], t.rib_radii[i], ribs_full, ribs_low);
  }
  NodePtr ribs = sdf::smoothUnion(std::move(each), 0.0);
  // rib 10's cartilage, bending up into rib 9's: the lowest step of the costal margin
  const Bar tenth = cartilageBar(t.tenth_cartilage, 4, 0.0042 * s);
  NodePtr cartilage = sdf::tube(tenth.points, tenth.radii);
  TriMesh cartilage_full, cartilage_low;
  sweep(tenth, kCartilageSides, 1, kFullCaps, cartilage_full);
  sweep(tenth, kSides, kStep, 1, cartilage_low);
  // the sternum, flat plates [U: Gray's Anatomy]: the manubrium (~5 cm) wide at the top, cut flat
  // there with the jugular notch in the middle (~8 mm deep, ~2 cm wide) and a clavicular notch at
  // each upper corner; the body (~10 cm) widest low down, at the fifth cartilages, narrowing to the
  // xiphisternal joint; the xiphoid process. The two plates meet at the sternal angle, open forward
  // (thorax_layout.cpp), where a low transverse ridge marks the manubriosternal joint [D sizes].
  const glm::dvec3 manubrium_top = t.jugular_notch - up * (0.004 * s);
  const glm::dvec3 body_wide = t.sternal_angle + (t.xiphisternal_joint - t.sternal_angle) * 0.65;
  const glm::dvec3 across(0.0, 0.0, 1.0), front(1.0, 0.0, 0.0);
  NodePtr manubrium = sdf::flatCone(manubrium_top, t.sternal_angle, 0.028 * s, 0.0135 * s, front, 0.3);
  manubrium = sdf::subtract(manubrium, sdf::halfSpace(t.jugular_notch, -up), 0.002 * s);
  manubrium = sdf::subtract(manubrium, sdf::sphere(t.jugular_notch + up * (0.003 * s), 0.011 * s), 0.002 * s);
  for (const double side : {-1.0, 1.0}) {
    manubrium = sdf::subtract(
        manubrium, sdf::sphere(t.jugular_notch + up * (0.003 * s) + across * (side * 0.027 * s), 0.007 * s),
        0.002 * s);
  }
  const glm::dvec3 ridge = t.sternal_angle + front * (0.0025 * s);
  NodePtr sternum = sdf::smoothUnion(
      {manubrium,
       sdf::roundCone(ridge - across * (0.011 * s), ridge + across * (0.011 * s), 0.0025 * s, 0.0025 * s),
       sdf::flatCone(t.sternal_angle, body_wide, 0.0135 * s, 0.0175 * s, front, 0.36),
       sdf::flatCone(body_wide, t.xiphisternal_joint, 0.0175 * s, 0.012 * s, front, 0.4),
       sdf::flatCone(t.xiphisternal_joint, t.xiphoid_tip, 0.0085 * s, 0.0045 * s, front, 0.5)},
      0.003 * s);
  std::vector<NodePtr> cartilages;
  TriMesh upper_cartilage_full, upper_cartilage_low;
  for (const std::vector<glm::dvec3>& c : t.upper_cartilages) {
    const Bar bar = cartilageBar(c, 4, 0.0042 * s);
    cartilages.push_back(sdf::tube(bar.points, bar.radii));
    sweep(bar, kCartilageSides, 1, kFullCaps, upper_cartilage_full);
    sweep(bar, kSides, kStep, 1, upper_cartilage_low);
  }
  NodePtr upper_cartilage = sdf::smoothUnion(std::move(cartilages), 0.0);

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
  // thin bars, swept at both levels of detail (PartShape::swept: ~1.4k triangles a rib at the
  // default level, ~350 at the low one)
  auto bar = [&](const std::string& name, PartKind kind, NodePtr field, TriMesh low, TriMesh full) {
    PartShape p = part(name, kind, std::move(field));
    p.swept = PartShape::Swept{std::move(full), std::move(low)};
    return p;
  };
  std::vector<PartShape> out;
  // each right part and its mirror image
  auto pair = [&](PartShape right) {
    PartShape left = part(right.name.substr(0, right.name.size() - 2) + "_l", right.kind, nullptr);
    left.mirror_of = right.name;
    out.push_back(std::move(right));
    out.push_back(std::move(left));
  };
  pair(bar("ribs_r", PartKind::kBone, ribs, std::move(ribs_low), std::move(ribs_full)));
  pair(bar("costal_cartilage_r", PartKind::kCartilage, cartilage, std::move(cartilage_low),
           std::move(cartilage_full)));
  // the sternum and the cartilages of ribs 1-9 move with T6, each of ribs 1-9 with its own vertebra
  // (anatomy::thoracicColumnLevel reads the level from the name)
  out.push_back(part("t6_sternum", PartKind::kBone, sternum));
  pair(bar("t6_costal_cartilages_r", PartKind::kCartilage, upper_cartilage, std::move(upper_cartilage_low),
           std::move(upper_cartilage_full)));
  for (std::size_t i = 0; i < t.upper_ribs.size(); ++i) {
    const Bar rib = ribBar(t.upper_ribs[i], t.upper_rib_radii[i], i == 0);
    TriMesh full, low;
    sweepRib(rib, t.upper_ribs[i], t.upper_rib_radii[i], full, low);
    pair(bar("t" + std::to_string(i + 1) + "_rib_r", PartKind::kBone,
             ribField(rib, t.upper_ribs[i], t.upper_rib_radii[i], s), std::move(low), std::move(full)));
  }
  return out;
}

}  // namespace sagitta::anatomy
