// Where loadBuiltinModel takes the shipped models from. By default it reads the manifests in
// paths::assetsDir()/models through Assimp; the web build, which has neither Assimp nor the
// assets folder, installs a provider that answers from the baked assets (src/web/baked_assets.h).
#pragma once

#include <optional>

#include "anatomy/model.h"

namespace sagitta::anatomy {

// Returns the shipped model for (lod, sex), or nullopt to let loadBuiltinModel read the assets
// folder as usual. May throw InputError / IoError like loadBuiltinModel.
using BuiltinModelProvider = std::optional<Model> (*)(Lod lod, Sex sex);

// Installs `provider` (nullptr: back to the assets folder). Not thread-safe: call it at start-up.
void setBuiltinModelProvider(BuiltinModelProvider provider);

}  // namespace sagitta::anatomy
