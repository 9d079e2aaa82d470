// The thoracic column above T12 (T11 .. T1) and C7, laid out in the thorax frame (T12's own
// frame, skeleton.h) at the neutral pose: where a radiologist reads C7 and T1 (SVA, T1 pelvic
// angle) and the endplates of T4 and T12 (thoracic kyphosis). T8 .. T12 are fixed in the thorax
// segment; C7 .. T7 turn with the upper thoracic column about the kyphosis apex
// (anatomy::Pose::upper_thorax). The drawn vertebrae C7 .. T11 are made on these frames
// (shapes_vertebra.cpp), so the measured points sit on the drawn bones.
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
  // each level's inferior endplate frame (origin at the endplate centre, +Y cranial, +X
  // anterior; T12's is the thorax frame itself) and its size relative to T12: the drawn
  // vertebrae above T12 are T12's shape scaled by `size` and placed by `frame`
  std::array<glm::dmat4, kThoracicColumnLevels> frame{};
  std::array<double, kThoracicColumnLevels> size{};
  const glm::dvec3& c7Centroid() const { return centroid[0]; }
  const glm::dvec3& t1Centroid() const { return centroid[1]; }
};

// The kyphosis apex the upper thoracic column turns about (anatomy::Pose::upper_thorax): the
// T7-T8 disc, at the centre of T7's inferior endplate; levels at or above it (C7 .. T7, index
// <= kUpperColumnLowestLevel) turn with the upper column, T8 .. T12 stay on the thorax.
inline constexpr int kUpperColumnLowestLevel = 7;  // T7
// The drawn parts of the column: "c7", "t1" .. "t12" (lower case, as part names).
std::string_view thoracicPartName(int index);
// True for the parts drawn on the upper thoracic column ("c7", "t1" .. "t7").
bool onUpperThoracicColumn(std::string_view part_name);

// Throws nothing; pure function of the dimensions and the T12 layout.
ThoracicColumn layoutThoracicColumn(const BodyDimensions& dims, const VertebraLayout& t12);
// The same for a body (computeDimensions + layoutSpine).
ThoracicColumn thoracicColumn(const BodyParams& params);

}  // namespace sagitta::anatomy
