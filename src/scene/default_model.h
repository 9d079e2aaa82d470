// The model Sagitta shows when no other is asked for: the built-in procedural anatomy.
#pragma once

#include <filesystem>

#include "anatomy/model.h"

namespace sagitta::scene {

// Throws IoError / InputError when the assets are missing or broken.
anatomy::Model loadDefaultModel(anatomy::Lod lod = anatomy::Lod::kDefault);

// The model a user's manifest names (bring your own mesh, docs/anatomy.md), or the built-in one
// when `manifest` is empty. Parts that fail stay built-in; each warning is logged, naming the
// file and field. Throws InputError / IoError for a missing or malformed manifest.
anatomy::Model loadModelOrDefault(const std::filesystem::path& manifest);

}  // namespace sagitta::scene
