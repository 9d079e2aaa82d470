#include "scene/stage.h"

namespace sagitta::scene {

Stage::Stage(anatomy::Model model) : model_(std::move(model)) {
  ids_ = resolveModelIds(model_);
  part_meshes_ = registerModel(model_, meshes_);
}

}  // namespace sagitta::scene
