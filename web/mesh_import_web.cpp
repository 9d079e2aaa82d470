// The web build has no Assimp: reading a user's mesh file is the desktop program's job. The
// shipped models come from the baked assets (src/web/baked_assets.h) instead.
#include "anatomy/mesh_import.h"
#include "core/error.h"

namespace sagitta::anatomy {
namespace {
[[noreturn]] void unavailable(const std::filesystem::path& path) {
  throw InputError(path.string() +
                   ": reading mesh files needs the desktop Sagitta (the web page uses its built-in models)");
}
}  // namespace

std::vector<MeshData> importMeshes(const std::filesystem::path& path, const ImportOptions&) {
  unavailable(path);
}
MeshData importMesh(const std::filesystem::path& path, const ImportOptions&) {
  unavailable(path);
}
ImportedScene importScene(const std::filesystem::path& path, const ImportOptions&) {
  unavailable(path);
}

}  // namespace sagitta::anatomy
