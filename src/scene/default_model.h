// The model Sagitta shows when no other is asked for.
#pragma once

#include "anatomy/model.h"

namespace sagitta::scene {

// Throws IoError / InputError when the assets are missing or broken.
anatomy::Model loadDefaultModel();

}  // namespace sagitta::scene
