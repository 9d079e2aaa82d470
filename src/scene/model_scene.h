// Turns a loaded anatomical model and a pose into draw items. Pure functions over plain data:
// no OpenGL, so every rule here (what is visible, which colour, which matrices) is unit-tested.
#pragma once

#include <cstdint>
#include <vector>

#include "anatomy/model.h"
#include "anatomy/thoracic_column.h"
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
  // by part, resolved once here: the level of the thoracic column a part is drawn on (0 = C7 ..
  // 11 = T11, anatomy::thoracicColumnLevel), drawn with PosedSkeleton::thoracic_level; -1 for
  // every other part
  std::vector<std::int8_t> thoracic_level;
};
ModelMeshes registerModel(const anatomy::Model& model, MeshLibrary& library);

// World transform of every segment and skin matrices for a pose.
struct PosedSkeleton {
  std::array<glm::dmat4, anatomy::kSegmentCount> world{};
  // world transforms of the thoracic column's levels as it bends (anatomy::thoracicLevelWorlds):
  // index 0 = C7 .. 11 = T11, 12 = T12 (the thorax); upper_thorax is C7's (and T1's)
  std::array<glm::dmat4, anatomy::kThoracicColumnLevels> thoracic_level{};
  glm::dmat4 upper_thorax{1.0};
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
