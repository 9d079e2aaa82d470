#include "scene/default_model.h"

#include "anatomy/mesh_import.h"
#include "core/paths.h"

namespace sagitta::scene {

anatomy::Model loadDefaultModel() {
  // stand-in until the procedural anatomy lands: one mesh on the pelvis, same Assimp path
  anatomy::Model model;
  model.skeleton = anatomy::buildSkeleton();
  anatomy::ModelPart part;
  part.name = "standin";
  part.kind = anatomy::PartKind::kBone;
  part.segment = anatomy::Segment::kPelvis;
  part.mesh = anatomy::importMesh(paths::assetsDir() / "models" / "standin" / "standin.obj");
  model.parts.push_back(std::move(part));
  return model;
}

}  // namespace sagitta::scene
