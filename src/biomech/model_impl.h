// Internal to the posture model: the skeleton compiled into flat tables for a fast solve.
// Every segment rotates about the world Z axis (sagittal model), so a segment's world transform
// is a planar rigid motion plus a z offset; a 4x4 matrix is only built for the output Pose.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/skeleton.h"
#include "anatomy/thoracic_column.h"
#include "biomech/hill.h"
#include "biomech/inputs.h"
#include "biomech/measures.h"
#include "biomech/muscle_table.h"
#include "biomech/solution.h"
#include "biomech/types.h"

namespace sagitta::biomech::detail {

using anatomy::kSegmentCount;
using anatomy::Segment;

inline constexpr std::size_t seg(Segment s) {
  return static_cast<std::size_t>(s);
}
// One joint per segment, plus a pseudo-joint for the posterior arch of a vertebra with a pars
// defect: it turns with its vertebra's joint (same angle) but not with the slip translation, and
// one for the thoracic column's bend: the turn of C7 and T1 (with the head, neck, arms and upper
// thorax) on T12, shared among the T1-T2 .. T11-T12 discs by their flexibility
// (anatomy::thoracicDiscShares), so that the thoracic kyphosis can flatten (model_constants.h).
inline constexpr std::size_t kJointCount = kSegmentCount + 2;
inline constexpr std::size_t kArch = kSegmentCount;
inline constexpr std::size_t kUpperThorax = kSegmentCount + 1;
inline constexpr std::size_t kNoArch = 0xff;
using JointArray = std::array<double, kJointCount>;
// points drawn along a wrap arc besides its two tangent points (one wrap per fascicle fits
// kMaxDrawPoints)
inline constexpr int kWrapArcSamples = 4;
static_assert(kMaxPathPoints + kWrapArcSamples + 2 <= kMaxDrawPoints);

// Rotation about +Z by the angle with cosine c and sine s, then translation (x, y, z).
struct Planar {
  double c = 1.0, s = 0.0, x = 0.0, y = 0.0, z = 0.0;

  static Planar rotation(double angle_rad) {
    return {std::cos(angle_rad), std::sin(angle_rad), 0.0, 0.0, 0.0};
  }
  static Planar translation(const glm::dvec3& t) { return {1.0, 0.0, t.x, t.y, t.z}; }
  // rotation by angle about the point (cx, cy): T(c) R T(-c)
  static Planar rotationAbout(double angle_rad, const glm::dvec2& centre) {
    const double co = std::cos(angle_rad), si = std::sin(angle_rad);
    return {co, si, centre.x - (co * centre.x - si * centre.y), centre.y - (si * centre.x + co * centre.y),
            0.0};
  }
  glm::dvec3 apply(const glm::dvec3& p) const {
    return {c * p.x - s * p.y + x, s * p.x + c * p.y + y, p.z + z};
  }
  glm::dvec2 apply2(const glm::dvec2& p) const { return {c * p.x - s * p.y + x, s * p.x + c * p.y + y}; }
  glm::dvec3 rotate(const glm::dvec3& v) const { return {c * v.x - s * v.y, s * v.x + c * v.y, v.z}; }
  Planar operator*(const Planar& o) const {
    return {c * o.c - s * o.s, s * o.c + c * o.s, c * o.x - s * o.y + x, s * o.x + c * o.y + y, z + o.z};
  }
  Planar inverse() const { return {c, -s, -(c * x + s * y), s * x - c * y, -z}; }
  double angle() const { return std::atan2(s, c); }
  glm::dmat4 matrix() const;
  // Throws std::invalid_argument unless m is a rotation about Z plus a translation.
  static Planar fromMatrix(const glm::dmat4& m, const std::string& what);
};

// A point fixed in a segment.
struct PointRef {
  std::uint8_t segment = 0;
  glm::dvec3 local{0.0};
  bool on_arch = false;  // on the vertebra's posterior arch (behind the pars interarticularis)
};

struct CompiledFascicle {
  MuscleId muscle = MuscleId::kPsoas;
  Side side = Side::kRight;
  std::uint8_t index = 0;  // within the muscle
  std::uint8_t point_count = 0;
  std::array<PointRef, kMaxPathPoints> points{};
  std::uint16_t joints = 0;   // every joint the fascicle crosses
  bool touches_arch = false;  // has a point on a posterior arch
  double max_force_N = 0.0;
  double optimal_fibre_m = 0.0;     // scaled to this skeleton
  double tendon_slack_m = 0.0;      // scaled, before tightness
  double pennation_height_m = 0.0;  // l_opt sin(pennation at optimum), constant (OpenSim model)
  PassiveCurve passive;
  double neutral_length_m = 0.0;  // musculotendon length at the neutral standing pose
  bool crosses_l5s1 = false;
  // wrap circle on the path segment after point wrap_after (-1: none), fixed in that point's segment
  int wrap_after = -1;
  glm::dvec2 wrap_centre{0.0};
  double wrap_radius = 0.0;
  int wrap_side = 0;  // -1 clockwise, +1 counter-clockwise, 0 the shorter way (WrapDef)
};

// One path segment from a to b, straight or round a circle (x-y plane; z follows linearly).
struct SegmentPath {
  double length = 0.0;
  glm::dvec3 end_direction{0.0};  // d length / d b: unit direction of the last straight piece into b
  bool wrapped = false;
  glm::dvec2 tangent_a{0.0}, tangent_b{0.0};  // where the path meets and leaves the circle
  double arc_sweep = 0.0;                     // signed angle from tangent_a to tangent_b
};
// side: -1 the path keeps the circle on its right (clockwise round it), +1 on its left, 0 the
// shorter way.
SegmentPath segmentPath(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec2* centre, double radius,
                        int side = 0);

// The length of a fascicle's path and, when `points` is given (room for kMaxDrawPoints), its world
// polyline: landmark points plus samples of any wrap arc, their number in `count`. Written in
// place, not returned, as the solve fills a Solution's fascicles once per slider change.
// to_world(point reference, local point) -> world point (the local point is the reference's own
// position, or a wrap centre fixed in the same frame).
template <typename ToWorld>
double fasciclePolyline(const CompiledFascicle& f, ToWorld&& to_world, glm::dvec3* points = nullptr,
                        std::uint8_t* count = nullptr) {
  double length = 0.0;
  std::uint8_t n = 0;
  glm::dvec3 prev{0.0};
  for (std::size_t k = 0; k < f.point_count; ++k) {
    const glm::dvec3 p = to_world(f.points[k], f.points[k].local);
    if (k > 0) {
      const bool wraps = static_cast<int>(k) - 1 == f.wrap_after;
      glm::dvec2 centre{0.0};
      if (wraps) {
        const glm::dvec3 c = to_world(f.points[k - 1], glm::dvec3(f.wrap_centre, 0.0));
        centre = {c.x, c.y};
      }
      const SegmentPath sp = segmentPath(prev, p, wraps ? &centre : nullptr, f.wrap_radius, f.wrap_side);
      if (sp.wrapped && points != nullptr) {
        // tangent point, arc samples, tangent point (turned step by step); z runs linearly
        // between the two landmarks
        const double step = sp.arc_sweep / static_cast<double>(kWrapArcSamples + 1);
        const double cs = std::cos(step), sn = std::sin(step);
        glm::dvec2 r = sp.tangent_a - centre;
        for (int i = 0; i <= kWrapArcSamples + 1; ++i) {
          const double t = static_cast<double>(i) / static_cast<double>(kWrapArcSamples + 1);
          points[n++] = {centre.x + r.x, centre.y + r.y, prev.z + (0.3 + 0.4 * t) * (p.z - prev.z)};
          r = {cs * r.x - sn * r.y, sn * r.x + cs * r.y};
        }
      }
      length += sp.length;
    }
    if (points != nullptr) points[n++] = p;
    prev = p;
  }
  if (count != nullptr) *count = n;
  return length;
}

inline constexpr std::size_t kMaxFascicles = 96;
inline constexpr std::size_t kMaxDofsForward = 8;
using DofMatrix = std::array<std::array<double, kMaxDofsForward>, kMaxDofsForward>;
inline constexpr std::size_t kMaxDofs = kMaxDofsForward;

// Where the points the measures and the slip outputs need are.
struct MeasureRefs {
  std::array<PointRef, kSideCount> hip, knee, asis, psis;
  PointRef symphysis, s1_anterior, s1_posterior;
  std::array<PointRef, 5> sup_anterior, sup_posterior;      // L1..L5 superior endplates
  std::array<PointRef, 5> inf_anterior, inf_posterior;      // L1..L5 inferior endplates
  std::array<PointRef, 5> canal_anterior, canal_posterior;  // L1..L5
  std::array<std::array<PointRef, kSideCount>, 5> pedicle_inferior, pedicle_superior;  // L1..L5
  std::array<PointRef, kSideCount> s1_pedicle_superior;
  // facet surfaces: inferior articular processes of L1..L5, superior ones of L1..L5 and S1
  std::array<std::array<PointRef, kSideCount>, 5> inferior_articular, superior_articular;
  std::array<PointRef, kSideCount> s1_superior_articular;
  std::array<PointRef, kSideCount> heel, ischial_tuberosity;
  PointRef sacral_crest;
  // whole-body balance: thoracic column points (anatomy/thoracic_column.h) and the ankles
  // C7 and T1 on kUpperThorax; T4 read through Kinematics::t4_column (its `segment` is unused)
  PointRef c7_centroid, t1_centroid, t4_sup_anterior, t4_sup_posterior, t12_inf_anterior, t12_inf_posterior;
  std::array<PointRef, kSideCount> ankle;
};

// What a solve is set up with: the pose's parametrisation phi = A q + b (phi: one rotation per
// joint, radians about +Z at its centre), fixed transforms, and muscle settings.
struct Setup {
  PoseKind pose = PoseKind::kStanding;
  Side side = Side::kRight;
  Planar root;
  std::array<Planar, kSegmentCount> pre{}, post{};  // joint[s] = pre * R_centre(phi) * post
  std::array<std::array<double, kMaxDofs>, kJointCount> a{};
  JointArray b{};
  std::size_t arch_vertebra = kNoArch;                 // the vertebra whose arch is detached (isthmic slip)
  std::array<std::uint16_t, kJointCount> ancestors{};  // joints moving each segment (and the arch)
  int dofs = 0;
  std::array<double, kMaxDofs> q0{};
  bool seed_given = false;  // seed (q-space Hessian at default muscles) replaces the cached joint-space one
  DofMatrix seed{};
  bool standing_like = true;  // balance control, baseline torques and pelvic range apply
  std::uint16_t free_joints = 0;
  // rotation * post of every joint the solve does not move, at its fixed angle (b)
  std::array<Planar, kSegmentCount> fixed_joint{};
  bool fixed_ready = false;
  std::array<double, kMaxFascicles> tendon_slack_m{};  // with tightness
  std::array<double, kMaxFascicles> activation{};
  double sacrum_morph = 0.0;  // psi
  double slip_roll = 0.0;     // rho, flexion of the slipping vertebra (radians, positive = kyphotic)
  double slip_percent = 0.0;  // the slip set up (after a patient value replaced the slider)
  // the slip's translation of the upper vertebra in its parent's frame (x, y): set so that the
  // posed bones measure slip_percent (shiftSlip corrects it after a solve)
  glm::dvec2 slip_translation{0.0};
  SlipLevel slip_level = SlipLevel::kL5S1;
  double disc_drop_m = 0.0;  // the upper vertebra's descent from disc collapse and the sacral dome
  // the slipped level's stop: its joint (the upper vertebra's) and how many times stiffer than an
  // ordinary level's it is beyond its range (restabilisation, model_constants.h)
  std::size_t slip_joint = kNoArch;
  double slip_stop_factor = 1.0;
  // the lumbar levels above a high-grade slip rest in extension (model_constants.h
  // kSlipAdaptedRestShare): each level's rest angle (rad, positive = extension) and their sum
  JointArray adapted_rest{};
  double adapted_rest_total = 0.0;
  bool reshaped = false;           // a slip, PI morph or patient pose moved the start from the seed's
  bool predicted_from_pi = false;  // PT and LL are the Le Huec prediction for the patient's PI
  Support support;
  std::vector<std::string> warnings;
};

struct Impl {
  anatomy::Skeleton skeleton;
  std::array<Planar, kSegmentCount> neutral{};
  std::array<double, kSegmentCount> mass_kg{};
  std::array<glm::dvec3, kSegmentCount> com{};
  std::array<glm::dvec2, kSegmentCount> centre{};        // joint rotation centre in the segment frame
  std::array<std::uint16_t, kSegmentCount> ancestors{};  // mask, includes the segment itself
  std::array<std::uint8_t, kSegmentCount> parent{};
  std::vector<CompiledFascicle> fascicles;
  MeasureRefs refs;
  JointArray lumbar_stiffness{};        // N m / rad at L5..L1 joints
  JointArray range_min{}, range_max{};  // soft joint ranges (rad)
  double body_weight_N = 0.0;
  double balance_stiffness_N_per_m = 0.0;
  double upper_com_ref_x = 0.0;  // standing neutral x of the centre of mass above the hips
  // standing: the neutral whole-body centre of mass in front of the mid-ankle (m)
  double body_com_over_ankle_m = 0.0;
  // the head over the feet (Dubousset's cone of economy): C7 in front of the mid-ankle standing,
  // its world x in the other poses (neutral standing), and the stiffness that keeps it there
  double c7_over_ankle_m = 0.0;
  double c7_ref_x = 0.0;
  double head_stiffness_N_per_m = 0.0;
  glm::dvec2 neutral_ankle_mid{0.0};  // where the feet stand (world); standing poses keep them there
  // the upper thoracic column (kUpperThorax): its share of the thorax segment's mass, that
  // mass's centre (thorax frame), the discs its turn is shared among (lowest first: centre in
  // the thorax frame, which of the distinct shares it takes) and its stiffness
  double upper_mass_kg = 0.0;
  glm::dvec3 upper_com{0.0};
  std::array<glm::dvec2, anatomy::kThoracicDiscs> thoracic_disc_centre{};
  std::array<std::uint8_t, anatomy::kThoracicDiscs> thoracic_disc_group{};
  std::array<double, 3> thoracic_group_share{};  // upper, middle, lower segment discs
  std::size_t thoracic_disc_count = 0;
  std::size_t thoracic_discs_below_t4 = 0;  // the first this many of them move T4
  double thoracic_range_rad = 0.0;  // the turn at which the T4-T12 Cobb is kThoracicRange_deg from neutral
  double thoracic_stiffness_Nm_per_rad = 0.0;
  double knee_effort_Nm_per_rad = 0.0;
  double pelvis_effort_Nm_per_rad =
      0.0;  // holding the pelvis turned (hip muscle effort)  // standing knee flexion (quadriceps effort)
  JointArray baseline_torque{};  // tonic torques that hold the neutral
  // sitting: the lumbar levels' passive rest angles (the supine lordosis; model_constants.h
  // kLumbarRestLordosisLoss), zero elsewhere
  JointArray sitting_rest{};
  // joint-space Hessians of the energy at each pose's starting point with the default inputs,
  // which seed the quasi-Newton solve (slots: see hessianSlot)
  std::array<std::array<JointArray, kJointCount>, 6> hessian{};
  // per slot and fascicle, at that starting point: musculotendon length and moment arms
  // (d length / d phi), to correct the seed for muscles set apart from the defaults
  struct FascicleSeed {
    double length_m = 0.0;
    JointArray moment_arm{};
    std::array<JointArray, kJointCount> curvature{};  // d2 length / d phi2 (filled for the seeds only)
    // at this length with the default tightness and tone: what a solve's seed Hessian subtracts
    // for a fascicle whose settings differ (the same every solve, so computed once)
    double default_stiffness_N_per_m = 0.0;
    double default_force_N = 0.0;
  };
  std::array<std::vector<FascicleSeed>, 6> fascicle_seed;
  // Start points for standing solves far from neutral: the default-input solutions at slips of
  // 0, 2.5 .. 150 % (by level and type) and at pelvic incidences 25, 35 .. 95 deg, interpolated.
  // The minimum is unique, so the start only changes how fast the solve gets there. The slip
  // table is dense (issue 12): the levels above a high-grade slip adapt between 35 and 80 %, and
  // with 10 % steps and linear starts a slip-slider solve cost about twice what it does now
  // (docs/performance.md); building the table is most of the model's build time.
  static constexpr double kSlipStartStep_pct = 2.5;
  static constexpr int kSlipStarts = 61, kMorphStarts = 8;  // the slip table spans 0 .. 150 %
  static_assert((kSlipStarts - 1) * kSlipStartStep_pct == 150.0, "the slip table spans 0 .. 150 %");
  struct Start {
    std::array<double, kMaxDofs> q{};
    DofMatrix hessian{};  // q-space, at q, default muscles
  };
  std::array<std::array<std::array<Start, kSlipStarts>, 2>, 2> slip_start{};  // [level][type][slip / step]
  std::array<Start, kMorphStarts> morph_start{};
  // each pose's default-input solution (by hessianSlot), where its solves start
  std::array<std::array<double, kMaxDofs>, 6> pose_start{};
  bool pose_start_ready = false;
  bool starts_ready = false;
  double neutral_ll_rad = 0.0;     // Cobb LL of the neutral skeleton
  double lunge_front_thigh = 0.0;  // world angle of the front thigh in the lunge (rad)
  ClinicalMeasures neutral_measures;
  std::array<SlipResult, 2> neutral_slip{};        // the slip outputs on the neutral skeleton, by SlipLevel
  std::array<double, 5> lumbar_pedicle_width_m{};  // L1..L5 transverse pedicle width (the canal's sides)
};

// Evaluation state: world transforms and joint centres for one phi (index kArch: the detached arch).
struct Kinematics {
  std::array<Planar, kJointCount> world{};
  std::array<glm::dvec2, kJointCount> centre{};  // world rotation centre of each joint
  std::size_t arch_vertebra = kNoArch;
  Planar t4_column{};  // T4's world transform on the bending thoracic column (kUpperThorax is C7 and T1's)
  // the frame a point moves with: its segment's, or the arch's when it sits on a detached arch
  std::size_t frameOf(const PointRef& p) const {
    return p.on_arch && p.segment == arch_vertebra ? kArch : p.segment;
  }
};

void forwardKinematics(const Impl& m, const Setup& setup, const JointArray& phi, Kinematics& k);
JointArray jointAngles(const Setup& setup, const double* q);
inline glm::dvec3 worldPoint(const Kinematics& k, const PointRef& p) {
  return k.world[k.frameOf(p)].apply(p.local);
}

// The fascicle's musculotendon length, fibre length / l_opt, and force along the tendon.
struct FascicleState {
  double length_m = 0.0, fibre_norm = 0.0, passive_N = 0.0, active_N = 0.0, energy_J = 0.0;
};
FascicleState fascicleState(const CompiledFascicle& f, double length_m, double tendon_slack_m,
                            double activation, bool want_energy = true);
// One fascicle's result at a pose (its drawn path, length and forces), for Solution::fascicles and
// PostureModel::fascicleStates; returns the fibre state it came from. to_world as fasciclePolyline.
template <typename ToWorld>
FascicleState fillFascicleResult(const CompiledFascicle& f, ToWorld&& to_world, double tendon_slack_m,
                                 double activation, FascicleResult& r) {
  r.muscle = f.muscle;
  r.side = f.side;
  r.fascicle = f.index;
  const double length = fasciclePolyline(f, to_world, r.points.data(), &r.point_count);
  const FascicleState st = fascicleState(f, length, tendon_slack_m, activation, false);
  r.length_m = length;
  r.neutral_length_m = f.neutral_length_m;
  r.fibre_length_norm = st.fibre_norm;
  r.passive_force_N = st.passive_N;
  r.active_force_N = st.active_N;
  return st;
}
// d (tendon force) / d (musculotendon length), N/m.
double fascicleStiffness(const CompiledFascicle& f, double length_m, double tendon_slack_m,
                         double activation);

// Total potential energy at q and (if grad != nullptr) its gradient dU/dq; grad_phi (optional)
// receives the generalised force of every joint, dU/dphi.
// Energy at joint angles phi and (if grad_phi) its gradient dU/dphi; want_energy = false skips
// the energy (returns 0) when only the gradient is needed.
double evaluatePhi(const Impl& m, const Setup& setup, const JointArray& phi, JointArray* grad_phi,
                   bool want_energy);
// The same in the solve's coordinates q (grad: dU/dq).
double evaluate(const Impl& m, const Setup& setup, const double* q, double* grad, bool want_energy = true);
std::size_t hessianSlot(PoseKind pose, Side side);

struct MinimiseResult {
  std::array<double, kMaxDofs> q{};
  int iterations = 0;
  double residual = 0.0;
  bool converged = false;
};
MinimiseResult minimise(const Impl& m, const Setup& setup);
// Solves (H + mu I) x = r for the first n coordinates of a small symmetric matrix by Cholesky;
// false if not positive definite (energy.cpp).
bool choleskySolve(int n, const DofMatrix& h, double mu, const std::array<double, kMaxDofs>& r,
                   std::array<double, kMaxDofs>& x);
// Forward differences of the analytic gradient at q, symmetrised (q-space).
DofMatrix finiteDifferenceHessian(const Impl& m, const Setup& setup, const std::array<double, kMaxDofs>& q);
// Length and d length / d phi of fascicle `index` for joint angles phi.
Impl::FascicleSeed fascicleMomentArms(const Impl& m, const Setup& setup, const JointArray& phi,
                                      std::size_t index);

// predict_from_pi: a pelvic incidence given alone poses the Le Huec PT and LL for it (false: the
// energy decides, as the start tables need).
Setup makeSetup(const Impl& m, const ModelInputs& inputs, bool predict_from_pi = true);
// The Meyerding slip the bones measure at q (percent of the lower endplate), and a shift of the
// slip translation by `percent` of the lower endplate (the pre-transform of the upper vertebra).
double measuredSlipPercent(const Impl& m, const Setup& setup, const double* q);
void shiftSlip(const Impl& m, Setup& setup, double percent);
// How close to `requested_percent` the solved bones must measure (model_constants.h
// kSlipTolerancePercent: 0.25 %, and 0.01 % within 0.5 % of a grade boundary).
double slipTolerancePercent(double requested_percent);
// minimise, then move the slip translation until the solved bones measure the slip set up
// (within slipTolerancePercent), re-solving from the last solution.
MinimiseResult minimiseWithSlip(const Impl& m, Setup& setup);
// Slot of a slip type in the start tables: degenerative 1, the rest 0 (they share isthmic kinematics).
inline std::size_t startSlot(SlipType t) {
  return t == SlipType::kDegenerative ? 1 : 0;
}
void buildTables(Impl& m);  // everything but the skeleton; throws std::invalid_argument
void buildModel(Impl& m);   // buildTables and the calibrations (what PostureModel's constructor does)
void fillSolution(const Impl& m, const Setup& setup, const ModelInputs& inputs, const MinimiseResult& r,
                  Solution& out);
// The segments either side of a slip level: upper and lower vertebra, upper_k indexes the L1..L5
// reference arrays.
struct SlipGeometry {
  std::size_t upper = 0, lower = 0, upper_k = 0;
  bool l5s1 = true;
};
inline SlipGeometry slipGeometry(SlipLevel level) {
  SlipGeometry g;
  g.l5s1 = level == SlipLevel::kL5S1;
  g.upper = g.l5s1 ? seg(Segment::kL5) : seg(Segment::kL4);
  g.lower = g.l5s1 ? seg(Segment::kSacrum) : seg(Segment::kL5);
  g.upper_k = g.l5s1 ? 4 : 3;
  return g;
}
// The slip level's geometry, neural spaces and nerve roots (slip_results.cpp); needs out.measures.
void fillSlip(const Impl& m, const Setup& setup, const ModelInputs& in, const Kinematics& k,
              const JointArray& phi, Solution& out);

}  // namespace sagitta::biomech::detail
