// Os coxae (right, mirrored for the left) and the pubic symphysis disc, in the pelvis frame.
// Ilium: a curved wing plate fitted through the crest and the spines, a thick crest with its
// tubercle, ASIS/AIIS/PSIS/PIIS, the body over the acetabulum, the posterior ilium with a flat
// auricular surface facing the sacrum, the greater sciatic notch. Acetabulum: a socket around the
// hip centre (head radius + cartilage) with its notch and fossa. Ischium: body, spine, lesser
// notch, tuberosity. Pubis: superior and inferior rami and the body at the symphysis. The rami,
// ischium and acetabulum ring the obturator foramen, which stays open. All control points come
// from PelvisLayout (pelvis_layout.cpp), which cites them.
#include <cmath>

#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {
namespace {

using sdf::NodePtr;

// Least-squares plane of a point set: centroid and unit normal (smallest-variance direction,
// power iteration on the inverse-free deflated covariance).
std::pair<glm::dvec3, glm::dvec3> fitPlane(const std::vector<glm::dvec3>& pts) {
  glm::dvec3 c(0.0);
  for (const glm::dvec3& p : pts) c += p;
  c /= double(pts.size());
  glm::dmat3 cov(0.0);
  for (const glm::dvec3& p : pts) cov += glm::outerProduct(p - c, p - c);
  // the smallest eigenvector: power iteration on (trace * I - cov)
  const double tr = cov[0][0] + cov[1][1] + cov[2][2];
  const glm::dmat3 m = glm::dmat3(tr) - cov;
  glm::dvec3 n(0.0, 0.0, 1.0);
  for (int i = 0; i < 100; ++i) n = glm::normalize(m * n);
  return {c, n};
}

struct WingFrame {
  sdf::Frame frame;  // local x, y in the wing's plane, z its normal (lateral)
  glm::dvec2 project(const glm::dvec3& p) const {
    const glm::dvec3 q = frame.toLocal(p);
    return {q.x, q.y};
  }
};

// The ilium's wing and, below the pelvic brim, the pelvic (quadrilateral) surface of the ilium
// and ischium, as one curved plate: a shallow bowl under the crest that turns down, behind the
// acetabulum, into the near-sagittal wall of the lesser pelvis, ending at the greater sciatic
// notch and ischial spine behind and the top of the obturator foramen below.
NodePtr iliumPlate(const PelvisLayout& l, double s, double wt, const WingFrame& wf, const glm::dvec3& n) {
  auto at = [&](double x, double y, double z) { return glm::dvec3(x * s, y * s, z * s * wt); };
  const glm::dvec3 obturator_back = at(-0.070, -0.098, 0.052), obturator_front = at(-0.036, -0.087, 0.053);
  std::vector<glm::dvec3> mid;
  for (std::size_t i = 0; i < l.crest.size(); ++i) mid.push_back(l.crest[i] - n * (0.005 * s));
  mid.push_back(l.aiis - n * (0.004 * s));
  mid.push_back(l.piis - n * (0.004 * s));
  mid.push_back(l.sciatic_notch - n * (0.003 * s));
  mid.push_back(l.ischial_spine + glm::dvec3(0.004, 0.004, 0.004) * s);
  mid.push_back(obturator_back);
  mid.push_back(obturator_front);
  mid.push_back(l.iliopubic_eminence + glm::dvec3(0.0, 0.0, -0.004) * s);
  for (std::size_t i = 0; i + 2 < l.arcuate_line.size(); ++i)
    mid.push_back(l.arcuate_line[i] + glm::dvec3(0, 0, 0.003 * s));
  mid.push_back(l.iliac_fossa + n * (0.0085 * s));
  std::vector<glm::dvec3> local;
  local.reserve(mid.size());
  for (const glm::dvec3& p : mid) local.push_back(wf.frame.toLocal(p));
  sdf::PlateSpec spec;
  spec.frame = wf.frame;
  spec.height = sdf::fitHeight(local);
  // Thickness: thin in the iliac fossa (4.8 mm, the plate's minimum) and thickening downward
  // into the body of the ilium over the acetabulum. At the level of the greater sciatic notch
  // the bone between the gluteal and pelvic surfaces carries the supra-acetabular corridor
  // (AIIS to PSIS): 10.6 +/- 2.1 mm between the cortices in men, 8.4 +/- 2.0 mm in women (Tan
  // 2018, CT of 100 pelves, Chin J Clin Anat 36:259, doi:10.13418/j.issn.1001-165x.2018.03.005);
  // with two cortices of ~1.5 mm [U] the bone is ~14 mm thick at the corridor's narrowing, 15 mm here (model:
  // one value for both sexes, scaled with the body).
  const double t_fossa = 0.0024 * s, t_notch = 0.0075 * s;
  const double v_fossa = wf.project(l.iliac_fossa).y, v_notch = wf.project(l.sciatic_notch).y;
  spec.tv = (t_fossa - t_notch) / (v_fossa - v_notch);
  spec.t0 = t_fossa - spec.tv * v_fossa;
  spec.t_min = t_fossa;
  spec.grow_side = 0.6;  // the body thickens mostly on its gluteal (lateral) face
  spec.rounding_passes = 2;
  const glm::dvec2 centre = wf.project(l.iliac_fossa);
  auto out = [&](const glm::dvec3& p, double by) {
    const glm::dvec2 q = wf.project(p);
    return q + glm::normalize(q - centre) * by;
  };
  for (std::size_t i = 0; i < l.crest.size(); ++i) spec.outline.push_back(out(l.crest[i], 0.002 * s));
  spec.outline.push_back(out(l.piis, 0.001 * s));
  spec.outline.push_back(out(l.sciatic_notch, 0.001 * s));
  spec.outline.push_back(out(l.ischial_spine, 0.0));
  spec.outline.push_back(wf.project(obturator_back));
  spec.outline.push_back(wf.project(obturator_front));
  spec.outline.push_back(out(l.iliopubic_eminence, 0.002 * s));
  spec.outline.push_back(out(l.aiis + glm::dvec3(0.0, -0.012, -0.004) * s, 0.001 * s));
  spec.outline.push_back(out(l.aiis, 0.001 * s));
  spec.outline.push_back(out(0.5 * (l.aiis + l.asis) + glm::dvec3(-0.009, 0.0, 0.0) * s, 0.0));
  return sdf::plate(spec);
}

NodePtr acetabulum(const PelvisLayout& l, double s, NodePtr& socket_cut) {
  const glm::dvec3 c = l.acetabulum_centre, a = l.acetabulum_axis;
  const double r = l.acetabulum_radius;
  // the cup: a thick shell, open toward the axis a little beyond its equator
  NodePtr cup =
      sdf::intersect(sdf::sphere(c, r + 0.0105 * s), sdf::halfSpace(c + a * (0.0045 * s), a), 0.009 * s);
  // what is cut out of the finished bone: the socket, the acetabular fossa in its floor and the
  // acetabular notch in its lower rim
  const glm::dvec3 down = glm::normalize(glm::dvec3(0, -1, 0) - a * glm::dot(glm::dvec3(0, -1, 0), a));
  const glm::dvec3 across = glm::cross(a, down);
  std::vector<NodePtr> cuts = {
      sdf::sphere(c, r), sdf::sphere(c - a * (r - 0.011 * s), 0.0145 * s),
      sdf::roundBox(sdf::Frame{c + down * (r + 0.003 * s) + a * (0.004 * s), glm::dmat3(down, a, across)},
                    {0.010 * s, 0.012 * s, 0.0075 * s}, 0.003 * s)};
  socket_cut = sdf::unite(std::move(cuts));
  return cup;
}

}  // namespace

std::vector<PartShape> pelvisShapes(const BodyLayout& b) {
  const PelvisLayout& l = b.pelvis;
  const double s = b.dims.opensim_scale;
  const glm::dvec3 c = l.acetabulum_centre;

  // the wing's plane and a frame on it (normal toward lateral)
  std::vector<glm::dvec3> plane_pts = l.crest;
  plane_pts.push_back(l.aiis);
  plane_pts.push_back(l.piis);
  plane_pts.push_back(l.sciatic_notch);
  plane_pts.push_back(c + glm::dvec3(0.0, 0.03, 0.0) * s);
  auto [centroid, n] = fitPlane(plane_pts);
  if (n.z < 0.0) n = -n;
  WingFrame wf{sdf::frameFromAxes(centroid, glm::cross(glm::dvec3(0, 1, 0), n), glm::dvec3(0, 1, 0))};
  // frameFromAxes gives z = x cross y; make sure it is the lateral normal
  if (glm::dot(wf.frame.axes[2], n) < 0.0)
    wf.frame.axes[0] = -wf.frame.axes[0], wf.frame.axes[2] = -wf.frame.axes[2];

  std::vector<NodePtr> ilium;
  ilium.push_back(iliumPlate(l, s, b.dims.true_pelvis_width_factor, wf, n));
  // iliac crest: thickest at the tubercle and behind
  std::vector<glm::dvec3> crest;
  for (const glm::dvec3& p : l.crest) crest.push_back(p - n * (0.0055 * s));
  const std::vector<double> crest_r = {0.0048, 0.0055, 0.0072, 0.0064, 0.0060, 0.0058,
                                       0.0060, 0.0064, 0.0068, 0.0068, 0.0064};
  std::vector<double> radii;
  radii.reserve(crest_r.size());
  for (double r : crest_r) radii.push_back(r * s);
  ilium.push_back(sdf::tube(crest, radii));
  // spines
  ilium.push_back(sdf::sphere(l.asis + glm::dvec3(-0.0052, -0.0008, -0.0015) * s, 0.0054 * s));
  ilium.push_back(
      sdf::ellipsoid(sdf::frameFromAxes(l.aiis + glm::dvec3(-0.0045, 0.0, -0.003) * s, {0, 1, 0}, {1, 0, 0}),
                     glm::dvec3(0.0085, 0.0055, 0.0055) * s));
  ilium.push_back(sdf::sphere(l.psis + glm::dvec3(0.0058, -0.001, 0.001) * s, 0.0062 * s));
  ilium.push_back(sdf::sphere(l.piis + glm::dvec3(0.0045, 0.0, 0.0015) * s, 0.0050 * s));
  // body of the ilium over the acetabulum
  ilium.push_back(sdf::ellipsoid(sdf::Frame{c + glm::dvec3(-0.006, 0.030, -0.008) * s, wf.frame.axes},
                                 glm::dvec3(0.022, 0.020, 0.0095) * s));
  // posterior ilium: the thick part behind, carrying the auricular surface, flat toward the sacrum
  NodePtr posterior = sdf::ellipsoid(
      sdf::Frame{0.5 * (l.psis + l.auricular_centre) + glm::dvec3(0.004, -0.006, -0.002) * s, wf.frame.axes},
      glm::dvec3(0.024, 0.026, 0.0100) * s);
  ilium.push_back(posterior);
  NodePtr socket_cut;
  ilium.push_back(acetabulum(l, s, socket_cut));

  // ischium: body behind and below the acetabulum, spine, lesser notch, tuberosity
  const glm::dvec3 tub = l.ischial_tuberosity;
  const glm::dvec3 isch_top = c + glm::dvec3(-0.020, -0.016, -0.012) * s;
  const glm::dvec3 tub_top = tub + glm::dvec3(0.004, 0.016, 0.002) * s;
  ilium.push_back(sdf::roundCone(isch_top, tub_top, 0.0125 * s, 0.0105 * s));
  ilium.push_back(sdf::roundCone(l.ischial_spine + glm::dvec3(0.011, 0.007, 0.007) * s,
                                 l.ischial_spine + glm::dvec3(0.0015, 0.0, 0.0015) * s, 0.0052 * s,
                                 0.0018 * s));
  // the body of the ischium between acetabulum, spine and tuberosity is solid bone (its
  // posterior border is the lesser sciatic notch)
  {
    const glm::dvec3 spine_base = l.ischial_spine + glm::dvec3(0.009, 0.005, 0.007) * s;
    const glm::dvec3 middle = (isch_top + spine_base + tub_top) / 3.0;
    const double len = glm::distance(isch_top, tub_top);
    ilium.push_back(sdf::ellipsoid(sdf::frameFromAxes(middle, tub_top - isch_top, spine_base - middle),
                                   {0.5 * len + 0.003 * s, 0.011 * s, 0.0085 * s}));
  }
  // the tuberosity carries the hamstring footprints side by side: semimembranosus 45 +/- 5 x
  // 12 mm, semitendinosus / biceps 39 +/- 4 x 14 mm (Feucht 2015, 11 cadaver hips, KSSTA
  // 23:2576, doi:10.1007/s00167-014-3124-0): 47 mm long, 27 mm across here
  const glm::dvec3 tub_front = tub + glm::dvec3(0.024, 0.004, -0.012) * s;
  ilium.push_back(
      sdf::ellipsoid(sdf::frameFromAxes(0.5 * (tub_top + tub_front) + glm::dvec3(-0.004, -0.003, 0.002) * s,
                                        tub_front - tub_top, {-1, 0, 0}),
                     glm::dvec3(0.0235, 0.0125, 0.0135) * s));

  // pubis: body at the symphysis, superior ramus from the iliopubic eminence, inferior ramus
  // along the subpubic arch to the ischial ramus
  const glm::dvec3 sym_axis = glm::normalize(l.symphysis_inferior - l.symphysis_superior);
  const glm::dvec3 sym_mid = 0.5 * (l.symphysis_superior + l.symphysis_inferior);
  const double half_gap = 0.002 * s;  // half the symphyseal disc
  ilium.push_back(sdf::roundBox(
      sdf::frameFromAxes(sym_mid + glm::dvec3(-0.004 * s, 0.0, half_gap + 0.0095 * s), sym_axis, {1, 0, 0}),
      glm::dvec3(0.0195, 0.0095, 0.0095) * s, 0.0085 * s));
  ilium.push_back(sdf::sphere(l.pubic_tubercle + glm::dvec3(-0.004, -0.002, -0.002) * s, 0.0048 * s));
  ilium.push_back(sdf::flatTube(
      {l.iliopubic_eminence + glm::dvec3(-0.002, -0.005, -0.004) * s, glm::dvec3(-0.017, -0.072, 0.046) * s,
       l.pubic_tubercle + glm::dvec3(-0.006, -0.002, 0.0) * s},
      {0.0125 * s, 0.0108 * s, 0.0092 * s}, {0.0, 0.45, 1.0}, 0.72));
  const glm::dvec3 obt_n = l.obturator_normal;
  ilium.push_back(sdf::flatTube({l.symphysis_inferior + glm::dvec3(-0.001, 0.008, half_gap + 0.006 * s),
                                 l.inferior_pubic_ramus + glm::dvec3(0.0, 0.003, 0.002) * s, tub_front},
                                {0.0092 * s, 0.0082 * s, 0.0105 * s}, obt_n, 0.6));
  NodePtr bone = sdf::smoothUnion(std::move(ilium), 0.0045 * s);
  bone = sdf::subtract(bone, socket_cut, 0.0016 * s);
  // obturator foramen: keep it open with a clean rounded margin
  const glm::dvec3 obt_major =
      glm::normalize(glm::dvec3(-0.35, 1.0, 0.0) - obt_n * glm::dot(glm::dvec3(-0.35, 1.0, 0.0), obt_n));
  bone = sdf::subtract(
      bone,
      sdf::ovalCylinder(
          sdf::Frame{l.obturator_centre, glm::dmat3(obt_major, obt_n, glm::cross(obt_major, obt_n))},
          0.38 * l.obturator_height, 0.36 * l.obturator_width, -0.016 * s, 0.016 * s, 0.002 * s),
      0.003 * s);
  // the auricular surface is flat where it meets the sacrum
  const glm::dvec3 an = l.auricular_normal;
  bone = sdf::subtract(bone,
                       sdf::intersect(sdf::halfSpace(l.auricular_centre, -an),
                                      sdf::ellipsoid(sdf::Frame{l.auricular_centre, wf.frame.axes},
                                                     glm::dvec3(0.034, 0.040, 0.030) * s),
                                      0.0),
                       0.002 * s);

  std::vector<PartShape> out;
  PartShape right;
  right.name = "os_coxae_r";
  right.segment = Segment::kPelvis;
  right.field = bone;
  right.voxel = 0.0011 * s;
  right.chord_error = 1.15e-4 * s;
  right.min_edge = 0.0006 * s;
  right.max_edge = 0.0045 * s;
  PartShape left = right;
  left.name = "os_coxae_l";
  left.field = nullptr;
  left.mirror_of = "os_coxae_r";
  out.push_back(right);
  out.push_back(left);

  // pubic symphysis: the fibrocartilaginous disc between the two bodies
  PartShape disc;
  disc.name = "pubic_symphysis";
  disc.kind = PartKind::kCartilage;
  disc.segment = Segment::kPelvis;
  disc.field =
      sdf::roundBox(sdf::frameFromAxes(sym_mid + glm::dvec3(-0.004, 0.0, 0.0) * s, sym_axis, {1, 0, 0}),
                    glm::dvec3(0.019, 0.0085, half_gap + 0.0003 * s), 0.0018 * s);
  disc.voxel = 0.0008 * s;
  disc.chord_error = 1e-4 * s;
  disc.min_edge = 0.0006 * s;
  disc.max_edge = 0.004 * s;
  out.push_back(disc);
  return out;
}

}  // namespace sagitta::anatomy
