// The per-bone validation of sagitta_bone_validate and the anatomy tests: the generated bones of a
// body (os coxae, sacrum with its coccyx, L1-L5 with their arches) against the real bones in
// ../shared/reference/meshes (validation data only, never shipped or loaded by the program).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/skeleton.h"
#include "bone_compare.h"

namespace sagitta::bonecheck {

// The reference meshes' folder: $SAGITTA_REFERENCE_MESHES, else ../shared/reference/meshes next
// to the source tree (the checkout's parent); nullopt when neither holds visible_human_artisynth/.
std::optional<std::filesystem::path> findReferenceMeshes(const std::filesystem::path& source_dir);

struct NamedSurface {
  std::string bone;  // "os_coxae", "sacrum", "l1" .. "l5"
  std::string name;  // e.g. "visible_human_artisynth/pelvis.obj (+Y half)"
  Surface surface;
};

// Every reference bone of the folder, in mm; the pelvis is cut at its mid-sagittal plane into
// its two ossa coxae. Throws std::runtime_error naming a file it cannot read.
std::vector<NamedSurface> loadReferences(const std::filesystem::path& dir);

// The generated bones of a body, in mm in their segment frames (made by the project's own
// generator). `bones` limits them (empty: all of os_coxae, sacrum, l1..l5).
std::vector<NamedSurface> generatedBones(const anatomy::BodyParams& body,
                                         const std::vector<std::string>& bones = {}, int threads = 2);

struct Row {
  std::string body, bone, reference;
  Comparison result;
};

// Compares each generated bone with each reference of the same bone.
std::vector<Row> validate(const std::string& body_name, const std::vector<NamedSurface>& generated,
                          const std::vector<NamedSurface>& references, const CompareOptions& opt = {});

// Two point sets drawn as text for a reader comparing shapes: each point that `keep` accepts
// lands in the cell (`cell` mm square) of its `plane` coordinates (across, up); a cell shows 'g'
// when only `generated` has points there, 'r' only `reference`, '#' both, '.' neither. Returns a
// line giving the ranges, then the rows (top row first) that hold a point; "(nothing there)" when
// no point is kept.
std::string textSection(const std::vector<glm::dvec3>& generated, const std::vector<glm::dvec3>& reference,
                        double cell, const std::function<bool(const glm::dvec3&)>& keep,
                        const std::function<glm::dvec2(const glm::dvec3&)>& plane);

}  // namespace sagitta::bonecheck
