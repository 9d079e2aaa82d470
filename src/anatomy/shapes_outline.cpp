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
  // trunk: stacked elliptical sections (centre x, height, half depth, half width)
  struct Section {
    double x, y, a, c;
  };
  const double top = xiphoid.y + 0.07 * f;
  const std::vector<Section> sections = {
      {-0.020, top - 0.01 * f, 0.118, 0.150},  {-0.022, xiphoid.y, 0.118, 0.148}, {-0.038, 0.5 * (xiphoid.y + crest_y), 0.110, 0.138},
      {-0.046, crest_y, 0.112, 0.150},         {-0.050, hy + 0.080 * f, 0.118, 0.160}, {-0.058, hy + 0.005 * f, 0.120, 0.172}};
  for (const Section& sec : sections) {
    const double wdt = sec.y < crest_y + 0.01 ? sec.c * hips : sec.c;
    parts.push_back(sdf::ellipsoid(sdf::Frame{{sec.x * f, sec.y, 0.0}, glm::dmat3(1.0)}, glm::dvec3(sec.a * f, 0.075 * f, wdt * f)));
  }
  // buttocks
  for (const double side : {-1.0, 1.0}) {
    parts.push_back(sdf::ellipsoid(sdf::Frame{{-0.118 * f, hy - 0.025 * f, side * 0.072 * f * hips}, glm::dmat3(1.0)},
                                   glm::dvec3(0.078, 0.105, 0.088) * f));
    // thigh, from the hip to just above the knee, over the femur
    const glm::dvec3 knee = transformPoint(w(side > 0 ? Segment::kFemurRight : Segment::kFemurLeft), b.femur.knee_centre);
    parts.push_back(sdf::roundCone({-0.045 * f, hy - 0.030 * f, side * 0.092 * f * hips},
                                   {knee.x + 0.004 * f, knee.y + 0.075 * f, knee.z + side * 0.004 * f}, 0.094 * f, 0.058 * f));
  }
  NodePtr body = sdf::smoothUnion(std::move(parts), 0.06 * f);
  body = sdf::intersect(body, sdf::halfSpace({0.0, top, 0.0}, {0, 1, 0}), 0.03 * f);

  // skin weights
  struct Anchor {
    double y;
    Segment seg;
  };
  std::vector<Anchor> anchors = {{crest_y - 0.035 * f, Segment::kPelvis}};
  for (int k = kLumbarCount - 1; k >= 0; --k) {
    const VertebraLayout& v = b.spine.lumbar[static_cast<std::size_t>(k)];
    anchors.push_back({transformPoint(w(lumbarSegment(k)), {0.0, 0.5 * v.dims.height_posterior, 0.0}).y, lumbarSegment(k)});
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
