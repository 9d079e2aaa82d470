#include "scene/default_model.h"

namespace sagitta::scene {

anatomy::Model loadDefaultModel(anatomy::Lod lod) { return anatomy::loadBuiltinModel(lod); }

}  // namespace sagitta::scene
