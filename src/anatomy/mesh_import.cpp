#include "anatomy/mesh_import.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>
#include <system_error>

#include <assimp/Importer.hpp>
#include <assimp/config.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "anatomy/skeleton.h"
#include "core/atomic_file.h"
#include "core/error.h"

namespace sagitta::anatomy {
namespace fs = std::filesystem;
namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
  // Assimp is row-major, GLM column-major
  return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4,
                   m.d4);
}

// bones named "segment:<name>" become skin influences (the four strongest, normalised)
void appendSkin(const aiMesh& src, MeshData& dst) {
  const std::size_t base = dst.skin_segments.size();
  dst.skin_segments.resize(base + src.mNumVertices, glm::u8vec4(0));
  dst.skin_weights.resize(base + src.mNumVertices, glm::vec4(0.0f));
  std::vector<std::vector<std::pair<float, std::uint8_t>>> influences(src.mNumVertices);
  for (unsigned b = 0; b < src.mNumBones; ++b) {
    const aiBone& bone = *src.mBones[b];
    std::string name = bone.mName.C_Str();
    constexpr std::string_view kPrefix = "segment:";
    if (name.rfind(kPrefix, 0) == 0) name = name.substr(kPrefix.size());
    const std::optional<Segment> seg = segmentFromName(name);
    if (!seg) continue;
    for (unsigned w = 0; w < bone.mNumWeights; ++w) {
      const aiVertexWeight& vw = bone.mWeights[w];
      if (vw.mVertexId < src.mNumVertices && vw.mWeight > 0.0f) {
        influences[vw.mVertexId].emplace_back(vw.mWeight, static_cast<std::uint8_t>(*seg));
      }
    }
  }
  for (unsigned i = 0; i < src.mNumVertices; ++i) {
    auto& list = influences[i];
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    float sum = 0.0f;
    for (std::size_t k = 0; k < list.size() && k < 4; ++k) sum += list[k].first;
    for (std::size_t k = 0; k < list.size() && k < 4; ++k) {
      dst.skin_segments[base + i][static_cast<int>(k)] = list[k].second;
      dst.skin_weights[base + i][static_cast<int>(k)] = sum > 0.0f ? list[k].first / sum : 0.0f;
    }
  }
}

void appendMesh(const aiMesh& src, const glm::mat4& transform, float scale, MeshData& dst) {
  const auto base = static_cast<std::uint32_t>(dst.positions.size());
  if (src.HasBones()) appendSkin(src, dst);
  const glm::mat3 normal_matrix = glm::transpose(glm::inverse(glm::mat3(transform)));
  for (unsigned i = 0; i < src.mNumVertices; ++i) {
    const aiVector3D& v = src.mVertices[i];
    dst.positions.push_back(glm::vec3(transform * glm::vec4(v.x, v.y, v.z, 1.0f)) * scale);
    if (src.HasNormals()) {
      const aiVector3D& n = src.mNormals[i];
      dst.normals.push_back(glm::normalize(normal_matrix * glm::vec3(n.x, n.y, n.z)));
    }
  }
  for (unsigned f = 0; f < src.mNumFaces; ++f) {
    const aiFace& face = src.mFaces[f];
    if (face.mNumIndices != 3) continue;  // points and lines are not surfaces
    for (int k = 0; k < 3; ++k) dst.indices.push_back(base + face.mIndices[k]);
  }
}

void collect(const aiScene& scene, const aiNode& node, const glm::mat4& parent, const ImportOptions& options,
             std::vector<MeshData>& out, std::vector<ImportedNode>* nodes = nullptr) {
  const glm::mat4 transform = parent * toGlm(node.mTransformation);
  if (nodes != nullptr) {
    glm::dmat4 global(transform);
    global[3] = glm::dvec4(glm::dvec3(global[3]) * double(options.scale_to_m), 1.0);
    nodes->push_back({node.mName.C_Str(), global});
  }
  for (unsigned i = 0; i < node.mNumMeshes; ++i) {
    const aiMesh& mesh = *scene.mMeshes[node.mMeshes[i]];
    if (options.merge && !out.empty()) {
      appendMesh(mesh, transform, options.scale_to_m, out.front());
    } else {
      MeshData data;
      data.name = mesh.mName.length > 0 ? mesh.mName.C_Str() : node.mName.C_Str();
      appendMesh(mesh, transform, options.scale_to_m, data);
      out.push_back(std::move(data));
    }
  }
  for (unsigned c = 0; c < node.mNumChildren; ++c)
    collect(scene, *node.mChildren[c], transform, options, out, nodes);
}

}  // namespace

ImportedScene importScene(const fs::path& path, const ImportOptions& options) {
  std::error_code ec;
  // missing, a folder, a FIFO (Assimp would block on it), a device, too large: refused first
  checkReadableFile(path);
  if (fs::file_size(path, ec) == 0) throw InputError("mesh " + path.string() + " is empty (0 bytes)");
  if (!(options.scale_to_m > 0.0f) || !std::isfinite(options.scale_to_m)) {
    throw InputError("mesh " + path.string() + ": the unit scale must be a positive number");
  }

  Assimp::Importer importer;
  unsigned flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_SortByPType |
                   aiProcess_FindInvalidData | aiProcess_ValidateDataStructure;
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".stl") {
    // STL stores one flat normal per face; drop them so shared corners merge and the smooth
    // normals computed below apply
    importer.SetPropertyInteger(AI_CONFIG_PP_RVC_FLAGS, aiComponent_NORMALS);
    flags |= aiProcess_RemoveComponent;
  }
  const aiScene* scene = importer.ReadFile(path.string(), flags);
  if (scene == nullptr || scene->mRootNode == nullptr) {
    std::string why = importer.GetErrorString();
    if (why.find("contains no faces") != std::string::npos) {
      throw InputError("mesh " + path.string() + " holds no triangles");
    }
    if (why.find("No meshes remaining") != std::string::npos) {
      // aiProcess_FindInvalidData drops a mesh with a NaN or infinite vertex, or with every vertex
      // at one point; Assimp's own words name neither
      throw InputError("mesh " + path.string() +
                       " has a vertex that is not a finite number (NaN or infinite), or all its vertices at "
                       "one point: no usable triangles remain");
    }
    if (why.empty()) why = "not a mesh file Assimp can read";
    throw InputError("cannot load mesh " + path.string() + ": " + why);
  }
  if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) != 0) {
    throw InputError("cannot load mesh " + path.string() + ": the file is incomplete (truncated?)");
  }

  ImportedScene result;
  std::vector<MeshData>& out = result.meshes;
  collect(*scene, *scene->mRootNode, glm::mat4(1.0f), options, out, &result.nodes);
  std::erase_if(out, [](const MeshData& m) { return m.empty(); });
  if (out.empty()) throw InputError("mesh " + path.string() + " holds no triangles");
  for (MeshData& m : out) {
    if (m.normals.size() != m.positions.size()) computeSmoothNormals(m);
    if (m.skin_segments.size() != m.positions.size()) {  // skinned and rigid meshes were merged
      m.skin_segments.clear();
      m.skin_weights.clear();
    }
    if (m.name.empty()) m.name = path.stem().string();
    for (const glm::vec3& p : m.positions) {
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
        throw InputError("mesh " + path.string() + " has a vertex that is not a finite number");
      }
    }
  }
  return result;
}

std::vector<MeshData> importMeshes(const fs::path& path, const ImportOptions& options) {
  return importScene(path, options).meshes;
}

MeshData importMesh(const fs::path& path, const ImportOptions& options) {
  ImportOptions merged = options;
  merged.merge = true;
  return std::move(importMeshes(path, merged).front());
}

}  // namespace sagitta::anatomy
