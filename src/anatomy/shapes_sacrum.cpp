// Sacrum and coccyx in the sacrum frame (origin S1 endplate centre, +Y its normal, +X toward its
// anterior corner). A curved wedge-shaped plate (five fused vertebrae, thick at S1, thin at the
// apex, concave in front), the S1 body with its flat endplate and promontory, the alae, the S1
// superior articular processes facing L5, four pairs of sacral foramina through the plate, the
// sacral canal from the S1 opening to the hiatus, the median sacral crest, flat auricular
// surfaces facing the ilia, and a four-segment coccyx. Control points: SacrumLayout.
#include <algorithm>
#include <cmath>

#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {
namespace {

using sdf::NodePtr;

glm::dvec3 bezier(const std::array<glm::dvec3, 4>& c, double t) {
  const double u = 1.0 - t;
  return u * u * u * c[0] + 3.0 * u * u * t * c[1] + 3.0 * u * t * t * c[2] + t * t * t * c[3];
}

// centre-line x at depth y (y < 0 going down the sacrum), by bisection on the Bezier parameter
double centreX(const SacrumLayout& l, double y) {
  double lo = 0.0, hi = 1.0;
  for (int i = 0; i < 40; ++i) {
    const double mid = 0.5 * (lo + hi);
    (bezier(l.centreline, mid).y > y ? lo : hi) = mid;
  }
  return bezier(l.centreline, 0.5 * (lo + hi)).x;
}

}  // namespace

std::vector<PartShape> sacrumShapes(const BodyLayout& b) {
  const SacrumLayout& l = b.spine.sacrum;
  const double s = b.dims.opensim_scale;
  const double wt = b.dims.true_pelvis_width_factor;
  const double len = -l.apex.y;  // S1 endplate to apex, along -Y
  // the design values below are for a sacrum 95 mm long (apex depth) and 105 mm wide at the
  // OpenSim size; lk and wk stretch them to the layout's length and width (spine_layout.cpp)
  const double lk = len / (0.095 * s);
  const double wk = l.ala_tip.z / (0.0525 * s * wt);
  const double thin = 0.155 / lk;  // the plate's thinning toward the apex (per metre down it)
  std::vector<NodePtr> parts;

  // the plate of fused vertebrae: u down the sacrum, v to the right, w backward
  sdf::PlateSpec plate;
  plate.frame = sdf::Frame{glm::dvec3(0.0),
                           glm::dmat3(glm::dvec3(0, -1, 0), glm::dvec3(0, 0, 1), glm::dvec3(-1, 0, 0))};
  std::vector<glm::dvec3> mid;
  for (int i = 0; i <= 10; ++i) {
    const double u = len * i / 10.0;
    const double x = centreX(l, -u) - 0.010 * s * (1.0 - u / len);  // the plate sits behind the bodies at S1
    for (const double v : {-0.05 * s, -0.025 * s, 0.0, 0.025 * s, 0.05 * s}) {
      mid.emplace_back(u, v, -(x + 2.6 * v * v / s));  // the lateral parts curve forward
    }
  }
  plate.height = sdf::fitHeight(mid);
  // half-thickness at S1: 18.5 mm (it was 20.5 mm); with the thinning below, the lateral masses
  // at S2-S3 stood ~5 mm proud of the real ones (sagitta_bone_validate --regions, lateral_s2)
  // and the plate is ~8 mm thick at the apex [D]
  const double t0 = 0.0185 * s;
  plate.t0 = t0;
  plate.tu = -thin;  // thinning toward the apex
  const double half_base = l.ala_tip.z;
  const std::vector<glm::dvec2> half_outline = {{0.002, 0.024},  {0.004, 0.036},
                                                {0.009, 0.046},  {0.016, half_base / s},
                                                {0.032, 0.049},  {0.048, 0.045},
                                                {0.062, 0.034},  {0.080, 0.022},
                                                {0.093, 0.0135}, {len / s / lk + 0.002 / lk, 0.007}};
  for (const glm::dvec2& p : half_outline) plate.outline.push_back(glm::dvec2(p.x * lk, -p.y * wt * wk) * s);
  for (auto it = half_outline.rbegin(); it != half_outline.rend(); ++it)
    plate.outline.push_back(glm::dvec2(it->x * lk, it->y * wt * wk) * s);
  parts.push_back(sdf::plate(plate));

  // S1 body: flat endplate, kidney outline, the promontory its anterior lip. Only its top 12 mm
  // is a cylinder: below that the body is the curved plate, whose front falls back under the
  // promontory (a 30 mm cylinder stood out below it: --regions, promontory) [D]
  parts.push_back(sdf::ovalCylinder(sdf::Frame{}, 0.5 * l.endplate_depth, 0.5 * l.endplate_width, -0.012 * s,
                                    0.0, 0.0014 * s));

  // S1 posterior arch and median crest, with spinous tubercles
  const double back_s1 = l.posterior_wall_x - l.canal_depth;
  std::vector<glm::dvec3> crest;
  std::vector<double> crest_r;
  for (int i = 0; i <= 6; ++i) {
    const double u = (0.004 + 0.068 * i / 6.0) * s * lk;
    const double x = (i == 0 ? back_s1 - 0.003 * s
                             : centreX(l, -u) - 0.010 * s * (1.0 - u / len) - (t0 - thin * u) - 0.002 * s);
    crest.emplace_back(x, -u, 0.0);
    crest_r.push_back((0.0045 - 0.0004 * i) * s);
  }
  parts.push_back(sdf::tube(crest, crest_r));
  for (int i = 1; i <= 4; ++i)
    parts.push_back(
        sdf::sphere(crest[static_cast<std::size_t>(i)] + glm::dvec3(-0.002 * s, 0, 0), 0.0045 * s));
  // S1 laminae over the top of the canal
  parts.push_back(sdf::roundBox(sdf::Frame{glm::dvec3(back_s1 + 0.004 * s, -0.010 * s, 0.0), glm::dmat3(1.0)},
                                glm::dvec3(0.0045, 0.0115, 0.5 * l.canal_width / s + 0.0015) * s,
                                0.0030 * s));

  // superior articular processes of S1, facing L5's inferior ones
  {
    const glm::dvec3 n = l.superior_facet_normal;
    const glm::dvec3 up(0.0, 1.0, 0.0);
    const glm::dvec3 v = glm::normalize(up - glm::dot(up, n) * n);
    const sdf::Frame f{l.superior_process, glm::dmat3(v, n, glm::cross(v, n))};
    const double t = l.articular_thickness;
    NodePtr sap = sdf::smoothUnion(
        {sdf::ovalCylinder(f, 0.0080 * s, 0.0068 * s, -t - 0.0015 * s, t, 0.0015 * s),
         sdf::roundCone(l.superior_process - up * (0.004 * s) - n * (0.003 * s),
                        l.pedicle_superior + glm::dvec3(-0.004, -0.008, -0.005) * s, 0.0055 * s, 0.0075 * s)},
        0.003 * s);
    parts.push_back(sap);
    parts.push_back(sdf::mirrorZ(sap));
  }

  // coccyx: four shrinking segments curving forward from the apex
  const glm::dvec3 a = l.apex, tip = l.coccyx_tip;
  const glm::dvec3 dir = glm::normalize(tip - a);
  const std::array<glm::dvec3, 4> radii = {
      glm::dvec3(0.0065, 0.0042, 0.0095), glm::dvec3(0.0055, 0.0038, 0.0070),
      glm::dvec3(0.0045, 0.0032, 0.0052), glm::dvec3(0.0036, 0.0028, 0.0038)};
  const std::array<double, 4> at = {0.12, 0.40, 0.65, 0.86};
  for (std::size_t i = 0; i < 4; ++i) {
    parts.push_back(sdf::ellipsoid(sdf::frameFromAxes(a + (tip - a) * at[i], dir, {0, 0, 1}), radii[i] * s));
  }
  parts.push_back(sdf::roundCone(a, tip, 0.0040 * s, 0.0022 * s));

  NodePtr bone = sdf::smoothUnion(std::move(parts), 0.004 * s);

  // sacral canal: from the opening behind the S1 body down to the hiatus on the dorsal surface
  std::vector<glm::dvec3> canal = {{l.posterior_wall_x - 0.5 * l.canal_depth, 0.006 * s, 0.0},
                                   {l.posterior_wall_x - 0.5 * l.canal_depth + 0.0045 * s, -0.014 * s, 0.0}};
  const std::vector<double> canal_r = {0.0135 * s, 0.0125 * s, 0.0095 * s,
                                       0.0070 * s, 0.0055 * s, 0.0050 * s};
  const std::array<double, 4> canal_u = {0.034, 0.054, 0.068, 0.078};
  for (std::size_t i = 0; i < canal_u.size(); ++i) {
    const double u = canal_u[i];
    const double forward = u < 0.04 ? 0.0025 * s : 0.0;  // under the S1-S2 laminae the roof is thin
    const double us = u * s * lk;
    // a roof of at least 1.8 mm over the (flattened) canal: it opens only at the hiatus
    const double back = centreX(l, -us) - 0.010 * s * (1.0 - us / len) - (t0 - thin * us);
    canal.emplace_back(
        std::max(centreX(l, -us) - 0.0125 * s * (1.0 - us / len) - 0.004 * s * (u / 0.09) + forward,
                 back + 0.48 * canal_r[i + 2] + 0.0018 * s),
        -us, 0.0);
  }
  bone = sdf::subtract(bone, sdf::flatTube(canal, canal_r, {1, 0, 0}, 0.48), 0.0015 * s);
  // the sacral hiatus: the canal's lower end opens on the dorsal surface (S4-S5), an inverted U
  {
    const double u = 0.082 * s * lk;
    const double x = centreX(l, -u) - 0.010 * s * (1.0 - u / len) - (t0 - thin * u);
    bone = sdf::subtract(bone,
                         sdf::ellipsoid(sdf::Frame{{x + 0.0005 * s, -u, 0.0}, glm::dmat3(1.0)},
                                        glm::dvec3(0.0042, 0.0095, 0.0055) * s),
                         0.0015 * s);
  }

  // four pairs of sacral foramina, through the plate front to back
  std::vector<NodePtr> foramina;
  const std::array<double, 4> fu = {0.0235, 0.042, 0.059, 0.075}, fv = {0.0215, 0.0190, 0.0165, 0.0145},
                              fr = {0.0048, 0.0042, 0.0036, 0.0030};
  for (std::size_t i = 0; i < 4; ++i) {
    const double u = fu[i] * s * lk;
    const double x = centreX(l, -u) - 0.010 * s * (1.0 - u / len);
    const double half = t0 - thin * u + 0.003 * s;  // through the plate, not the arch behind it
    for (const double side : {-1.0, 1.0}) {
      const glm::dvec3 c(x + 2.6 * fv[i] * fv[i] * s, -u, side * fv[i] * s * wt * wk);
      foramina.push_back(sdf::roundCone(c + glm::dvec3(half, 0.0, 0.0), c - glm::dvec3(half, 0.0, 0.0),
                                        fr[i] * s, fr[i] * s));
    }
  }
  bone = sdf::subtract(bone, sdf::unite(std::move(foramina)), 0.0012 * s);

  // auricular surfaces: flat, facing the ilia, over S1-S3
  const glm::dvec3 aur = transformPoint(glm::inverse(b.spine.sacrum_in_pelvis), b.pelvis.auricular_centre) -
                         glm::dvec3(0.0, 0.0, 0.002 * s);
  for (const double side : {-1.0, 1.0}) {
    const glm::dvec3 p(aur.x, aur.y, side * aur.z);
    const glm::dvec3 n = glm::normalize(glm::dvec3(-0.35, 0.0, 0.94 * side));  // faces posterolaterally
    bone = sdf::subtract(
        bone,
        sdf::intersect(sdf::halfSpace(p, -n),
                       sdf::ellipsoid(sdf::Frame{p, glm::dmat3(1.0)}, glm::dvec3(0.030, 0.032, 0.020) * s),
                       0.0),
        0.002 * s);
  }

  PartShape p;
  p.name = "sacrum";
  p.segment = Segment::kSacrum;
  p.field = bone;
  p.voxel = 0.0010 * s;
  p.chord_error = 1.15e-4 * s;
  p.min_edge = 0.0006 * s;
  p.max_edge = 0.004 * s;
  return {p};
}

}  // namespace sagitta::anatomy
