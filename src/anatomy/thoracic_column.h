// The thoracic column above T12 (T11 .. T1) and C7, laid out in the thorax frame (T12's own
// frame, skeleton.h) at the neutral pose: where a radiologist reads C7 and T1 (SVA, T1 pelvic
// angle) and the endplates of T4 and T12 (thoracic kyphosis). The column bends level by level:
// the turn the posture solve gives it (anatomy::Pose::upper_thorax) is shared among the
// T1-T2 .. T11-T12 discs in proportion to their measured flexibility (thoracicDiscShares), so
// each level above T12 moves by the discs below it (thoracicLevelMotions). The drawn vertebrae
// C7 .. T11 are made on these frames (shapes_vertebra.cpp) and their landmarks (c7_body_centre,
// t4_superior_endplate_anterior, ...) are placed on them, so the measured points sit on the drawn
// bones.
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
  // the tip of the drawn spinous process (its most posterior-inferior point), thorax frame
  std::array<glm::dvec3, kThoracicColumnLevels> spinous_tip{};
  // each level's inferior endplate frame (origin at the endplate centre, +Y cranial, +X
  // anterior; T12's is the thorax frame itself) and its size relative to T12: the drawn
  // vertebrae above T12 (anatomy::columnVertebra, in T12's frame) are scaled by `size` and placed by `frame`
  std::array<glm::dmat4, kThoracicColumnLevels> frame{};
  std::array<double, kThoracicColumnLevels> size{};
  const glm::dvec3& c7Centroid() const { return centroid[0]; }
  const glm::dvec3& t1Centroid() const { return centroid[1]; }
};

// The drawn parts of the column: "c7", "t1" .. "t12" (lower case, as part names).
std::string_view thoracicPartName(int index);
// The level (0 = C7 .. 11 = T11) a part or landmark named "c7", "t1" .. "t11" or "c7_...",
// "t1_..." .. "t11_..." sits on: what moves with the bending column; -1 for anything else
// (T12 and its landmarks are the thorax segment itself).
int thoracicColumnLevel(std::string_view name);

// Thoracic flexion/extension stiffness, elastic zone, human thoracic spines with the rib cage
// intact under a 400 N follower load (PMC6016553, J Mech Behav Biomed Mater 2018;84:258,
// Table 2 [V]): upper T1/T4 2.29, middle T4/T8 4.74, lower T8/T12 2.97 N m/deg, each for the
// three or four discs of its segment in series.
inline constexpr double kThoracicUpperStiffness_Nm_per_deg = 2.29;  // T1-T2 .. T3-T4
inline constexpr double kThoracicMidStiffness_Nm_per_deg = 4.74;    // T4-T5 .. T7-T8
inline constexpr double kThoracicLowStiffness_Nm_per_deg = 2.97;    // T8-T9 .. T11-T12
// T1-T12 as a whole, the three segments in series: 1.02 N m/deg.
double thoracicColumnStiffnessNmPerDeg();

// The discs of the column, index i = the disc below level i: 0 = C7-T1 .. 11 = T11-T12.
inline constexpr int kThoracicDiscs = kThoracicColumnLevels - 1;
// The share of the column's turn each disc takes, adding up to 1: in proportion to its
// compliance (a segment's three or four discs alike, each k_segment x discs stiff), which is how
// springs in series under one moment share a turn [D: one bending moment for the whole column,
// see docs/biomechanics.md]. C7-T1 takes none (the cervicothoracic junction is not modelled).
const std::array<double, kThoracicDiscs>& thoracicDiscShares();
// The part of the turn the T4-T12 kyphosis (Cobb, T4 superior to T12 inferior endplate) changes
// by: the shares of the T4-T5 .. T11-T12 discs (0.56).
double thoracicKyphosisShare();
// Each level's motion in the thorax frame when the column turns by `turn_rad` (counter-
// clockwise in the sagittal plane, +X anterior, +Y up: positive extends, flattening the
// kyphosis): disc i turns by share[i] * turn about its centre (the centre of level i's inferior
// endplate), and a level moves with every disc below it. Index 12 (T12) is the identity; C7 and
// T1 carry the whole turn (thoracicColumnMotion).
std::array<glm::dmat4, kThoracicColumnLevels> thoracicLevelMotions(const ThoracicColumn& column,
                                                                   double turn_rad);
glm::dmat4 thoracicColumnMotion(const ThoracicColumn& column, double turn_rad);
// World transforms of the levels (index as above) for the thorax's world transform and the
// column motion a pose carries (Pose::upper_thorax): thorax_world * thoracicLevelMotions(turn).
// What the drawn vertebrae and the measured column landmarks are placed by.
std::array<glm::dmat4, kThoracicColumnLevels> thoracicLevelWorlds(const ThoracicColumn& column,
                                                                  const glm::dmat4& thorax_world,
                                                                  const glm::dmat4& column_motion);
// The turn a column motion carries (its rotation about Z): what Pose::upper_thorax holds.
double thoracicTurn(const glm::dmat4& column_motion);

// The spinous process of the thoracic vertebra drawn at a level above T12 (0 = C7 .. 11 =
// T11), in T12's frame before scaling to the level: a round cone from the root to the tip (the
// tip's tubercle is `tip_radius` round). Its slope below the level's transverse plane is the CT
// spinous process angle (Kaur et al. 2016, J Clin Orthop Trauma 7:101, PMC4857161 [V abstract]:
// T1 30.1, T6 57.9, T12 16.2 deg; the levels between interpolated [D]); C7's is nearly level
// (10 deg [U]) and 44.1 mm long, the CT mean of men (Scoliosis 2013;8 Suppl 2:O40 [V abstract];
// scaled by stature [D]). The thoracic lengths are drawing values [D]. `s` is the body's
// opensim_scale.
struct ColumnSpinous {
  glm::dvec3 root{0.0}, tip{0.0};
  double root_radius = 0.0, tip_radius = 0.0;
};
ColumnSpinous columnSpinous(const VertebraLayout& t12, double s, int level);

// The thoracic form of the vertebra drawn at a level above T12 (0 = C7 .. 11 = T11), in T12's
// frame before scaling to the level (like ColumnSpinous; a point p here is
// column.frame[level] * (column.size[level] * p) in the thorax frame). Points are for the right
// side (the left is the mirror image, z negated). Sources and status in thoracic_column.cpp.
struct ColumnVertebra {
  // body: heart-shaped, `depth` (AP, T12's so the endplate corners stay the column's) by `width`,
  // between y = 0 and y = height
  double depth = 0.0, width = 0.0, height = 0.0;
  // costal facets for the rib heads on the body (centres of the hollows, on the bone): a
  // superior and an inferior demifacet (T2 .. T9; T1 has the inferior one), or one full facet
  // (T1 for rib 1, T10, T11 on the pedicle); `facet_radius` is the hollow's
  bool superior_demifacet = false, inferior_demifacet = false, full_facet = false;
  glm::dvec3 costal_superior{0.0}, costal_inferior{0.0}, costal_full{0.0};
  glm::dvec3 costal_superior_normal{0.0}, costal_inferior_normal{0.0}, costal_full_normal{0.0};
  double facet_radius = 0.0, facet_depth = 0.0;
  // transverse process, root to tip (its clubbed end `transverse_radius` round), and on T1 ..
  // T10 the transverse costal facet on the front of its tip (rib tubercle)
  glm::dvec3 transverse_root{0.0}, transverse_tip{0.0};
  double transverse_radius = 0.0;
  bool transverse_facet = false;
  glm::dvec3 transverse_costal{0.0}, transverse_costal_normal{0.0};
  // pedicle and the articular processes: the superior facet faces back, a little up and out
  // (near coronal); the inferior facet rests one joint space in front of the superior facet of
  // the level below, facing it
  glm::dvec3 pedicle_front{0.0}, pedicle_back{0.0};
  double pedicle_radius = 0.0;
  glm::dvec3 superior_process{0.0}, superior_facet{0.0}, superior_facet_normal{0.0};
  glm::dvec3 inferior_process{0.0}, inferior_facet{0.0}, inferior_facet_normal{0.0};
  double articular_thickness = 0.0;
  // lamina, from the articular pillar to the midline
  glm::dvec3 lamina_lateral{0.0}, lamina_medial{0.0};
  ColumnSpinous spinous;
  double s = 1.0;  // opensim_scale
};
ColumnVertebra columnVertebra(const BodyDimensions& dims, const VertebraLayout& t12,
                              const ThoracicColumn& column, int level);

// T12's single full costal facet for the head of rib 12, on the side of the pedicle where it
// leaves the body (standard anatomy, Gray's Anatomy [U]): the centre of its hollow on the bone,
// the hollow's outward normal and radius, in T12's frame, right side.
struct CostalFacet {
  glm::dvec3 centre{0.0}, normal{0.0};
  double radius = 0.0;
};
CostalFacet t12CostalFacet(const VertebraLayout& t12, double s);

// Where right rib `rib` (1 .. 12) articulates with the column, in the thorax frame at the neutral
// pose, read from the same facets the drawn vertebrae are hollowed for and their landmarks name
// (columnVertebra, t12CostalFacet), so the ribs are drawn onto the vertebrae from one source.
// Standard anatomy (Gray's Anatomy [U]; Radiopaedia, "Costovertebral joint" [V]): the head of
// rib 1 meets the full facet of T1 alone; the heads of ribs 2 .. 9 span the disc, meeting the
// inferior demifacet of the vertebra above and the superior demifacet of their own; the heads
// of ribs 10, 11 and 12 meet the single full facet of their own vertebra. The tubercles of
// ribs 1 .. 10 meet the transverse costal facet of their own vertebra (costotransverse joint);
// ribs 11 and 12 have none.
struct RibArticulation {
  // the point the head's articular surface faces: the full facet's centre (ribs 1, 10, 11, 12)
  // or, for ribs 2 .. 9, the midpoint of the two demifacets' centres (on the disc's rim); and
  // the unit direction out of the facet(s) toward the rib
  glm::dvec3 head{0.0}, head_normal{0.0};
  // ribs 1 .. 10: the transverse costal facet's centre and its outward normal (forward and out),
  // and how deep the facet's hollow lies below its rim (m)
  bool tubercle = false;
  glm::dvec3 tubercle_facet{0.0}, tubercle_normal{0.0};
  double tubercle_facet_depth = 0.0;
};
RibArticulation ribArticulation(const BodyDimensions& dims, const VertebraLayout& t12,
                                const ThoracicColumn& column, int rib);

// Throws nothing; pure function of the dimensions and the T12 layout.
ThoracicColumn layoutThoracicColumn(const BodyDimensions& dims, const VertebraLayout& t12);
// The same for a body (computeDimensions + layoutSpine).
ThoracicColumn thoracicColumn(const BodyParams& params);

}  // namespace sagitta::anatomy
