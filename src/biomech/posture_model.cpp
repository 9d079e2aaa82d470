#include "biomech/posture_model.h"

#include <algorithm>
#include <cmath>

#include "biomech/model_constants.h"
#include "biomech/model_impl.h"
#include "core/units.h"

namespace sagitta::biomech {
namespace detail {
namespace {

// The seed Hessian of a pose (joint space) and each fascicle's length, moment arms and their
// derivatives at its start, or at q when given (forward differences of analytic gradients).
void computeSeeds(Impl& m, const ModelInputs& in, const std::array<double, kMaxDofs>* q) {
  Setup setup = makeSetup(m, in);
  if (q != nullptr) setup.q0 = *q;
  const JointArray phi = jointAngles(setup, setup.q0.data());
  JointArray g0{};
  evaluatePhi(m, setup, phi, &g0, false);
  const std::size_t slot = hessianSlot(in.pose, in.pose_side);
  auto& h = m.hessian[slot];
  constexpr double kStep = 1e-6;
  for (std::size_t j = 0; j < kJointCount; ++j) {
    JointArray pj = phi, gj{};
    pj[j] += kStep;
    evaluatePhi(m, setup, pj, &gj, false);
    for (std::size_t i = 0; i < kJointCount; ++i) h[i][j] = (gj[i] - g0[i]) / kStep;
  }
  for (std::size_t i = 0; i < kJointCount; ++i) {
    for (std::size_t j = 0; j < i; ++j) h[i][j] = h[j][i] = 0.5 * (h[i][j] + h[j][i]);
  }
  auto& seeds = m.fascicle_seed[slot];
  seeds.clear();
  for (std::size_t f = 0; f < m.fascicles.size(); ++f) {
    Impl::FascicleSeed seed = fascicleMomentArms(m, setup, phi, f);
    for (std::size_t j = 0; j < kJointCount; ++j) {
      if ((setup.free_joints & (1u << j)) == 0 && j != kArch) continue;
      JointArray pj = phi;
      pj[j] += kStep;
      const Impl::FascicleSeed moved = fascicleMomentArms(m, setup, pj, f);
      for (std::size_t i = 0; i < kJointCount; ++i)
        seed.curvature[i][j] = (moved.moment_arm[i] - seed.moment_arm[i]) / kStep;
    }
    const CompiledFascicle& cf = m.fascicles[f];
    seed.default_stiffness_N_per_m =
        fascicleStiffness(cf, seed.length_m, cf.tendon_slack_m, kDefaultActivation);
    const FascicleState was = fascicleState(cf, seed.length_m, cf.tendon_slack_m, kDefaultActivation, false);
    seed.default_force_N = was.passive_N + was.active_N;
    seeds.push_back(seed);
  }
}

// Calibrations that need the tables: the balance reference, the front thigh of the lunge and the
// baseline torques that make the neutral skeleton the equilibrium of the default inputs.
void calibrate(Impl& m) {
  // centre of mass above the hips at the neutral standing pose
  {
    detail::Kinematics k;
    detail::Setup neutral;
    detail::forwardKinematics(m, neutral, neutral.b, k);
    double mass = 0.0, x = 0.0;
    for (Segment s : {Segment::kPelvis, Segment::kL5, Segment::kL4, Segment::kL3, Segment::kL2, Segment::kL1,
                      Segment::kThorax}) {
      mass += m.mass_kg[seg(s)];
      x += m.mass_kg[seg(s)] * k.world[seg(s)].apply(m.com[seg(s)]).x;
    }
    m.upper_com_ref_x = x / mass;
    // the whole body over the mid-ankle
    double all = 0.0, all_x = 0.0;
    for (std::size_t s = 0; s < kSegmentCount; ++s) {
      all += m.mass_kg[s];
      all_x += m.mass_kg[s] * k.world[s].apply(m.com[s]).x;
    }
    const glm::dvec3 ankle = 0.5 * (worldPoint(k, m.refs.ankle[0]) + worldPoint(k, m.refs.ankle[1]));
    m.neutral_ankle_mid = {ankle.x, ankle.y};
    m.body_com_over_ankle_m = all_x / all - ankle.x;
    const glm::dvec3 c7 = worldPoint(k, m.refs.c7_centroid);
    m.c7_ref_x = c7.x;
    m.c7_over_ankle_m = c7.x - ankle.x;
  }
  // lunge: the front thigh angle that puts the front heel on the floor when the back knee kneels
  {
    const double femur_length = -m.neutral[seg(Segment::kShankRight)].y;
    const double heel_y = m.refs.heel[sideIndex(Side::kRight)].local.y;
    const double c = (femur_length * std::cos(degToRad(detail::kLungeBackThighExtension_deg)) + heel_y +
                      detail::kKneeCentreAboveFloorKneeling_m) /
                     femur_length;
    m.lunge_front_thigh = std::acos(std::clamp(c, -0.5, 1.0));
  }
  // tonic torques: whatever holds the neutral skeleton still under the default inputs [D]
  {
    const detail::Setup setup = detail::makeSetup(m, ModelInputs{});
    detail::JointArray torque{};
    detail::evaluatePhi(m, setup, detail::jointAngles(setup, setup.q0.data()), &torque, false);
    m.baseline_torque = torque;
  }
  // seed Hessians: joint space, by forward differences of the analytic gradient, at each pose's
  // starting point with the default inputs (model_impl.h); then each pose is solved once and the
  // seeds recomputed at its solution, which becomes its start
  for (int round = 0; round < 2; ++round) {
    for (PoseKind pose : {PoseKind::kStanding, PoseKind::kSitting, PoseKind::kLunge, PoseKind::kThomas}) {
      for (Side side : kSides) {
        ModelInputs in;
        in.pose = pose;
        in.pose_side = side;
        const std::size_t slot = hessianSlot(pose, side);
        if (round == 1) m.pose_start[slot] = minimise(m, makeSetup(m, in)).q;
        computeSeeds(m, in, round == 1 ? &m.pose_start[slot] : nullptr);
      }
    }
    m.pose_start_ready = round == 1;
  }
  // start tables (model_impl.h). Each entry is solved twice, the way a solve at its slip will set
  // up: the skeleton's slip translation is fitted to the start (makeSetup), and the energy is
  // stiff in it, so an entry solved from another start is a few micrometres off the minimum a
  // solve from the entry finds, and that solve needs 5-6 iterations instead of none. The first
  // pass starts from the entry below, with its Hessian.
  for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
    for (SlipType type : {SlipType::kIsthmic, SlipType::kDegenerative}) {
      auto& table = m.slip_start[static_cast<std::size_t>(level)][static_cast<std::size_t>(type)];
      for (std::size_t k = 0; k < table.size(); ++k) {
        ModelInputs in;
        in.slip = {level, type, Impl::kSlipStartStep_pct * static_cast<double>(k)};
        if (k > 0) table[k] = table[k - 1];
        for (int pass = 0; pass < 2; ++pass) {
          m.starts_ready = k > 0 || pass > 0;
          const Setup setup = makeSetup(m, in);
          table[k].q = minimise(m, setup).q;
          if (pass > 0) table[k].hessian = finiteDifferenceHessian(m, setup, table[k].q);
        }
        m.starts_ready = false;
      }
    }
  }
  for (int k = 0; k < Impl::kMorphStarts; ++k) {
    ModelInputs in;
    in.patient.pelvic_incidence_deg = 25.0 + 10.0 * k;
    const Setup setup = makeSetup(m, in, false);
    Impl::Start& start = m.morph_start[static_cast<std::size_t>(k)];
    start.q = minimise(m, setup).q;
    start.hessian = finiteDifferenceHessian(m, setup, start.q);
  }
  m.starts_ready = true;
  // canal and foramina of the neutral skeleton at both slip levels
  for (SlipLevel level : {SlipLevel::kL4L5, SlipLevel::kL5S1}) {
    ModelInputs in;
    in.slip.level = level;
    Solution s;
    const detail::Setup setup = detail::makeSetup(m, in);
    detail::MinimiseResult r;
    r.q = setup.q0;
    r.converged = true;
    detail::fillSolution(m, setup, in, r, s);
    m.neutral_slip[static_cast<std::size_t>(level)] = s.slip;
  }
}

}  // namespace

void buildModel(Impl& m) {
  buildTables(m);
  calibrate(m);
}

}  // namespace detail

PostureModel::PostureModel(const anatomy::Skeleton& skeleton) : impl_(std::make_unique<detail::Impl>()) {
  impl_->skeleton = skeleton;
  detail::buildModel(*impl_);
}

PostureModel::~PostureModel() = default;
PostureModel::PostureModel(PostureModel&&) noexcept = default;
PostureModel& PostureModel::operator=(PostureModel&&) noexcept = default;

const anatomy::Skeleton& PostureModel::skeleton() const {
  return impl_->skeleton;
}
const ClinicalMeasures& PostureModel::neutralMeasures() const {
  return impl_->neutral_measures;
}

Solution PostureModel::solve(const ModelInputs& inputs) const {
  Solution out;
  solve(inputs, out);
  return out;
}

void PostureModel::solve(const ModelInputs& inputs, Solution& out) const {
  inputs.validate();
  detail::Setup setup = detail::makeSetup(*impl_, inputs);
  const detail::MinimiseResult r = detail::minimiseWithSlip(*impl_, setup);
  detail::fillSolution(*impl_, setup, inputs, r, out);
  const anatomy::BodyParams& body = impl_->skeleton.params();
  if (std::abs(body.stature_m - inputs.body.stature_m) > 1e-9 ||
      std::abs(body.mass_kg - inputs.body.mass_kg) > 1e-9 || body.sex != inputs.body.sex) {
    out.warnings.push_back(
        "body.stature_m, body.mass_kg and body.sex differ from the skeleton this model was built for; build "
        "a new model for them.");
  }
}

std::vector<FascicleResult> PostureModel::fascicleStates(const anatomy::Pose& pose,
                                                         const ModelInputs& inputs) const {
  const detail::Impl& m = *impl_;
  const auto world = anatomy::worldTransforms(m.skeleton, pose);
  const detail::Setup setup = detail::makeSetup(m, inputs);
  std::vector<FascicleResult> out;
  out.reserve(m.fascicles.size());
  for (std::size_t i = 0; i < m.fascicles.size(); ++i) {
    const detail::CompiledFascicle& f = m.fascicles[i];
    FascicleResult r;
    detail::fillFascicleResult(
        f,
        [&](const detail::PointRef& ref, const glm::dvec3& p) {
          return glm::dvec3(world[ref.segment] * glm::dvec4(p, 1.0));
        },
        setup.tendon_slack_m[i], setup.activation[i], r);
    out.push_back(r);
  }
  return out;
}

}  // namespace sagitta::biomech
