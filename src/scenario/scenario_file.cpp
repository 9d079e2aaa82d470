#include "scenario/scenario_file.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/json_limits.h"
#include "scenario/json_lines.h"
#include "scenario/parameters.h"

namespace sagitta::scenario {
namespace {

using Json = nlohmann::ordered_json;
using biomech::ModelInputs;

constexpr std::array<std::string_view, 6> kOpaqueSections = {"view", "camera",   "overlays",
                                                             "mode", "captions", "description"};
constexpr std::array<std::string_view, 8> kModelSections = {"schema",  "version", "pose",    "pose_side",
                                                            "muscles", "slip",    "patient", "body"};

bool isOpaque(std::string_view key) {
  return std::find(kOpaqueSections.begin(), kOpaqueSections.end(), key) != kOpaqueSections.end();
}

// Messages carry "SOURCE:LINE: ".
class Reader {
 public:
  // `text` must outlive the reader
  Reader(std::string_view text, std::string source) : source_(std::move(source)), text_(text) {}

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw InputError(source_ + ":" + std::to_string(lineOf(path)) + ": " + printable(message));
  }
  // looked up only for a message: one linear scan
  int lineOf(const std::string& path) const { return std::max(1, lineOfKey(text_, path)); }

  // A leaf value for the registry key `key`, found at `path` in the file.
  void apply(ModelInputs& in, const std::string& key, const std::string& path, const Json& value) const {
    try {
      setValue(in, key, value);
    } catch (const InputError& e) {
      fail(path, e.what());
    }
  }

  static std::string describe(const Json& v) { return describeValue(v); }

 private:
  std::string source_;
  std::string_view text_;
};

std::string join(const std::string& a, const std::string& b) {
  std::string out = a;
  out += '.';
  out += b;
  return out;
}

// Leaves of a section object: every key must name a registry key below `prefix`.
void readFlatSection(const Reader& r, ModelInputs& in, const std::string& prefix, const Json& section) {
  if (!section.is_object()) r.fail(prefix, prefix + " must be an object");
  for (const auto& [name, value] : section.items()) {
    const std::string key = join(prefix, name);
    r.apply(in, key, key, value);
  }
}

// Old names ("strength") are read as their current ones (parameters.h renamedKey) and counted in
// `migration`; messages keep the file's own path.
void readMuscles(const Reader& r, ModelInputs& in, const Json& muscles, KeyMigration& migration) {
  if (!muscles.is_object()) r.fail("muscles", "muscles must be an object");
  struct Pending {
    int rank;  // 0 group, 1 muscle, 2 one side
    std::string key, path;
    const Json* value;
  };
  std::vector<Pending> pending;
  for (const auto& [name, body] : muscles.items()) {
    const std::string path = "muscles." + name;
    const bool group = biomech::groupFromKey(name).has_value();
    const bool muscle = biomech::muscleFromKey(name).has_value();
    if (!group && !muscle) {
      std::string msg = "unknown muscle or group \"" + name + "\"";
      const std::string near = nearestKey(path + ".tightness");
      if (!near.empty()) msg += " (did you mean \"" + near.substr(0, near.rfind('.')) + "\"?)";
      r.fail(path, msg);
    }
    if (!body.is_object()) r.fail(path, path + " must be an object of tightness / tone values");
    for (const auto& [field, value] : body.items()) {
      const std::string fpath = join(path, field);
      if (value.is_object() || (muscle && (field == "left" || field == "right"))) {
        // a side (or a misspelt one: its leaves then name the key to suggest)
        if (!value.is_object()) r.fail(fpath, fpath + " must be an object of tightness / tone values");
        for (const auto& [leaf, v] : value.items()) {
          const std::string leaf_path = join(fpath, leaf);
          pending.push_back({2, migration.apply(leaf_path), leaf_path, &v});
        }
      } else {
        pending.push_back({group ? 0 : 1, migration.apply(fpath), fpath, &value});
      }
    }
  }
  // general before specific, each in file order
  for (int rank = 0; rank <= 2; ++rank) {
    for (const Pending& p : pending) {
      if (p.rank == rank) r.apply(in, p.key, p.path, *p.value);
    }
  }
}

std::string nearestSection(std::string_view name) {
  std::string best;
  std::size_t best_d = 99;
  auto consider = [&](std::string_view cand) {
    // small edit distance
    std::vector<std::size_t> prev(cand.size() + 1), cur(cand.size() + 1);
    for (std::size_t j = 0; j <= cand.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= name.size(); ++i) {
      cur[0] = i;
      for (std::size_t j = 1; j <= cand.size(); ++j) {
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (name[i - 1] == cand[j - 1] ? 0 : 1)});
      }
      std::swap(prev, cur);
    }
    if (prev[cand.size()] < best_d) {
      best_d = prev[cand.size()];
      best = cand;
    }
  };
  for (auto s : kModelSections) consider(s);
  for (auto s : kOpaqueSections) consider(s);
  return best_d <= 3 ? best : "";
}

}  // namespace

Scenario parseScenario(std::string_view text, const std::string& source) {
  checkJsonLimits(text, source);
  Json doc;
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    throw InputError(jsonErrorMessage(text, source, e));
  }
  const Reader r(text, source);
  if (!doc.is_object()) r.fail("", "a scenario file must be a JSON object");

  // schema and version first: a newer file is refused before its unknown keys are judged
  if (!doc.contains("schema")) r.fail("", "missing \"schema\": \"" + std::string(kScenarioSchema) + "\"");
  if (!doc["schema"].is_string() || doc["schema"].get<std::string>() != kScenarioSchema) {
    r.fail("schema", "\"schema\" must be \"" + std::string(kScenarioSchema) + "\", not " +
                         Reader::describe(doc["schema"]));
  }
  if (!doc.contains("version")) r.fail("", "missing \"version\"");
  const Json& version = doc["version"];
  // read as unsigned 64 bits: a narrower read would wrap 4294967297 to 1; a negative number is
  // stored signed by the parser and is refused here
  if (!version.is_number_unsigned() || version.get<std::uint64_t>() < 1) {
    r.fail("version", "\"version\" must be a whole number from 1, not " + Reader::describe(version));
  }
  if (version.get<std::uint64_t>() > static_cast<std::uint64_t>(kScenarioVersion)) {
    r.fail("version", "this scenario was written by a newer Sagitta (version " + version.dump() +
                          "); this Sagitta reads version " + std::to_string(kScenarioVersion));
  }

  Scenario out;
  ModelInputs& in = out.inputs;
  KeyMigration migration;
  for (const auto& [name, value] : doc.items()) {
    if (name == "schema" || name == "version") continue;
    if (name == "pose" || name == "pose_side") {
      r.apply(in, name, name, value);
    } else if (name == "muscles") {
      readMuscles(r, in, value, migration);
    } else if (name == "slip" || name == "patient" || name == "body") {
      readFlatSection(r, in, name, value);
    } else if (isOpaque(name)) {
      out.extra[name] = value;
    } else {
      std::string msg = "unknown key \"" + name + "\"";
      const std::string near = nearestSection(name);
      if (!near.empty()) msg += " (did you mean \"" + near + "\"?)";
      r.fail(name, msg);
    }
  }
  try {
    in.validate();
  } catch (const InputError& e) {
    throw InputError(source + ": " + e.what());
  }
  migration.report(source);
  return out;
}

Scenario loadScenario(const std::filesystem::path& path) {
  const std::string text = readFile(path, JsonLimits{}.max_bytes);  // InputError when missing
  return parseScenario(text, path.string());
}

std::string scenarioToJson(const Scenario& s) {
  const ModelInputs& in = s.inputs;
  const ModelInputs defaults;
  Json doc = Json::object();
  doc["schema"] = kScenarioSchema;
  doc["version"] = kScenarioVersion;
  doc["pose"] = getText(in, "pose");
  doc["pose_side"] = getText(in, "pose_side");

  // muscles: a whole group when every member and side agrees, else a muscle when both sides
  // agree, else each side; only what differs from the defaults
  Json muscles = Json::object();
  std::array<bool, biomech::kMuscleCount> written{};
  auto settingJson = [&](const biomech::MuscleSetting& ms) {
    Json j = Json::object();
    if (ms.tightness != defaults.muscles[0][0].tightness) j["tightness"] = ms.tightness;
    if (ms.tone != defaults.muscles[0][0].tone) j["tone"] = ms.tone;
    return j;
  };
  for (std::size_t g = 0; g < biomech::kGroupCount; ++g) {
    std::optional<biomech::MuscleSetting> common;
    bool uniform = true;
    for (std::size_t m = 0; m < biomech::kMuscleCount && uniform; ++m) {
      if (static_cast<std::size_t>(biomech::groupOf(static_cast<biomech::MuscleId>(m))) != g) continue;
      for (const auto& side : in.muscles[m]) {
        if (!common) common = side;
        uniform = uniform && side == *common;
      }
    }
    if (!uniform || !common || *common == biomech::MuscleSetting{}) continue;
    muscles[std::string(biomech::groupKey(static_cast<biomech::MuscleGroup>(g)))] = settingJson(*common);
    for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
      if (static_cast<std::size_t>(biomech::groupOf(static_cast<biomech::MuscleId>(m))) == g)
        written[m] = true;
    }
  }
  for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
    if (written[m]) continue;
    const auto& sides = in.muscles[m];
    const std::string name(biomech::muscleKey(static_cast<biomech::MuscleId>(m)));
    if (sides[0] == sides[1]) {
      if (!(sides[0] == biomech::MuscleSetting{})) muscles[name] = settingJson(sides[0]);
      continue;
    }
    Json j = Json::object();
    for (biomech::Side side : biomech::kSides) {
      const Json sj = settingJson(sides[biomech::sideIndex(side)]);
      if (!sj.empty()) j[std::string(biomech::sideName(side))] = sj;
    }
    muscles[name] = j;
  }
  if (!muscles.empty()) doc["muscles"] = muscles;

  doc["slip"] = Json{
      {"level", getText(in, "slip.level")}, {"type", getText(in, "slip.type")}, {"percent", in.slip.percent}};
  Json patient = Json::object();
  for (const ParamInfo& p : parameters()) {
    if (!p.optional) continue;
    const std::optional<double> v = getNumber(in, p.key);
    if (v) patient[p.key.substr(p.key.find('.') + 1)] = *v;
  }
  if (!patient.empty()) doc["patient"] = patient;
  doc["body"] = Json{
      {"stature_m", in.body.stature_m}, {"mass_kg", in.body.mass_kg}, {"sex", anatomy::sexName(in.body.sex)}};
  for (const auto& [name, value] : s.extra.items()) doc[name] = value;
  return doc.dump(2) + "\n";
}

void saveScenario(const std::filesystem::path& path, const Scenario& scenario) {
  writeFileAtomic(path, scenarioToJson(scenario));
}

}  // namespace sagitta::scenario
