// Reads triangle meshes with Assimp: glTF/GLB, OBJ, STL, PLY, FBX and whatever else it reads.
#pragma once

#include <filesystem>
#include <vector>

#include "anatomy/mesh.h"

namespace sagitta::anatomy {

struct ImportOptions {
  float scale_to_m = 1.0f;  // 0.001 for a file in millimetres
  bool merge = true;        // merge every mesh of the file into one (with node transforms applied)
};

// Throws IoError when the file is missing or unreadable and InputError, naming the file, when
// it is not a mesh Assimp can read, is truncated, or holds no triangles. Normals are smooth
// (computed when the file has none); positions have node transforms applied.
std::vector<MeshData> importMeshes(const std::filesystem::path& path, const ImportOptions& options = {});
MeshData importMesh(const std::filesystem::path& path, const ImportOptions& options = {});

}  // namespace sagitta::anatomy
