#include "anatomy/spine_layout.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace sagitta::anatomy {

glm::dmat4 translation(const glm::dvec3& t) {
  return glm::translate(glm::dmat4(1.0), t);
}
glm::dmat4 rotationZ(double angle_rad) {
  return glm::rotate(glm::dmat4(1.0), angle_rad, glm::dvec3(0.0, 0.0, 1.0));
}

namespace {

// Unit normal of a right superior articular facet: it faces posteromedially, at `angle` from the
// sagittal plane (0 = faces straight medially, pi/2 = faces straight back).
glm::dvec3 superiorFacetNormal(double angle) {
  return {-std::sin(angle), 0.0, -std::cos(angle)};
}

// The posterior-element offsets below are design values for a typical adult lumbar vertebra
// (general anatomy [U]) multiplied by `size` (VertebraDims::size: 1 for a 175 cm man's L1-L3).
VertebraLayout layoutVertebra(const VertebraDims& v, double disc_above_posterior) {
  VertebraLayout l;
  l.dims = v;
  const double ha = v.height_anterior, hp = v.height_posterior;
  const double hm = 0.5 * (ha + hp);
  const double ds = v.endplate_depth_superior, di = v.endplate_depth_inferior;
  const double size = v.size;
  const double wedge = std::atan((ha - hp) / ds);
  l.superior_endplate = translation({0.0, hm, 0.0}) * rotationZ(wedge);
  l.superior_anterior = transformPoint(l.superior_endplate, {0.5 * ds, 0.0, 0.0});
  l.superior_posterior = transformPoint(l.superior_endplate, {-0.5 * ds, 0.0, 0.0});
  l.inferior_anterior = {0.5 * di, 0.0, 0.0};
  l.inferior_posterior = {-0.5 * di, 0.0, 0.0};
  const double xw = -0.25 * (ds + di);
  l.posterior_wall_x = xw;

  // pedicles leave the upper half of the posterior wall, their top ~1.5 mm below the endplate
  const double yp = hp - 0.5 * v.pedicle_height - 0.06 * hp;
  const double zp = 0.5 * (v.canal_width + v.pedicle_width);
  l.pedicle_y = yp;
  l.pedicle_front = {xw + 0.002 * size, yp, zp - 0.0015 * size};
  l.pedicle_back = {xw - v.pedicle_length, yp, zp + 0.0005 * size};
  const glm::dvec3 pedicle_mid = 0.5 * (l.pedicle_front + l.pedicle_back);
  l.pedicle_superior = pedicle_mid + glm::dvec3(0.0, 0.5 * v.pedicle_height, 0.0);
  l.pedicle_inferior = pedicle_mid - glm::dvec3(0.0, 0.5 * v.pedicle_height, 0.0);

  // superior articular process: rises from the pillar behind the pedicle to mid-disc height,
  // its facet just medial of the pedicle axis
  const double t = 0.0035 * size;
  l.articular_thickness = t;
  const double xpil = xw - v.pedicle_length - 0.003 * size;
  l.superior_process = {xpil, hp + 0.45 * disc_above_posterior,
                        0.5 * v.canal_width + 0.35 * v.pedicle_width + 0.001 * size};
  l.superior_facet_normal = superiorFacetNormal(v.facet_angle);
  l.superior_facet = l.superior_process + l.superior_facet_normal * t;
  l.superior_process_tip = {xpil - 0.001 * size, hp + disc_above_posterior + 0.003 * size,
                            l.superior_process.z};
  l.mammillary = l.superior_process + glm::dvec3(-t - 0.006 * size, -0.003 * size, 0.003 * size);

  // transverse process: from the pedicle-lamina junction, its root a little above the pedicle's
  // axis, out and slightly back to a tip 5 mm above the axis: level or rising, not drooping
  // [U]. The drooping process it replaces (tip 2 mm below the axis) sat 4-7 mm low against the
  // Visible Human's L1-L5 in the front view (sagitta_bone_validate --views)
  // L5's (stout_transverse) leave further forward, from the pedicle and the body's side, and run
  // more nearly straight out (sagitta_bone_validate --regions: the reference's L5 roots lay
  // 4 mm in front of and 5 mm below ours)
  const bool stout = v.stout_transverse;
  l.transverse_root = {xw - (stout ? 0.4 : 0.6) * v.pedicle_length, yp + (stout ? 0.001 : 0.003) * size,
                       zp + 0.5 * v.pedicle_width};
  l.transverse_tip = {xw - 0.6 * v.pedicle_length - (stout ? 0.002 : 0.006) * size,
                      yp + (stout ? 0.004 : 0.005) * size, 0.5 * v.transverse_span};
  l.accessory = l.transverse_root + glm::dvec3(-0.005 * size, -0.004 * size, 0.004 * size);

  l.canal_anterior = {xw, yp, 0.0};
  l.canal_posterior = {xw - v.canal_depth, yp, 0.0};
  const double ysp = 0.42 * hm;
  l.spinous_root = {xw - v.canal_depth, ysp, 0.0};
  l.spinous_tip = {xw - v.canal_depth - v.spinous_length, ysp - 0.002 * size, 0.0};
  // lateral face of the isthmus, below the pedicle and behind the foramen
  l.pars = {xpil - 0.0005 * size, yp - 0.5 * v.pedicle_height - 0.002 * size,
            0.5 * v.canal_width + 0.0035 * size};
  return l;
}

// The inferior articular process of `upper` rests on the superior facet of the vertebra below:
// its facet lies one joint space beyond that facet, facing back at it.
void fitInferiorFacet(VertebraLayout& upper, const glm::dmat4& lower_in_upper, const glm::dvec3& lower_facet,
                      const glm::dvec3& lower_normal, double gap) {
  const glm::dvec3 facet = transformPoint(lower_in_upper, lower_facet);
  const glm::dvec3 n = glm::normalize(transformDirection(lower_in_upper, lower_normal));
  const double t = upper.articular_thickness;
  upper.inferior_facet = facet + n * gap;
  upper.inferior_facet_normal = -n;
  upper.inferior_process = upper.inferior_facet + n * t;
  upper.inferior_process_tip = upper.inferior_process + glm::dvec3(0.0, -2.2 * t, 0.0);
}

SacrumLayout layoutSacrum(const BodyDimensions& d, double disc_above_posterior) {
  SacrumLayout s;
  const double size = d.opensim_scale;
  s.endplate_depth = d.s1_endplate_depth;
  s.endplate_width = d.s1_endplate_width;
  s.endplate_anterior = {0.5 * s.endplate_depth, 0.0, 0.0};
  s.endplate_posterior = {-0.5 * s.endplate_depth, 0.0, 0.0};
  // the promontory: the anterosuperior lip of the S1 body, just under the endplate rim
  s.promontory = {0.5 * s.endplate_depth, -0.0015 * size, 0.0};
  s.posterior_wall_x = -0.5 * s.endplate_depth;
  // S1 canal ~30 mm wide and ~15 mm deep, S1 "pedicle" ~18 mm wide, merging into the ala [U]
  s.canal_width = 0.030 * size;
  s.canal_depth = 0.015 * size;
  const double pedicle_width = 0.018 * size;
  const double pedicle_length = 0.010 * size;
  const double zp = 0.5 * (s.canal_width + pedicle_width);
  s.pedicle_superior = {s.posterior_wall_x - 0.5 * pedicle_length, -0.002 * size, zp};
  s.articular_thickness = 0.0038 * size;
  const double xpil = s.posterior_wall_x - pedicle_length - 0.003 * size;
  s.superior_process = {xpil, 0.45 * disc_above_posterior,
                        0.5 * s.canal_width + 0.35 * pedicle_width + 0.001 * size};
  s.superior_facet_normal = superiorFacetNormal(d.s1_facet_angle);
  s.superior_facet = s.superior_process + s.superior_facet_normal * s.articular_thickness;
  s.superior_process_tip = {xpil - 0.001 * size, disc_above_posterior + 0.003 * size, s.superior_process.z};
  s.ala_tip = {-0.008 * size, -0.006 * size, 0.5 * d.sacral_base_width};

  // Sacral kyphosis: S1 to the apex ~10 cm, concave forward, coccyx ~3.5 cm curving forward;
  // placed so the apex and coccyx sit inside the Rajagopal2016 sacrum mesh extent (lowest
  // y -0.066 m in the pelvis frame) [M] and the outlet (coccyx tip to symphysis) is ~10 cm [U].
  // The curve is stretched by kSacralLength: the sacrum's height (promontory to apex) is
  // 106.7 +- 10.2 mm in dry adult sacra (Anatomical evaluation of sacrum in dry bones, 30 sacra)
  // and 103.3 +- 10.0 mm (JOMPAC, 32 Anatolian sacra) [V]; 95 mm of apex depth at the OpenSim size
  // was short of both and ~25 % short of the Visible Human male's (sagitta_bone_validate).
  // The curve's depth: the ventral curved length of the male sacrum is 113.40 +- 7.91 mm for a
  // straight length of 107.55 +- 8.89 mm (60 dry sacra, Bangladesh J Anat 15(2),
  // doi:10.3329/bja.v15i2.75216) [V abstract], a ratio of 1.054; the third control point gives
  // this curve 1.055 (it had 1.027: a sacrum nearly straight, ~12 mm deep instead of ~18 mm).
  constexpr double kSacralLength = 1.12;
  const double sl = size * kSacralLength;
  s.centreline = {glm::dvec3(0.0, 0.0, 0.0), glm::dvec3(-0.002, -0.040, 0.0) * sl,
                  glm::dvec3(-0.004, -0.072, 0.0) * sl, glm::dvec3(0.0286, -0.095, 0.0) * sl};
  s.apex = s.centreline[3];
  s.coccyx_tip = s.apex + glm::dvec3(0.0306, -0.0131, 0.0) * size;
  s.median_crest_s2 = glm::dvec3(-0.040, -0.032, 0.0) * sl;
  s.hiatus = glm::dvec3(-0.004, -0.080, 0.0) * sl;
  return s;
}

}  // namespace

glm::dmat4 SpineLayout::lumbarInPelvis(int index) const {
  glm::dmat4 m = sacrum_in_pelvis;
  for (int k = kLumbarCount - 1; k >= index; --k) m = m * lumbar_in_parent[static_cast<std::size_t>(k)];
  return m;
}

glm::dmat4 SpineLayout::thoraxInPelvis() const {
  return lumbarInPelvis(0) * thorax_in_l1;
}

SpineLayout layoutSpine(const BodyDimensions& d) {
  SpineLayout out;
  // S1 endplate: its centre M lies at the pelvic radius from the hip axis, at PT from the
  // vertical (M behind the axis for PT > 0); its normal leans forward by SS. PI = PT + SS.
  out.hip_axis = {d.hip_centre.x, d.hip_centre.y, 0.0};
  const glm::dvec3 m =
      out.hip_axis + d.pelvic_radius * glm::dvec3(-std::sin(d.pelvic_tilt), std::cos(d.pelvic_tilt), 0.0);
  out.sacrum_in_pelvis = translation(m) * rotationZ(-d.sacral_slope);

  // Each level: up through the disc (middle height, then its wedge) to the next inferior
  // endplate; each vertebra's superior endplate carries the body's own wedge.
  const DiscDims& l5s1 = d.discs[4];
  out.sacrum = layoutSacrum(d, l5s1.height_posterior);
  for (int k = kLumbarCount - 1; k >= 0; --k) {
    const auto i = static_cast<std::size_t>(k);
    const double disc_above = k > 0 ? d.discs[i - 1].height_posterior : d.disc_t12_l1.height_posterior;
    out.lumbar[i] = layoutVertebra(d.lumbar[i], disc_above);
    const glm::dmat4 below_top =
        k == kLumbarCount - 1 ? glm::dmat4(1.0) : out.lumbar[i + 1].superior_endplate;
    out.lumbar_in_parent[i] =
        below_top * translation({0.0, d.discs[i].height_middle, 0.0}) * rotationZ(d.discs[i].wedge);
  }
  // T12's superior facets face T11, which is not modelled; a typical thoracic disc stands in
  out.t12 = layoutVertebra(d.t12, d.disc_t12_l1.height_posterior);
  out.thorax_in_l1 = out.lumbar[0].superior_endplate * translation({0.0, d.disc_t12_l1.height_middle, 0.0}) *
                     rotationZ(d.disc_t12_l1.wedge);

  // inferior articular processes rest on the superior facets below them
  fitInferiorFacet(out.lumbar[4], glm::inverse(out.lumbar_in_parent[4]), out.sacrum.superior_facet,
                   out.sacrum.superior_facet_normal, d.facet_gap);
  for (std::size_t k = 0; k + 1 < kLumbarCount; ++k) {
    fitInferiorFacet(out.lumbar[k], glm::inverse(out.lumbar_in_parent[k]), out.lumbar[k + 1].superior_facet,
                     out.lumbar[k + 1].superior_facet_normal, d.facet_gap);
  }
  fitInferiorFacet(out.t12, glm::inverse(out.thorax_in_l1), out.lumbar[0].superior_facet,
                   out.lumbar[0].superior_facet_normal, d.facet_gap);
  return out;
}

}  // namespace sagitta::anatomy
