// The document: everything a user can set, what a scenario file holds and Ctrl+Z undoes. The
// GUI keeps the edited document (ui::AppState); what is shown may be another one (an A ⇄ B
// cycle, a timeline), which scene::Session is given each frame.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario_file.h"
#include "scene/view_state.h"

namespace sagitta::scene {

struct Document {
  scenario::Scenario scenario;  // model inputs; its `extra` JSON holds the UI's sections as loaded
  ViewState view;
  bool operator==(const Document&) const = default;
};

// The one key table: every settable key, the model's parameter keys (scenario/parameters.h)
// then the view keys (scene/view_state.h), each with its type, range, unit and help. Files,
// timelines, --set and the docs' key lists all follow it.
const std::vector<scenario::KeyInfo>& keyTable();
// nullptr for a key that is not in the table.
const scenario::KeyInfo* findKey(std::string_view key);
// Sets / gets any key of the table on a document. set throws InputError naming the key for an
// unknown key or a value of the wrong type, out of range or not one of the choices; get gives
// null for an unset optional key.
void setKey(Document& document, std::string_view key, const nlohmann::json& value);
nlohmann::json getKey(const Document& document, std::string_view key);

// Reads a scenario file including its view sections (all or nothing). Throws IoError /
// InputError "FILE:LINE: ..." like scenario::loadScenario.
Document loadDocument(const std::filesystem::path& path);
Document parseDocument(std::string_view text, const std::string& source);
std::string documentToJson(const Document& document);
void saveDocument(const std::filesystem::path& path, const Document& document);

}  // namespace sagitta::scene
