#include "scene/stage.h"

namespace sagitta::scene {

Stage::Stage(anatomy::Model model) : model_(std::move(model)) {
  ids_ = registerModel(model_, meshes_);
  setPose(anatomy::Pose{});
}

void Stage::setPose(const anatomy::Pose& pose) {
  pose_ = pose;
  posed_ = poseSkeleton(model_.skeleton, pose_);
}

DrawList Stage::drawList(const LayerOptions& layers) const {
  DrawList list;
  addModel(model_, ids_, meshes_, posed_, layers, list);
  return list;
}

}  // namespace sagitta::scene
