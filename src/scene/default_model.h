// The model Sagitta shows when no other is asked for: the built-in procedural anatomy.
#pragma once

#include "anatomy/model.h"

namespace sagitta::scene {

// Throws IoError / InputError when the assets are missing or broken.
anatomy::Model loadDefaultModel(anatomy::Lod lod = anatomy::Lod::kDefault);

}  // namespace sagitta::scene
