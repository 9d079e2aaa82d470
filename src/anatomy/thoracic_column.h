// The thoracic column above T12 (T11 .. T1) and C7, laid out in the thorax frame (T12's own
// frame, skeleton.h) at the neutral pose. The thorax is one rigid segment, so these are fixed
// points of it: where a radiologist reads C7 and T1 (SVA, T1 pelvic angle) and the endplates of
// T4 and T12 (thoracic kyphosis). T11 and T10 stack exactly like the shipped T11/T10 hint meshes
// (shapes_vertebra.cpp), so the points sit on the drawn bones there.
#pragma once

#include <array>
#include <string_view>

#include <glm/glm.hpp>

#include "anatomy/dimensions.h"
#include "anatomy/spine_layout.h"

namespace sagitta::anatomy {

// index 0 = C7, 1 = T1 .. 12 = T12
inline constexpr int kThoracicColumnLevels = 13;
std::string_view thoracicLevelName(int index);  // "C7", "T1" .. "T12"

struct ThoracicColumn {
  // midline endplate corners and the body's centroid (mean of the four corners), thorax frame
  std::array<glm::dvec3, kThoracicColumnLevels> superior_anterior{}, superior_posterior{};
  std::array<glm::dvec3, kThoracicColumnLevels> inferior_anterior{}, inferior_posterior{};
  std::array<glm::dvec3, kThoracicColumnLevels> centroid{};
  const glm::dvec3& c7Centroid() const { return centroid[0]; }
  const glm::dvec3& t1Centroid() const { return centroid[1]; }
};

// Throws nothing; pure function of the dimensions and the T12 layout.
ThoracicColumn layoutThoracicColumn(const BodyDimensions& dims, const VertebraLayout& t12);
// The same for a body (computeDimensions + layoutSpine).
ThoracicColumn thoracicColumn(const BodyParams& params);

}  // namespace sagitta::anatomy
