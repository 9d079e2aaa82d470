// The one key table (scene/document.h keyTable): every model and view key round-trips through a
// scenario file, bad values are refused as bad input naming the key (and its range), and every
// enum table is complete.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "core/error.h"
#include "scenario/parameters.h"
#include "scene/document.h"

using namespace sagitta;
using nlohmann::json;
using scenario::KeyInfo;
using scenario::KeyType;

namespace {

// {"schema": ..., "version": 1, <the key nested by its dots>: value}
std::string fileWith(const std::string& key, const json& value) {
  json doc = {{"schema", "sagitta.scenario"}, {"version", 1}};
  json::json_pointer ptr;
  std::stringstream parts(key);
  for (std::string part; std::getline(parts, part, '.');) ptr /= part;
  doc[ptr] = value;
  return doc.dump(2);
}

// A valid value that differs from the default document's.
json otherValue(const KeyInfo& k, const json& now) {
  switch (k.type) {
    case KeyType::kNumber: {
      const double v = k.min + 0.375 * (k.max - k.min);
      return now.is_number() && now.get<double>() == v ? json(k.min + 0.625 * (k.max - k.min)) : json(v);
    }
    case KeyType::kBool:
      return !now.get<bool>();
    case KeyType::kText:
      return "a caption of our own";
    case KeyType::kChoice:
      for (const std::string& c : k.choices) {
        if (c != now) return c;
      }
  }
  return nullptr;
}

std::string errorOf(const std::string& text) {
  try {
    scene::parseDocument(text, "case.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(KeyTable, HoldsEveryModelAndViewKeyOnceWithItsHelp) {
  std::set<std::string> keys;
  for (const KeyInfo& k : scene::keyTable()) {
    EXPECT_TRUE(keys.insert(k.key).second) << "twice: " << k.key;
    EXPECT_FALSE(k.description.empty()) << k.key;
    EXPECT_EQ(scene::findKey(k.key), &k) << k.key;
    if (k.type == KeyType::kNumber) {
      EXPECT_LT(k.min, k.max) << k.key;
    }
    if (k.type == KeyType::kChoice) {
      EXPECT_GE(k.choices.size(), 2u) << k.key;
    }
  }
  EXPECT_EQ(keys.size(), scenario::parameters().size() + scene::viewKeys().size());
  for (const char* k :
       {"muscles.hip_flexors.tightness", "muscles.psoas.left.tone", "slip.type", "body.sex", "mode",
        "view.xray", "camera.view", "camera.focus", "camera.fov_deg", "captions.custom"})
    EXPECT_NE(scene::findKey(k), nullptr) << k;
  EXPECT_EQ(scene::findKey("view.frobnicate"), nullptr);
}

TEST(KeyTable, EveryKeyRoundTripsThroughAScenarioFile) {
  const scene::Document defaults;
  for (const KeyInfo& k : scene::keyTable()) {
    SCOPED_TRACE(k.key);
    const json value = otherValue(k, scene::getKey(defaults, k.key));
    // read from a file that sets it, nested by its dots as a user writes it
    scene::Document d;
    ASSERT_NO_THROW(d = scene::parseDocument(fileWith(k.key, value), "case.json"));
    const json read = scene::getKey(d, k.key);
    if (k.type == KeyType::kNumber) {
      ASSERT_TRUE(read.is_number());
      EXPECT_NEAR(read.get<double>(), value.get<double>(), 1e-5 * (1.0 + std::abs(value.get<double>())));
    } else {
      EXPECT_EQ(read, value);
    }
    EXPECT_NE(read, scene::getKey(defaults, k.key)) << "the file changed it";
    // saved and read back: the same document, the same bytes
    const std::string saved = scene::documentToJson(d);
    const scene::Document back = scene::parseDocument(saved, "saved.json");
    const json again = scene::getKey(back, k.key);
    if (k.key.rfind("camera.", 0) == 0 && k.type == KeyType::kNumber) {
      // the camera keeps float radians: degrees come back to within a float's precision
      EXPECT_NEAR(again.get<double>(), read.get<double>(), 1e-4);
    } else {
      EXPECT_EQ(again, read);
      EXPECT_EQ(scene::documentToJson(back), saved);
    }
    // and set directly, as --set and timelines do
    scene::Document direct;
    scene::setKey(direct, k.key, value);
    EXPECT_EQ(scene::getKey(direct, k.key), read);
  }
}

TEST(KeyTable, OutOfRangeValuesAreBadInputNamingTheKeyAndRange) {
  for (const KeyInfo& k : scene::keyTable()) {
    if (k.type != KeyType::kNumber) continue;
    SCOPED_TRACE(k.key);
    for (const double bad : {k.max + (k.max - k.min), k.min - (k.max - k.min)}) {
      const std::string e = errorOf(fileWith(k.key, bad));
      EXPECT_EQ(e.rfind("case.json:", 0), 0u) << e;
      EXPECT_NE(e.find(k.key + " = "), std::string::npos) << e;
      EXPECT_NE(
          e.find("is out of range (" + scenario::exactNumber(k.min) + " to " + scenario::exactNumber(k.max)),
          std::string::npos)
          << e;
      EXPECT_EQ(e.find('\n'), std::string::npos) << "one line: " << e;
      scene::Document d;
      EXPECT_THROW(scene::setKey(d, k.key, bad), InputError);
    }
  }
}

TEST(KeyTable, WrongTypesAreBadInputNamingTheKey) {
  for (const KeyInfo& k : scene::keyTable()) {
    SCOPED_TRACE(k.key);
    std::vector<json> wrong = {json::array({1, 2}), json::object({{"a", 1}})};
    switch (k.type) {
      case KeyType::kNumber:
        wrong.push_back("far");
        wrong.push_back(true);
        break;
      case KeyType::kBool:
        wrong.push_back(1);
        wrong.push_back("yes");
        break;
      case KeyType::kText:
        wrong.push_back(3);
        break;
      case KeyType::kChoice:
        wrong.push_back(3);
        wrong.push_back("no-such-choice");
        break;
    }
    for (const json& v : wrong) {
      if (v.is_object() && (k.key.rfind("muscles.", 0) == 0))
        continue;  // an object is a nested section there
      const std::string e = errorOf(fileWith(k.key, v));
      EXPECT_EQ(e.rfind("case.json:", 0), 0u) << v.dump() << ": " << e;
      EXPECT_NE(e.find(k.key), std::string::npos) << v.dump() << ": " << e;
      EXPECT_EQ(e.find('\n'), std::string::npos) << e;
      if (k.type == KeyType::kChoice && v.is_string()) {
        EXPECT_NE(e.find(k.key + " expects one of " + scenario::choicesText(k)), std::string::npos) << e;
      }
    }
  }
}

namespace {

// Every value of the enum 0..N-1 is in the table once, with a name and a label, and its name
// parses back to it.
template <typename E, std::size_t N>
void expectComplete(const EnumTable<E, N>& table, const char* what) {
  SCOPED_TRACE(what);
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < N; ++i) {
    const E value = static_cast<E>(i);
    const std::string_view name = enumName(table, value);
    EXPECT_FALSE(name.empty()) << "value " << i << " has no name";
    EXPECT_FALSE(enumLabel(table, value).empty()) << name;
    EXPECT_TRUE(names.insert(name).second) << "name used twice: " << name;
    EXPECT_EQ(enumFromName(table, name), value) << name;
  }
  EXPECT_FALSE(enumFromName(table, "no-such-name").has_value());
}

}  // namespace

TEST(EnumTables, AreCompleteAndParseBack) {
  expectComplete(scene::kModes, "mode");
  expectComplete(scene::kGhosts, "view.ghost");
  expectComplete(scene::kBackgrounds, "view.background");
  expectComplete(scene::kProjections, "camera.projection");
  expectComplete(scene::kCameraViews, "camera.view");
  expectComplete(scene::kCameraFocuses, "camera.focus");
  expectComplete(biomech::kPoses, "pose");
  expectComplete(biomech::kSideNames, "side");
  expectComplete(biomech::kSlipLevels, "slip.level");
  expectComplete(biomech::kSlipTypes, "slip.type");
  expectComplete(anatomy::kSexes, "body.sex");
  // the choice keys offer exactly their table's names
  auto choices = [](const char* key) { return scene::findKey(key)->choices; };
  EXPECT_EQ(scenario::choicesText(*scene::findKey("camera.view")), enumNames(scene::kCameraViews));
  EXPECT_EQ(scenario::choicesText(*scene::findKey("slip.type")), enumNames(biomech::kSlipTypes));
  EXPECT_EQ(choices("pose").size(), biomech::kPoses.size());
  // slip names are read in any case, as before
  EXPECT_EQ(biomech::slipLevelFromName("l5-s1"), biomech::SlipLevel::kL5S1);
  EXPECT_EQ(biomech::slipTypeFromName("ISTHMIC"), biomech::SlipType::kIsthmic);
}

// The README's key lists name every key of the table (docs/biomechanics.md's table is checked
// in scenario_test).
TEST(KeyTable, TheReadmeNamesEveryViewKey) {
  std::ifstream in(SAGITTA_SOURCE_DIR "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  ASSERT_FALSE(readme.empty());
  for (const KeyInfo& k : scene::viewKeys())
    EXPECT_NE(readme.find("`" + k.key + "`"), std::string::npos) << "README does not list " << k.key;
}

// Issue 11, bug 6 (audit): a document (the GUI's Open, `render --scenario`) was read up to the
// general 256 MiB cap before the 16 MiB JSON limit refused it; it is now capped when read, as
// scenario, timeline and manifest files are, and the message gives the limit.
TEST(DocumentFile, AFileOverTheJsonLimitIsRefusedBeforeItIsRead) {
  namespace fs = std::filesystem;
  const fs::path path =
      fs::temp_directory_path() / ("sagitta_big_document_" + std::to_string(::getpid()) + ".json");
  { std::ofstream(path) << "{}"; }
  fs::resize_file(path, 40u << 20);  // sparse: 40 MiB of zeros, over the 16 MiB JSON limit
  std::string message;
  try {
    (void)scene::loadDocument(path);
  } catch (const InputError& e) {
    message = e.what();
  }
  fs::remove(path);
  EXPECT_NE(message.find(path.string()), std::string::npos) << message;
  EXPECT_NE(message.find("limit of 16 MiB"), std::string::npos) << message;
}
