// The translucent body outline: a skin silhouette of the lower trunk, buttocks and thighs, in the
// world at the neutral pose, skinned so it follows the posture (pelvis below the iliac crests,
// the lumbar vertebrae along the waist, the thorax above, the femora down the thighs): in an
// anterior tilt the belly goes forward and the buttocks back with the pelvis. Soft-tissue depths
// are a design for an average adult [U]; it is a visual cue, not a measurement. Cross-sections are
// placed relative to the skeleton's own landmarks so the outline scales with the body.
#include <algorithm>
#include <cmath>

#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {
namespace {

using sdf::NodePtr;

double smoothstep(double x) {
  const double t = std::clamp(x, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

// A trunk lofted through horizontal elliptical sections (front and back x, half width), the
// section at each height interpolated smoothly between its neighbours: no ridges between them.
class Loft final : public sdf::Node {
 public:
  struct Section {
    double y, front, back, half_width;
  };
  explicit Loft(std::vector<Section> s) : s_(std::move(s)) {
    for (const Section& sec : s_) {
      bounds_.add({sec.back - 0.01, sec.y - 0.1, -sec.half_width - 0.01});
      bounds_.add({sec.front + 0.01, sec.y + 0.1, sec.half_width + 0.01});
    }
  }
  double eval(const glm::dvec3& p) const override {
    // the section at p's height: cubic Hermite through the sections (Catmull-Rom slopes), held
    // beyond the ends, so the surface has no ridge at any section
    const std::size_t n = s_.size();
    std::size_t i = 0;
    while (i + 2 < n && p.y > s_[i + 1].y) ++i;
    const double h = s_[i + 1].y - s_[i].y;
    const double t = std::clamp((p.y - s_[i].y) / h, 0.0, 1.0);
    auto value = [&](auto field) {
      auto v = [&](std::size_t k) { return field(s_[k]); };
      auto slope = [&](std::size_t k) {
        const std::size_t lo = k == 0 ? 0 : k - 1, hi = std::min(k + 1, n - 1);
        return (v(hi) - v(lo)) / (s_[hi].y - s_[lo].y);
      };
      const double t2 = t * t, t3 = t2 * t;
      return (2 * t3 - 3 * t2 + 1) * v(i) + (t3 - 2 * t2 + t) * h * slope(i) + (-2 * t3 + 3 * t2) * v(i + 1) +
             (t3 - t2) * h * slope(i + 1);
    };
    const double front = value([](const Section& x) { return x.front; });
    const double back = value([](const Section& x) { return x.back; });
    const double w = value([](const Section& x) { return x.half_width; });
    const double rx = 0.5 * (front - back), rz = w;
    const glm::dvec2 q(p.x - 0.5 * (front + back), p.z);
    const double k0 = glm::length(q / glm::dvec2(rx, rz)), k1 = glm::length(q / glm::dvec2(rx * rx, rz * rz));
    const double d = k1 < 1e-12 ? -std::min(rx, rz) : k0 * (k0 - 1.0) / k1;
    // the ends: rounded off over 3 cm
    const double end = std::max(s_.front().y - p.y, p.y - s_.back().y);
    const double r = 0.03;
    const glm::dvec2 m(std::max(d + r, 0.0), std::max(end + r, 0.0));
    return glm::length(m) + std::min(std::max(d + r, end + r), 0.0) - r;
  }

 private:
  std::vector<Section> s_;
};

}  // namespace

std::vector<PartShape> outlineShapes(const BodyLayout& b) {
  const auto world = neutralWorld(b);
  auto w = [&](Segment seg) { return world[static_cast<std::size_t>(seg)]; };
  const double s = b.dims.opensim_scale;
  const double f = s / 1.051;  // offsets below are designed for the default body
  const double hips = b.dims.true_pelvis_width_factor;
  const glm::dvec3 hip = transformPoint(w(Segment::kPelvis), b.dims.hip_centre);
  const double hy = hip.y;
  const double crest_y = transformPoint(w(Segment::kPelvis), b.pelvis.iliac_crest_top).y;
  const glm::dvec3 t12 = glm::dvec3(w(Segment::kThorax)[3]);
  const glm::dvec3 xiphoid = transformPoint(w(Segment::kThorax), b.thorax.xiphoid_tip);

  std::vector<NodePtr> parts;
  // trunk sections: the belly ahead of the ASIS and the back over the spinous processes [U]
  const glm::dvec3 sternum_top = transformPoint(w(Segment::kThorax), b.thorax.xiphisternal_joint);
  const double top = sternum_top.y + 0.055 * f;  // above the lower sternum, which the hint shows
  const std::vector<Loft::Section> sections = {
      {hy - 0.085 * f, 0.040 * f, -0.170 * f, 0.160 * f * hips},
      {hy - 0.020 * f, 0.052 * f, -0.178 * f, 0.170 * f * hips},
      {hy + 0.040 * f, 0.062 * f, -0.176 * f, 0.166 * f * hips},
      {crest_y, 0.076 * f, -0.160 * f, 0.152 * f * hips},
      {0.5 * (xiphoid.y + crest_y), 0.082 * f, -0.150 * f, 0.140 * f},
      {xiphoid.y, 0.095 * f, -0.140 * f, 0.148 * f},
      {top + 0.03 * f, 0.098 * f, -0.135 * f, 0.150 * f}};
  parts.push_back(std::make_shared<Loft>(sections));
  // buttocks
  for (const double side : {-1.0, 1.0}) {
    parts.push_back(
        sdf::ellipsoid(sdf::Frame{{-0.118 * f, hy - 0.025 * f, side * 0.072 * f * hips}, glm::dmat3(1.0)},
                       glm::dvec3(0.078, 0.105, 0.088) * f));
    // thigh, from the hip to just above the knee, over the femur
    const glm::dvec3 knee =
        transformPoint(w(side > 0 ? Segment::kFemurRight : Segment::kFemurLeft), b.femur.knee_centre);
    parts.push_back(sdf::roundCone({-0.045 * f, hy - 0.030 * f, side * 0.092 * f * hips},
                                   {knee.x + 0.004 * f, knee.y + 0.075 * f, knee.z + side * 0.004 * f},
                                   0.094 * f, 0.058 * f));
  }
  NodePtr body = sdf::smoothUnion(std::move(parts), 0.05 * f);
  body = sdf::intersect(body, sdf::halfSpace({0.0, top, 0.0}, {0, 1, 0}), 0.03 * f);

  // skin weights
  struct Anchor {
    double y;
    Segment seg;
  };
  std::vector<Anchor> anchors = {{crest_y - 0.035 * f, Segment::kPelvis}};
  for (int k = kLumbarCount - 1; k >= 0; --k) {
    const VertebraLayout& v = b.spine.lumbar[static_cast<std::size_t>(k)];
    anchors.push_back(
        {transformPoint(w(lumbarSegment(k)), {0.0, 0.5 * v.dims.height_posterior, 0.0}).y, lumbarSegment(k)});
  }
  anchors.push_back({t12.y + 0.040 * f, Segment::kThorax});
  auto skin = [anchors, hy, f](const glm::dvec3& p, glm::u8vec4& seg, glm::vec4& wt) {
    // along the trunk: between the two anchors the point's height falls between
    Segment s0 = anchors.front().seg, s1 = anchors.front().seg;
    double t = 0.0;
    if (p.y >= anchors.back().y) {
      s0 = s1 = anchors.back().seg;
    } else if (p.y > anchors.front().y) {
      for (std::size_t i = 0; i + 1 < anchors.size(); ++i) {
        if (p.y <= anchors[i + 1].y) {
          s0 = anchors[i].seg;
          s1 = anchors[i + 1].seg;
          t = (p.y - anchors[i].y) / (anchors[i + 1].y - anchors[i].y);
          break;
        }
      }
    }
    // down the thigh the femur of that side takes over
    const double thigh = smoothstep((hy - 0.030 * f - p.y) / (0.12 * f));
    const Segment femur = p.z >= 0.0 ? Segment::kFemurRight : Segment::kFemurLeft;
    seg = {static_cast<std::uint8_t>(s0), static_cast<std::uint8_t>(s1), static_cast<std::uint8_t>(femur), 0};
    wt = glm::vec4(static_cast<float>((1.0 - thigh) * (1.0 - t)), static_cast<float>((1.0 - thigh) * t),
                   static_cast<float>(thigh), 0.0f);
  };

  PartShape p;
  p.name = "body_outline";
  p.kind = PartKind::kBodyOutline;
  p.segment = Segment::kPelvis;
  p.field = body;
  p.voxel = 0.006 * f;
  p.chord_error = 6e-4 * f;
  p.min_edge = 0.004 * f;
  p.max_edge = 0.025 * f;
  p.skin = skin;
  return {p};
}

}  // namespace sagitta::anatomy
