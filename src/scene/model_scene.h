// Turns a loaded anatomical model and a pose into draw items. Pure functions over plain data:
// no OpenGL, so every rule here (what is visible, which colour, which matrices) is unit-tested.
#pragma once

#include <cstdint>
#include <vector>

#include "anatomy/model.h"
#include "scene/draw_list.h"

namespace sagitta::scene {

// Which layers are drawn and how. Later issues add muscles, nerves, x-ray, ghosts.
struct LayerOptions {
  bool bones = true;
  bool discs = true;
  bool body_outline = true;
  float body_outline_opacity = 0.16f;
};

// The meshes of a model registered in a MeshLibrary, one id per part (same order).
struct ModelMeshes {
  std::vector<MeshId> part_mesh;
  // by part, resolved once here: 1 for the parts that turn with the upper thoracic column (C7 ..
  // T7, anatomy::onUpperThoracicColumn), drawn with PosedSkeleton::upper_thorax
  std::vector<std::uint8_t> on_upper_column;
};
ModelMeshes registerModel(const anatomy::Model& model, MeshLibrary& library);

// World transform of every segment and skin matrices for a pose.
struct PosedSkeleton {
  std::array<glm::dmat4, anatomy::kSegmentCount> world{};
  glm::dmat4 upper_thorax{1.0};  // world transform of the upper thoracic column (anatomy::upperThoraxWorld)
  SkinMatrices skin{};
};
PosedSkeleton poseSkeleton(const anatomy::Skeleton& skeleton, const anatomy::Pose& pose);

// The base colour (linear RGB) and material of a part.
glm::vec3 partColour(const anatomy::ModelPart& part);
Material partMaterial(const anatomy::ModelPart& part);

// Appends the model's visible parts to `list` (and their bounds, outline excluded).
void addModel(const anatomy::Model& model, const ModelMeshes& meshes, const MeshLibrary& library,
              const PosedSkeleton& posed, const LayerOptions& layers, DrawList& list);

}  // namespace sagitta::scene
