// Muscles drawn as spindles along their paths: fleshy in the middle, tapering into tendons,
// with constant volume, so a shortened muscle bulges and a stretched one thins, as real
// muscle does (muscle tissue is nearly incompressible).
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "anatomy/mesh.h"

namespace sagitta::scene {

struct SpindleShape {
  float belly_radius_m = 0.02f;   // radius at the widest point at the neutral length
  float neutral_length_m = 0.2f;  // path length in the neutral posture
  int rings = 28;                 // along the path
  int sides = 12;                 // around it
  bool tube = false;              // a uniform tube (nerves), not a spindle
  bool operator==(const SpindleShape&) const = default;
};

// A closed tube around the polyline `path` (world metres, at least two distinct points).
// Its volume equals that of the same muscle at its neutral length. Returns an empty mesh for
// a degenerate path.
anatomy::MeshData spindleMesh(const std::vector<glm::vec3>& path, const SpindleShape& shape);

float pathLength(const std::vector<glm::vec3>& path);

// The radius of a spindle's belly at path length `length_m`: constant volume, r² L = r0² L0.
float spindleBelly(const SpindleShape& shape, float length_m);

// Colour (linear RGB) for a change of length relative to neutral, strain = L / L0 - 1:
// shortened → warm orange, neutral → muscle red, lengthened → cool blue (safe for the common
// colour-vision deficiencies). Saturates at ±kStrainColourRange.
// ±10 %: hip-flexor lengths change by a few percent between postures, which must show.
inline constexpr float kStrainColourRange = 0.1f;
glm::vec3 strainColour(float strain);

}  // namespace sagitta::scene
