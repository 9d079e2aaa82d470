// Built-in teaching presets: each is a whole document (model parameters and view) written
// through the same validated keys a scenario file uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scene/session.h"

namespace sagitta::scene {

struct Preset {
  std::string name;         // command-line name, e.g. "isthmic-l5s1-grade-2"
  std::string title;        // menu text
  std::string description;  // one sentence for the menu tooltip and the status bar
  Document document;
};

const std::vector<Preset>& presets();
const Preset* findPreset(std::string_view name);

}  // namespace sagitta::scene
