// Writes the built-in model's assets: one .glb per part and a manifest, per level of detail.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "anatomy/mesh_generator.h"
#include "anatomy/skeleton.h"

namespace sagitta::anatomy {

struct AssetSummary {
  std::size_t triangles_default = 0;
  std::size_t triangles_low = 0;
  std::size_t files = 0;
};

// Generates every part for `body` and writes <out>/default/ and <out>/default_low/ (each a
// manifest.json and its .glb parts; stale .glb files there are removed). Deterministic.
AssetSummary writeBuiltinAssets(const std::filesystem::path& out, const BodyParams& body = {},
                                const GenerateOptions& options = {});

// Which rigid part carries each landmark in its file: the part of the landmark's segment whose
// surface is nearest. Returns, per part, the landmarks (indices into skeleton.landmarks()).
std::vector<std::vector<std::size_t>> assignLandmarks(const Skeleton& skeleton, const std::vector<ModelPart>& parts);

}  // namespace sagitta::anatomy
