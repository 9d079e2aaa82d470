// Reads triangle meshes with Assimp: glTF/GLB, OBJ, STL, PLY, FBX and whatever else it reads.
#pragma once

#include <filesystem>
#include <string>
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

// Every node of a file with its transform in the file's root frame (translation already scaled
// to metres), e.g. the empty "landmark:<name>" nodes of Sagitta's glTF parts.
struct ImportedNode {
  std::string name;
  glm::dmat4 global{1.0};
};

// A file's meshes (as importMeshes; a mesh skinned to nodes named "segment:<segment>" gets
// skin_segments / skin_weights, its four strongest influences normalised) and its nodes.
struct ImportedScene {
  std::vector<MeshData> meshes;
  std::vector<ImportedNode> nodes;
};
ImportedScene importScene(const std::filesystem::path& path, const ImportOptions& options = {});

}  // namespace sagitta::anatomy
