#include "scene/document.h"

#include <map>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "scenario/json_lines.h"

namespace sagitta::scene {
namespace {

using nlohmann::json;

// The view sections of a scenario, each value applied with its file line for messages.
void applyViewWithLines(ViewState& view, const json& extra, std::string_view text,
                        const std::string& source) {
  const std::map<std::string, int> lines = scenario::keyLines(text);
  auto where = [&](const std::string& key) {
    const auto it = lines.find(key);
    return it == lines.end() ? source : source + ":" + std::to_string(it->second);
  };
  ViewState next = view;  // all or nothing
  if (extra.contains("overlays")) {
    throw InputError(where("overlays") +
                     ": overlays are set in the \"view\" section (e.g. view.pelvic_angles)");
  }
  if (extra.contains("mode")) setViewKey(next, "mode", extra["mode"], where("mode"));
  for (const char* section : {"view", "camera", "captions"}) {
    if (!extra.contains(section)) continue;
    const json& obj = extra[section];
    if (!obj.is_object()) throw InputError(where(section) + ": " + section + " must be an object");
    if (std::string_view(section) == "camera" && obj.contains("view")) {
      setViewKey(next, "camera.view", obj["view"], where("camera.view"));
    }
    for (const auto& [name, value] : obj.items()) {
      const std::string key = std::string(section) + "." + name;
      if (key != "camera.view") setViewKey(next, key, value, where(key));
    }
  }
  view = next;
}

}  // namespace

Document parseDocument(std::string_view text, const std::string& source) {
  Document d;
  d.scenario = scenario::parseScenario(text, source);
  applyViewWithLines(d.view, json::parse(d.scenario.extra.dump()), text, source);
  // once parsed, the view sections live in `view` only (saving writes them back from it)
  for (const char* section : {"mode", "view", "camera", "captions", "overlays"})
    d.scenario.extra.erase(section);
  return d;
}

Document loadDocument(const std::filesystem::path& path) {
  const std::string text = readFile(path);
  return parseDocument(text, path.string());
}

std::string documentToJson(const Document& document) {
  scenario::Scenario s = document.scenario;
  json extra = json::parse(s.extra.dump());
  extra.erase("overlays");
  writeViewSections(document.view, extra);
  s.extra = nlohmann::ordered_json::parse(extra.dump());
  return scenario::scenarioToJson(s);
}

void saveDocument(const std::filesystem::path& path, const Document& document) {
  writeFileAtomic(path, documentToJson(document));
}

}  // namespace sagitta::scene
