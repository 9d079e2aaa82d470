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
#include <stdexcept>
#include <string>

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

namespace {

// Cited means are for adult men of about 1.75 m; other bodies get them scaled by stature [D].
double statureRatio(double s) {
  return s * kOpenSimStature_m / 1.75;
}

// per level, index 0 = C7 .. 11 = T11
// spinous process angle below the transverse plane, deg: Kaur 2016 (PMC4857161) [V abstract]
// T1 30.11, T6 57.89, T12 16.21; linear between [D]; C7 nearly level [U]
constexpr std::array<double, 12> kSpinousSlope_deg = {10.0, 30.1, 35.7, 41.2, 46.8, 52.3,
                                                      57.9, 51.0, 44.0, 37.1, 30.1, 23.2};
// spinous process length (root to tip) relative to T12's: longest mid-thoracic (Tyagi & Narayan
// 2018, Int J Med Health Res 4(3): length rises T1 -> T6, falls T7 -> T12 [V abstract]); the
// ratios are drawing values [D]
constexpr std::array<double, 12> kSpinousLength = {0.0,  1.15, 1.25, 1.32, 1.38, 1.42,
                                                   1.45, 1.42, 1.36, 1.28, 1.18, 1.08};
constexpr double kC7SpinousLength_mm = 44.1;  // men, CT (Scoliosis 2013;8 Suppl 2:O40) [V abstract]
// body width / depth: wide at T1 (cervical-like), about as deep as wide mid-thoracic (the
// heart-shaped body), widening again toward T12 (Panjabi et al. 1991, Spine 16:888, endplate
// width and depth by level [U: trend recalled, not read in the tables])
constexpr std::array<double, 12> kWidthToDepth = {1.55, 1.45, 1.25, 1.10, 1.02, 0.97,
                                                  0.96, 0.96, 0.97, 1.01, 1.07, 1.14};
// transverse process length, mm: CT, T1 23.54, T7 31.21, T12 12.11 (Kaur 2016, PMC4857161)
// [V abstract]; linear between [D]; C7's like T1's [U]
constexpr std::array<double, 12> kTransverseLength_mm = {22.0, 23.5, 24.8, 26.1, 27.4, 28.7,
                                                         30.0, 31.2, 27.4, 23.6, 19.7, 15.9};

}  // namespace

ColumnSpinous columnSpinous(const VertebraLayout& t12, double s, int level) {
  const auto i = static_cast<std::size_t>(level);
  const double slope = degToRad(kSpinousSlope_deg.at(i));
  ColumnSpinous sp;
  sp.root = t12.spinous_root + glm::dvec3(0.002 * s, 0.002 * s, 0.0);
  sp.root_radius = 0.0060 * s;
  sp.tip_radius = level == 0 ? 0.0045 * s : 0.0042 * s;
  // root to the tubercle's end
  const double length =
      level == 0 ? mmToM(kC7SpinousLength_mm) * statureRatio(s) / 0.60  // C7 drawn at 60 % (kSizeAtC7)
                 : glm::length(t12.spinous_tip - t12.spinous_root) * kSpinousLength.at(i);
  sp.tip = sp.root + (length - sp.tip_radius) * glm::dvec3(-std::cos(slope), -std::sin(slope), 0.0);
  return sp;
}

CostalFacet t12CostalFacet(const VertebraLayout& t12, double s) {
  CostalFacet f;
  f.normal = glm::normalize(glm::dvec3(-0.3, 0.25, 1.0));
  f.radius = 0.0055 * s;
  const glm::dvec3 side(t12.posterior_wall_x - 0.002 * s, t12.pedicle_y,
                        0.5 * (t12.pedicle_front.z + t12.pedicle_back.z) + 0.5 * t12.dims.pedicle_width);
  f.centre = side - 0.0012 * s * f.normal;
  return f;
}

ColumnVertebra columnVertebra(const BodyDimensions& d, const VertebraLayout& t12, const ThoracicColumn& c,
                              int level) {
  const auto i = static_cast<std::size_t>(level);
  const double s = d.opensim_scale;
  const double size = c.size[i];
  const VertebraDims& v = t12.dims;
  ColumnVertebra out;
  out.s = s;
  out.depth = glm::length(t12.inferior_anterior - t12.inferior_posterior);
  out.width = out.depth * kWidthToDepth.at(i);
  out.height = glm::dvec3(t12.superior_endplate[3]).y;
  const double h = out.height;
  const bool t1 = level == 1, c7 = level == 0;
  // rib heads: rib 1 on T1 alone, ribs 2 .. 9 across the discs (a demifacet above and below),
  // ribs 10 .. 12 on their own vertebra; tubercles on the transverse processes of T1 .. T10
  // (standard anatomy, Gray's Anatomy [U])
  out.superior_demifacet = level >= 2 && level <= 9;
  out.inferior_demifacet = level >= 1 && level <= 9;
  out.full_facet = t1 || level >= 10;
  out.transverse_facet = level >= 1 && level <= 10;
  out.facet_radius = 0.0050 * s;
  out.facet_depth = 0.0012 * s;
  // the body's posterolateral wall, in front of the pedicle (the heart's broad back,
  // shapes_vertebra.cpp: widest 0.3 depth in front of the back wall)
  const glm::dvec3 side(-0.20 * out.depth, 0.0, 0.5 * out.width);
  const glm::dvec3 out_dir = glm::normalize(glm::dvec3(-0.35, 0.0, 1.0));
  out.costal_superior_normal = glm::normalize(out_dir + glm::dvec3(0.0, 0.8, 0.0));
  out.costal_inferior_normal = glm::normalize(out_dir - glm::dvec3(0.0, 0.8, 0.0));
  out.costal_superior =
      side + glm::dvec3(0.0, h - 0.0025 * s, 0.0) - out.facet_depth * out.costal_superior_normal;
  out.costal_inferior =
      side + glm::dvec3(0.0, 0.0025 * s, 0.0) - out.facet_depth * out.costal_inferior_normal;
  if (level >= 10) {  // T10's on the body by the pedicle, T11's on the pedicle
    out.costal_full_normal = glm::normalize(glm::dvec3(-0.3, 0.25, 1.0));
    const glm::dvec3 at = level == 10 ? glm::dvec3(-0.24 * out.depth, 0.72 * h, 0.497 * out.width)
                                      : glm::dvec3(t12.posterior_wall_x - 0.002 * s, t12.pedicle_y,
                                                   t12.pedicle_front.z + 0.5 * v.pedicle_width);
    out.costal_full = at - out.facet_depth * out.costal_full_normal;
  } else {  // T1: rib 1 high on the side of the body
    out.costal_full_normal = glm::normalize(out_dir + glm::dvec3(0.0, 0.3, 0.0));
    out.costal_full = side + glm::dvec3(0.0, 0.68 * h, 0.0) - out.facet_depth * out.costal_full_normal;
  }

  // pedicle from the upper body to the articular pillar (T12's, in its frame)
  out.pedicle_front = t12.pedicle_front;
  out.pedicle_back = t12.pedicle_back;
  out.pedicle_radius = 0.45 * std::min(v.pedicle_width, v.pedicle_height);

  // transverse process: from the pillar out, back and a little up [U], to its clubbed tip
  out.transverse_radius = 0.0048 * s;
  out.transverse_root = t12.pedicle_back + glm::dvec3(-0.003 * s, 0.001 * s, 0.002 * s);
  const glm::dvec3 tp_dir = glm::normalize(glm::dvec3(-0.42, 0.12, 1.0));
  const double tp_len = mmToM(kTransverseLength_mm.at(i)) * statureRatio(s) / size;
  out.transverse_tip = out.transverse_root + tp_len * tp_dir;
  out.transverse_costal_normal = glm::normalize(glm::dvec3(1.0, 0.0, 0.35));
  out.transverse_costal =
      out.transverse_tip + (out.transverse_radius - 0.0010 * s) * out.transverse_costal_normal;

  // articular processes: thoracic facets lie near the coronal plane, the superior ones facing
  // back, slightly up and out (Panjabi et al. 1993, Spine 18:1298, facet orientation [U]) [D]
  const double t = t12.articular_thickness;
  out.articular_thickness = t;
  const double disc = 0.0055 * s / size;  // thoracic_column.cpp disc, in this frame
  out.superior_facet_normal = glm::normalize(glm::dvec3(-1.0, 0.35, 0.25));
  out.superior_process = glm::dvec3(t12.pedicle_back.x - 0.002 * s, h + 0.35 * disc,
                                    0.5 * v.canal_width + 0.35 * v.pedicle_width);
  out.superior_facet = out.superior_process + t * out.superior_facet_normal;
  // the level below: T12's own superior facet, or the next column level's
  glm::dvec3 below_facet = t12.superior_facet, below_normal = t12.superior_facet_normal;
  glm::dmat4 below_in_this = glm::inverse(c.frame[i]) * c.frame[i + 1];
  double below_size = c.size[i + 1];
  if (level + 1 < kThoracicColumnLevels - 1) {
    const ColumnVertebra below = columnVertebra(d, t12, c, level + 1);
    below_facet = below.superior_facet;
    below_normal = below.superior_facet_normal;
  }
  const glm::dvec3 facet = at(below_in_this, below_size * below_facet) / size;
  const glm::dvec3 n = glm::normalize(glm::dvec3(below_in_this * glm::dvec4(below_normal, 0.0)));
  out.inferior_facet = facet + n * (d.facet_gap / size);
  out.inferior_facet_normal = -n;
  out.inferior_process = out.inferior_facet + n * t;

  out.lamina_lateral =
      glm::dvec3(t12.pedicle_back.x - 0.004 * s, t12.pedicle_y - 0.004 * s, t12.pedicle_back.z - 0.004 * s);
  out.lamina_medial = glm::dvec3(t12.canal_posterior.x - 0.002 * s, t12.pedicle_y - 0.005 * s, 0.0);
  out.spinous = columnSpinous(t12, s, level);
  if (c7) out.transverse_facet = false;
  return out;
}

RibArticulation ribArticulation(const BodyDimensions& d, const VertebraLayout& t12, const ThoracicColumn& c,
                                int rib) {
  if (rib < 1 || rib > 12) throw std::out_of_range("ribArticulation: rib " + std::to_string(rib));
  RibArticulation a;
  if (rib == 12) {  // T12 is the thorax frame itself
    const CostalFacet f = t12CostalFacet(t12, d.opensim_scale);
    a.head = f.centre;
    a.head_normal = f.normal;
    return a;
  }
  // a point and a direction of a level's vertebra (T12's frame before scaling) in the thorax frame
  auto point = [&](int level, const glm::dvec3& p) {
    const auto i = static_cast<std::size_t>(level);
    return at(c.frame[i], c.size[i] * p);
  };
  auto direction = [&](int level, const glm::dvec3& n) {
    return glm::normalize(glm::dmat3(c.frame[static_cast<std::size_t>(level)]) * n);
  };
  const ColumnVertebra own = columnVertebra(d, t12, c, rib);  // rib k's own vertebra is Tk, level k
  if (own.full_facet) {
    a.head = point(rib, own.costal_full);
    a.head_normal = direction(rib, own.costal_full_normal);
  } else {
    const ColumnVertebra above = columnVertebra(d, t12, c, rib - 1);
    a.head = 0.5 * (point(rib - 1, above.costal_inferior) + point(rib, own.costal_superior));
    a.head_normal = glm::normalize(direction(rib - 1, above.costal_inferior_normal) +
                                   direction(rib, own.costal_superior_normal));
  }
  a.tubercle = own.transverse_facet;
  if (a.tubercle) {
    a.tubercle_facet = point(rib, own.transverse_costal);
    a.tubercle_normal = direction(rib, own.transverse_costal_normal);
    a.tubercle_facet_depth = own.facet_depth * c.size[static_cast<std::size_t>(rib)];
  }
  return a;
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
