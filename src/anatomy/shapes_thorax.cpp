// The rib cage on the thorax segment: ribs 10-12 (flat bars with a round head on the costal facet
// of T10, T11, T12; 11 and 12 floating) and rib 10's cartilage rising into rib 9's, on T12's
// frame; ribs 1-9, each on its own vertebra's level; the sternum (manubrium, body, xiphoid
// process) and the cartilages of ribs 1-9, on T6's. The vertebrae are
// shapes_vertebra.cpp's. Control points: ThoraxLayout (thorax_layout.cpp).
#include <algorithm>
#include <array>
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
  // A drawn section where it differs from the field's oval (ribForm, cartilageForm); empty: the oval
  std::vector<double> half_thickness;  // across the bar, along `flat` (m), per point
  std::vector<double> exponent;        // the section's superellipse exponent: 1 an oval, < 1 flatter faces
  std::vector<double> groove;          // depth of the costal groove (m): inner face, lower border
  bool flip = false;                   // the internal face is on -flat's side (one side for the whole rib)
  glm::dvec3 up{0.0};                  // the body's up: which border is inferior
};

glm::dvec3 tangentAt(const std::vector<glm::dvec3>& p, std::size_t i) {
  return glm::normalize(p[std::min(i + 1, p.size() - 1)] - p[i > 0 ? i - 1 : 0]);
}

// The same bar as a closed mesh (PartShape::swept): `sides` vertices round a
// section at every `step`-th point and at the last; each end rounded by `caps` sections at even
// angles (one: at 45 degrees, 0.71 of the radius and that far beyond the end) and closed by a fan
// to a point a radius beyond it, so a rib's end reaches where the field's round head does.
// `cut_end`: the last end is cut flat across instead (a rib's front end, from which its costal
// cartilage continues).
void sweep(const Bar& b, int sides, std::size_t step, int caps, TriMesh& out, bool cut_end = false) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < b.points.size(); i += step) at.push_back(i);
  if (at.back() + 1 != b.points.size()) at.push_back(b.points.size() - 1);
  const auto base = static_cast<std::uint32_t>(out.positions.size());
  const auto k_sides = static_cast<std::uint32_t>(sides);
  // a section: centre, tangent, radius scale and how far along the tangent it is moved
  const bool formed = !b.half_thickness.empty();
  auto ring = [&](std::size_t i, double scale, double along) {
    const glm::dvec3 t = tangentAt(b.points, i);
    glm::dvec3 u = glm::normalize(b.flat[i] - t * glm::dot(b.flat[i], t));
    // a formed rib's u points to the inside of its ring (its internal face), whatever the
    // curve's direction; v = t x u keeps the section's turn anticlockwise about the tangent
    if (b.flip) u = -u;
    const glm::dvec3 v = glm::cross(t, u);
    const double r = b.radii[i] * scale;
    const double across = (formed ? b.half_thickness[i] : b.flatten * b.radii[i]) * scale;
    const double e = formed ? b.exponent[i] : 1.0;
    const double groove = formed && !b.groove.empty() ? b.groove[i] * scale : 0.0;
    const double low_sign = glm::dot(v, b.up) > 0.0 ? -1.0 : 1.0;  // + along v is inferior
    auto power = [e](double x) { return std::copysign(std::pow(std::abs(x), e), x); };
    for (int k = 0; k < sides; ++k) {
      const double a = 2.0 * std::numbers::pi * k / sides;
      const double cx = power(std::cos(a)), sy = power(std::sin(a));
      double x = across * cx;
      // the costal groove: the internal face hollowed just above the inferior border, whose
      // external lip hangs below it
      const double low = low_sign * sy;
      if (groove > 0.0 && cx > 0.0 && low > 0.0) {
        const double g = (low - 0.62) / 0.2;
        x -= groove * cx * std::exp(-g * g);
      }
      out.positions.push_back(b.points[i] + t * (along * b.radii[i]) + x * u + r * sy * v);
    }
  };
  auto cap = [&](int j) { return 0.5 * std::numbers::pi * j / (caps + 1); };
  for (int j = caps; j >= 1; --j) ring(at.front(), std::cos(cap(j)), -std::sin(cap(j)));
  for (const std::size_t i : at) ring(i, 1.0, 0.0);
  const int end_caps = cut_end ? 0 : caps;
  for (int j = 1; j <= end_caps; ++j) ring(at.back(), std::cos(cap(j)), std::sin(cap(j)));
  const auto rings = static_cast<std::uint32_t>(at.size() + static_cast<std::size_t>(caps + end_caps));
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
  out.positions.push_back(b.points[last] + tangentAt(b.points, last) * (cut_end ? 0.0 : b.radii[last]));
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

// A rib as it is drawn: its field's bar (ribBar) given the form of a rib [U: Gray's Anatomy;
// Frazer, The Anatomy of the Human Skeleton: "a long, narrow, flat bone"]. Behind, a neck
// lower than the shaft and rounder, to the tubercle (the field's oval there, so the back still
// faces the transverse costal facet one joint space off: RibHeadsAndTuberclesMeetTheirFacets);
// beyond the angle a flat band, taller than the field's oval and thinner across (the section's
// area about the same), its faces flatter than an oval's; toward the front end a little rounder
// again. On the internal surface just above the sharp inferior border, the costal groove, best
// marked behind and fading toward the front (`groove`: its depth as a share of the half-thickness;
// none on rib 12). Heights and thicknesses are drawing values [D].
Bar ribForm(const Bar& field, const std::vector<glm::dvec3>& control, const RibRadii& r, const glm::dvec3& up,
            double groove) {
  Bar b = field;
  const std::size_t n = b.points.size();
  // where along the curve (arc-length share) each point lies, and the tubercle (the second
  // control point: the tubercle of ribs 1-10, the neck's end of 11 and 12)
  std::vector<double> at(n, 0.0);
  for (std::size_t i = 1; i < n; ++i) at[i] = at[i - 1] + glm::length(b.points[i] - b.points[i - 1]);
  std::size_t tubercle = 0;
  for (std::size_t i = 0; i < n; ++i) {
    at[i] /= at[n - 1];
    if (glm::length(b.points[i] - control[1]) < glm::length(b.points[tubercle] - control[1])) tubercle = i;
  }
  const double neck_end = at[tubercle] + 0.02;
  const double shaft_from = std::min(neck_end + 0.12, 0.45);
  // which side of the bar is internal: the side toward the curve's centroid for most of its
  // length (decided once: near the head of a short, straight rib the centroid is not inside)
  glm::dvec3 inside(0.0);
  for (const glm::dvec3& p : b.points) inside += p / double(n);
  double toward = 0.0;
  for (std::size_t i = 0; i < n; ++i) toward += glm::dot(b.flat[i], inside - b.points[i]);
  b.flip = toward < 0.0;
  b.up = up;
  auto smooth = [](double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
  };
  b.half_thickness.resize(n);
  b.exponent.resize(n);
  b.groove.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double s = at[i];
    const double oval_height = field.radii[i], oval_half = field.flatten * field.radii[i];
    // the band: 1.12 of the field's shaft radius high, 0.46 of it across (the oval's 0.55 of 1.0);
    // toward the end 1.05 of the end radius high, 0.6 of it across
    const double along = smooth((s - shaft_from) / (1.0 - shaft_from));
    const double band_height = (1.0 - along) * 1.12 * r.shaft + along * 1.05 * r.end;
    const double band_half = (1.0 - along) * 0.46 * r.shaft + along * 0.60 * r.end;
    double height = band_height, half = band_half;
    if (s <= neck_end) {
      // the neck: 0.82 of the shaft's height from the head's knob to the tubercle, the oval's
      // thickness (the knob, roundHead, covers the first few sections)
      const double to_neck = smooth(s / std::max(neck_end, 1e-9));
      height = (1.0 - to_neck) * oval_height + to_neck * 0.82 * r.shaft;
      half = oval_half;
    } else if (s < shaft_from) {
      // past the tubercle to the angle: from the neck's section to the band's
      const double w = smooth((s - neck_end) / (shaft_from - neck_end));
      const double neck_half = field.flatten * field.radii[tubercle];
      height = (1.0 - w) * 0.82 * r.shaft + w * band_height;
      half = (1.0 - w) * neck_half + w * band_half;
    }
    b.radii[i] = height;
    b.half_thickness[i] = half;
    b.exponent[i] = 1.0 - 0.3 * smooth((s - neck_end) / (shaft_from - neck_end + 1e-9));
    // the groove from just past the tubercle, deepest toward the angle, gone by two thirds along
    const double groove_in = smooth((s - neck_end) / 0.1), groove_out = 1.0 - smooth((s - 0.35) / 0.3);
    b.groove[i] = groove * half * groove_in * groove_out;
  }
  return b;
}

// The section a drawn bar ends with: its thin axis (unit, across the bar), its half-height and
// its half-thickness.
struct EndSection {
  glm::dvec3 centre{0.0}, tangent{0.0}, across{0.0};
  double height = 0.0, half = 0.0;
};
EndSection endSection(const Bar& b) {
  const std::size_t last = b.points.size() - 1;
  const glm::dvec3 t = tangentAt(b.points, last);
  glm::dvec3 u = glm::normalize(b.flat[last] - t * glm::dot(b.flat[last], t));
  if (b.flip) u = -u;
  const double half = b.half_thickness.empty() ? b.flatten * b.radii[last] : b.half_thickness[last];
  return {b.points[last], t, u, b.radii[last], half};
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

// A costal cartilage as drawn: a flattened bar continuing its rib end to end [U: Gray's Anatomy:
// the costal cartilages are flattened bars continuing the ribs forward; Frazer: the rib's
// anterior end is hollowed for its cartilage]. Its section starts at 0.92 of the rib's end
// section (the rib's cut end stands round it like the rim of the pit) and narrows to 0.75 of
// the rib's height and 0.82 of its thickness at the far end; its broad faces turn with it (the
// rib's thin axis carried along the curve) [D: the proportions]; one that runs into the
// cartilage above (8, 9, 10) to 0.6 and 0.7, so its end stays inside that one. `control`: the
// control points of its field's round tube (kept for the joints and tests).
Bar cartilageForm(const std::vector<glm::dvec3>& control, const EndSection& rib, bool into_cartilage) {
  // it leaves the rib along the rib's own line and turns toward the sternum within itself (its
  // field's curve turns at the junction): a point on the rib's line 0.12 of the way to its next
  // control point (0.35 drew hooks)
  std::vector<glm::dvec3> curve = control;
  curve.insert(curve.begin() + 1, control[0] + rib.tangent * (0.12 * glm::distance(control[0], control[1])));
  Bar b = cartilageBar(curve, 4, 0.0);
  // it starts inside the rib, along the rib's own line, so its rounded start stays hidden there
  // where the cartilage turns away from the rib's line
  b.points.insert(b.points.begin(), rib.centre - rib.tangent * rib.height);
  b.flat.insert(b.flat.begin(), rib.across);
  b.radii.insert(b.radii.begin(), 0.0);
  const std::size_t n = b.points.size();
  b.half_thickness.resize(n);
  b.exponent.assign(n, 0.8);
  glm::dvec3 u = rib.across;
  for (std::size_t i = 0; i < n; ++i) {
    const glm::dvec3 t = tangentAt(b.points, i);
    u = glm::normalize(u - t * glm::dot(u, t));
    b.flat[i] = u;
    const double along = i == 0 ? 0.0 : double(i - 1) / double(n - 2);
    // one running into the cartilage above (8, 9, 10) narrows further, so its end stays inside
    const double end_height = into_cartilage ? 0.6 : 0.75, end_half = into_cartilage ? 0.7 : 0.82;
    b.radii[i] = rib.height * (0.92 - (0.92 - end_height) * along);
    b.half_thickness[i] = rib.half * (0.92 - (0.92 - end_half) * along);
  }
  b.flip = false;
  return b;
}

}  // namespace

std::vector<PartShape> thoraxShapes(const BodyLayout& b) {
  const ThoraxLayout& t = b.thorax;
  const double s = b.dims.opensim_scale;
  const glm::dvec3 up = glm::normalize(transformDirection(glm::inverse(b.spine.thoraxInPelvis()), {0, 1, 0}));

  // the low level of detail of the bars: 8 sides, a section every other point of the curve; the
  // ribs' full level: 20 sides (enough for the costal groove) at every point (~7 mm apart, 4-5
  // degrees of the rib's turn), the ends rounded by three sections
  constexpr int kSides = 8;
  constexpr std::size_t kStep = 2;
  constexpr int kFullSides = 20;
  // the costal groove's depth, a share of the band's half-thickness [D]
  constexpr double kRibGroove = 0.45;
  constexpr int kCartilageSides = 12;
  constexpr int kFullCaps = 3;
  // a rib's two meshes, and the section its front end is cut at (ribs 1-10: their cartilages
  // continue from it; the floating ribs' ends are rounded)
  auto sweepRib = [&](const Bar& bar, const std::vector<glm::dvec3>& control, const RibRadii& r,
                      TriMesh& full, TriMesh& low, double groove, bool cut_end) {
    const std::size_t full_from = full.positions.size(), low_from = low.positions.size();
    // rib 1 (flat the other way) keeps the field's oval
    Bar drawn = groove < 0.0 ? bar : ribForm(bar, control, r, up, groove);
    sweep(drawn, kFullSides, 1, kFullCaps, full, cut_end);
    drawn.groove.clear();  // too fine for the low level's eight sides
    sweep(drawn, kSides, kStep, 1, low, cut_end);
    roundHead(full, full_from, control.front(), r.head);
    roundHead(low, low_from, control.front(), r.head);
    return endSection(drawn);
  };
  // a cartilage's two meshes, continuing a rib's end
  auto sweepCartilage = [&](const std::vector<glm::dvec3>& control, const EndSection& rib,
                            bool into_cartilage, TriMesh& full, TriMesh& low) {
    const Bar drawn = cartilageForm(control, rib, into_cartilage);
    sweep(drawn, kCartilageSides, 1, kFullCaps, full);
    sweep(drawn, kSides, kStep, 1, low);
  };
  std::vector<NodePtr> each;
  TriMesh ribs_full, ribs_low;
  std::vector<Bar> tip_caps;
  EndSection tenth_rib;
  for (std::size_t i = 0; i < t.ribs.size(); ++i) {
    const Bar bar = ribBar(t.ribs[i], t.rib_radii[i], false);
    // the floating ribs' pointed ends are tipped with cartilage [U: Gray's Anatomy]: a short cap
    // (~1 cm on rib 11, ~8 mm on 12 [D]) on from the end, starting inside the rib's rounded end
    if (i > 0) {
      const glm::dvec3 end = bar.points.back(), dir = tangentAt(bar.points, bar.points.size() - 1);
      const double r_end = t.rib_radii[i].end, length = (i == 1 ? 0.010 : 0.008) * s;
      Bar cap = cartilageBar({end - dir * (0.6 * r_end), end + dir * (0.5 * length), end + dir * length}, 3,
                             0.8 * r_end);
      for (std::size_t k = 0; k < cap.points.size(); ++k) {
        const double along = double(k) / double(cap.points.size() - 1);
        cap.radii[k] = r_end * (0.8 - 0.3 * along);
      }
      tip_caps.push_back(std::move(cap));
    }
    each.push_back(ribField(bar, t.ribs[i], t.rib_radii[i], s));
    // ribs 10, 11, 12: rib 11's groove shallow, rib 12 without one [U]
    constexpr std::array<double, 3> kGroove = {kRibGroove, 0.5 * kRibGroove, 0.0};
    const EndSection end = sweepRib(bar, t.ribs[i], t.rib_radii[i], ribs_full, ribs_low, kGroove[i], i == 0);
    if (i == 0) tenth_rib = end;
  }
  NodePtr ribs = sdf::smoothUnion(std::move(each), 0.0);
  // rib 10's cartilage, bending up into rib 9's: the lowest step of the costal margin; with the
  // caps of ribs 11 and 12
  const Bar tenth = cartilageBar(t.tenth_cartilage, 4, 0.0042 * s);
  std::vector<NodePtr> cartilage_fields = {sdf::tube(tenth.points, tenth.radii)};
  TriMesh cartilage_full, cartilage_low;
  sweepCartilage(t.tenth_cartilage, tenth_rib, true, cartilage_full, cartilage_low);
  for (const Bar& cap : tip_caps) {
    cartilage_fields.push_back(sdf::tube(cap.points, cap.radii));
    sweep(cap, kCartilageSides, 1, kFullCaps, cartilage_full);
    sweep(cap, kSides, 1, 1, cartilage_low);
  }
  NodePtr cartilage = sdf::smoothUnion(std::move(cartilage_fields), 0.0);
  // the sternum, flat plates [U: Gray's Anatomy]: the manubrium (~5 cm) wide at the top, cut flat
  // there with the jugular notch in the middle (~8 mm deep, ~2 cm wide) and a clavicular notch at
  // each upper corner; the body (~10 cm) widest low down, at the fifth cartilages, narrowing to the
  // xiphisternal joint (1 cm to each side there, so it narrows into the xiphoid without a knob);
  // the xiphoid process, a thin plate (~5.5 mm thick at its base, 16 mm wide,
  // tapering to its tip). The two plates meet at the sternal angle, open forward
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
       sdf::flatCone(body_wide, t.xiphisternal_joint, 0.0175 * s, 0.010 * s, front, 0.4),
       sdf::flatCone(t.xiphisternal_joint, t.xiphoid_tip, 0.0080 * s, 0.0045 * s, front, 0.35)},
      0.003 * s);
  // ribs 1-9 (each its own part), then their cartilages, each continuing its rib's cut end
  std::array<TriMesh, 9> upper_full, upper_low;
  std::array<EndSection, 9> upper_end;
  for (std::size_t i = 0; i < t.upper_ribs.size(); ++i) {
    const Bar rib = ribBar(t.upper_ribs[i], t.upper_rib_radii[i], i == 0);
    upper_end[i] = sweepRib(rib, t.upper_ribs[i], t.upper_rib_radii[i], upper_full[i], upper_low[i],
                            i == 0 ? -1.0 : kRibGroove, true);
  }
  std::vector<NodePtr> cartilages;
  TriMesh upper_cartilage_full, upper_cartilage_low;
  for (std::size_t i = 0; i < t.upper_cartilages.size(); ++i) {
    const Bar bar = cartilageBar(t.upper_cartilages[i], 4, 0.0042 * s);
    cartilages.push_back(sdf::tube(bar.points, bar.radii));
    sweepCartilage(t.upper_cartilages[i], upper_end[i], i >= 7, upper_cartilage_full, upper_cartilage_low);
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
  // thin bars, swept at both levels of detail (PartShape::swept: ~1.8k triangles a rib at the
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
    pair(bar("t" + std::to_string(i + 1) + "_rib_r", PartKind::kBone,
             ribField(rib, t.upper_ribs[i], t.upper_rib_radii[i], s), std::move(upper_low[i]),
             std::move(upper_full[i])));
  }
  return out;
}

}  // namespace sagitta::anatomy
