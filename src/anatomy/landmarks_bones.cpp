// Bony landmarks of the built-in skeleton, where a radiologist would put them. Positions come
// from the layouts (body_layout.h), which cite their sources; docs/anatomy.md lists every name.
#include <string>

#include "anatomy/landmark_table.h"
#include "anatomy/thoracic_column.h"

namespace sagitta::anatomy {
namespace {

void addPelvis(const PelvisLayout& p, LandmarkTable& t) {
  t.addPair("asis", p.asis);
  t.addPair("aiis", p.aiis);
  t.addPair("psis", p.psis);
  t.addPair("piis", p.piis);
  t.addPair("iliac_crest_top", p.iliac_crest_top);
  t.addPair("iliac_tubercle", p.iliac_tubercle);
  t.addPair("iliac_fossa", p.iliac_fossa);
  t.addPair("greater_sciatic_notch", p.sciatic_notch);
  t.addPair("ischial_spine", p.ischial_spine);
  t.addPair("ischial_tuberosity", p.ischial_tuberosity);
  t.addPair("pubic_tubercle", p.pubic_tubercle);
  t.addPair("iliopubic_eminence", p.iliopubic_eminence);
  t.addPair("inferior_pubic_ramus", p.inferior_pubic_ramus);
  t.addPair("obturator_foramen_centre", p.obturator_centre);
  t.addPair("acetabulum_centre", p.acetabulum_centre);
  t.addPair("acetabulum_rim_superior", p.acetabulum_rim_superior);
  t.addPair("auricular_surface", p.auricular_centre);
  t.add("pubic_symphysis", Segment::kPelvis, p.pubic_symphysis);
  t.add("pubic_symphysis_superior", Segment::kPelvis, p.symphysis_superior);
  t.add("pubic_symphysis_inferior", Segment::kPelvis, p.symphysis_inferior);
}

void addSacrum(const BodyLayout& b, LandmarkTable& t) {
  const SacrumLayout& s = b.spine.sacrum;
  constexpr Segment kS = Segment::kSacrum;
  t.add("s1_endplate_mid", kS, glm::dvec3(0.0));
  t.add("s1_endplate_anterior", kS, s.endplate_anterior);
  t.add("s1_endplate_posterior", kS, s.endplate_posterior);
  t.add("sacral_promontory", kS, s.promontory);
  t.add("sacral_apex", kS, s.apex);
  t.add("coccyx_tip", kS, s.coccyx_tip);
  t.add("median_sacral_crest", kS, s.median_crest_s2);
  t.add("sacral_hiatus", kS, s.hiatus);
  t.addPair("s1_superior_articular", kS, s.superior_facet);
  t.addPair("s1_pedicle_superior", kS, s.pedicle_superior);
  t.addPair("sacral_ala", kS, s.ala_tip);
  // sacral side of the sacroiliac joint: the iliac auricular landmark less one joint space
  const glm::dvec3 iliac = transformPoint(glm::inverse(b.spine.sacrum_in_pelvis), b.pelvis.auricular_centre);
  t.addPair("sacral_auricular_surface", kS, iliac - glm::dvec3(0.0, 0.0, 0.002 * b.dims.opensim_scale));
}

void addVertebra(const std::string& p, Segment seg, const VertebraLayout& v, bool lumbar, LandmarkTable& t) {
  t.add(p + "_superior_endplate_anterior", seg, v.superior_anterior);
  t.add(p + "_superior_endplate_posterior", seg, v.superior_posterior);
  t.add(p + "_superior_endplate_mid", seg, 0.5 * (v.superior_anterior + v.superior_posterior));
  t.add(p + "_inferior_endplate_anterior", seg, v.inferior_anterior);
  t.add(p + "_inferior_endplate_posterior", seg, v.inferior_posterior);
  t.add(p + "_inferior_endplate_mid", seg, glm::dvec3(0.0));
  t.add(p + "_spinous_tip", seg, v.spinous_tip);
  t.add(p + "_canal_anterior", seg, v.canal_anterior);
  t.add(p + "_canal_posterior", seg, v.canal_posterior);
  t.addPair(p + "_transverse_tip", seg, v.transverse_tip);
  t.addPair(p + "_pedicle_superior", seg, v.pedicle_superior);
  t.addPair(p + "_pedicle_inferior", seg, v.pedicle_inferior);
  t.addPair(p + "_inferior_articular", seg, v.inferior_facet);
  if (lumbar) {
    t.addPair(p + "_superior_articular", seg, v.superior_facet);
    t.addPair(p + "_pars", seg, v.pars);
    t.addPair(p + "_mammillary", seg, v.mammillary);
    t.addPair(p + "_accessory", seg, v.accessory);
  }
}

void addThorax(const ThoraxLayout& th, LandmarkTable& t) {
  constexpr Segment kT = Segment::kThorax;
  // lowest point of the margin, midaxillary line: the rib's inferior border, a few mm below its
  // centreline (where the surface snap has no direction to go); snapped onto the bone later
  t.addPair("rib10_costal_margin", kT, th.ribs[0][6] - glm::dvec3(0.0, 0.003, 0.0));
  t.addPair("rib11_tip", kT, th.ribs[1].back());
  t.addPair("rib12_tip", kT, th.ribs[2].back());
  t.add("xiphoid_tip", kT, th.xiphoid_tip);
  t.add("xiphisternal_joint", kT, th.xiphisternal_joint);
}

// C7 and T1 .. T11 on the thoracic column (thoracic_column.h), in the thorax frame at the
// neutral pose: they move with the column's bend (anatomy::thoracicLevelMotions, by the level
// anatomy::thoracicColumnLevel reads from the name). `c7_body_centre` is where the C7 plumb line
// drops from (SRS; Schwab et al. 2012): the centre of the C7 vertebral body, the mean of its four
// midline endplate corners. The named features of each drawn thoracic vertebra
// (anatomy::columnVertebra): spinous and transverse tips, articular facets, and the costal facets
// its level has (superior and inferior demifacets on T2 .. T9, the inferior one on T1, a full
// facet on T1 for rib 1 and on T10 and T11, transverse costal facets on T1 .. T10); laid onto
// the drawn surface (landmark_snap.cpp).
void addThoracicColumn(const BodyLayout& b, LandmarkTable& t) {
  constexpr Segment kT = Segment::kThorax;
  const ThoracicColumn c = layoutThoracicColumn(b.dims, b.spine.t12);
  for (int level = 0; level < kThoracicColumnLevels - 1; ++level) {
    const std::string p(thoracicPartName(level));
    const auto i = static_cast<std::size_t>(level);
    t.add(p + "_body_centre", kT, c.centroid[i]);
    t.add(p + "_superior_endplate_anterior", kT, c.superior_anterior[i]);
    t.add(p + "_superior_endplate_posterior", kT, c.superior_posterior[i]);
    t.add(p + "_superior_endplate_mid", kT, 0.5 * (c.superior_anterior[i] + c.superior_posterior[i]));
    t.add(p + "_inferior_endplate_anterior", kT, c.inferior_anterior[i]);
    t.add(p + "_inferior_endplate_posterior", kT, c.inferior_posterior[i]);
    t.add(p + "_inferior_endplate_mid", kT, 0.5 * (c.inferior_anterior[i] + c.inferior_posterior[i]));
    t.add(p + "_spinous_tip", kT, c.spinous_tip[i]);
    const ColumnVertebra v = columnVertebra(b.dims, b.spine.t12, c, level);
    auto at = [&](const glm::dvec3& q) { return transformPoint(c.frame[i], c.size[i] * q); };
    t.addPair(p + "_transverse_tip", kT,
              at(v.transverse_tip + v.transverse_radius * glm::dvec3(0.0, 0.0, 1.0)));
    t.addPair(p + "_superior_articular", kT, at(v.superior_facet));
    t.addPair(p + "_inferior_articular", kT, at(v.inferior_facet));
    if (v.superior_demifacet) t.addPair(p + "_superior_costal_facet", kT, at(v.costal_superior));
    if (v.inferior_demifacet) t.addPair(p + "_inferior_costal_facet", kT, at(v.costal_inferior));
    if (v.full_facet) t.addPair(p + "_costal_facet", kT, at(v.costal_full));
    if (v.transverse_facet) t.addPair(p + "_transverse_costal_facet", kT, at(v.transverse_costal));
  }
}

void addLimbs(const FemurLayout& f, const ShankLayout& k, LandmarkTable& t) {
  constexpr Segment kF = Segment::kFemurRight;
  constexpr Segment kK = Segment::kShankRight;
  t.addPair("femoral_head_centre", kF, glm::dvec3(0.0));
  t.addPair("femoral_neck_base", kF, f.neck_base);  // on the shaft axis: neck-shaft angle vertex
  t.addPair("femoral_shaft_distal", kF, f.shaft_bottom);
  t.addPair("greater_trochanter", kF, f.greater_trochanter);
  t.addPair("lesser_trochanter", kF, f.lesser_trochanter);
  t.addPair("fovea_capitis", kF, f.fovea_direction * (f.head_radius - 0.002));
  t.addPair("femoral_neck_anterior", kF, f.neck_anterior);
  t.addPair("intertrochanteric_crest", kF, f.intertrochanteric_crest);
  t.addPair("intertrochanteric_line", kF, f.intertrochanteric_line);
  t.addPair("linea_aspera", kF, f.linea_aspera);
  t.addPair("medial_epicondyle", kF, f.medial_epicondyle);
  t.addPair("lateral_epicondyle", kF, f.lateral_epicondyle);
  t.addPair("medial_condyle_posterior", kF, f.medial_condyle - glm::dvec3(f.condyle_radius, 0.0, 0.0));
  t.addPair("lateral_condyle_posterior", kF, f.lateral_condyle - glm::dvec3(f.condyle_radius, 0.0, 0.0));
  t.addPair("knee_centre", kF, f.knee_centre);
  t.addPair("tibial_plateau_medial", kK, k.medial_plateau);
  t.addPair("tibial_plateau_lateral", kK, k.lateral_plateau);
  t.addPair("tibial_tuberosity", kK, k.tibial_tuberosity);
  t.addPair("fibular_head", kK,
            k.fibular_head + glm::dvec3(0.0, 0.0, 0.0095) * (k.tibia_radius / 0.012));  // lateral prominence
  t.addPair("medial_malleolus", kK, k.medial_malleolus);
  t.addPair("lateral_malleolus", kK, k.lateral_malleolus);
  t.addPair("ankle_centre", kK, k.ankle_centre);
  t.addPair("heel", kK, k.heel);
  t.addPair("toe_tip", kK, k.toe_tip);
  t.addPair("first_metatarsal_head", kK, k.first_metatarsal_head);
  t.addPair("fifth_metatarsal_head", kK, k.fifth_metatarsal_head);
}

}  // namespace

void addBoneLandmarks(const BodyLayout& b, LandmarkTable& t) {
  addPelvis(b.pelvis, t);
  addSacrum(b, t);
  for (int k = 0; k < kLumbarCount; ++k) {
    addVertebra("l" + std::to_string(k + 1), lumbarSegment(k), b.spine.lumbar[static_cast<std::size_t>(k)],
                true, t);
  }
  addVertebra("t12", Segment::kThorax, b.spine.t12, false, t);
  t.addPair("t12_costal_facet", Segment::kThorax, t12CostalFacet(b.spine.t12, b.dims.opensim_scale).centre);
  addThorax(b.thorax, t);
  addThoracicColumn(b, t);
  addLimbs(b.femur, b.shank, t);
}

}  // namespace sagitta::anatomy
