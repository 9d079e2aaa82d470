// Thoracic column geometry (thoracic_column.h). Numbers:
//   - Discs: 5.5 mm thoracic discs, the rule of the shipped T11/T10 hint meshes
//     (shapes_vertebra.cpp) [U].
//   - Bodies above T12: T12's body (its own layout, with its wedge) scaled down toward the top,
//     from 97 % at T11 to 62 % at T1, and 60 % at C7: the cranial narrowing of thoracic bodies
//     (Panjabi et al. 1991, Spine 16:888, T1 about 60-65 % of T12) [U]; flat, each level's
//     kyphosis placed at its inferior disc.
//   - Kyphosis by level: small at the thoracolumbar junction, largest mid-thoracic (apex about
//     T7), as thoracic shape is described in asymptomatic adults (Pan et al. 2018, J Biomech,
//     systematic review) [U]; T4-T12 adds up to about 37 deg with T12's own wedge, near the
//     accepted normal of about 40 deg (systematic review, J Orthop Surg Res 2021,
//     s13018-021-02592-2 [V]; Vialle 2005 40.6 +- 10 [U]); T1-T4 9 deg [D]; C7-T1 none [D] (the
//     neck's lordosis is not modelled).
#include "anatomy/thoracic_column.h"

#include <algorithm>
#include <cmath>

#include "core/units.h"

namespace sagitta::anatomy {
namespace {

constexpr double kThoracicDisc_m = 0.0055;  // shapes_vertebra.cpp hint rule [U]
// kyphosis at the inferior disc of each level, index 0 = C7 (C7-T1) .. 11 = T11 (T11-T12), deg [D]
constexpr std::array<double, 12> kDiscKyphosis_deg = {0.0, 2.0, 3.0, 4.0, 5.5, 6.0,
                                                      6.0, 5.5, 4.5, 3.5, 2.0, 0.5};
constexpr double kSizeAtT1 = 0.62, kSizeAtT11 = 0.97, kSizeAtC7 = 0.60;  // of T12 [U Panjabi 1991]

glm::dvec3 at(const glm::dmat4& m, const glm::dvec3& p) {
  return glm::dvec3(m * glm::dvec4(p, 1.0));
}

}  // namespace

std::string_view thoracicPartName(int index) {
  static constexpr std::array<std::string_view, kThoracicColumnLevels> kNames = {
      "c7", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12"};
  return kNames.at(static_cast<std::size_t>(index));
}

bool onUpperThoracicColumn(std::string_view part_name) {
  for (int i = 0; i <= kUpperColumnLowestLevel; ++i) {
    if (part_name == thoracicPartName(i)) return true;
  }
  return false;
}

std::string_view thoracicLevelName(int index) {
  static constexpr std::array<std::string_view, kThoracicColumnLevels> kNames = {
      "C7", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"};
  return kNames.at(static_cast<std::size_t>(index));
}

ThoracicColumn layoutThoracicColumn(const BodyDimensions& d, const VertebraLayout& t12) {
  ThoracicColumn c;
  const double s = d.opensim_scale;
  auto put = [&](int level, const glm::dmat4& frame, double size) {
    const auto i = static_cast<std::size_t>(level);
    c.inferior_anterior[i] = at(frame, size * t12.inferior_anterior);
    c.inferior_posterior[i] = at(frame, size * t12.inferior_posterior);
    if (level == 12) {
      c.superior_anterior[i] = at(frame, t12.superior_anterior);
      c.superior_posterior[i] = at(frame, t12.superior_posterior);
    } else {  // a flat body of the scaled height
      const double h = size * glm::dvec3(t12.superior_endplate[3]).y;
      c.superior_anterior[i] = at(frame, size * t12.inferior_anterior + glm::dvec3(0.0, h, 0.0));
      c.superior_posterior[i] = at(frame, size * t12.inferior_posterior + glm::dvec3(0.0, h, 0.0));
    }
    c.centroid[i] = 0.25 * (c.inferior_anterior[i] + c.inferior_posterior[i] + c.superior_anterior[i] +
                            c.superior_posterior[i]);
    c.frame[i] = frame;
    c.size[i] = size;
  };
  glm::dmat4 frame(1.0);  // inferior endplate frame of the current level
  put(12, frame, 1.0);
  glm::dmat4 top = t12.superior_endplate;  // superior endplate frame of the level below
  for (int level = 11; level >= 0; --level) {
    const double size = level == 0 ? kSizeAtC7 : kSizeAtT1 + (kSizeAtT11 - kSizeAtT1) * (level - 1) / 10.0;
    const double kyphosis = degToRad(kDiscKyphosis_deg[static_cast<std::size_t>(level)]);
    frame = top * translation({0.0, kThoracicDisc_m * s, 0.0}) * rotationZ(-kyphosis);
    put(level, frame, size);
    top = frame * translation({0.0, size * glm::dvec3(t12.superior_endplate[3]).y, 0.0});
  }
  return c;
}

ThoracicColumn thoracicColumn(const BodyParams& params) {
  const BodyDimensions d = computeDimensions(params);
  return layoutThoracicColumn(d, layoutSpine(d).t12);
}

}  // namespace sagitta::anatomy
