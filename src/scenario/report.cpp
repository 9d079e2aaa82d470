#include "scenario/report.h"

#include "biomech/evidence.h"
#include "biomech/measures.h"
#include "biomech/slip_classification.h"
#include "scenario/parameters.h"

namespace sagitta::scenario {
namespace {

using Json = nlohmann::ordered_json;
using biomech::Side;

Json bySide(const std::array<double, biomech::kSideCount>& v) {
  return Json{{"left", v[biomech::sideIndex(Side::kLeft)]}, {"right", v[biomech::sideIndex(Side::kRight)]}};
}

Json muscleJson(const biomech::MuscleResult& m) {
  return Json{{"length_mm", m.length_m * 1e3},
              {"length_pct_of_neutral", m.length_pct_of_neutral},
              {"passive_force_N", m.passive_force_N},
              {"active_force_N", m.active_force_N},
              {"fibre_length_norm", m.fibre_length_norm}};
}

// Each nerve root at the slip level: where it is compressed and by how much.
Json rootsJson(const biomech::SlipResult& sl) {
  Json roots = Json::array();
  for (const biomech::NerveRoot& root : sl.nerve_roots) {
    roots.push_back(Json{{"root", root.name},
                         {"side", root.midline ? std::string_view("midline") : biomech::sideName(root.side)},
                         {"role", root.role},
                         {"where", root.where},
                         {"narrowing_pct", root.narrowing_pct},
                         {"stretch_pct", root.stretch_pct}});
  }
  return roots;
}

std::string_view retiredNerveRoot(const biomech::SlipResult& sl) {
  if (sl.nerve_roots.empty()) return "";
  const biomech::NerveRoot& worst = sl.nerve_roots[sl.most_compressed];
  return worst.where != "none" ? worst.name : sl.nerve_roots.front().name;
}

}  // namespace

Json inputsJson(const biomech::ModelInputs& in) {
  Json j = Json::object();
  j["pose"] = getText(in, "pose");
  j["pose_side"] = getText(in, "pose_side");
  Json muscles = Json::object();
  for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
    Json sides = Json::object();
    for (Side s : biomech::kSides) {
      const biomech::MuscleSetting& ms = in.muscles[m][biomech::sideIndex(s)];
      sides[std::string(biomech::sideName(s))] = Json{{"tightness", ms.tightness}, {"tone", ms.tone}};
    }
    muscles[std::string(biomech::muscleKey(static_cast<biomech::MuscleId>(m)))] = sides;
  }
  j["muscles"] = muscles;
  j["slip"] = Json{
      {"level", getText(in, "slip.level")}, {"type", getText(in, "slip.type")}, {"percent", in.slip.percent}};
  Json patient = Json::object();
  for (const ParamInfo& p : parameters()) {
    if (!p.optional) continue;
    const std::optional<double> v = getNumber(in, p.key);
    patient[p.key.substr(p.key.find('.') + 1)] = v ? Json(*v) : Json(nullptr);
  }
  j["patient"] = patient;
  j["body"] = Json{
      {"stature_m", in.body.stature_m}, {"mass_kg", in.body.mass_kg}, {"sex", anatomy::sexName(in.body.sex)}};
  return j;
}

Json reportJson(const biomech::ModelInputs& in, const biomech::Solution& s) {
  const biomech::ClinicalMeasures& m = s.measures;
  Json r = Json::object();
  r["schema"] = kReportSchema;
  r["version"] = kReportVersion;
  r["label"] = biomech::kModelPredictionLabel;
  r["evidence_note"] = biomech::evidenceNote();
  r["pose"] = biomech::poseName(s.pose_kind);
  r["pose_side"] = biomech::sideName(s.pose_side);

  r["pelvic_tilt_deg"] = m.pelvic_tilt_deg;
  r["asis_psis_tilt_deg"] = m.asis_psis_tilt_deg;
  r["sacral_slope_deg"] = m.sacral_slope_deg;
  r["pelvic_incidence_deg"] = m.pelvic_incidence_deg;
  r["lumbar_lordosis_deg"] = m.lumbar_lordosis_deg;
  r["pi_minus_ll_deg"] = m.pelvic_incidence_deg - m.lumbar_lordosis_deg;
  Json segmental = Json::object();
  for (int k = 0; k < biomech::kLumbarLevels; ++k) {
    segmental[std::string(biomech::segmentLevelName(k))] =
        m.segmental_lordosis_deg[static_cast<std::size_t>(k)];
  }
  r["segmental_lordosis_deg"] = segmental;
  r["hip_extension_deg"] = bySide(m.hip_extension_deg);

  // whole-body balance (docs/biomechanics.md "Global balance")
  const biomech::GlobalBalance& gb = s.balance;
  r["sagittal_vertical_axis_mm"] = m.sagittal_vertical_axis_mm;
  r["t1_pelvic_angle_deg"] = m.t1_pelvic_angle_deg;
  r["thoracic_kyphosis_deg"] = m.thoracic_kyphosis_deg;
  r["global_tilt_deg"] = m.global_tilt_deg;
  r["knee_flexion_deg"] = bySide(m.knee_flexion_deg);
  auto compensation = [](double v) {
    return Json{{"value", v}, {"unit", "deg"}, {"active", v > biomech::kCompensationActive_deg}};
  };
  r["compensation"] = Json{{"pelvic_retroversion", compensation(gb.compensation.pelvic_retroversion_deg)},
                           {"thoracic_flattening", compensation(gb.compensation.thoracic_flattening_deg)},
                           {"knee_flexion", compensation(gb.compensation.knee_flexion_deg)}};
  r["roussouly_type"] = gb.roussouly;
  r["roussouly_rule"] = biomech::roussoulyRule();
  r["lordosis_apex"] = biomech::apexLevelName(m.lordosis_apex);
  r["srs_schwab"] = Json{{"pt", gb.schwab_pt}, {"pi_minus_ll", gb.schwab_pi_ll}, {"sva", gb.schwab_sva}};
  r["le_huec_theoretical"] = Json{{"pi_class", gb.theoretical.pi_class},
                                  {"pelvic_tilt_deg", gb.theoretical.pelvic_tilt_deg},
                                  {"lumbar_lordosis_deg", gb.theoretical.lumbar_lordosis_deg}};

  Json muscles = Json::object();
  for (std::size_t i = 0; i < biomech::kMuscleCount; ++i) {
    Json sides = Json::object();
    for (Side side : biomech::kSides) {
      sides[std::string(biomech::sideName(side))] = muscleJson(s.muscles[i][biomech::sideIndex(side)]);
    }
    muscles[std::string(biomech::muscleKey(static_cast<biomech::MuscleId>(i)))] = sides;
  }
  r["muscles"] = muscles;

  const biomech::SlipResult& sl = s.slip;
  r["slip"] = Json{{"level", biomech::slipLevelName(m.slip_level)},
                   {"type", biomech::slipTypeName(sl.type)},
                   {"percent", m.slip_percent},
                   {"meyerding_grade", m.meyerding_grade},
                   {"slip_angle_deg", m.slip_angle_deg},
                   {"input_percent", sl.input_percent},
                   {"pars_defect", sl.pars_defect},
                   {"canal_ap_mm", sl.canal_ap_mm},
                   {"canal_ap_neutral_mm", sl.canal_ap_neutral_mm},
                   {"foraminal_height_mm", bySide(sl.foraminal_height_mm)},
                   {"foraminal_height_neutral_mm", bySide(sl.foraminal_height_neutral_mm)},
                   {"disc_height_mm", sl.disc_height_mm},
                   {"disc_height_neutral_mm", sl.disc_height_neutral_mm},
                   {"foraminal_area_mm2", bySide(sl.foraminal_area_mm2)},
                   {"foraminal_area_neutral_mm2", bySide(sl.foraminal_area_neutral_mm2)},
                   {"lateral_recess_mm", bySide(sl.lateral_recess_mm)},
                   {"lateral_recess_neutral_mm", bySide(sl.lateral_recess_neutral_mm)},
                   {"canal_area_mm2", sl.canal_area_mm2},
                   {"canal_area_neutral_mm2", sl.canal_area_neutral_mm2},
                   {"lumbosacral_angle_deg", sl.lumbosacral_angle_deg},
                   {"l5_lumbar_index", sl.l5_lumbar_index},
                   {"l5_lumbar_index_neutral", sl.l5_lumbar_index_neutral},
                   {"sacral_doming_pct", sl.sacral_doming_pct},
                   {"sdsg_type", sl.sdsg_type},
                   {"sdsg_name", biomech::sdsgName(sl.sdsg_type)},
                   {"c7_plumb_offset_mm", sl.c7_plumb_offset_mm},
                   {"nerve_roots", rootsJson(sl)},
                   // retired: the most compressed root's name, kept for one release; with no root
                   // compressed, the exiting root as before issue 13 (not a free cauda equina)
                   {"nerve_root", retiredNerveRoot(sl)}};
  r["l5s1_shear_N"] = s.l5s1_shear_N;
  r["l5s1_compression_N"] = s.l5s1_compression_N;
  r["l5s1_shear_gravity_only_N"] = s.l5s1_shear_gravity_only_N;
  if (s.thomas) {
    const biomech::ThomasResult& t = *s.thomas;
    r["thomas"] = Json{{"side", biomech::sideName(t.side)},
                       {"thigh_above_horizontal_deg", t.thigh_above_horizontal_deg},
                       {"knee_flexion_deg", t.knee_flexion_deg},
                       {"hip_extension_deg", t.hip_extension_deg},
                       {"one_joint_flexors_short", t.one_joint_flexors_short},
                       {"two_joint_flexors_short", t.two_joint_flexors_short}};
  } else {
    r["thomas"] = nullptr;
  }
  r["sacrum_morph_deg"] = s.sacrum_morph_deg;
  r["trunk_inclination_deg"] = s.trunk_inclination_deg;
  // PI alone: the PT and LL posed are the model's prediction from PI (Le Huec PI-class table)
  r["patient_prediction"] = s.predicted_from_pi ? Json(
                                                      "model prediction: PT and LL predicted from PI by the "
                                                      "Le Huec PI-class table (PMC4303780 Table 3)")
                                                : Json(nullptr);
  r["solver"] = Json{{"iterations", s.solver.iterations},
                     {"residual", s.solver.residual},
                     {"converged", s.solver.converged}};
  r["warnings"] = s.warnings;
  r["inputs"] = inputsJson(in);
  r["units"] = Json{{"*_deg", "degrees"},
                    {"*_mm", "millimetres"},
                    {"*_N", "newtons"},
                    {"*_pct_of_neutral", "percent of the length at the neutral standing pose"},
                    {"fibre_length_norm", "fibre length / optimal fibre length"},
                    {"slip.percent", "percent of the lower endplate's AP length"},
                    {"*_mm2", "square millimetres"},
                    {"*_pct", "percent"},
                    {"solver.residual", "N m (largest generalised force left)"}};
  Json conventions = Json::object();
  for (const biomech::Convention& c : biomech::signConventions()) conventions[std::string(c.key)] = c.text;
  r["conventions"] = conventions;
  return r;
}

}  // namespace sagitta::scenario
