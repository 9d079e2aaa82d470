// `sagitta report` as a user meets it: one JSON object on stdout, and for bad input one line on
// stderr naming the key (and file line) with exit code 2, a missing file included.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "../../render/process.h"

namespace {

struct Result {
  int code = -1;
  std::string out, err;
};

Result run(const std::string& args) {
  // one capture file per process: ctest runs the cases side by side
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() / ("sagitta_report_test_" + std::to_string(::getpid()) + ".err");
  const std::string cmd =
      "env -u DISPLAY " SAGITTA_BINARY_DIR "/sagitta report " + args + " 2>" + err_file.string();
  const auto run = sagitta::testing::runCommand(cmd);
  Result r;
  r.code = run.code;
  r.out = run.out;
  {
    std::ifstream f(err_file);
    r.err.assign(std::istreambuf_iterator<char>(f), {});
  }
  std::filesystem::remove(err_file);
  return r;
}

int lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
  std::ofstream(path) << text;
  return path;
}

void expectBadInput(const Result& r, const std::string& must_contain) {
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(lines(r.err), 1) << r.err;
  EXPECT_EQ(r.err.rfind("sagitta: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(must_contain), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(ReportCommand, PrintsOneJsonObjectWithTheMeasures) {
  const Result r = run("");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["label"], "model prediction");
  EXPECT_NEAR(j["pelvic_tilt_deg"].get<double>(), 12.0, 7.0);
  EXPECT_TRUE(j["solver"]["converged"].get<bool>());
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(ReportCommand, SolvesForTheBodyItIsGiven) {
  const Result man = run("");
  const Result woman = run("--set body.sex=female --set body.stature_m=1.63 --set body.mass_kg=65");
  ASSERT_EQ(woman.code, 0) << woman.err;
  const nlohmann::json m = nlohmann::json::parse(man.out);
  const nlohmann::json w = nlohmann::json::parse(woman.out);
  EXPECT_EQ(w["inputs"]["body"]["sex"], "female");
  EXPECT_EQ(m["inputs"]["body"]["sex"], "male");
  EXPECT_TRUE(w["warnings"].empty()) << w["warnings"].dump();  // the skeleton is built for her
  // her lighter trunk loads L5-S1 less
  EXPECT_LT(w["l5s1_shear_N"].get<double>(), m["l5s1_shear_N"].get<double>());
  expectBadInput(run("--set body.sex=other"), "body.sex expects one of male, female");
}

TEST(ReportCommand, TakesTheIssuesExampleSettings) {
  const Result r =
      run("--set muscles.hip_flexors.tightness=0.7 --set muscles.psoas.right.tightness=0.4 --set "
          "slip.level=L5-S1 "
          "--set slip.percent=37 --set patient.pelvic_incidence_deg=65");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["pelvic_incidence_deg"].get<double>(), 65.0, 0.01);
  EXPECT_NEAR(j["slip"]["percent"].get<double>(), 37.0, 4.0);
  EXPECT_EQ(j["slip"]["meyerding_grade"], 2);
  EXPECT_EQ(j["inputs"]["muscles"]["psoas"]["right"]["tightness"], 0.4);
  EXPECT_EQ(j["inputs"]["muscles"]["psoas"]["left"]["tightness"], 0.7);
}

TEST(ReportCommand, PoseFlagAndScenarioFile) {
  const auto path = writeTemp("sagitta_report_thomas.json",
                              R"({"schema": "sagitta.scenario", "version": 1, "pose": "standing",
                                  "muscles": {"hip_flexors": {"tightness": 0.8}}})");
  const Result r = run("--scenario " + path.string() + " --pose thomas");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["pose"], "thomas");
  EXPECT_TRUE(j["thomas"].is_object());
  EXPECT_EQ(j["inputs"]["muscles"]["iliacus"]["left"]["tightness"], 0.8);
  std::filesystem::remove(path);
}

TEST(ReportCommand, APresetReportsItsSlipWithEveryKeyOfIssue13) {
  // issue 13's report contract, end to end: `sagitta report --preset NAME`
  for (const char* name : {"isthmic-l5s1-grade-2", "degenerative-l4l5", "dysplastic-high-grade-unbalanced"}) {
    const Result r = run(std::string("--preset ") + name);
    ASSERT_EQ(r.code, 0) << name << ": " << r.err;
    const nlohmann::json slip = nlohmann::json::parse(r.out)["slip"];
    for (const char* key : {"percent", "meyerding_grade", "slip_angle_deg", "canal_ap_mm", "disc_height_mm",
                            "disc_height_neutral_mm", "canal_area_mm2", "lumbosacral_angle_deg"}) {
      EXPECT_TRUE(slip[key].is_number()) << name << " " << key;
    }
    EXPECT_TRUE(slip["pars_defect"].is_boolean()) << name;
    EXPECT_TRUE(slip["sdsg_type"].is_number_integer()) << name;
    for (const char* key : {"foraminal_height_mm", "foraminal_area_mm2", "lateral_recess_mm"}) {
      EXPECT_TRUE(slip[key]["left"].is_number() && slip[key]["right"].is_number()) << name << " " << key;
    }
    ASSERT_TRUE(slip["nerve_roots"].is_array()) << name;
    bool any_compressed = false;
    for (const nlohmann::json& root : slip["nerve_roots"]) {
      EXPECT_TRUE(root["root"].is_string());
      EXPECT_TRUE(root["side"] == "left" || root["side"] == "right" || root["side"] == "midline") << root;
      EXPECT_TRUE(root["role"] == "exiting" || root["role"] == "traversing") << root;
      EXPECT_TRUE(root["where"] == "foramen" || root["where"] == "lateral_recess" ||
                  root["where"] == "canal" || root["where"] == "none")
          << root;
      EXPECT_GE(root["narrowing_pct"].get<double>(), 0.0) << root;
      any_compressed |= root["where"] != "none";
    }
    // the retired `nerve_root` names a compressed root (the most compressed one, by the model's rank)
    ASSERT_TRUE(any_compressed) << name;
    bool named_compressed = false;
    for (const nlohmann::json& root : slip["nerve_roots"])
      named_compressed |= root["root"] == slip["nerve_root"] && root["where"] != "none";
    EXPECT_TRUE(named_compressed) << name << " names " << slip["nerve_root"];
  }
  // with no root compressed (a pars defect without a slip) it names the exiting root, as before
  const Result lysis = run("--preset spondylolysis-l5");
  ASSERT_EQ(lysis.code, 0) << lysis.err;
  EXPECT_EQ(nlohmann::json::parse(lysis.out)["slip"]["nerve_root"], "L5");
  expectBadInput(run("--preset no-such-preset"), "no-such-preset");
}

TEST(ReportCommand, BadInputIsOneLineAndExitCodeTwo) {
  expectBadInput(run("--set muscles.psoas.rigth.tightness=0.4"), "muscles.psoas.rigth.tightness");
  expectBadInput(run("--set muscles.hip_flexors.tightness=1.5"), "out of range");
  expectBadInput(run("--set slip.percent=nan"), "not a finite number");
  expectBadInput(run("--set slip.level=L3-L4"), "slip.level");
  expectBadInput(run("--set slip.percent"), "KEY=VALUE");
  expectBadInput(run("--pose sideways"), "sideways");
}

TEST(ReportCommand, BadScenarioFilesNameFileAndLine) {
  const auto malformed = writeTemp("sagitta_report_malformed.json",
                                   "{\n  \"schema\": \"sagitta.scenario\",\n  \"version\": 1,\n  oops\n}\n");
  expectBadInput(run("--scenario " + malformed.string()), malformed.string() + ":4: malformed JSON");
  const auto unknown = writeTemp(
      "sagitta_report_unknown.json",
      "{\"schema\": \"sagitta.scenario\", \"version\": 1,\n\"muscles\": {\"psoas\": {\"tightnes\": 0.2}}}\n");
  expectBadInput(run("--scenario " + unknown.string()), unknown.string() + ":2:");
  const auto newer =
      writeTemp("sagitta_report_newer.json", "{\"schema\": \"sagitta.scenario\", \"version\": 9}\n");
  expectBadInput(run("--scenario " + newer.string()), "newer Sagitta");
  for (const auto& p : {malformed, unknown, newer}) std::filesystem::remove(p);
}

// Issue 11, bug 9: a missing --scenario exited 1 while a missing --model exited 2; both are bad
// input.
TEST(ReportCommand, AMissingScenarioIsBadInputLikeAMissingModel) {
  expectBadInput(run("--scenario /nonexistent/sagitta/none.json"), "/nonexistent/sagitta/none.json");
}

// Issue 11, bug 3: 100,000 nested '[' (200 KB) ran report --scenario out of time and memory.
TEST(ReportCommand, DeeplyNestedJsonIsRefusedQuickly) {
  const auto deep =
      writeTemp("sagitta_report_deep.json", std::string(100000, '[') + std::string(100000, ']'));
  expectBadInput(run("--scenario " + deep.string()),
                 deep.string() + ":1: the JSON nests deeper than the limit");
  std::filesystem::remove(deep);
}

// Issue 11, bug 9: a NUL in a key cut the message short.
TEST(ReportCommand, ANulInAKeyIsShownNotCut) {
  const auto nul = writeTemp("sagitta_report_nul.json",
                             "{\"schema\": \"sagitta.scenario\", \"version\": 1, \"ab\\u0000cd\": 1}");
  expectBadInput(run("--scenario " + nul.string()), "ab\\x00cd");
  std::filesystem::remove(nul);
}

}  // namespace
