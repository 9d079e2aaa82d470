#include "scene/draw_list.h"

namespace sagitta::scene {

MeshId MeshLibrary::add(anatomy::MeshData mesh) {
  meshes_.push_back({std::move(mesh), next_version_++});
  return static_cast<MeshId>(meshes_.size() - 1);
}

void MeshLibrary::replace(MeshId id, anatomy::MeshData mesh) {
  Entry& e = meshes_.at(id);
  e.data = std::move(mesh);
  e.version = next_version_++;
}

}  // namespace sagitta::scene
