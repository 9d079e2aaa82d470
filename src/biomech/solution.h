// What a posture solve produces: plain data for the renderer, the UI and the report. Lengths in
// metres unless a name says _mm, forces in newtons, angles in degrees where a name says _deg.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/skeleton.h"
#include "anatomy/slip_reshape.h"
#include "biomech/global_balance.h"
#include "biomech/measures.h"
#include "biomech/muscle_table.h"
#include "biomech/types.h"

namespace sagitta::biomech {

// Landmark points plus the tangent points and samples of a wrap arc.
inline constexpr std::size_t kMaxDrawPoints = kMaxPathPoints + 6;

// One fascicle's path in the world, for drawing, and its state.
struct FascicleResult {
  MuscleId muscle = MuscleId::kPsoas;
  Side side = Side::kRight;
  std::uint8_t fascicle = 0;  // index into muscleDef(muscle).fascicles
  // world polyline: origin, via points (and round any wrap surface), insertion
  std::array<glm::dvec3, kMaxDrawPoints> points{};
  std::uint8_t point_count = 0;
  double length_m = 0.0;           // musculotendon length
  double neutral_length_m = 0.0;   // at the neutral standing pose
  double fibre_length_norm = 0.0;  // l_M / l_opt
  double passive_force_N = 0.0;    // along the tendon
  double active_force_N = 0.0;
  std::span<const glm::dvec3> path() const { return {points.data(), point_count}; }
};

// One muscle on one side: its fascicles combined (lengths and fibre lengths weighted by each
// fascicle's Fmax; forces summed).
struct MuscleResult {
  double length_m = 0.0;
  double neutral_length_m = 0.0;
  double length_pct_of_neutral = 100.0;
  double passive_force_N = 0.0;
  double active_force_N = 0.0;
  double fibre_length_norm = 0.0;  // l_M / l_opt
  double fibre_strain = 0.0;       // fibre_length_norm - 1 (negative: shorter than optimal)
};

struct ForceArrow {
  glm::dvec3 origin{0.0};     // world, where the arrow starts
  glm::dvec3 direction{0.0};  // world unit vector (zero when the magnitude is zero)
  double magnitude_N = 0.0;
};

// A nerve root at the slip level as a world polyline, and how it is compressed. At L5-S1 the
// exiting root is L5 (through the L5-S1 foramen) and the traversing root S1 (in the lateral
// recess); at L4-L5 they are L4 and L5; the cauda equina (the sacral roots) runs in the canal.
struct NerveRoot {
  std::string_view name;              // "L4" | "L5" | "S1" | "cauda_equina"
  Side side = Side::kRight;           // the cauda equina: kRight, with midline = true
  bool midline = false;               // the cauda equina, in the middle of the canal
  std::string_view role = "exiting";  // "exiting" | "traversing"
  std::string_view where = "none";    // "foramen" | "lateral_recess" | "canal" | "none"
  double narrowing_pct = 0.0;         // how much its space narrowed from the neutral skeleton
  double stretch_pct = 0.0;           // how much longer its path is than on the neutral skeleton
  double compression = 0.0;           // 0 (free) .. 1 (severe), for colouring [D]
  std::array<glm::dvec3, 5> points{};
};

struct SlipResult {
  SlipLevel level = SlipLevel::kL5S1;
  SlipType type = SlipType::kIsthmic;
  double input_percent = 0.0;  // what was set up (after caps); the measured value is in ClinicalMeasures
  anatomy::Segment slipping = anatomy::Segment::kL5;  // the upper vertebra
  anatomy::Segment lower = anatomy::Segment::kSacrum;
  // Isthmic, dysplastic or spondylolysis: the pars interarticularis is broken, the vertebral
  // body (with its pedicles) slips while the posterior arch stays behind with the vertebra below.
  bool pars_defect = false;
  // World transform for the posterior arch (laminae, inferior articular and spinous processes)
  // of the slipping vertebra: the un-slipped transform (same segmental rotation, no slip
  // translation or roll) with a pars defect; the vertebra's own transform otherwise.
  glm::dmat4 posterior_arch_world{1.0};
  // neural geometry measured on the posed bones (docs/biomechanics.md "Neural geometry");
  // *_neutral: the same on the neutral skeleton. Never negative.
  double canal_ap_mm = 0.0;  // narrowest AP diameter of the canal at the slip level
  double canal_ap_neutral_mm = 0.0;
  double canal_area_mm2 = 0.0;  // triangle of the AP diameter and the interpedicular width
  double canal_area_neutral_mm2 = 0.0;
  double disc_height_mm = 0.0;  // mid-disc height, perpendicular to the lower endplate
  double disc_height_neutral_mm = 0.0;
  // cranio-caudal: from the upper pedicle's notch down to the floor of the foramen (the lower
  // pedicle, or the lower endplate's posterior corner once the pedicle rides over it), by sideIndex
  std::array<double, kSideCount> foraminal_height_mm{};
  std::array<double, kSideCount> foraminal_height_neutral_mm{};
  std::array<double, kSideCount> foraminal_area_mm2{};
  std::array<double, kSideCount> foraminal_area_neutral_mm2{};
  // AP depth of the lateral recess at the disc: the lower vertebra's posterior corner to the
  // upper vertebra's inferior articular process
  std::array<double, kSideCount> lateral_recess_mm{};
  std::array<double, kSideCount> lateral_recess_neutral_mm{};
  // Dubousset's lumbosacral angle: the upper vertebra's superior endplate against the lower
  // vertebra's posterior border (about 100-110 deg normal; smaller in lumbosacral kyphosis)
  double lumbosacral_angle_deg = 0.0;
  // Bone shape at an L5-S1 slip (biomech/slip_classification.h; the scene draws L5, the sacrum
  // and the discs next to them with it): the trapezoidal L5 (a wedge in L5's frame) and the
  // rounded sacral dome (in the sacrum's frame). Zero drops elsewhere.
  anatomy::BodyWedge l5_wedge;
  anatomy::SacralDome sacral_dome;
  double l5_lumbar_index = 0.0;          // L5 posterior / anterior body height, as drawn
  double l5_lumbar_index_neutral = 0.0;  // the same on the neutral skeleton
  double sacral_doming_pct = 0.0;        // the dome's added height, % of the S1 endplate length
  // SDSG / Labelle classification of an L5-S1 slip (biomech/slip_geometry.h): 1-3 low grade by
  // PI, 4-6 high grade by pelvic and spinal balance; 0 no slip or another level
  int sdsg_type = 0;
  double c7_plumb_offset_mm = 0.0;  // C7 plumb line in front of (+) the femoral heads' axis
                                    // exiting roots (by sideIndex: 0 left, 1 right), traversing roots (2
                                    // left, 3 right), cauda equina (4)
  std::vector<NerveRoot> nerve_roots;
  // the most compressed root (its index into nerve_roots), for the captions and `nerve_root`
  std::size_t most_compressed = 0;
};

// Supine modified Thomas test: where the hanging leg settles (reference.md §4.4).
struct ThomasResult {
  Side side = Side::kRight;
  double thigh_above_horizontal_deg = 0.0;  // > 0: thigh above the couch line
  double knee_flexion_deg = 0.0;
  double hip_extension_deg = 0.0;        // relative to the pelvis (same convention as the measures)
  bool one_joint_flexors_short = false;  // thigh above horizontal (BMC Sports Sci Med Rehabil 2021, Table 4)
  bool two_joint_flexors_short = false;  // knee flexion under 67 deg (same table)
};

// What the body rests on, for drawing: the floor (y = 0) always; a couch or a chair.
struct Support {
  enum class Kind : std::uint8_t { kFloor, kCouch, kChair } kind = Kind::kFloor;
  double top_y_m = 0.0;   // couch or seat surface height
  double edge_x_m = 0.0;  // couch end (the tested thigh hangs beyond it) or seat front edge
};

struct SolverInfo {
  int iterations = 0;
  double residual = 0.0;  // largest generalised force left at the solution (N m)
  bool converged = false;
};

struct Solution {
  PoseKind pose_kind = PoseKind::kStanding;
  Side pose_side = Side::kRight;
  anatomy::Pose pose;
  std::array<glm::dmat4, anatomy::kSegmentCount> world{};  // world transform of every segment
  Support support;

  ClinicalMeasures measures;
  GlobalBalance balance;  // SRS-Schwab, Roussouly, compensations (from the measures only)
  std::array<std::array<MuscleResult, kSideCount>, kMuscleCount> muscles{};
  std::vector<FascicleResult> fascicles;
  SlipResult slip;
  // Load of everything above L5-S1 on the S1 endplate: shear along the endplate (positive
  // forward), compression normal to it (positive into S1); gravity plus every modelled muscle
  // crossing L5-S1 (no intra-abdominal pressure, ligaments or facet contact).
  double l5s1_shear_N = 0.0;
  double l5s1_compression_N = 0.0;
  double l5s1_shear_gravity_only_N = 0.0;  // W_above * sin(SS), reference.md §2.3
  ForceArrow l5s1_shear;
  ForceArrow l5s1_compression;
  std::optional<ThomasResult> thomas;

  double sacrum_morph_deg = 0.0;  // PI morph: sacrum rotation about the sacroiliac joint
  // the extension the lumbar levels above a high-grade slip rest in, summed over the levels
  // (model_constants.h kSlipAdaptedRestShare; 0 below 35 % slip) [D]
  double lumbar_adapted_rest_deg = 0.0;
  double trunk_inclination_deg = 0.0;  // thorax lean from upright, positive forward
  // only patient.pelvic_incidence_deg was given: PT and LL shown are the Le Huec prediction for
  // it (global_balance.h), a model prediction rather than the patient's own
  bool predicted_from_pi = false;
  SolverInfo solver;
  std::vector<std::string> warnings;  // plain sentences
};

}  // namespace sagitta::biomech
