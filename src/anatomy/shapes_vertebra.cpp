// Lumbar vertebrae L1..L5 and T12: a kidney-shaped body with flat endplates and a waist;
// pedicles; laminae meeting in the spinous process; transverse processes; superior and inferior
// articular processes whose facets are the ones in spine_layout (so neighbours' facets face each
// other one joint space apart); the pars interarticularis bridging the pillar to the inferior
// process; an open vertebral foramen. Built in the vertebra frame from VertebraLayout. L4 and L5,
// the vertebrae that slip in isthmic spondylolisthesis, are split through both pars into the
// vertebra and its posterior arch (splitAtPars), so the arch can stay behind when the body slips.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "anatomy/part_shapes.h"
#include "anatomy/thoracic_column.h"
#include "core/units.h"

namespace sagitta::anatomy {
namespace {

using sdf::NodePtr;

// Body between the inferior endplate (y = 0) and the tilted superior one: an oval that is
// concave behind (the kidney outline seen from above) and waisted at mid-height.
class VertebralBody final : public sdf::Node {
 public:
  VertebralBody(const VertebraLayout& l, double rim) : rim_(rim) {
    const VertebraDims& v = l.dims;
    rx0_ = 0.5 * v.endplate_depth_inferior;
    rz0_ = 0.5 * v.endplate_width_inferior;
    rx1_ = 0.5 * v.endplate_depth_superior;
    rz1_ = 0.5 * v.endplate_width_superior;
    top_point_ = glm::dvec3(l.superior_endplate[3]);
    top_normal_ = glm::normalize(glm::dvec3(l.superior_endplate[1]));
    height_ = 0.5 * (v.height_anterior + v.height_posterior);
    waist_ = 0.06;  // the walls dip ~6% at mid-height [U]
    indent_r_ = 0.35 * (rz0_ + rz1_);
    indent_depth_ = 0.0012 * v.size;
    const double r = std::max(rx0_, std::max(rz0_, std::max(rx1_, rz1_)));
    bounds_ = sdf::Box{{-r - 0.002, -0.002, -r - 0.002}, {r + 0.002, height_ * 1.3 + 0.004, r + 0.002}};
  }
  double eval(const glm::dvec3& p) const override {
    const double t = std::clamp(p.y / height_, 0.0, 1.0);
    const double shrink = 1.0 - waist_ * std::sin(kPi * t);
    const double rx = (rx0_ + (rx1_ - rx0_) * t) * shrink, rz = (rz0_ + (rz1_ - rz0_) * t) * shrink;
    const glm::dvec2 q(p.x, p.z);
    const double k0 = glm::length(q / glm::dvec2(rx, rz)), k1 = glm::length(q / glm::dvec2(rx * rx, rz * rz));
    double d = k1 < 1e-12 ? -std::min(rx, rz) : k0 * (k0 - 1.0) / k1;
    // posterior concavity: a large circle behind the posterior wall bites into it
    const glm::dvec2 c(-rx - indent_r_ + indent_depth_, 0.0);
    d = sdf::smax(d, indent_r_ - glm::length(q - c), 0.003);
    const double slab = std::max(-p.y, glm::dot(p - top_point_, top_normal_));
    const glm::dvec2 m(std::max(d + rim_, 0.0), std::max(slab + rim_, 0.0));
    return glm::length(m) + std::min(std::max(d + rim_, slab + rim_), 0.0) - rim_;
  }

 private:
  double rx0_ = 0, rz0_ = 0, rx1_ = 0, rz1_ = 0, height_ = 0, waist_ = 0, rim_ = 0, indent_r_ = 0,
         indent_depth_ = 0;
  glm::dvec3 top_point_{0.0}, top_normal_{0.0};
};

sdf::Frame boxFrame(const glm::dvec3& centre, const glm::dvec3& x_dir, const glm::dvec3& y_hint) {
  return sdf::frameFromAxes(centre, x_dir, y_hint);
}

// An articular process: an oval plate whose face at `centre + normal * t` is the facet,
// `half_h` tall (craniocaudal) and `half_w` wide.
NodePtr facetPlate(const glm::dvec3& centre, const glm::dvec3& normal, double t, double half_h, double half_w,
                   double s) {
  const glm::dvec3 up(0.0, 1.0, 0.0);
  const glm::dvec3 v = glm::normalize(up - glm::dot(up, normal) * normal);  // local x: along the process
  const sdf::Frame f{centre, glm::dmat3(v, normal, glm::cross(v, normal))};
  return sdf::ovalCylinder(f, half_h, half_w, -t - 0.0012 * s, t, 0.0014 * s);
}

// The right half of the posterior arch (pedicle, pillar, articular processes, pars, lamina,
// transverse process); mirrored for the left. `whole` is the bone; `front` and `back` are its
// primitives on either side of an isthmic defect, which separates the pars from the pillar
// (front: pedicle, pillar, superior articular, mammillary, transverse and accessory processes;
// back: pars, inferior articular process, lamina).
struct PosteriorHalf {
  NodePtr whole;
  std::vector<NodePtr> front, back;
};

PosteriorHalf posteriorHalf(const VertebraLayout& l, bool thoracic) {
  const VertebraDims& v = l.dims;
  const double s = v.size;
  const glm::dvec3 up(0.0, 1.0, 0.0);
  std::vector<NodePtr> parts;
  PosteriorHalf out;
  auto add = [&](NodePtr n, std::vector<NodePtr>& side) {
    side.push_back(n);
    parts.push_back(std::move(n));
  };

  // pedicle: an oval bar from inside the body to the articular pillar
  const glm::dvec3 ped_dir = l.pedicle_back - l.pedicle_front;
  const glm::dvec3 ped_mid = 0.5 * (l.pedicle_front + l.pedicle_back) + glm::dvec3(0.001 * s, 0.0, 0.0);
  const double pw = 0.5 * v.pedicle_width, ph = 0.5 * v.pedicle_height;
  add(sdf::roundBox(boxFrame(ped_mid, ped_dir, up), {0.5 * glm::length(ped_dir) + 0.003 * s, ph, pw},
                    0.85 * std::min(pw, ph)),
      out.front);

  // articular pillar behind the pedicle
  const glm::dvec3 pillar(l.pedicle_back.x - 0.002 * s, l.pedicle_y - 0.001 * s,
                          l.superior_process.z + 0.001 * s);
  add(sdf::ellipsoid(boxFrame(pillar, up, {1, 0, 0}), {0.0065 * s, 0.0045 * s, 0.0042 * s}), out.front);

  // superior articular process: a plate whose medial-posterior face is the facet
  const double t = l.articular_thickness;
  const glm::dvec3 sap_n = l.superior_facet_normal;
  // (7.5 mm half width along the facet: at 6 mm the processes stopped short of the reference's)
  add(facetPlate(l.superior_process, sap_n, t, 0.0072 * s, 0.0075 * s, s), out.front);
  add(sdf::roundCone(pillar, l.superior_process - up * (0.004 * s) - sap_n * (0.002 * s), 0.0045 * s,
                     0.0042 * s),
      out.front);
  // the mammillary process: a rounded tubercle on the superior articular process's back border
  // (3.5 mm: at 2.2 mm, 3 mm further forward, the Visible Human's L1-L5 left their processes'
  // backs 7-8 mm beyond ours, sagitta_bone_validate --regions)
  add(sdf::sphere(l.mammillary + glm::dvec3(0.0015 * s, 0.0, -0.001 * s), 0.0035 * s), out.front);

  // inferior articular process hanging from the lamina, its lateral-anterior face the facet
  const glm::dvec3 iap_n = l.inferior_facet_normal;
  add(facetPlate(l.inferior_process, iap_n, t, 0.0085 * s, 0.0056 * s, s), out.back);
  // pars interarticularis: from the pillar down to the inferior process
  const glm::dvec3 pars_top(pillar.x - 0.002 * s, l.pedicle_y - 0.5 * v.pedicle_height,
                            l.pars.z - 0.0035 * s);
  const glm::dvec3 pars_bottom = l.inferior_process + up * (0.0045 * s) - iap_n * (0.001 * s);
  add(sdf::roundCone(pars_top, pars_bottom, 0.0042 * s, 0.0040 * s), out.back);

  // lamina: a sloping plate from the pillar to the midline (overlapping it a little)
  const glm::dvec3 lam_lat(pillar.x - 0.002 * s, l.pedicle_y - 0.0045 * s, pillar.z - 0.0045 * s);
  const glm::dvec3 lam_mid(l.canal_posterior.x - 0.003 * s, l.pedicle_y - 0.0055 * s, -0.002 * s);
  const glm::dvec3 lam_dir = lam_mid - lam_lat;
  const glm::dvec3 lam_up = glm::normalize(glm::dvec3(0.45, 1.0, 0.0));  // top edge leans forward
  add(sdf::roundBox(boxFrame(0.5 * (lam_lat + lam_mid), lam_dir, lam_up),
                    {0.5 * glm::length(lam_dir) + 0.002 * s, 0.0090 * s, 0.0030 * s}, 0.0026 * s),
      out.back);

  // transverse process: flattened front-to-back, tapering to the tip
  const double tp_len = glm::length(l.transverse_tip - l.transverse_root);
  // (L5's, stout_transverse: a short, thick cone, 16 mm tall where it leaves the pedicle [U])
  const double tp_root = thoracic ? 0.0045 * s : v.stout_transverse ? 0.0080 * s : 0.0052 * s;
  const double tp_tip = thoracic ? 0.0040 * s : v.stout_transverse ? 0.0050 * s : 0.0036 * s;
  // the cone's round end reaches tp_tip beyond its end point: end it that far inside the tip, so
  // the span tip to tip is the cited one (LMG) and not ~7 mm more
  const glm::dvec3 tp_end = l.transverse_tip - glm::normalize(l.transverse_tip - l.transverse_root) * tp_tip;
  add(sdf::flatCone(l.transverse_root - glm::dvec3(0.0, 0.0, 0.003 * s), tp_end, tp_root, tp_tip,
                    {1.0, 0.0, 0.0}, tp_len > 0.03 ? 0.5 : 0.8),
      out.front);
  add(sdf::sphere(l.accessory, 0.0020 * s), out.front);
  out.whole = sdf::smoothUnion(std::move(parts), 0.0025 * s);
  return out;
}

// The surface of a pars defect: the points as deep in (or as near to) the front primitives as
// the back ones (PosteriorHalf), i.e. where the posterior arch meets the rest of the bone, which
// within the bone is only across the two pars: from the inferior vertebral notch up along the
// back of the pedicle to the notch between the superior articular process and the lamina. The
// groups are blended over ~4 mm so the surface has no creases. Positive on the front side; near
// the surface the difference of the two distances is divided by its gradient, so the value is
// the distance to the surface and the gap has the same width everywhere.
class ParsCut final : public sdf::Node {
 public:
  ParsCut(NodePtr front, NodePtr back) : front_(std::move(front)), back_(std::move(back)) {
    bounds_ = sdf::Box{glm::dvec3(-1e9), glm::dvec3(1e9)};
  }
  double eval(const glm::dvec3& p) const override {
    const double f = diff(p);
    if (std::abs(f) > 0.003) return 0.5 * f;  // |grad f| <= 2: a bound on the distance
    constexpr double kStep = 2e-5;
    const glm::dvec3 g(diff(p + glm::dvec3(kStep, 0, 0)) - diff(p - glm::dvec3(kStep, 0, 0)),
                       diff(p + glm::dvec3(0, kStep, 0)) - diff(p - glm::dvec3(0, kStep, 0)),
                       diff(p + glm::dvec3(0, 0, kStep)) - diff(p - glm::dvec3(0, 0, kStep)));
    return f / std::clamp(glm::length(g) / (2.0 * kStep), 0.5, 2.0);
  }

 private:
  double diff(const glm::dvec3& p) const { return back_->eval(p) - front_->eval(p); }
  NodePtr front_, back_;
};

// One side of the cut, `gap` wide in all: the region more than gap / 2 in front of it (or behind
// it); a piece of the vertebra is the vertebra intersected with it.
class CutSide final : public sdf::Node {
 public:
  CutSide(NodePtr bone, NodePtr cut, bool front, double gap)
      : bone_(std::move(bone)), cut_(std::move(cut)), sign_(front ? -1.0 : 1.0), half_gap_(0.5 * gap) {
    bounds_ = bone_->bounds();
  }
  double eval(const glm::dvec3& p) const override {
    const double d = bone_->eval(p);
    if (d > 0.003) return d;  // well outside the bone the cut cannot matter (a lower bound)
    return sdf::smax(d, sign_ * cut_->eval(p) + half_gap_, 0.0001);
  }

 private:
  NodePtr bone_, cut_;
  double sign_, half_gap_;
};

NodePtr spinousProcess(const VertebraLayout& l) {
  const VertebraDims& v = l.dims;
  const double s = v.size;
  const glm::dvec3 root = l.spinous_root + glm::dvec3(0.003 * s, 0.0, 0.0);
  glm::dvec3 tip = l.spinous_tip;

  const double len = glm::length(tip - root);
  const double half_h = 0.5 * v.spinous_height;
  // a hatchet in the midsagittal plane: its upper border nearly level from the laminae to the
  // tip (where the interspinous ligament attaches), its lower border sloping down to the tall,
  // squared tip. The upper border used to start 0.65 of the half height above the root (a
  // wedge, narrow where it leaves the laminae), which left the Visible Human's L1-L5 processes
  // 3-5 mm taller at the root (sagitta_bone_validate --sagittal 0)
  sdf::PlateSpec spec;
  spec.frame = boxFrame(root, tip - root, {0, 1, 0});
  spec.height.assign(10, 0.0);
  spec.t0 = 0.0030 * s;
  spec.outline = {{-0.002 * s, -0.55 * half_h},     {0.55 * len, -0.75 * half_h},
                  {len - 0.002 * s, -1.0 * half_h}, {len + 0.001 * s, -0.2 * half_h},
                  {len - 0.001 * s, 0.9 * half_h},  {0.5 * len, 0.95 * half_h},
                  {-0.002 * s, 1.0 * half_h}};
  std::vector<NodePtr> parts;
  parts.push_back(sdf::plate(spec));
  // the tip is thickened (the attachment of the supraspinous ligament): a blunt, squared block, so
  // that from behind the process reads as an upright rectangle, not a finger with a rounded end
  // (an ellipsoid until a review as an anatomy lecturer)
  parts.push_back(sdf::roundBox(boxFrame(tip - (tip - root) / len * (0.004 * s), {0, 1, 0}, {1, 0, 0}),
                                {0.80 * half_h, 0.0045 * s, 0.0040 * s}, 0.0022 * s));
  return sdf::smoothUnion(std::move(parts), 0.003 * s);
}

PartShape vertebraShape(const std::string& name, Segment seg, const VertebraLayout& l, bool thoracic,
                        double scale, bool pars_cut) {
  const double s = l.dims.size;
  const PosteriorHalf half = posteriorHalf(l, thoracic);
  NodePtr body = std::make_shared<VertebralBody>(l, 0.0013 * s);
  NodePtr spinous = spinousProcess(l);
  NodePtr field = sdf::smoothUnion({body, half.whole, sdf::mirrorZ(half.whole), spinous}, 0.0022 * s);
  PartShape p;
  p.name = name;
  p.kind = PartKind::kBone;
  p.segment = seg;
  p.field = field;
  p.voxel = 0.0009 * scale;
  p.chord_error = 1.25e-4 * scale;
  p.min_edge = 0.0005 * scale;
  p.max_edge = 0.003 * scale;
  if (pars_cut) {
    std::vector<NodePtr> front = {body}, back = {spinous};
    for (const NodePtr& n : half.front) front.insert(front.end(), {n, sdf::mirrorZ(n)});
    for (const NodePtr& n : half.back) back.insert(back.end(), {n, sdf::mirrorZ(n)});
    p.pars_cut = std::make_shared<ParsCut>(sdf::smoothUnion(std::move(front), 0.004 * s),
                                           sdf::smoothUnion(std::move(back), 0.004 * s));
  }
  return p;
}

// A thoracic vertebra (C7 .. T11) in T12's frame before scaling to its level, from
// anatomy::columnVertebra (thoracic_column.h, where the numbers are cited): a heart-shaped body
// (broad behind, narrowing to a rounded front, the back wall hollowed for the canal) with the
// costal facets for the rib heads hollowed into its posterolateral rims; pedicles; laminae;
// transverse processes reaching out and back to clubbed tips, with the transverse costal facet
// on the front of the tip; superior articular processes whose facets face back, a little up and
// out, and inferior ones resting on the facets of the level below; and the long spinous process
// sloping down by the level's angle to its tubercle.
NodePtr columnVertebraField(const ColumnVertebra& cv) {
  const double s = cv.s;
  const double hd = 0.5 * cv.depth, hw = 0.5 * cv.width, h = cv.height;
  const glm::dvec3 up(0.0, 1.0, 0.0);
  // the heart: a broad back (an oval cut flat behind) and a narrower front, blended
  const double rim = 0.0020 * s;
  const sdf::Frame axis_y{{0.0, 0.0, 0.0}, glm::dmat3(1.0)};
  NodePtr back = sdf::intersect(sdf::ovalCylinder(sdf::Frame{{-0.20 * cv.depth, 0.0, 0.0}, axis_y.axes},
                                                  0.42 * cv.depth, hw, 0.0, h, rim),
                                sdf::halfSpace({-hd, 0.0, 0.0}, {-1.0, 0.0, 0.0}), 0.003 * s);
  NodePtr body =
      sdf::smoothUnion({back, sdf::ovalCylinder(sdf::Frame{{0.10 * cv.depth, 0.0, 0.0}, axis_y.axes},
                                                0.40 * cv.depth, 0.62 * hw, 0.0, h, rim)},
                       0.006 * s);
  // the back wall hollowed where the canal lies against it
  const double indent_r = 0.8 * hw;
  body = sdf::subtract(body,
                       sdf::ovalCylinder(sdf::Frame{{-hd - indent_r + 0.0012 * s, 0.0, 0.0}, glm::dmat3(1.0)},
                                         indent_r, indent_r, -0.01, h + 0.01, 0.0),
                       0.003 * s);

  std::vector<NodePtr> half;
  half.push_back(sdf::roundCone(cv.pedicle_front, cv.pedicle_back, cv.pedicle_radius, cv.pedicle_radius));
  // articular pillar behind the pedicle, the superior articular process rising from it
  const glm::dvec3 pillar = cv.pedicle_back + glm::dvec3(-0.002 * s, -0.001 * s, 0.0);
  half.push_back(sdf::ellipsoid(boxFrame(pillar, up, {1, 0, 0}), {0.0055 * s, 0.0040 * s, 0.0038 * s}));
  const double t = cv.articular_thickness;
  half.push_back(facetPlate(cv.superior_process, cv.superior_facet_normal, t, 0.0055 * s, 0.0052 * s, s));
  half.push_back(sdf::roundCone(pillar, cv.superior_process - up * (0.003 * s) - cv.superior_facet_normal * t,
                                0.0038 * s, 0.0036 * s));
  // lamina: a broad plate sloping from the pillar to the midline, its top edge leaning forward
  const glm::dvec3 lam_dir = cv.lamina_medial - cv.lamina_lateral;
  half.push_back(sdf::roundBox(boxFrame(0.5 * (cv.lamina_lateral + cv.lamina_medial), lam_dir,
                                        glm::normalize(glm::dvec3(0.35, 1.0, 0.0))),
                               {0.5 * glm::length(lam_dir) + 0.002 * s, 0.0085 * s, 0.0028 * s}, 0.0024 * s));
  // inferior articular process hanging from the lamina's lower edge
  half.push_back(facetPlate(cv.inferior_process, cv.inferior_facet_normal, t, 0.0060 * s, 0.0050 * s, s));
  half.push_back(sdf::roundCone(cv.lamina_lateral - up * (0.004 * s),
                                cv.inferior_process + up * (0.003 * s) - cv.inferior_facet_normal * (0.5 * t),
                                0.0040 * s, 0.0034 * s));
  // transverse process with its clubbed tip
  half.push_back(
      sdf::roundCone(cv.transverse_root, cv.transverse_tip, 0.0050 * s, 0.92 * cv.transverse_radius));
  half.push_back(sdf::sphere(cv.transverse_tip, cv.transverse_radius));
  NodePtr right = sdf::smoothUnion(std::move(half), 0.0022 * s);
  // the costal facets: shallow round hollows where the rib head and tubercle articulate
  std::vector<NodePtr> hollows;
  auto hollow = [&](const glm::dvec3& centre, const glm::dvec3& normal, double r) {
    // a sphere whose cap, facet_depth deep, is the hollow: its surface passes through `centre`
    hollows.push_back(sdf::sphere(centre + normal * r, r));
  };
  if (cv.superior_demifacet) hollow(cv.costal_superior, cv.costal_superior_normal, cv.facet_radius);
  if (cv.inferior_demifacet) hollow(cv.costal_inferior, cv.costal_inferior_normal, cv.facet_radius);
  if (cv.full_facet) hollow(cv.costal_full, cv.costal_full_normal, 1.1 * cv.facet_radius);
  if (cv.transverse_facet) hollow(cv.transverse_costal, cv.transverse_costal_normal, 0.8 * cv.facet_radius);

  const ColumnSpinous& sp = cv.spinous;
  // a blade, deep at its root and narrow side to side, ending in its tubercle (the cone's cap)
  NodePtr spinous = sdf::flatCone(sp.root, sp.tip, sp.root_radius, sp.tip_radius, {0.0, 0.0, 1.0}, 0.75);
  NodePtr bone = sdf::smoothUnion({body, right, sdf::mirrorZ(right), spinous}, 0.0025 * s);
  if (hollows.empty()) return bone;
  NodePtr cut = sdf::unite(std::move(hollows));
  return sdf::subtract(bone, sdf::unite({cut, sdf::mirrorZ(cut)}), 0.0008 * s);
}

}  // namespace

std::vector<PartShape> vertebraShapes(const BodyLayout& b) {
  std::vector<PartShape> out;
  const double scale = b.dims.opensim_scale;
  out.push_back(vertebraShape("t12", Segment::kThorax, b.spine.t12, true, scale, false));
  {  // T12's costal facet for rib 12, hollowed into the side of each pedicle
    const CostalFacet f = t12CostalFacet(b.spine.t12, scale);
    const NodePtr hollow = sdf::sphere(f.centre + f.normal * f.radius, f.radius);
    out.back().field =
        sdf::subtract(out.back().field, sdf::unite({hollow, sdf::mirrorZ(hollow)}), 0.0008 * scale);
  }
  // T11 .. T1 and C7 on the thoracic column (anatomy/thoracic_column.h), each placed on its
  // level's inferior endplate frame at its size, so the points SVA, T1PA and TK are measured on
  // sit on the drawn bones. Each is a thoracic vertebra (columnVertebraField), meshed coarser
  // than T12 and the lumbar vertebrae and coarser still at the low level of detail
  // (low_lod_coarsening), which keeps the twelve levels inside the triangle budgets
  // (builtin_assets_test.cpp). C7, the vertebra prominens, has its long, nearly level spinous
  // process (44 mm, thoracic_column.h).
  const ThoracicColumn column = layoutThoracicColumn(b.dims, b.spine.t12);
  for (int level = kThoracicColumnLevels - 2; level >= 0; --level) {
    const auto i = static_cast<std::size_t>(level);
    PartShape p = out.front();
    p.name = std::string(thoracicPartName(level));
    p.voxel *= 0.9;
    p.chord_error *= 4.5;
    p.min_edge *= 1.8;
    p.max_edge *= 1.5;
    p.low_lod_coarsening = 1.7;
    if (level == 0) {
      // C7's spinous process (vertebra prominens) carries the c7_spinous_tip landmark, the
      // palpated landmark of the neck's base: meshed finer than the other levels, so the drawn
      // tip stays where the landmark is at both levels of detail (builtin_assets_test.cpp)
      p.chord_error /= 4.0;
      p.min_edge /= 2.0;
      p.low_lod_coarsening = 1.0;
    }
    const ColumnVertebra cv = columnVertebra(b.dims, b.spine.t12, column, level);
    p.field = sdf::moved(sdf::scaled(columnVertebraField(cv), column.size[i]),
                         sdf::Frame{glm::dvec3(column.frame[i][3]), glm::dmat3(column.frame[i])});
    out.push_back(p);
  }
  for (int k = 0; k < kLumbarCount; ++k) {
    // the isthmic slip levels (L4-L5, L5-S1): the slipping vertebra's arch can stay behind
    const bool slip_level = k + 1 >= 4;
    out.push_back(vertebraShape("l" + std::to_string(k + 1), lumbarSegment(k),
                                b.spine.lumbar[static_cast<std::size_t>(k)], false, scale, slip_level));
  }
  return out;
}

void splitAtPars(std::vector<PartShape>& shapes) {
  std::vector<PartShape> out;
  out.reserve(shapes.size() + 2);
  for (PartShape& p : shapes) {
    if (!p.pars_cut) {
      out.push_back(std::move(p));
      continue;
    }
    PartShape arch = p;
    arch.name = p.name + "_arch";
    arch.field = std::make_shared<CutSide>(p.field, p.pars_cut, false, kParsGap);
    arch.pars_cut = nullptr;
    p.field = std::make_shared<CutSide>(p.field, p.pars_cut, true, kParsGap);
    p.pars_cut = nullptr;
    out.push_back(std::move(p));
    out.push_back(std::move(arch));
  }
  shapes = std::move(out);
}

}  // namespace sagitta::anatomy
