// The loaded model with its meshes registered for drawing, and the pose it is shown in.
// Shared by the GUI and the headless commands so both draw exactly the same thing.
#pragma once

#include "anatomy/model.h"
#include "scene/draw_list.h"
#include "scene/model_scene.h"

namespace sagitta::scene {

class Stage {
 public:
  explicit Stage(anatomy::Model model);

  const anatomy::Model& model() const { return model_; }
  const MeshLibrary& meshes() const { return meshes_; }
  MeshLibrary& meshes() { return meshes_; }
  const anatomy::Pose& pose() const { return pose_; }
  void setPose(const anatomy::Pose& pose);
  const PosedSkeleton& posed() const { return posed_; }

  // The model's draw items for the current pose.
  DrawList drawList(const LayerOptions& layers) const;

 private:
  anatomy::Model model_;
  MeshLibrary meshes_;
  ModelMeshes ids_;
  anatomy::Pose pose_;
  PosedSkeleton posed_;
};

}  // namespace sagitta::scene
