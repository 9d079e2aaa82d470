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

int thoracicColumnLevel(std::string_view name) {
  for (int i = 0; i < kThoracicColumnLevels - 1; ++i) {
    const std::string_view part = thoracicPartName(i);
    if (name.substr(0, part.size()) != part) continue;
    if (name.size() == part.size() || name[part.size()] == '_') return i;
  }
  return -1;
}

double thoracicColumnStiffnessNmPerDeg() {
  return 1.0 / (1.0 / kThoracicUpperStiffness_Nm_per_deg + 1.0 / kThoracicMidStiffness_Nm_per_deg +
                1.0 / kThoracicLowStiffness_Nm_per_deg);
}

const std::array<double, kThoracicDiscs>& thoracicDiscShares() {
  static const std::array<double, kThoracicDiscs> shares = [] {
    std::array<double, kThoracicDiscs> compliance{};  // deg per N m of each disc
    for (int i = 1; i < kThoracicDiscs; ++i) {        // 1 = T1-T2 .. 11 = T11-T12
      const double k =
          i < 4 ? 3.0 * kThoracicUpperStiffness_Nm_per_deg
                : (i < 8 ? 4.0 * kThoracicMidStiffness_Nm_per_deg : 4.0 * kThoracicLowStiffness_Nm_per_deg);
      compliance[static_cast<std::size_t>(i)] = 1.0 / k;
    }
    double total = 0.0;
    for (double c : compliance) total += c;
    for (double& c : compliance) c /= total;
    return compliance;
  }();
  return shares;
}

double thoracicKyphosisShare() {
  double sum = 0.0;
  for (int i = 4; i < kThoracicDiscs; ++i) sum += thoracicDiscShares()[static_cast<std::size_t>(i)];
  return sum;
}

std::array<glm::dmat4, kThoracicColumnLevels> thoracicLevelMotions(const ThoracicColumn& c, double turn_rad) {
  std::array<glm::dmat4, kThoracicColumnLevels> out{};
  const auto& shares = thoracicDiscShares();
  glm::dmat4 m(1.0);
  out[kThoracicColumnLevels - 1] = m;
  for (int level = kThoracicColumnLevels - 2; level >= 0; --level) {
    const auto i = static_cast<std::size_t>(level);
    if (shares[i] != 0.0) {
      const glm::dvec3 centre(c.frame[i][3]);
      m = m * translation(centre) * rotationZ(shares[i] * turn_rad) * translation(-centre);
    }
    out[i] = m;
  }
  return out;
}

glm::dmat4 thoracicColumnMotion(const ThoracicColumn& c, double turn_rad) {
  return thoracicLevelMotions(c, turn_rad)[0];
}

std::array<glm::dmat4, kThoracicColumnLevels> thoracicLevelWorlds(const ThoracicColumn& c,
                                                                  const glm::dmat4& thorax_world,
                                                                  const glm::dmat4& column_motion) {
  std::array<glm::dmat4, kThoracicColumnLevels> out = thoracicLevelMotions(c, thoracicTurn(column_motion));
  for (glm::dmat4& m : out) m = thorax_world * m;
  return out;
}

double thoracicTurn(const glm::dmat4& m) {
  return std::atan2(m[0][1], m[0][0]);
}

ColumnSpinous columnSpinous(const VertebraLayout& t12, double s, int level) {
  // slope of the spinous process below the horizontal, by level (index 0 = C7 .. 11 = T11) [D]
  static constexpr std::array<double, 12> kSpinousSlope_deg = {10, 25, 30, 35, 40, 50,
                                                               55, 55, 50, 40, 30, 20};
  const double slope = degToRad(kSpinousSlope_deg.at(static_cast<std::size_t>(level)));
  const double length = glm::length(t12.spinous_tip - t12.spinous_root) * (level == 0 ? 1.5 : 1.25);
  ColumnSpinous sp;
  sp.root = t12.spinous_root;
  sp.tip = t12.spinous_root + length * glm::dvec3(-std::cos(slope), -std::sin(slope), 0.0);
  sp.root_radius = 0.0045 * s;
  sp.tip_radius = 0.003 * s;
  return sp;
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
    if (level == 12) {
      c.spinous_tip[i] = t12.spinous_tip;
    } else {  // the end of the drawn process: its axis's end plus the end cap's radius
      const ColumnSpinous sp = columnSpinous(t12, s, level);
      c.spinous_tip[i] = at(frame, size * (sp.tip + sp.tip_radius * glm::normalize(sp.tip - sp.root)));
    }
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
