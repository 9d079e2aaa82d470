// The loaded model with its meshes registered for drawing and its parts and landmarks resolved
// to ids (scene/model_ids.h), once, when it is loaded. Shared by the GUI and the headless
// commands so both draw exactly the same thing.
#pragma once

#include "anatomy/model.h"
#include "scene/draw_list.h"
#include "scene/model_ids.h"
#include "scene/model_scene.h"

namespace sagitta::scene {

class Stage {
 public:
  // Throws std::invalid_argument naming a landmark the frame needs that the model lacks.
  explicit Stage(anatomy::Model model);

  const anatomy::Model& model() const { return model_; }
  const MeshLibrary& meshes() const { return meshes_; }
  MeshLibrary& meshes() { return meshes_; }
  const ModelMeshes& partMeshes() const { return part_meshes_; }
  const ModelIds& ids() const { return ids_; }

 private:
  anatomy::Model model_;
  MeshLibrary meshes_;
  ModelMeshes part_meshes_;
  ModelIds ids_;
};

}  // namespace sagitta::scene
