// Muscle attachment landmarks: `<muscle>_<origin|via1|via2|insertion>[_<level>]_<l|r>`.
// Hip muscles: Rajagopal2016 path points [M] (opensim-models @20a888b Models/Rajagopal/
// Rajagopal2016.osim, via ../shared/reference/opensim_muscles.json); its pelvis, femur and
// tibia frames are ours (tibia = shank), so the points only scale with body size.
// Trunk muscles: the fascicles of Christophy 2012 (Lumbar_C_210) and gait2392's lumped trunk
// muscles name which structure each end attaches to; those models' lumbar and torso frames do
// not match ours (reference.md 3.1 caveats), so these ends are placed on our own bony
// landmarks by that description [D].
#include <array>
#include <string>

#include "anatomy/landmark_table.h"

namespace sagitta::anatomy {
namespace {

struct Scale {
  double s, w;  // OpenSim scale; mediolateral factor for pelvic points
  glm::dvec3 pelvis(double x, double y, double z) const { return {x * s, y * s, z * s * w}; }
  glm::dvec3 limb(double x, double y, double z) const { return glm::dvec3(x, y, z) * s; }
};

void addHipMuscles(const BodyLayout& b, const Scale& m, LandmarkTable& t) {
  constexpr Segment kF = Segment::kFemurRight;
  constexpr Segment kK = Segment::kShankRight;
  // iliacus_r P1..P4
  t.addPair("iliacus_origin", m.pelvis(-0.0605, 0.0309, 0.0843));
  t.addPair("iliacus_via1", m.pelvis(-0.0135, -0.0557, 0.0756));
  t.addPair("iliacus_via2", kF, m.limb(-0.0023, -0.0565, 0.0139));
  t.addPair("iliacus_insertion", kF, m.limb(-0.0122, -0.0637, 0.0196));
  // psoas_r P2..P4 (its lumbar origins are on the vertebrae, below)
  t.addPair("psoas_via1", m.pelvis(-0.0205, -0.0654, 0.0656));
  t.addPair("psoas_via2", kF, m.limb(-0.0132, -0.0467, 0.0046));
  t.addPair("psoas_insertion", kF, m.limb(-0.0235, -0.0524, 0.0088));
  // recfem_r P1 and the tibial P5; its patellar points move with the knee, so the via point is
  // the patella's place on the femoral groove at the extended knee [D]
  t.addPair("rectus_femoris_origin", m.pelvis(-0.024, -0.0388, 0.0933));
  t.addPair("rectus_femoris_via1", kF, b.femur.patellar_groove + glm::dvec3(0.022, 0.025, 0.0) * m.s);
  t.addPair("rectus_femoris_insertion", kK, m.limb(0.0326, -0.06312, -0.00047));
  // sart_r P1, P2 (femur), P3 and P5 (tibia)
  t.addPair("sartorius_origin", m.pelvis(-0.0195, -0.0156, 0.1056));
  t.addPair("sartorius_via1", kF, m.limb(-0.003, -0.3568, -0.0421));
  t.addPair("sartorius_via2", kK, m.limb(-0.0251, -0.0401, -0.0365));
  t.addPair("sartorius_insertion", kK, m.limb(0.0136, -0.081, -0.0026));
  // tfl_r P1..P4
  t.addPair("tfl_origin", m.pelvis(-0.0311, 0.0214, 0.1241));
  t.addPair("tfl_via1", kF, m.limb(0.0294, -0.0995, 0.0597));
  t.addPair("tfl_via2", kF, m.limb(0.0107, -0.405, 0.0324));
  t.addPair("tfl_insertion", kK, m.limb(0.0108, -0.041, 0.0346));
  // glmax1..3_r P1..P4
  t.addPair("gluteus_maximus1_origin", m.pelvis(-0.1231, 0.0345, 0.0563));
  t.addPair("gluteus_maximus1_via1", m.pelvis(-0.1257, -0.0242, 0.0779));
  t.addPair("gluteus_maximus1_via2", kF, m.limb(-0.0444, -0.0326, 0.0302));
  t.addPair("gluteus_maximus1_insertion", kF, m.limb(-0.0277, -0.0566, 0.047));
  t.addPair("gluteus_maximus2_origin", m.pelvis(-0.1317, 0.0087, 0.0462));
  t.addPair("gluteus_maximus2_via1", m.pelvis(-0.1344, -0.0609, 0.0813));
  t.addPair("gluteus_maximus2_via2", kF, m.limb(-0.045, -0.0584, 0.0252));
  t.addPair("gluteus_maximus2_insertion", kF, m.limb(-0.0156, -0.1016, 0.0419));
  t.addPair("gluteus_maximus3_origin", m.pelvis(-0.130, -0.0525, 0.009));
  t.addPair("gluteus_maximus3_via1", m.pelvis(-0.1273, -0.1263, 0.0435));
  t.addPair("gluteus_maximus3_via2", kF, m.limb(-0.0281, -0.1125, 0.0094));
  t.addPair("gluteus_maximus3_insertion", kF, m.limb(-0.006, -0.1419, 0.0411));
  // hamstrings: semimem_r, semiten_r, bflh_r
  t.addPair("semimembranosus_origin", m.pelvis(-0.0987, -0.114, 0.0614));
  t.addPair("semimembranosus_insertion", kK, m.limb(-0.029, -0.0417, -0.0196));
  t.addPair("semitendinosus_origin", m.pelvis(-0.1038, -0.1253, 0.0515));
  t.addPair("semitendinosus_via1", kK, m.limb(-0.0312, -0.0508, -0.0229));
  t.addPair("semitendinosus_insertion", kK, m.limb(0.0019, -0.0773, -0.0117));
  t.addPair("biceps_femoris_lh_origin", m.pelvis(-0.104, -0.1191, 0.0586));
  t.addPair("biceps_femoris_lh_via1", kK, m.limb(-0.0337, -0.035, 0.0253));
  t.addPair("biceps_femoris_lh_insertion", kK, m.limb(-0.0287, -0.0455, 0.0303));
}

glm::dvec3 lerp(const glm::dvec3& a, const glm::dvec3& b, double f) {
  return a + (b - a) * f;
}

void addTrunkMuscles(const BodyLayout& b, LandmarkTable& t) {
  const double s = b.dims.opensim_scale;
  const PelvisLayout& p = b.pelvis;
  const ThoraxLayout& th = b.thorax;
  constexpr Segment kT = Segment::kThorax;
  constexpr Segment kS = Segment::kSacrum;

  // psoas major: one fascicle per level from the lateral body and the root of the transverse
  // process (Christophy Ps_Lk_VB / Ps_Lk_TP), to the brim and the lesser trochanter
  for (int k = 0; k < kLumbarCount; ++k) {
    const VertebraLayout& v = b.spine.lumbar[static_cast<std::size_t>(k)];
    const std::string level = "_l" + std::to_string(k + 1);
    const double hm = 0.5 * (v.dims.height_anterior + v.dims.height_posterior);
    const double half_w = 0.25 * (v.dims.endplate_width_superior + v.dims.endplate_width_inferior);
    t.addPair("psoas_origin" + level, lumbarSegment(k),
              {0.3 * v.posterior_wall_x, 0.6 * hm, half_w + 0.001 * s});
    // iliocostalis lumborum pars lumborum IL_L1..L4: posterior iliac crest near the PSIS to the
    // tip of the transverse process; longissimus pars lumborum LTpL_L1..L5: medial PSIS (L5:
    // dorsal sacrum) to the accessory process; multifidus: dorsal sacrum / PSIS to the
    // spinous process (Christophy MF_m1t.2 .. MF_m5s, the long fascicles)
    if (k < 4) {
      const std::array<glm::dvec3, 4> crest = {p.psis + glm::dvec3(0.0, 0.004, 0.0) * s, p.crest[9],
                                               lerp(p.crest[9], p.crest[8], 0.5), p.crest[8]};
      t.addPair("iliocostalis_origin" + level, crest[static_cast<std::size_t>(k)]);
      t.addPair("iliocostalis_insertion" + level, lumbarSegment(k),
                v.transverse_tip + glm::dvec3(-0.003, 0.0, -0.002) * s);
    }
    if (k < 4) {
      t.addPair("longissimus_origin" + level, p.psis + glm::dvec3(0.004, -0.004 - 0.003 * k, -0.006) * s);
    } else {
      t.addPair("longissimus_origin" + level, kS, glm::dvec3(-0.040, -0.010, 0.030) * s);
    }
    t.addPair("longissimus_insertion" + level, lumbarSegment(k), v.accessory);
    const std::array<glm::dvec3, 5> mf_sacrum = {
        glm::dvec3(-0.022, -0.068, 0.018), glm::dvec3(-0.028, -0.058, 0.020),
        glm::dvec3(-0.034, -0.046, 0.020), glm::dvec3(-0.040, -0.030, 0.018),
        glm::dvec3(-0.043, -0.012, 0.015)};
    if (k == 0) {
      t.addPair("multifidus_origin" + level, p.psis + glm::dvec3(0.002, -0.008, -0.006) * s);
    } else {
      t.addPair("multifidus_origin" + level, kS, mf_sacrum[static_cast<std::size_t>(k)] * s);
    }
    t.addPair("multifidus_insertion" + level, lumbarSegment(k),
              lerp(v.spinous_root, v.spinous_tip, 0.6) + glm::dvec3(0.0, 0.0, 0.004) * s);
  }
  // thoracic parts of the erector spinae, to rib 12 (Christophy IL_R12, LTpT_R12)
  const glm::dvec3 rib12_angle = th.ribs[2][1];
  t.addPair("iliocostalis_origin_rib12", p.crest[8]);
  t.addPair("iliocostalis_insertion_rib12", kT, rib12_angle + glm::dvec3(-0.004, 0.0, 0.0) * s);
  t.addPair("longissimus_origin_rib12", kS, glm::dvec3(-0.036, -0.040, 0.026) * s);
  t.addPair("longissimus_insertion_rib12", kT, th.rib12_longissimus + glm::dvec3(-0.005, 0.0, 0.0) * s);

  // rectus abdominis: pubic crest to the 5th-7th costal cartilages beside the xiphoid
  t.addPair("rectus_abdominis_origin", lerp(p.symphysis_superior, p.pubic_tubercle, 0.45));
  t.addPair("rectus_abdominis_insertion", kT, lerp(th.costal_margin[3], th.costal_margin[4], 0.5));
  // external oblique: outer surface of the lower ribs (rib 10, lateral) to the anterior half of
  // the iliac crest, outer lip (gait2392 extobl lumps it pelvis -> lateral lower ribs)
  t.addPair("external_oblique_origin", kT, th.ribs[0][4] + glm::dvec3(0.0, 0.0, 0.004) * s);
  t.addPair("external_oblique_insertion", lerp(p.crest[2], p.crest[3], 0.5));
  // internal oblique: anterior two thirds of the iliac crest (intermediate line) to the
  // inferior borders of ribs 10-12 and the costal margin (gait2392 intobl)
  t.addPair("internal_oblique_origin", lerp(p.crest[3], p.crest[4], 0.5) + glm::dvec3(0.0, 0.0, -0.004) * s);
  t.addPair("internal_oblique_insertion", kT, th.costal_margin[1]);
}

}  // namespace

void addMuscleLandmarks(const BodyLayout& b, LandmarkTable& t) {
  const BodyDimensions& d = b.dims;
  const Scale m{d.opensim_scale, 0.5 * (d.false_pelvis_width_factor + d.true_pelvis_width_factor)};
  addHipMuscles(b, m, t);
  addTrunkMuscles(b, t);
}

}  // namespace sagitta::anatomy
