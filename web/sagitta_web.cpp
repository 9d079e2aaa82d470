// The page's hooks into the model (web/site/sagitta.js calls them through ccall): the same
// scenario parsing, parameter keys, posture solve and report JSON as `sagitta report`.
#include <cstddef>
#include <span>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "anatomy/skeleton.h"
#include "biomech/posture_model.h"
#include "core/error.h"
#include "core/version.h"
#include "scenario/parameters.h"
#include "scenario/report.h"
#include "scenario/scenario_file.h"
#include "web/baked_assets.h"

namespace {

std::string& result() {
  static std::string s;
  return s;
}

const char* answer(std::string text) {
  result() = std::move(text);
  return result().c_str();
}

const char* errorJson(const std::string& message) {
  return answer(nlohmann::json{{"error", message}}.dump());
}

}  // namespace

extern "C" {

// Reads and installs the baked assets; "" on success, else the one-sentence reason.
const char* sagitta_web_load_assets(const unsigned char* data, int size) {
  try {
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data),
                                           static_cast<std::size_t>(size));
    sagitta::web::BakedAssets assets = sagitta::web::readBakedAssets(bytes, "sagitta-assets.bin");
    sagitta::web::checkMuscleTable(assets, "sagitta-assets.bin");
    sagitta::web::installBakedAssets(std::move(assets));
    return answer("");
  } catch (const std::exception& e) {
    return answer(e.what());
  }
}

// "" when `text` is a valid scenario, else the one-sentence reason (naming the line and key).
const char* sagitta_web_check_scenario(const char* text) {
  try {
    const sagitta::scenario::Scenario sc = sagitta::scenario::parseScenario(text, "scenario");
    sc.inputs.validate();
    return answer("");
  } catch (const std::exception& e) {
    return answer(e.what());
  }
}

// What `sagitta report --scenario S --set A --set B ...` prints: `scenario` may be "" (the
// defaults), `sets` holds one KEY=VALUE per line. On bad input: {"error": "..."}.
const char* sagitta_web_report(const char* scenario_text, const char* sets) {
  try {
    sagitta::scenario::Scenario sc;
    if (scenario_text != nullptr && scenario_text[0] != '\0') {
      sc = sagitta::scenario::parseScenario(scenario_text, "scenario");
    }
    sagitta::biomech::ModelInputs inputs = sc.inputs;
    std::istringstream lines(sets != nullptr ? sets : "");
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) sagitta::scenario::applyAssignment(inputs, line);
    }
    inputs.validate();
    const sagitta::biomech::PostureModel model(sagitta::anatomy::buildSkeleton(inputs.body.params()));
    return answer(sagitta::scenario::reportJson(inputs, model.solve(inputs)).dump(2));
  } catch (const std::exception& e) {
    return errorJson(e.what());
  }
}

const char* sagitta_web_version() {
  return sagitta::kVersion;
}

}  // extern "C"
