// The document: everything a user can set, what a scenario file holds and Ctrl+Z undoes. The
// GUI keeps the edited document (ui::AppState); what is shown may be another one (an A ⇄ B
// cycle, a timeline), which scene::Session is given each frame.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "scenario/scenario_file.h"
#include "scene/view_state.h"

namespace sagitta::scene {

struct Document {
  scenario::Scenario scenario;  // model inputs; its `extra` JSON holds the UI's sections as loaded
  ViewState view;
  bool operator==(const Document&) const = default;
};

// Reads a scenario file including its view sections (all or nothing). Throws IoError /
// InputError "FILE:LINE: ..." like scenario::loadScenario.
Document loadDocument(const std::filesystem::path& path);
Document parseDocument(std::string_view text, const std::string& source);
std::string documentToJson(const Document& document);
void saveDocument(const std::filesystem::path& path, const Document& document);

}  // namespace sagitta::scene
