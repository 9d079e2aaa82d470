#include "scene/default_model.h"

#include "core/log.h"

namespace sagitta::scene {

anatomy::Model loadDefaultModel(anatomy::Lod lod) { return anatomy::loadBuiltinModel(lod); }

anatomy::Model loadModelOrDefault(const std::filesystem::path& manifest) {
  if (manifest.empty()) return loadDefaultModel();
  anatomy::Model model = anatomy::loadModel(manifest);
  for (const std::string& w : model.warnings) log::warning(w);
  return model;
}

}  // namespace sagitta::scene
