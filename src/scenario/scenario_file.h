// Scenario files, the model part: a JSON object with "schema": "sagitta.scenario", "version": 1
// and the parameter keys (scenario/parameters.h) nested by their dots:
//   {"schema": "sagitta.scenario", "version": 1, "pose": "standing", "pose_side": "right",
//    "muscles": {"hip_flexors": {"tightness": 0.7}, "psoas": {"right": {"tightness": 0.4}}},
//    "slip": {"level": "L5-S1", "type": "isthmic", "percent": 30},
//    "patient": {"pelvic_incidence_deg": 65}, "body": {"stature_m": 1.75, "mass_kg": 75}}
// Muscle settings apply general before specific, whatever their order in the file: groups, then
// one muscle on both sides, then one side. The sections "view", "camera", "overlays", "mode",
// "captions" and "description" belong to the UI and are kept as they are (opaque JSON).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "biomech/inputs.h"

namespace sagitta::scenario {

inline constexpr std::string_view kScenarioSchema = "sagitta.scenario";
inline constexpr int kScenarioVersion = 1;

struct Scenario {
  biomech::ModelInputs inputs;
  // the UI's sections, in file order, untouched
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
  bool operator==(const Scenario&) const = default;
};

// Throws IoError when the file cannot be read, InputError "FILE:LINE: ..." naming the key for
// malformed JSON, an unknown key, a wrong type, a value out of range or not finite, a missing or
// foreign schema, or a version written by a newer Sagitta. Old key names (muscle "strength", now
// "tone") are read as the current ones with a one-line warning (core/log.h) naming the file.
Scenario loadScenario(const std::filesystem::path& path);
// The same for text; `source` names it in messages.
Scenario parseScenario(std::string_view text, const std::string& source);

// Canonical JSON text (2-space indent, newline at the end): the model keys that differ from the
// defaults, then the UI's sections. parseScenario(scenarioToJson(s)) == s.
std::string scenarioToJson(const Scenario& scenario);
// Writes atomically (core/atomic_file.h); throws IoError.
void saveScenario(const std::filesystem::path& path, const Scenario& scenario);

}  // namespace sagitta::scenario
