// The page's hooks into the model (web/site/sagitta.js calls them through ccall): the same
// scenario parsing, parameter keys, posture solve and report JSON as `sagitta report`.
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "anatomy/skeleton.h"
#include "biomech/posture_model.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/version.h"
#include "scenario/parameters.h"
#include "scenario/report.h"
#include "scenario/scenario_file.h"
#include "ui/gui_app.h"
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

// Starts the 3D view and the panels in the page's canvas (after the assets are installed); the
// browser then calls the frame loop. `panels` 0: the 3D view alone (index.html#panels=0, for an
// embedded figure). "" on success, else the reason.
const char* sagitta_web_start_gui(int panels) {
  try {
    sagitta::ui::GuiOptions options;
    options.panels = panels != 0;
    sagitta::ui::runGui(options);
    return answer("");
  } catch (const std::exception& e) {
    return answer(e.what());
  }
}

// KEY=VALUE (the keys of `sagitta report --set`) into the running program's document, one undo
// step; "" on success, else the reason.
const char* sagitta_web_gui_set(const char* assignment) {
  try {
    std::string error;
    return answer(sagitta::ui::webSetParameter(assignment, error) ? "" : error);
  } catch (const std::exception& e) {
    return answer(e.what());
  }
}

// Opens the scenario `text` in the running program (as File > Open does); "" or the reason.
const char* sagitta_web_gui_open(const char* text, const char* name) {
  try {
    const std::filesystem::path path = std::filesystem::path("/scenarios") / name;
    std::filesystem::create_directories(path.parent_path());
    sagitta::writeFileAtomic(path, text);
    std::string error;
    return answer(sagitta::ui::webOpenScenario(path, error) ? "" : error);
  } catch (const std::exception& e) {
    return answer(e.what());
  }
}

// The running program's document as a scenario file (what File > Save writes); on failure
// {"error": "..."}.
const char* sagitta_web_gui_scenario() {
  try {
    const std::filesystem::path path = "/scenarios/current.json";
    std::filesystem::create_directories(path.parent_path());
    sagitta::ui::webSaveScenario(path);
    return answer(sagitta::readFile(path));
  } catch (const std::exception& e) {
    return errorJson(e.what());
  }
}

// Frames the program has drawn so far (the tests wait for the first).
int sagitta_web_gui_frames() {
  return static_cast<int>(sagitta::ui::webFramesDrawn());
}

// 1 when the view is at rest with its final frame drawn (sagittaTest.finish() waits for it).
int sagitta_web_gui_settled() {
  return sagitta::ui::webSettled() ? 1 : 0;
}

// The last frame's phases in ms as JSON (the page's #profile; {} without it).
const char* sagitta_web_gui_profile() {
  return answer(sagitta::ui::webLastFrameProfile());
}

// Sets an environment variable the program reads when it starts (before sagitta_web_start_gui):
// SAGITTA_FLUID (moving frames on a software renderer, which the page detects) and
// SAGITTA_PROFILE (the page's #profile: each frame's phases timed, glFinish after each drawing
// phase, so the split is honest but frames are slower).
void sagitta_web_setenv(const char* name, const char* value) {
  setenv(name, value, 1);
}

const char* sagitta_web_version() {
  return sagitta::kVersion;
}

}  // extern "C"
