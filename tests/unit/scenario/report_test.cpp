// The report's JSON: every documented key present with the right type, the label and evidence
// note, the conventions; and docs/biomechanics.md documents every key the report and the
// parameter registry have.
#include "scenario/report.h"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "anatomy/skeleton.h"
#include "biomech/posture_model.h"
#include "scenario/parameters.h"

namespace sagitta::scenario {
namespace {

using Json = nlohmann::ordered_json;

const biomech::PostureModel& model() {
  static const biomech::PostureModel kModel(anatomy::buildSkeleton());
  return kModel;
}

Json report(const biomech::ModelInputs& in) {
  return reportJson(in, model().solve(in));
}

// every leaf as "a.b.c" -> its JSON value
void flatten(const Json& j, const std::string& prefix, std::map<std::string, Json>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      std::string path = prefix;
      if (!path.empty()) path += '.';
      path += k;
      flatten(v, path, out);
    }
  } else {
    out[prefix] = j;
  }
}

TEST(Report, HasTheWholeBodyBalanceKeysOfIssue12) {
  const biomech::ModelInputs in;
  const biomech::Solution s = model().solve(in);
  const Json r = reportJson(in, s);
  std::map<std::string, Json> leaves;
  flatten(r, "", leaves);
  for (const char* key :
       {"sagittal_vertical_axis_mm", "t1_pelvic_angle_deg", "thoracic_kyphosis_deg", "global_tilt_deg",
        "knee_flexion_deg.left", "knee_flexion_deg.right", "compensation.pelvic_retroversion.value",
        "compensation.thoracic_flattening.value", "compensation.knee_flexion.value"}) {
    ASSERT_TRUE(leaves.count(key)) << key;
    EXPECT_TRUE(leaves[key].is_number()) << key;
  }
  EXPECT_EQ(leaves["compensation.knee_flexion.unit"], "deg");
  EXPECT_TRUE(leaves["compensation.pelvic_retroversion.active"].is_boolean());
  // the values are the solution's measures, not copies of an input
  EXPECT_EQ(leaves["sagittal_vertical_axis_mm"].get<double>(), s.measures.sagittal_vertical_axis_mm);
  EXPECT_EQ(leaves["thoracic_kyphosis_deg"].get<double>(), s.measures.thoracic_kyphosis_deg);
  const std::set<std::string> types = {"1", "2", "3", "3-anteverted", "4"};
  EXPECT_TRUE(types.count(leaves["roussouly_type"].get<std::string>()));
  EXPECT_FALSE(leaves["roussouly_rule"].get<std::string>().empty());
  const std::set<std::string> modifiers = {"0", "+", "++"};
  for (const char* key : {"srs_schwab.pt", "srs_schwab.pi_minus_ll", "srs_schwab.sva"})
    EXPECT_TRUE(modifiers.count(leaves[key].get<std::string>())) << key;
}

TEST(Report, HasEveryMeasureWithItsType) {
  biomech::ModelInputs in;
  in.slip.percent = 30.0;
  const Json r = report(in);
  std::map<std::string, Json> leaves;
  flatten(r, "", leaves);
  auto number = [&](const std::string& key) {
    ASSERT_TRUE(leaves.count(key)) << key;
    EXPECT_TRUE(leaves[key].is_number()) << key;
  };
  for (const char* key : {"pelvic_tilt_deg", "asis_psis_tilt_deg", "sacral_slope_deg", "pelvic_incidence_deg",
                          "lumbar_lordosis_deg", "pi_minus_ll_deg", "l5s1_shear_N", "l5s1_compression_N",
                          "l5s1_shear_gravity_only_N", "slip.percent", "slip.slip_angle_deg",
                          "slip.input_percent", "slip.canal_ap_mm", "slip.canal_ap_neutral_mm",
                          "solver.residual", "sacrum_morph_deg", "trunk_inclination_deg"}) {
    number(key);
  }
  for (const char* level : {"L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"})
    number(std::string("segmental_lordosis_deg.") + level);
  for (const char* side : {"left", "right"}) {
    number(std::string("hip_extension_deg.") + side);
    number(std::string("slip.foraminal_height_mm.") + side);
    for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
      const std::string base =
          "muscles." + std::string(biomech::muscleKey(static_cast<biomech::MuscleId>(m))) + "." + side + ".";
      for (const char* field :
           {"length_mm", "length_pct_of_neutral", "passive_force_N", "active_force_N", "fibre_length_norm"}) {
        number(base + field);
      }
    }
  }
  EXPECT_TRUE(r["slip"]["meyerding_grade"].is_number_integer());
  EXPECT_EQ(r["slip"]["meyerding_grade"], 2);
  EXPECT_EQ(r["slip"]["level"], "L5-S1");
  EXPECT_TRUE(r["slip"]["pars_defect"].is_boolean());
  EXPECT_TRUE(r["solver"]["iterations"].is_number_integer());
  EXPECT_TRUE(r["solver"]["converged"].get<bool>());
  EXPECT_EQ(r["label"], "model prediction");
  EXPECT_GT(r["evidence_note"].get<std::string>().size(), 200u);
  EXPECT_TRUE(r["thomas"].is_null());
  EXPECT_TRUE(r["warnings"].is_array());
  EXPECT_TRUE(r["conventions"].contains("pelvic_tilt_deg"));
  EXPECT_TRUE(r["units"].is_object());
  // the inputs, complete
  EXPECT_EQ(r["inputs"]["slip"]["percent"], 30.0);
  EXPECT_EQ(r["inputs"]["muscles"]["psoas"]["right"]["tone"], biomech::kDefaultTone);
  EXPECT_TRUE(r["inputs"]["patient"]["pelvic_incidence_deg"].is_null());
  // measured, not echoed: PI = PT + SS holds to 0.01 deg
  EXPECT_NEAR(r["pelvic_incidence_deg"].get<double>(),
              r["pelvic_tilt_deg"].get<double>() + r["sacral_slope_deg"].get<double>(), 0.01);
}

TEST(Report, SlipHasTheNeuralGeometryAndEveryNerveRoot) {
  // issue 13's report contract: exact key names
  biomech::ModelInputs in;
  in.slip.level = biomech::SlipLevel::kL4L5;
  in.slip.type = biomech::SlipType::kDegenerative;
  in.slip.percent = 20.0;
  const Json slip = report(in)["slip"];
  for (const char* key : {"percent", "meyerding_grade", "slip_angle_deg", "canal_ap_mm", "disc_height_mm",
                          "disc_height_neutral_mm", "canal_area_mm2", "lumbosacral_angle_deg", "sdsg_type",
                          "l5_lumbar_index", "sacral_doming_pct"}) {
    ASSERT_TRUE(slip.contains(key)) << key;
    EXPECT_TRUE(slip[key].is_number()) << key;
  }
  EXPECT_TRUE(slip["pars_defect"].is_boolean());
  for (const char* key : {"foraminal_height_mm", "foraminal_area_mm2", "lateral_recess_mm"}) {
    for (const char* side : {"left", "right"}) EXPECT_TRUE(slip[key][side].is_number()) << key << " " << side;
  }
  const Json& roots = slip["nerve_roots"];
  ASSERT_TRUE(roots.is_array());
  ASSERT_EQ(roots.size(), 5u);
  for (const Json& r : roots) {
    for (const char* key : {"root", "side", "role", "where"}) EXPECT_TRUE(r[key].is_string()) << key;
    EXPECT_TRUE(r["narrowing_pct"].is_number());
    const std::string role = r["role"], where = r["where"];
    EXPECT_TRUE(role == "exiting" || role == "traversing") << role;
    EXPECT_TRUE(where == "foramen" || where == "lateral_recess" || where == "canal" || where == "none")
        << where;
  }
  // the retired key names the most compressed root: the traversing L5 in a degenerative L4-L5 slip
  EXPECT_EQ(slip["nerve_root"], "L5");
}

TEST(Report, ThomasTestHasItsOwnSection) {
  biomech::ModelInputs in;
  in.pose = biomech::PoseKind::kThomas;
  const Json r = report(in);
  ASSERT_TRUE(r["thomas"].is_object());
  for (const char* key : {"thigh_above_horizontal_deg", "knee_flexion_deg", "hip_extension_deg"}) {
    EXPECT_TRUE(r["thomas"][key].is_number()) << key;
  }
  EXPECT_TRUE(r["thomas"]["one_joint_flexors_short"].is_boolean());
  EXPECT_EQ(r["pose"], "thomas");
}

std::string docs() {
  std::ifstream f(SAGITTA_SOURCE_DIR "/docs/biomechanics.md");
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// muscles.psoas.right.length_mm -> muscles.<muscle>.<side>.length_mm, as the docs write it
std::string generic(const std::string& key) {
  static const std::regex muscle_side("^(inputs\\.)?muscles\\.[a-z_]+\\.(left|right)\\.");
  static const std::regex group("^muscles\\.(hip_flexors|hip_extensors|abdominals|back_extensors)\\.");
  static const std::regex muscle("^muscles\\.[a-z_]+\\.");
  static const std::regex side("\\.(left|right)$");
  if (std::regex_search(key, muscle_side))
    return std::regex_replace(key, muscle_side, "$1muscles.<muscle>.<side>.");
  if (std::regex_search(key, group)) return std::regex_replace(key, group, "muscles.<group>.");
  if (std::regex_search(key, muscle)) return std::regex_replace(key, muscle, "muscles.<muscle>.");
  if (std::regex_search(key, side)) return std::regex_replace(key, side, ".<side>");
  return key;
}

TEST(Docs, EveryParameterKeyIsDocumented) {
  const std::string text = docs();
  ASSERT_FALSE(text.empty()) << "docs/biomechanics.md is missing";
  std::set<std::string> missing;
  for (const ParamInfo& p : parameters()) {
    if (text.find("`" + generic(p.key) + "`") == std::string::npos) missing.insert(generic(p.key));
  }
  for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
    const std::string name(biomech::muscleKey(static_cast<biomech::MuscleId>(m)));
    if (text.find("`" + name + "`") == std::string::npos) missing.insert(name);
  }
  for (const std::string& m : missing) ADD_FAILURE() << "not documented: " << m;
}

TEST(Docs, EveryReportKeyIsDocumented) {
  const std::string text = docs();
  biomech::ModelInputs in;
  in.pose = biomech::PoseKind::kThomas;  // with its section
  std::map<std::string, Json> leaves;
  flatten(report(in), "", leaves);
  std::set<std::string> missing;
  for (const auto& [key, value] : leaves) {
    if (key.rfind("inputs.", 0) == 0 || key.rfind("units.", 0) == 0 || key.rfind("conventions.", 0) == 0)
      continue;
    std::string g = generic(key);
    if (key.rfind("segmental_lordosis_deg.", 0) == 0) g = "segmental_lordosis_deg.<level>";
    if (text.find("`" + g + "`") == std::string::npos) missing.insert(g);
  }
  for (const char* section : {"`inputs`", "`units`", "`conventions`"}) {
    if (text.find(section) == std::string::npos) missing.insert(section);
  }
  for (const std::string& m : missing) ADD_FAILURE() << "not documented: " << m;
}

}  // namespace
}  // namespace sagitta::scenario
