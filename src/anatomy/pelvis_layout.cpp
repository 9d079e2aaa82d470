// Right os coxa control points in the pelvis frame. Coordinates are the Rajagopal2016 pelvis
// frame at the OpenSim generic size; [M] marks vertices read from opensim-models
// Models/Rajagopal/Geometry/r_pelvis.obj (a 122-vertex mesh, so each is good to a few mm),
// [D] marks design points placed between them by anatomy. They are scaled by the body's
// OpenSim scale, and their z by the false- or true-pelvis width factor (female pelves).
#include <cmath>

#include "anatomy/body_layout.h"
#include "core/units.h"

namespace sagitta::anatomy {
namespace {

enum class Region { kFalse, kTrue, kMixed };

struct Scaler {
  double s, wf, wt;
  glm::dvec3 operator()(double x, double y, double z, Region r) const {
    const double w = r == Region::kFalse ? wf : r == Region::kTrue ? wt : 0.5 * (wf + wt);
    return {x * s, y * s, z * s * w};
  }
};

}  // namespace

PelvisLayout layoutPelvis(const BodyDimensions& d, const SpineLayout& spine) {
  const Scaler p{d.opensim_scale, d.false_pelvis_width_factor, d.true_pelvis_width_factor};
  const double s = d.opensim_scale;
  PelvisLayout l;
  l.asis = d.asis;
  l.psis = d.psis;
  l.iliac_crest_top = p(-0.0726, 0.0800, 0.0925, Region::kFalse);  // [M] outer lip at the summit
  l.iliac_tubercle = p(-0.0228, 0.0361, 0.1315, Region::kFalse);   // [M] widest crest point
  // outer lip of the crest: ASIS, tubercle, summit, then medially down to the PSIS [M]
  l.crest = {l.asis,
             p(-0.0038, 0.0114, 0.1293, Region::kFalse),
             l.iliac_tubercle,
             p(-0.0400, 0.0540, 0.1250, Region::kFalse),  // [D] between [M] neighbours
             p(-0.0517, 0.0655, 0.1138, Region::kFalse),
             l.iliac_crest_top,
             p(-0.0929, 0.0803, 0.0655, Region::kFalse),
             p(-0.1090, 0.0664, 0.0610, Region::kFalse),
             p(-0.1230, 0.0564, 0.0472, Region::kFalse),
             p(-0.1368, 0.0271, 0.0424, Region::kTrue),
             l.psis};
  l.aiis = p(-0.0223, -0.0353, 0.0967, Region::kFalse);                 // [M] by rectus femoris origin
  l.piis = p(-0.1256, -0.0101, 0.0424, Region::kTrue);                  // [M] top of the sciatic notch
  l.iliac_fossa = p(-0.0620, 0.0220, 0.0740, Region::kFalse);           // [D] iliacus origin lies on it
  l.sciatic_notch = p(-0.0862, -0.0259, 0.0618, Region::kTrue);         // [M] apex of the notch
  l.ischial_spine = p(-0.1100, -0.0860, 0.0460, Region::kTrue);         // [D] between [M] vertices
  l.lesser_sciatic_notch = p(-0.1120, -0.1080, 0.0520, Region::kTrue);  // [D]
  l.ischial_tuberosity = d.ischial_tuberosity;
  l.pubic_symphysis = d.pubic_symphysis;
  l.symphysis_superior = p(-0.0025, -0.0765, 0.0, Region::kTrue);     // [M]
  l.symphysis_inferior = p(-0.0260, -0.1104, 0.0, Region::kTrue);     // [M]
  l.symphysis_posterior = p(-0.0293, -0.0917, 0.0, Region::kTrue);    // [M]
  l.pubic_tubercle = p(0.0, -0.0795, 0.0267, Region::kTrue);          // [M]
  l.iliopubic_eminence = p(-0.0299, -0.0540, 0.0637, Region::kTrue);  // [M]
  // obturator foramen: below and in front of the acetabulum, facing anterolaterally;
  // oval ~48 x 30 mm in men, more triangular and wider in women [U]
  l.obturator_centre = p(-0.0450, -0.1030, 0.0380, Region::kTrue);
  l.obturator_normal = glm::normalize(glm::dvec3(0.50, -0.20, 0.84));
  l.obturator_height = 0.046 * s;
  l.obturator_width = 0.029 * s * d.true_pelvis_width_factor;

  // acetabulum: the socket around the hip centre; its opening faces lateral, down and forward
  // (inclination ~45 deg [U], anteversion 18.8 deg: Jiang 2015, 466 adults [V])
  l.acetabulum_centre = d.hip_centre;
  l.acetabulum_radius = d.femoral_head_radius + 0.0015 * s;  // + articular cartilage [U]
  const double incl = degToRad(45.0), av = degToRad(18.79);
  l.acetabulum_axis = glm::normalize(
      glm::dvec3(std::sin(av) * std::sin(incl), -std::cos(incl), std::cos(av) * std::sin(incl)));
  const glm::dvec3 up(0.0, 1.0, 0.0);
  const glm::dvec3 rim_dir = glm::normalize(up - glm::dot(up, l.acetabulum_axis) * l.acetabulum_axis);
  l.acetabulum_rim_superior = l.acetabulum_centre + (l.acetabulum_radius + 0.004 * s) * rim_dir;

  // subpubic arch: from the lower symphysis margin toward the tuberosities at half the
  // subpubic angle (Ali 2020) on each side
  const glm::dvec3 mid_tuberosity(l.ischial_tuberosity.x, l.ischial_tuberosity.y, 0.0);
  const glm::dvec3 arch = glm::normalize(mid_tuberosity - l.symphysis_inferior);
  const double half = 0.5 * d.subpubic_angle;
  l.inferior_pubic_ramus =
      l.symphysis_inferior + 0.030 * s * (std::cos(half) * arch + std::sin(half) * glm::dvec3(0.0, 0.0, 1.0));

  // sacroiliac joint, iliac side: facing the sacrum's auricular surface (S1-S2, lateral),
  // one joint space lateral of it; the joint runs anterolateral to posteromedial [U]
  const glm::dvec3 sacral_side(-0.006 * s, -0.022 * s, 0.047 * s * d.true_pelvis_width_factor);
  l.auricular_centre = transformPoint(spine.sacrum_in_pelvis, sacral_side) + glm::dvec3(0.0, 0.0, 0.002 * s);
  l.auricular_normal = glm::normalize(glm::dvec3(0.35, 0.0, -0.94));

  // pelvic brim: arcuate line of the ilium to the pecten pubis [D, along inner-surface vertices]
  l.arcuate_line = {p(-0.0850, 0.0120, 0.0500, Region::kTrue),  p(-0.0700, -0.0220, 0.0560, Region::kTrue),
                    p(-0.0500, -0.0460, 0.0610, Region::kTrue), p(-0.0300, -0.0600, 0.0580, Region::kTrue),
                    p(-0.0120, -0.0720, 0.0450, Region::kTrue), l.pubic_tubercle};
  return l;
}

}  // namespace sagitta::anatomy
