// The slip level's outputs, measured on the posed bones: the detached arch, disc height, the
// neural spaces (foramina, lateral recesses, canal), the lumbosacral angle, the SDSG type, and
// the nerve roots with where and how much each is compressed (docs/biomechanics.md "Neural
// geometry"). Lengths in the lower vertebra's sagittal frame: u forward along its endplate from
// the endplate's posterior corner, v up its normal.
#include <algorithm>
#include <cmath>

#include "biomech/model_impl.h"
#include "biomech/slip_classification.h"
#include "core/units.h"

namespace sagitta::biomech::detail {
namespace {

// The lower endplate's frame in the world.
struct EndplateFrame {
  glm::dvec3 origin{0.0}, e{1.0, 0.0, 0.0}, n{0.0, 1.0, 0.0};
  double depth = 0.0;
  double u(const glm::dvec3& p) const { return glm::dot(p - origin, e); }
  double v(const glm::dvec3& p) const { return glm::dot(p - origin, n); }
};

double smoothstep(double a, double b, double x) {
  const double t = std::clamp((x - a) / (b - a), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

// Length of a path from a to c that must pass behind `corner` (the canal's floor): the straight
// line when the corner does not reach it, else over the corner. `back` points posteriorly.
double drapedLength(const glm::dvec3& a, const glm::dvec3& corner, const glm::dvec3& c,
                    const glm::dvec3& back) {
  const glm::dvec3 ac = c - a;
  const double t = std::clamp(glm::dot(corner - a, ac) / glm::dot(ac, ac), 0.0, 1.0);
  const glm::dvec3 on_line = a + t * ac;
  if (glm::dot(corner - on_line, back) > 0.0) return glm::length(corner - a) + glm::length(c - corner);
  return glm::length(ac);
}

double pct(double now, double neutral) {
  return neutral > 1e-9 ? std::max(0.0, 100.0 * (1.0 - now / neutral)) : 0.0;
}

}  // namespace

void fillSlip(const Impl& m, const Setup& setup, const ModelInputs& in, const Kinematics& k,
              const JointArray& phi, Solution& out) {
  const SlipGeometry g = slipGeometry(in.slip.level);
  const MeasureRefs& r = m.refs;
  const SlipResult& neutral = m.neutral_slip[static_cast<std::size_t>(in.slip.level)];
  SlipResult& sr = out.slip;
  sr.level = in.slip.level;
  sr.type = in.slip.type;
  sr.input_percent = setup.slip_percent;
  sr.slipping = static_cast<Segment>(g.upper);
  sr.lower = static_cast<Segment>(g.lower);
  const bool slipped = setup.slip_percent > 0.0;
  sr.pars_defect = hasParsDefect(in.slip.type) && (slipped || in.slip.type == SlipType::kSpondylolysis);

  // the posterior arch: with a pars defect it keeps the un-slipped transform
  const Planar body = k.world[g.upper];
  const Planar lower = k.world[g.lower];
  const Planar parent = k.world[m.parent[g.upper]];
  const Planar arch =
      sr.pars_defect ? parent * m.neutral[g.upper] * Planar::rotationAbout(phi[g.upper], m.centre[g.upper])
                     : body;
  sr.posterior_arch_world = arch.matrix();

  EndplateFrame f;
  f.origin = worldPoint(k, g.l5s1 ? r.s1_posterior : r.sup_posterior[4]);
  const glm::dvec3 lower_ant = worldPoint(k, g.l5s1 ? r.s1_anterior : r.sup_anterior[4]);
  f.depth = glm::length(lower_ant - f.origin);
  f.e = (lower_ant - f.origin) / f.depth;
  f.n = {-f.e.y, f.e.x, 0.0};
  const glm::dvec3 back = -f.e;

  // disc: the upper endplate's height above the lower one, mid-way along their overlap
  const glm::dvec3 ia = body.apply(r.inf_anterior[g.upper_k].local);
  const glm::dvec3 ip = body.apply(r.inf_posterior[g.upper_k].local);
  {
    const double ua = f.u(ia), up = f.u(ip);
    const double lo = std::max(0.0, up), hi = std::min(f.depth, ua);
    const double um = lo <= hi ? 0.5 * (lo + hi) : std::clamp(0.5 * (up + ua), up, ua);
    const double t = std::abs(ua - up) > 1e-9 ? (um - up) / (ua - up) : 0.5;
    sr.disc_height_mm = mToMm(std::max(0.0, f.v(ip) + t * (f.v(ia) - f.v(ip))));
  }

  // canal: the lamina (arch) against the lower vertebra's posterior corner at the disc, and
  // against the slipping vertebra's own posterior wall; the narrower is the canal. Bone cannot
  // pass through bone: the canal closes at zero.
  const glm::dvec3 lamina = arch.apply(r.canal_posterior[g.upper_k].local);
  const glm::dvec3 wall = body.apply(r.canal_anterior[g.upper_k].local);
  const double at_disc = glm::dot(f.origin - lamina, f.e);
  const double at_body = glm::dot(wall - lamina, f.e);
  sr.canal_ap_mm = mToMm(std::max(0.0, std::min(at_disc, at_body)));
  // the canal's width: the interpedicular distance, between the pedicle axes of the slipping
  // vertebra less one pedicle width (half a pedicle on each side). The lower lumbar canal is
  // triangular (trefoil) in section, so its area is half the AP times the width: on the neutral
  // average man about 230 mm2 at L4-L5, against 200 +- 61 mm2 for the bony canal at L4-L5 in 130
  // adults on MRI (Medicine 2017, "Dural sac area is a more sensitive parameter for evaluating
  // lumbar spinal stenosis than spinal canal area", PMC5728944 [V abstract])
  const double axes_m =
      std::abs(r.pedicle_inferior[g.upper_k][1].local.z - r.pedicle_inferior[g.upper_k][0].local.z);
  const double pedicle_m = m.lumbar_pedicle_width_m[g.upper_k];
  const double width_m = std::max(0.5 * axes_m, axes_m - pedicle_m);
  sr.canal_area_mm2 = 0.5 * sr.canal_ap_mm * mToMm(width_m);

  // foramina and lateral recesses, each side
  for (Side side : kSides) {
    const std::size_t si = sideIndex(side);
    // roof: the upper pedicle's notch; floor: the lower pedicle's notch, rising to the lower
    // endplate's posterior corner as the pedicle rides forward over it (isthmic foraminal
    // stenosis: the L5 pedicle descends onto the S1 corner and disc)
    const glm::dvec3 roof = body.apply(r.pedicle_inferior[g.upper_k][si].local);
    const glm::dvec3 floor_ped =
        worldPoint(k, g.l5s1 ? r.s1_pedicle_superior[si] : r.pedicle_superior[4][si]);
    const double over = smoothstep(-0.006, 0.0, f.u(roof));
    const double floor_v = f.v(floor_ped) + over * std::max(0.0, -f.v(floor_ped));
    const double height_m = std::max(0.0, f.v(roof) - floor_v);
    sr.foraminal_height_mm[si] = mToMm(height_m);
    // AP width: from the disc margin (the lower posterior corner) back to the lower superior
    // articular process, which roofs the foramen's back (the upper inferior process is medial,
    // in the recess)
    const glm::dvec3 sap = worldPoint(k, g.l5s1 ? r.s1_superior_articular[si] : r.superior_articular[4][si]);
    const glm::dvec3 iap = arch.apply(r.inferior_articular[g.upper_k][si].local);
    const double width = std::max(0.0, -f.u(sap));
    sr.foraminal_area_mm2[si] = 0.25 * kPi * mToMm(height_m) * mToMm(width);
    // lateral recess at the disc: the lower posterior corner back to the upper inferior
    // articular process (it rides forward with an intact arch in a degenerative slip)
    sr.lateral_recess_mm[si] = mToMm(std::max(0.0, -f.u(iap)));
  }

  // neutral references
  sr.canal_ap_neutral_mm = neutral.canal_ap_mm;
  sr.canal_area_neutral_mm2 = neutral.canal_area_mm2;
  sr.disc_height_neutral_mm = neutral.disc_height_mm;
  sr.foraminal_height_neutral_mm = neutral.foraminal_height_mm;
  sr.foraminal_area_neutral_mm2 = neutral.foraminal_area_mm2;
  sr.lateral_recess_neutral_mm = neutral.lateral_recess_mm;

  // bone shape (L5-S1): the trapezoidal L5 of a dysplastic slip and the rounding sacral dome,
  // in their segments' frames (slip_classification.h); the scene draws the bones with them
  if (g.l5s1) {
    anatomy::BodyCorners l5;
    l5.superior_anterior = r.sup_anterior[g.upper_k].local;
    l5.superior_posterior = r.sup_posterior[g.upper_k].local;
    l5.inferior_anterior = r.inf_anterior[g.upper_k].local;
    l5.inferior_posterior = r.inf_posterior[g.upper_k].local;
    sr.l5_lumbar_index_neutral = anatomy::lumbarIndex(l5);
    sr.l5_wedge.body = l5;
    sr.l5_wedge.drop_m = anatomy::wedgeDropFor(
        l5, slipLumbarIndex(in.slip.type, setup.slip_percent, sr.l5_lumbar_index_neutral));
    anatomy::BodyCorners drawn = l5;
    drawn.superior_posterior = anatomy::wedgePoint(sr.l5_wedge, l5.superior_posterior);
    sr.l5_lumbar_index = anatomy::lumbarIndex(drawn);
    sr.sacral_doming_pct = sacralDomingPct(in.slip.type, setup.slip_percent);
    sr.sacral_dome.posterior = r.s1_posterior.local;
    sr.sacral_dome.anterior = r.s1_anterior.local;
    sr.sacral_dome.drop_m =
        0.01 * sr.sacral_doming_pct * glm::length(r.s1_anterior.local - r.s1_posterior.local);
    // the endplate's half width: its pedicles stand at its sides
    sr.sacral_dome.half_width_m = std::abs(r.s1_pedicle_superior[0].local.z - r.s1_posterior.local.z);
  }

  // Dubousset's lumbosacral angle: the upper vertebra's superior endplate (posterior -> anterior)
  // against the lower vertebra's posterior border (downward), on the vertebra as drawn (a
  // trapezoidal L5's superior endplate slopes back)
  {
    const glm::dvec3 sa = body.apply(r.sup_anterior[g.upper_k].local);
    const glm::dvec3 sp = body.apply(anatomy::wedgePoint(sr.l5_wedge, r.sup_posterior[g.upper_k].local));
    const glm::dvec3 down_wall =
        g.l5s1 ? -f.n : glm::normalize(worldPoint(k, r.inf_posterior[4]) - worldPoint(k, r.sup_posterior[4]));
    const glm::dvec3 a = glm::normalize(sa - sp);
    sr.lumbosacral_angle_deg = radToDeg(std::acos(std::clamp(glm::dot(a, down_wall), -1.0, 1.0)));
  }

  // SDSG type (L5-S1 only), with the real C7 plumb line: a vertical line from the C7 centroid
  // (anatomy/thoracic_column.h, fixed in the thorax) against the femoral heads' axis
  const double scale = m.skeleton.params().stature_m / 1.75;
  {
    const double c7_x = worldPoint(k, r.c7_centroid).x;
    const glm::dvec3 hips = 0.5 * (worldPoint(k, r.hip[0]) + worldPoint(k, r.hip[1]));
    sr.c7_plumb_offset_mm = mToMm(c7_x - hips.x);
    const ClinicalMeasures& cm = out.measures;
    sr.sdsg_type = g.l5s1 ? sdsgType(cm.meyerding_grade, cm.pelvic_incidence_deg, cm.sacral_slope_deg,
                                     cm.pelvic_tilt_deg, sr.c7_plumb_offset_mm)
                          : 0;
  }

  // nerve roots: exiting (0 left, 1 right), traversing (2 left, 3 right), cauda equina (4)
  sr.nerve_roots.assign(5, NerveRoot{});
  const glm::dvec3 wall_local = r.canal_anterior[g.upper_k].local;
  const glm::dvec3 sup_post = r.sup_posterior[g.upper_k].local;
  // where the traversing roots and the cauda equina run: behind the slipping body, over the
  // lower endplate's posterior corner (the sacral dome at L5-S1), down the lower posterior wall
  const glm::dvec3 above = body.apply({wall_local.x - 0.004 * scale, 0.5 * (sup_post.y + wall_local.y), 0.0});
  const glm::dvec3 dome = f.origin + back * 0.003 * scale;
  const glm::dvec3 below = f.origin - f.n * 0.030 * scale + back * 0.004 * scale;
  const double draped = drapedLength(above, dome, below, back) / glm::length(below - above) - 1.0;
  // (on the neutral skeleton itself, before its reference exists, this is its raw tenting)
  const double stretch_pct = std::max(
      0.0, 100.0 * draped - (neutral.nerve_roots.empty() ? 0.0 : neutral.nerve_roots[4].stretch_pct));
  for (Side side : kSides) {
    const std::size_t si = sideIndex(side);
    const PointRef& ped_inf = r.pedicle_inferior[g.upper_k][si];
    const PointRef& ped_sup = g.l5s1 ? r.s1_pedicle_superior[si] : r.pedicle_superior[4][si];
    const double lateral = ped_inf.local.z;  // signed: + right
    const double sign = lateral >= 0.0 ? 1.0 : -1.0;
    const glm::dvec3 top = body.apply(ped_inf.local);
    const glm::dvec3 bottom = worldPoint(k, ped_sup);

    NerveRoot& ex = sr.nerve_roots[si];
    ex.name = g.l5s1 ? "L5" : "L4";
    ex.side = side;
    ex.role = "exiting";
    // in the lateral recess behind the body, then hugging the pedicle's lower edge
    ex.points[0] = body.apply({wall_local.x - 0.003 * scale, sup_post.y - 0.004 * scale, 0.70 * lateral});
    ex.points[1] = body.apply(ped_inf.local + glm::dvec3(0.002 * scale, -0.004 * scale, -0.10 * lateral));
    // through the foramen under the pedicle, then out forward, down and sideways
    const double drop = std::min(0.5 * glm::length(top - bottom), 0.004 * scale);
    ex.points[2] = top - f.n * drop + glm::dvec3(0.0, 0.0, sign * 0.004 * scale);
    ex.points[3] = lower.apply(ped_sup.local + glm::dvec3(0.008, -0.004, sign * 0.012) * scale);
    ex.points[4] = lower.apply(ped_sup.local + glm::dvec3(0.020, -0.020, sign * 0.028) * scale);
    const double area0 = neutral.foraminal_area_mm2[si], height0 = neutral.foraminal_height_mm[si];
    ex.narrowing_pct =
        std::max(pct(sr.foraminal_area_mm2[si], area0), pct(sr.foraminal_height_mm[si], height0));
    ex.where = ex.narrowing_pct >= kCompressedNarrowingPct ? "foramen" : "none";

    NerveRoot& tr = sr.nerve_roots[2 + si];
    tr.name = g.l5s1 ? "S1" : "L5";
    tr.side = side;
    tr.role = "traversing";
    tr.points[0] = above + glm::dvec3(0.0, 0.0, 0.45 * lateral);
    tr.points[1] = f.origin + back * (0.5e-3 * std::max(sr.lateral_recess_mm[si], 1.0)) +
                   f.n * 0.004 * scale + glm::dvec3(0.0, 0.0, 0.55 * lateral);
    tr.points[2] = dome + glm::dvec3(0.0, 0.0, 0.60 * lateral);
    tr.points[3] =
        f.origin - f.n * 0.018 * scale + back * 0.004 * scale + glm::dvec3(0.0, 0.0, 0.70 * lateral);
    tr.points[4] = below - f.n * 0.012 * scale + glm::dvec3(0.0, 0.0, 0.85 * lateral);
    tr.narrowing_pct = pct(sr.lateral_recess_mm[si], neutral.lateral_recess_mm[si]);
    tr.stretch_pct = stretch_pct;
    tr.where = tr.narrowing_pct >= kCompressedNarrowingPct ? "lateral_recess"
               : (g.l5s1 && stretch_pct >= kStretchedPct)  ? "canal"
                                                           : "none";
  }
  NerveRoot& ce = sr.nerve_roots[4];
  ce.name = "cauda_equina";
  ce.midline = true;
  ce.role = "traversing";
  const double half_ap = 0.5e-3 * std::max(sr.canal_ap_mm, 1.0);
  ce.points[0] = body.apply({wall_local.x - 0.006 * scale, sup_post.y, 0.0});
  ce.points[1] = above - f.e * 0.002 * scale;
  ce.points[2] = f.origin + back * half_ap;
  ce.points[3] = 0.5 * (dome + below) + back * 0.005 * scale;
  ce.points[4] = below + back * 0.005 * scale - f.n * 0.015 * scale;
  ce.narrowing_pct =
      std::max(pct(sr.canal_area_mm2, neutral.canal_area_mm2), pct(sr.canal_ap_mm, neutral.canal_ap_mm));
  ce.stretch_pct = stretch_pct;
  ce.where = (ce.narrowing_pct >= kCompressedNarrowingPct || (g.l5s1 && stretch_pct >= kStretchedPct))
                 ? "canal"
                 : "none";

  // the most compressed root: a root compressed somewhere (`where` set) before a free one, then
  // by how much
  double worst = -1.0;
  for (std::size_t i = 0; i < sr.nerve_roots.size(); ++i) {
    NerveRoot& root = sr.nerve_roots[i];
    root.compression = rootCompression(root.narrowing_pct, root.stretch_pct);
    const double rank = root.compression + (root.where != "none" ? 2.0 : 0.0);
    if (rank > worst + 1e-9) {
      worst = rank;
      sr.most_compressed = i;
    }
  }
}

}  // namespace sagitta::biomech::detail
