// A loaded anatomical model: the skeleton plus the meshes drawn on it. The built-in model and
// a user's "bring your own mesh" model are both described by a model manifest (JSON) that
// names a mesh file per part; meshes are read through Assimp like any other file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
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
  std::string name;  // e.g. "os_coxae_l", "l5", "disc_l5_s1", "body_outline"
  PartKind kind = PartKind::kBone;
  Segment segment = Segment::kPelvis;  // the segment a rigid part is fixed to
  MeshData mesh;                       // rigid: in the segment frame; skinned: world bind pose
};

enum class Lod : std::uint8_t { kDefault, kLow };

struct Model {
  Skeleton skeleton;
  std::vector<ModelPart> parts;
  // Problems that did not stop loading (e.g. a user's bone that was rejected and replaced by
  // the built-in one), in plain words for the status bar.
  std::vector<std::string> warnings;
};

// Stable names used in manifests: "bone", "disc", "nucleus", "cartilage", "body_outline".
std::string_view partKindName(PartKind kind);
std::optional<PartKind> partKindFromName(std::string_view name);

// Loads a model manifest (JSON, format in docs/anatomy.md) and every part it names, through
// Assimp. The skeleton is buildSkeleton(manifest body), with landmarks taken from the parts'
// landmark nodes and the manifest's "landmarks" objects.
// A manifest may start from the built-in model ("base": "builtin") and replace parts with the
// user's own meshes (OBJ, STL, PLY, glTF, ...) given with their unit, transform and landmarks.
// A part that fails (missing file, not a mesh, truncated, empty, a required landmark missing,
// an absurd size for its unit) is reported in `warnings`, naming the file and the field, and the
// built-in part stays; without a built-in part to fall back on, the failure throws. A user's
// "l4" or "l5" is taken as the whole vertebra: the built-in "l4_arch" / "l5_arch" (the posterior
// arch behind the pars, split off for isthmic slips) is dropped unless the manifest gives it too.
// Throws InputError naming the manifest, line and field for malformed JSON or a bad field, and
// IoError when the manifest cannot be read.
Model loadModel(const std::filesystem::path& manifest);

// The built-in models shipped in paths::assetsDir()/models: the average man (averageAdult(kMale))
// in default/ and default_low/, the average woman (averageWoman()) in female/ and female_low/.
// Throws IoError when the assets are missing.
Model loadBuiltinModel(Lod lod = Lod::kDefault, Sex sex = Sex::kMale);
std::filesystem::path builtinManifestPath(Lod lod, Sex sex = Sex::kMale);
// The folder name of a generated model ("default", "female", ...) and its low level of detail.
std::string lodFolder(const std::string& name, Lod lod);

}  // namespace sagitta::anatomy
