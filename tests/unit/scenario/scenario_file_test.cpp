// Scenario files: the model part read and written exactly, the UI's sections kept, and every
// kind of bad file refused with its file, line and key.
#include "scenario/scenario_file.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/log.h"
#include "scenario/json_lines.h"

namespace sagitta::scenario {
namespace {

using biomech::ModelInputs;
using biomech::MuscleId;
using biomech::Side;

// The warnings logged while it lives.
class Warnings {
 public:
  Warnings() {
    log::setSink([this](log::Level level, std::string_view m) {
      if (level == log::Level::kWarning) lines.emplace_back(m);
    });
  }
  ~Warnings() { log::setSink(nullptr); }
  Warnings(const Warnings&) = delete;
  Warnings& operator=(const Warnings&) = delete;
  std::vector<std::string> lines;
};

std::string errorOf(std::string_view text) {
  try {
    parseScenario(text, "case.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

constexpr std::string_view kExample = R"({
  "schema": "sagitta.scenario",
  "version": 1,
  "description": "tight right psoas on tight hip flexors",
  "muscles": {
    "psoas": {"right": {"tightness": 0.4}},
    "hip_flexors": {"tightness": 0.7, "tone": 0.5}
  },
  "slip": {"level": "L4-L5", "type": "degenerative", "percent": 37},
  "pose": "thomas",
  "pose_side": "left",
  "patient": {"pelvic_incidence_deg": 65, "pelvic_tilt_deg": null},
  "view": {"layers": ["bone", "muscle"], "xray": true},
  "camera": {"azimuth_deg": 90}
})";

TEST(ScenarioFile, ReadsTheNestedKeysGeneralBeforeSpecific) {
  const Scenario s = parseScenario(kExample, "example.json");
  const ModelInputs& in = s.inputs;
  // the group is applied first even though it comes second in the file
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kRight).tightness, 0.4);
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kLeft).tightness, 0.7);
  EXPECT_EQ(in.muscle(MuscleId::kTfl, Side::kLeft).tone, 0.5);
  EXPECT_EQ(in.slip.level, biomech::SlipLevel::kL4L5);
  EXPECT_EQ(in.slip.type, biomech::SlipType::kDegenerative);
  EXPECT_EQ(in.slip.percent, 37.0);
  EXPECT_EQ(in.pose, biomech::PoseKind::kThomas);
  EXPECT_EQ(in.pose_side, Side::kLeft);
  EXPECT_EQ(in.patient.pelvic_incidence_deg, 65.0);
  EXPECT_FALSE(in.patient.pelvic_tilt_deg.has_value());
  // the UI's sections, untouched and in order
  ASSERT_EQ(s.extra.size(), 3u);
  EXPECT_EQ(s.extra.begin().key(), "description");
  EXPECT_EQ(s.extra["view"]["layers"][1], "muscle");
  EXPECT_EQ(s.extra["camera"]["azimuth_deg"], 90);
}

TEST(ScenarioFile, SaveLoadRoundTripsExactly) {
  Scenario s = parseScenario(kExample, "example.json");
  s.inputs.muscle(MuscleId::kMultifidus, Side::kLeft).tone = 0.123456789012345;  // needs all digits
  s.inputs.body.mass_kg = 81.3;
  s.inputs.body.sex = sagitta::anatomy::Sex::kFemale;
  const std::string text = scenarioToJson(s);
  EXPECT_NE(text.find("\"sex\": \"female\""), std::string::npos) << text;
  const Scenario back = parseScenario(text, "saved.json");
  EXPECT_EQ(back, s);
  EXPECT_EQ(scenarioToJson(back), text);  // writing again gives the same bytes
  // and through the disk, atomically
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "sagitta_scenario_roundtrip.json";
  saveScenario(path, s);
  EXPECT_EQ(loadScenario(path), s);
  std::filesystem::remove(path);
}

TEST(ScenarioFile, DefaultsWriteAMinimalFile) {
  const std::string text = scenarioToJson(Scenario{});
  EXPECT_EQ(text.find("muscles"), std::string::npos) << text;
  EXPECT_EQ(text.find("patient"), std::string::npos) << text;
  EXPECT_EQ(parseScenario(text, "minimal.json"), Scenario{});
  EXPECT_EQ(parseScenario(R"({"schema": "sagitta.scenario", "version": 1})", "bare.json"), Scenario{});
}

TEST(ScenarioFile, MalformedJsonNamesTheLine) {
  const std::string e =
      errorOf("{\n  \"schema\": \"sagitta.scenario\",\n  \"version\": 1,\n  \"pose\": standing\n}");
  EXPECT_EQ(e.rfind("case.json:4: malformed JSON", 0), 0u) << e;
  EXPECT_EQ(e.find('\n'), std::string::npos) << e;  // one line
  EXPECT_EQ(errorOf("{\n  \"schema\": \"sagitta.scenario\",\n  \"version\": 1,\n").rfind("case.json:4:", 0),
            0u)
      << errorOf("{\n  \"schema\": \"sagitta.scenario\",\n  \"version\": 1,\n");
  EXPECT_EQ(errorOf("").rfind("case.json:1: malformed JSON", 0), 0u);
}

TEST(ScenarioFile, UnknownKeysNameFileLineAndKeyWithASuggestion) {
  const std::string e = errorOf(R"({
  "schema": "sagitta.scenario",
  "version": 1,
  "muscles": {
    "psoas": {
      "rigth": {"tightness": 0.4}
    }
  }
})");
  EXPECT_EQ(e.rfind("case.json:6: ", 0), 0u) << e;
  EXPECT_NE(e.find("muscles.psoas.rigth.tightness"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean \"muscles.psoas.right.tightness\""), std::string::npos) << e;

  const std::string group =
      errorOf("{\"schema\": \"sagitta.scenario\", \"version\": 1,\n \"muscles\": {\"hip_flexor\": {}}}");
  EXPECT_EQ(group.rfind("case.json:2: ", 0), 0u) << group;
  EXPECT_NE(group.find("\"hip_flexor\""), std::string::npos) << group;
  EXPECT_NE(group.find("did you mean \"muscles.hip_flexors\""), std::string::npos) << group;

  const std::string top = errorOf("{\"schema\": \"sagitta.scenario\", \"version\": 1,\n\n \"slipp\": {}}");
  EXPECT_EQ(top.rfind("case.json:3: unknown key \"slipp\" (did you mean \"slip\"?)", 0), 0u) << top;
}

TEST(ScenarioFile, OutOfRangeWrongTypeAndNonFiniteValuesNameTheKeyAndLine) {
  const std::string range =
      errorOf("{\"schema\": \"sagitta.scenario\", \"version\": 1,\n\"slip\": {\n\"percent\": 180}}");
  EXPECT_EQ(range.rfind("case.json:3: slip.percent = 180 is out of range (0 to 150 %)", 0), 0u) << range;
  const std::string text =
      errorOf("{\"schema\": \"sagitta.scenario\", \"version\": 1,\n\"slip\": {\"percent\": \"nan\"}}");
  EXPECT_EQ(text.rfind("case.json:2: slip.percent expects a number, not the text \"nan\"", 0), 0u) << text;
  const std::string huge =
      errorOf("{\"schema\": \"sagitta.scenario\", \"version\": 1,\n\n\"slip\": {\"percent\": 1e400}}");
  EXPECT_EQ(huge.rfind("case.json:3: ", 0), 0u) << huge;
  EXPECT_NE(huge.find("not a finite number"), std::string::npos) << huge;
  const std::string choice = errorOf("{\"schema\": \"sagitta.scenario\", \"version\": 1, \"pose\": 3}");
  EXPECT_NE(choice.find("pose expects one of standing, thomas, lunge, sitting, not 3"), std::string::npos)
      << choice;
  const std::string obj =
      errorOf("{\"schema\": \"sagitta.scenario\", \"version\": 1, \"muscles\": {\"psoas\": 0.5}}");
  EXPECT_NE(obj.find("muscles.psoas must be an object"), std::string::npos) << obj;
}

TEST(ScenarioFile, SchemaAndVersionAreChecked) {
  EXPECT_NE(errorOf("{\"version\": 1}").find("missing \"schema\""), std::string::npos);
  EXPECT_NE(
      errorOf("{\"schema\": \"other\", \"version\": 1}").find("\"schema\" must be \"sagitta.scenario\""),
      std::string::npos);
  EXPECT_NE(errorOf("{\"schema\": \"sagitta.scenario\"}").find("missing \"version\""), std::string::npos);
  const std::string newer =
      errorOf("{\"schema\": \"sagitta.scenario\",\n \"version\": 2,\n \"wormholes\": {}}");
  EXPECT_EQ(newer.rfind("case.json:2: ", 0), 0u) << newer;
  EXPECT_NE(newer.find("written by a newer Sagitta"), std::string::npos) << newer;
  EXPECT_NE(errorOf("{\"schema\": \"sagitta.scenario\", \"version\": 0.5}").find("whole number"),
            std::string::npos);
}

// Issue 11, bug 9: a missing scenario is bad input (exit 2), as a missing --model is.
TEST(ScenarioFile, AMissingFileIsBadInput) {
  EXPECT_THROW(loadScenario("/nonexistent/sagitta/scenario.json"), InputError);
}

TEST(ScenarioFile, ShippedScenariosLoadAndSolveTheirStory) {
  for (const auto& entry : std::filesystem::directory_iterator(SAGITTA_TEST_DATA_DIR "/scenarios")) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_NO_THROW(loadScenario(entry.path()));
  }
}

// Issue 12: the muscle slider once called "strength" is tone (resting activation). A file written
// before the rename still reads, with its values, and says so in one line naming the file.
TEST(ScenarioFile, AnOldFileWithStrengthIsReadAsToneWithANote) {
  const std::filesystem::path path = SAGITTA_TEST_DATA_DIR "/legacy/scenario_with_strength.json";
  Warnings warnings;
  const Scenario s = loadScenario(path);
  const ModelInputs& in = s.inputs;
  for (MuscleId m : {MuscleId::kRectusAbdominis, MuscleId::kExternalOblique, MuscleId::kInternalOblique}) {
    for (Side side : biomech::kSides) {
      EXPECT_EQ(in.muscle(m, side).tone, 0.8);
      EXPECT_EQ(in.muscle(m, side).tightness, 0.2);
    }
  }
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kLeft).tone, 0.65);
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kRight).tone, biomech::kDefaultTone);
  ASSERT_EQ(warnings.lines.size(), 1u) << "one note for the file, not one per key";
  const std::string& note = warnings.lines[0];
  EXPECT_EQ(note.find('\n'), std::string::npos) << note;
  EXPECT_NE(note.find(path.string()), std::string::npos) << note;
  EXPECT_NE(note.find("muscles.abdominals.strength as muscles.abdominals.tone"), std::string::npos) << note;
  EXPECT_NE(note.find("and 1 more"), std::string::npos) << note;
  // saving writes the new name, and the saved file reads without a note
  const std::string saved = scenarioToJson(s);
  EXPECT_EQ(saved.find("strength\""), std::string::npos) << saved;  // no key says strength
  EXPECT_NE(saved.find("\"tone\": 0.8"), std::string::npos) << saved;
  warnings.lines.clear();
  EXPECT_EQ(parseScenario(saved, "saved.json"), s);
  EXPECT_TRUE(warnings.lines.empty());
}

TEST(ScenarioFile, AnOldNameIsCheckedLikeTheNewOne) {
  const std::string e = errorOf(R"({"schema": "sagitta.scenario", "version": 1,
"muscles": {"abdominals": {"strength": 1.5}}})");
  EXPECT_NE(e.find("case.json:2: muscles.abdominals.tone = 1.5 is out of range (0 to 1)"), std::string::npos)
      << e;
}

TEST(JsonLines, FindsTheLineOfEveryKeyPath) {
  const auto lines =
      keyLines("{\n \"a\": {\n  \"b\": [1, {\"c\": 2}],\n  \"d\": \"x\\\"y\"\n },\n \"e\": 3\n}");
  EXPECT_EQ(lines.at("a"), 2);
  EXPECT_EQ(lines.at("a.b"), 3);
  EXPECT_EQ(lines.at("a.b[1].c"), 3);
  EXPECT_EQ(lines.at("a.d"), 4);
  EXPECT_EQ(lines.at("e"), 6);
  EXPECT_EQ(lineOfOffset("a\nb\nc", 0), 1);
  EXPECT_EQ(lineOfOffset("a\nb\nc", 4), 3);
}

double secondsFor(const std::function<void()>& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Issue 11, bug 3: 100,000 nested '[' (200 KB) took report --scenario out of time and memory.
TEST(ScenarioFile, DeeplyNestedJsonIsRefusedQuickly) {
  const std::string text =
      "{\"schema\": \"sagitta.scenario\", \"version\": 1,\n \"view\": " + std::string(100000, '[') +
      std::string(100000, ']') + "}";
  std::string message;
  // generous bound for a loaded shared machine: the scan takes about a millisecond
  EXPECT_LT(secondsFor([&] { message = errorOf(text); }), 5.0);
  EXPECT_EQ(message.rfind("case.json:2: ", 0), 0u) << message;
  EXPECT_NE(message.find("limit of 64 levels"), std::string::npos) << message;
  // Sagitta's own depth is far below the limit
  EXPECT_EQ(
      errorOf(R"({"schema": "sagitta.scenario", "version": 1, "view": {"x": [[[[[[1]]]]]]}})").find("levels"),
      std::string::npos);
}

// Issue 11, bug 3: 100,000 keys in one object were inserted in O(n^2) by the ordered parser.
TEST(ScenarioFile, ManyKeysInOneObjectAreRefusedQuickly) {
  std::string text = "{\"schema\": \"sagitta.scenario\", \"version\": 1, \"description\": {";
  for (int i = 0; i < 100000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  text += "}}";
  std::string message;
  EXPECT_LT(secondsFor([&] { message = errorOf(text); }), 5.0);
  EXPECT_NE(message.find("limit of 10000 keys"), std::string::npos) << message;
}

// Issue 11, bug 3: the size is bounded too, and the message gives the limit.
TEST(ScenarioFile, AnOversizedFileIsRefusedWithTheLimit) {
  const std::string text = "{\"description\": \"" + std::string(17u << 20, 'x') + "\"}";
  const std::string message = errorOf(text);
  EXPECT_NE(message.find("more than the limit of"), std::string::npos) << message;
}

// Issue 11, bug 3: the line of a key is found by one linear scan, however deep and long the
// paths (the old lookup built every full path at every level).
TEST(JsonLines, TheLineLookupIsLinear) {
  // 60 levels under a 1 MB key, then 5,000 keys: full paths would be 5 GB
  std::string text = "{\"" + std::string(1u << 20, 'a') + "\":";
  for (int i = 0; i < 60; ++i) text += "{\"b\":\n";
  text += "{";
  for (int i = 0; i < 5000; ++i) text += (i ? ",\n\"k" : "\"k") + std::to_string(i) + "\":0";
  text += std::string(62, '}');
  std::string path = std::string(1u << 20, 'a');
  for (int i = 0; i < 60; ++i) path += ".b";
  int line = 0;
  EXPECT_LT(secondsFor([&] { line = lineOfKey(text, path + ".k4999"); }), 5.0);
  EXPECT_EQ(line, 1 + 60 + 4999);
  EXPECT_EQ(lineOfKey(text, path + ".k0"), 61);
  EXPECT_EQ(lineOfKey(text, "nothing"), 0);
  EXPECT_EQ(lineOfKey("{\n \"a\": {\n  \"b\": [1, {\"c\": 2}]}}", "a.b[1].c"), 3);
}

// Issue 11, bug 8: 4294967297 was read as 1 by a 32-bit read; a negative version is refused.
TEST(ScenarioFile, VersionsThatWouldWrapAreRefused) {
  for (const char* version :
       {"4294967297", "18446744073709551617", "18446744073709551615", "-1", "-4294967295"}) {
    const std::string message =
        errorOf(std::string("{\"schema\": \"sagitta.scenario\", \"version\": ") + version + "}");
    EXPECT_FALSE(message.empty()) << version << " was accepted";
    EXPECT_NE(message.find("version"), std::string::npos) << message;
  }
}

// Issue 11, bug 9: a NUL in a key cut the message short; control bytes are shown as \xNN.
TEST(ScenarioFile, ANulInAKeyIsShownNotCut) {
  const std::string text =
      std::string("{\"schema\": \"sagitta.scenario\", \"version\": 1, \"ab\\u0000cd\": 1}");
  const std::string message = errorOf(text);
  EXPECT_EQ(message.find('\0'), std::string::npos) << "no NUL in the message";
  EXPECT_NE(message.find("ab\\x00cd"), std::string::npos) << message;
  EXPECT_EQ(printable(std::string("a\0b\n\xff\xc3\xa9", 7)), "a\\x00b\\x0a\\xff\xc3\xa9");
}

// Issue 11, bug 9: binary junk is described, not echoed byte for byte.
TEST(ScenarioFile, BinaryJunkGivesAPrintableMessage) {
  const std::string message = errorOf(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(message.rfind("case.json:1: malformed JSON", 0), 0u) << message;
  for (const char c : message) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << message;
}

}  // namespace
}  // namespace sagitta::scenario
