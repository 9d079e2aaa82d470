// Generates the built-in model's meshes from the part shapes: sample each field, remesh it
// adaptively onto the surface (and again, coarser, for the low level of detail), take normals
// from the field, mirror left parts, skin the skinned ones. Deterministic: the same bytes on every run on one
// machine.
#pragma once

#include <string>
#include <vector>

#include "anatomy/body_layout.h"
#include "anatomy/model.h"

namespace sagitta::anatomy {

struct GenerateOptions {
  std::vector<std::string> only;  // part names to make (empty: all)
  int threads = 2;                // parts are independent; results do not depend on this
};

struct GeneratedParts {
  std::vector<ModelPart> lod_default;
  std::vector<ModelPart> lod_low;
};

// The low level of detail: chord error and edge lengths relative to the default one.
inline constexpr double kLowLodErrorFactor = 4.0;
inline constexpr double kLowLodLengthFactor = 1.8;

GeneratedParts generateBuiltinParts(const BodyLayout& body, const GenerateOptions& options = {});

}  // namespace sagitta::anatomy
