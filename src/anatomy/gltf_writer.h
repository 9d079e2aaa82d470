// A small glTF 2.0 binary (.glb) writer for model parts: one mesh with smooth normals, named
// empty nodes for the part's landmarks, and for skinned parts a standard glTF skin whose joints
// are the skeleton's segments (JOINTS_0 / WEIGHTS_0, inverse bind matrices of the neutral pose),
// so Assimp and other readers see ordinary bones. The bytes depend only on the input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "anatomy/mesh.h"
#include "anatomy/skeleton.h"

namespace sagitta::anatomy {

inline constexpr const char* kLandmarkNodePrefix = "landmark:";
inline constexpr const char* kSegmentNodePrefix = "segment:";

struct GlbLandmark {
  std::string name;
  glm::dvec3 position{0.0};  // in the part's frame (its segment's frame)
};

struct GlbPart {
  std::string name;                // the mesh node's name
  const MeshData* mesh = nullptr;  // rigid: segment frame; skinned: world at the neutral pose
  std::vector<GlbLandmark> landmarks;
  nlohmann::json extras;               // stored on the mesh node (kind, segment, ...)
  const Skeleton* skeleton = nullptr;  // required for skinned meshes: the joints' neutral pose
};

// The .glb bytes. Throws std::invalid_argument for an empty mesh or a skinned mesh without a
// skeleton.
std::vector<std::uint8_t> writeGlb(const GlbPart& part);

}  // namespace sagitta::anatomy
