#include "scene/draw_list.h"

#include <atomic>

namespace sagitta::scene {
namespace {

// Versions are unique in the process, not per library: a renderer that drew one library's mesh
// N must not take another library's (a new model after a body change) mesh N for it.
std::uint64_t nextVersion() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

MeshId MeshLibrary::add(anatomy::MeshData mesh) {
  const anatomy::Bounds bounds = anatomy::boundsOf(mesh);
  meshes_.push_back({std::move(mesh), nextVersion(), bounds});
  return static_cast<MeshId>(meshes_.size() - 1);
}

void MeshLibrary::replace(MeshId id, anatomy::MeshData mesh) {
  Entry& e = meshes_.at(id);
  e.bounds = anatomy::boundsOf(mesh);
  e.data = std::move(mesh);
  e.version = nextVersion();
}

}  // namespace sagitta::scene
