// A loaded anatomical model: the skeleton plus the meshes drawn on it. The built-in model and
// a user's "bring your own mesh" model are both described by a model manifest (JSON) that
// names a mesh file per part; meshes are read through Assimp like any other file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "anatomy/mesh.h"
#include "anatomy/skeleton.h"

namespace sagitta::anatomy {

// What a part is, which decides how the scene draws it (layer toggles, x-ray density, colour).
enum class PartKind : std::uint8_t {
  kBone,         // rigid bone on one segment
  kDisc,         // intervertebral disc annulus, skinned between two vertebrae
  kNucleus,      // disc nucleus pulposus (inside the annulus; seen in a cutaway)
  kCartilage,    // e.g. pubic symphysis, articular cartilage
  kBodyOutline,  // translucent skin silhouette, skinned to several segments
};

struct ModelPart {
  std::string name;                 // e.g. "os_coxae_l", "l5", "disc_l5_s1", "body_outline"
  PartKind kind = PartKind::kBone;
  Segment segment = Segment::kPelvis;  // the segment a rigid part is fixed to
  MeshData mesh;                    // rigid: in the segment frame; skinned: world bind pose
};

enum class Lod : std::uint8_t { kDefault, kLow };

struct Model {
  Skeleton skeleton;
  std::vector<ModelPart> parts;
  // Problems that did not stop loading (e.g. a user's bone that was rejected and replaced by
  // the built-in one), in plain words for the status bar.
  std::vector<std::string> warnings;
};

}  // namespace sagitta::anatomy
