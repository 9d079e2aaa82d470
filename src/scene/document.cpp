#include "scene/document.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/json_limits.h"
#include "scenario/json_lines.h"
#include "scenario/parameters.h"

namespace sagitta::scene {

const std::vector<scenario::KeyInfo>& keyTable() {
  static const std::vector<scenario::KeyInfo> kTable = [] {
    std::vector<scenario::KeyInfo> t = scenario::parameters();
    for (const scenario::KeyInfo& k : viewKeys()) t.push_back(k);
    return t;
  }();
  return kTable;
}

const scenario::KeyInfo* findKey(std::string_view key) {
  static const std::unordered_map<std::string_view, std::size_t> kIndex = [] {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < keyTable().size(); ++i) index.emplace(keyTable()[i].key, i);
    return index;
  }();
  const auto it = kIndex.find(key);
  return it == kIndex.end() ? nullptr : &keyTable()[it->second];
}

void setKey(Document& d, std::string_view key, const nlohmann::json& value) {
  if (scenario::findParameter(key) != nullptr) {
    scenario::setValue(d.scenario.inputs, key, value);
  } else if (isViewKey(key)) {
    setViewKey(d.view, key, value);
  } else {
    throw InputError(std::string(key) + " is not a parameter, view or camera key");
  }
}

nlohmann::json getKey(const Document& d, std::string_view key) {
  if (const scenario::KeyInfo* info = scenario::findParameter(key)) {
    if (info->type == scenario::KeyType::kNumber) {
      const std::optional<double> v = scenario::getNumber(d.scenario.inputs, key);
      return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    }
    return scenario::getText(d.scenario.inputs, key);
  }
  return getViewKey(d.view, key);
}

Document parseDocument(std::string_view text, const std::string& source) {
  Document d;
  d.scenario = scenario::parseScenario(text, source);
  // a bad view value's message names its file line (looked up only then)
  applyViewSections(d.view, d.scenario.extra, [&](std::string_view key) {
    const int line = scenario::lineOfKey(text, std::string(key));
    return line == 0 ? source : source + ":" + std::to_string(line);
  });
  // once parsed, the view sections live in `view` only (saving writes them back from it)
  for (const char* section : {"mode", "view", "camera", "captions", "overlays"})
    d.scenario.extra.erase(section);
  return d;
}

Document loadDocument(const std::filesystem::path& path) {
  // capped at the JSON limit when read, as scenario, timeline and manifest files are (a larger
  // file is refused before it is read, not after)
  const std::string text = readFile(path, JsonLimits{}.max_bytes);
  return parseDocument(text, path.string());
}

std::string documentToJson(const Document& document) {
  scenario::Scenario s = document.scenario;
  s.extra.erase("overlays");
  writeViewSections(document.view, s.extra);
  return scenario::scenarioToJson(s);
}

void saveDocument(const std::filesystem::path& path, const Document& document) {
  writeFileAtomic(path, documentToJson(document));
}

}  // namespace sagitta::scene
