// The potential energy of a posture and its gradient, and the quasi-Newton minimiser that finds
// the equilibrium (its minimum).
//
// Gradient by virtual work: every joint turns about +Z at its world centre C, so a point p moved
// by joint j goes at dp/dphi_j = z x (p - C_j). A muscle path segment from a to b with tension F
// contributes F u_b . (dp_b - dp_a) (u_b: the direction the path enters b), gravity m g dy.
#include <algorithm>
#include <cmath>

#include "biomech/model_constants.h"
#include "biomech/model_impl.h"
#include "core/units.h"

namespace sagitta::biomech::detail {
namespace {

// z component of (p - c) x u: the moment arm of u about c, times |u|
inline double crossZ(const glm::dvec3& p, const glm::dvec2& c, const glm::dvec3& u) {
  return (p.x - c.x) * u.y - (p.y - c.y) * u.x;
}

template <typename F>
inline void forEachBit(std::uint16_t mask, F&& f) {
  while (mask != 0) {
    const int j = __builtin_ctz(mask);
    f(static_cast<std::size_t>(j));
    mask = static_cast<std::uint16_t>(mask & (mask - 1));
  }
}

// Soft range: zero inside [lo, hi]; outside, a stiffness rising smoothly from 0 to k over the
// first `ramp` radians (C2, so the quasi-Newton solve does not stall on a kink), then constant.
inline double rangeSide(double e, double k, double ramp, double& grad, double sign) {
  if (e < ramp) {
    grad += sign * k * e * e / (2.0 * ramp);
    return k * e * e * e / (6.0 * ramp);
  }
  const double past = e - ramp;
  grad += sign * (k * ramp / 2.0 + k * past);
  return k * ramp * ramp / 6.0 + k * ramp * past / 2.0 + k * past * past / 2.0;
}
inline double rangeEnergy(double x, double lo, double hi, double k, double ramp, double& grad) {
  if (x > hi) return rangeSide(x - hi, k, ramp, grad, 1.0);
  if (x < lo) return rangeSide(lo - x, k, ramp, grad, -1.0);
  return 0.0;
}

// the segments above the hips whose centre of mass the balance control keeps in place
constexpr std::array<std::size_t, 7> kAboveHips = {
    seg(Segment::kPelvis), seg(Segment::kL5), seg(Segment::kL4),    seg(Segment::kL3),
    seg(Segment::kL2),     seg(Segment::kL1), seg(Segment::kThorax)};

}  // namespace

double ExpMoment::moment(double q) const {
  return k1 * std::exp(k2 * (q - theta1)) + k3 * std::exp(k4 * (q - theta2));
}
double ExpMoment::energy(double q) const {
  return -(k1 / k2) * std::exp(k2 * (q - theta1)) - (k3 / k4) * std::exp(k4 * (q - theta2));
}

std::size_t hessianSlot(PoseKind pose, Side side) {
  switch (pose) {
    case PoseKind::kStanding:
      return 0;
    case PoseKind::kSitting:
      return 1;
    case PoseKind::kLunge:
      return side == Side::kLeft ? 2 : 3;
    case PoseKind::kThomas:
      return side == Side::kLeft ? 4 : 5;
  }
  return 0;
}

JointArray jointAngles(const Setup& setup, const double* q) {
  JointArray phi = setup.b;
  for (std::size_t j = 0; j < kJointCount; ++j) {
    for (int i = 0; i < setup.dofs; ++i) phi[j] += setup.a[j][static_cast<std::size_t>(i)] * q[i];
  }
  return phi;
}

void forwardKinematics(const Impl& m, const Setup& setup, const JointArray& phi, Kinematics& k) {
  k.arch_vertebra = setup.arch_vertebra;
  for (std::size_t s = 0; s < kSegmentCount; ++s) {
    const Planar base = s == 0 ? setup.root * m.neutral[0] : k.world[m.parent[s]] * m.neutral[s];
    const Planar pre = base * setup.pre[s];
    k.centre[s] = pre.apply2(m.centre[s]);
    // joints the solve does not move keep the transform prepared for them
    const bool fixed = (setup.free_joints & (1u << s)) == 0 && setup.fixed_ready;
    k.world[s] =
        pre * (fixed ? setup.fixed_joint[s] : Planar::rotationAbout(phi[s], m.centre[s]) * setup.post[s]);
  }
  if (setup.arch_vertebra != kNoArch) {
    // the arch keeps the vertebra's turn but not its slip
    const std::size_t v = setup.arch_vertebra;
    const Planar base = k.world[m.parent[v]] * m.neutral[v];
    k.centre[kArch] = base.apply2(m.centre[v]);
    k.world[kArch] = base * Planar::rotationAbout(phi[kArch], m.centre[v]);
  } else {
    k.centre[kArch] = {0.0, 0.0};
    k.world[kArch] = Planar{};
  }
  // the thoracic column bends disc by disc, each disc taking its share of the turn
  // (anatomy::thoracicLevelMotions); a point on C7 .. T1 moves, for a small change of the turn,
  // as if it turned about the share-weighted mean of the discs' centres, which the gradients use
  std::array<double, 3> co{}, si{};
  for (std::size_t g = 0; g < co.size(); ++g) {
    const double a = m.thoracic_group_share[g] * phi[kUpperThorax];
    co[g] = std::cos(a);
    si[g] = std::sin(a);
  }
  Planar column = k.world[seg(Segment::kThorax)];
  glm::dvec2 centre(0.0);
  k.t4_column = column;
  for (std::size_t d = 0; d < m.thoracic_disc_count; ++d) {
    if (d == m.thoracic_discs_below_t4) k.t4_column = column;
    const glm::dvec2 c = m.thoracic_disc_centre[d];
    const std::size_t g = m.thoracic_disc_group[d];
    centre += m.thoracic_group_share[g] * column.apply2(c);
    column = column *
             Planar{co[g], si[g], c.x - (co[g] * c.x - si[g] * c.y), c.y - (si[g] * c.x + co[g] * c.y), 0.0};
  }
  if (m.thoracic_discs_below_t4 == m.thoracic_disc_count) k.t4_column = column;
  k.centre[kUpperThorax] = centre;
  k.world[kUpperThorax] = column;
}

double evaluatePhi(const Impl& m, const Setup& setup, const JointArray& phi, JointArray* grad_phi,
                   bool want_energy) {
  Kinematics k;
  forwardKinematics(m, setup, phi, k);
  JointArray g{};
  double energy = 0.0;

  // gravity
  std::array<glm::dvec3, kSegmentCount> com{};
  for (std::size_t s = 0; s < kSegmentCount; ++s) {
    if (m.mass_kg[s] <= 0.0) continue;
    com[s] = k.world[s].apply(m.com[s]);
    const double w = m.mass_kg[s] * kGravity_m_s2;
    energy += w * com[s].y;
    forEachBit(m.ancestors[s], [&](std::size_t j) { g[j] += w * (com[s].x - k.centre[j].x); });
  }

  // the upper thoracic column's mass turns with it rather than with the thorax
  const std::size_t thorax = seg(Segment::kThorax);
  const glm::dvec3 upper_now = k.world[kUpperThorax].apply(m.upper_com);
  const glm::dvec3 upper_rigid = k.world[thorax].apply(m.upper_com);
  {
    const double w = m.upper_mass_kg * kGravity_m_s2;
    energy += w * (upper_now.y - upper_rigid.y);
    forEachBit(m.ancestors[thorax], [&](std::size_t j) { g[j] += w * (upper_now.x - upper_rigid.x); });
    g[kUpperThorax] += w * (upper_now.x - k.centre[kUpperThorax].x);
  }
  const bool standing = setup.pose == PoseKind::kStanding;
  // standing on the feet: heights count from the ankles (the root, at the pelvis, is fixed in
  // the solve, so a bending knee lowers the whole body onto them)
  std::array<glm::dvec3, kSideCount> ankle{};
  if (standing) {
    double total = 0.0;
    for (double mk : m.mass_kg) total += mk;
    const double half_weight = 0.5 * total * kGravity_m_s2;
    for (Side side : kSides) {
      const std::size_t i = sideIndex(side);
      ankle[i] = worldPoint(k, m.refs.ankle[i]);
      if (want_energy) energy -= half_weight * ankle[i].y;
      forEachBit(m.ancestors[m.refs.ankle[i].segment],
                 [&](std::size_t j) { g[j] -= half_weight * (ankle[i].x - k.centre[j].x); });
    }
  }

  if (setup.standing_like) {
    // balance (model_constants.h): standing, the whole-body centre of mass stays over the feet;
    // in the other poses the centre of mass above the hips stays where it is standing
    double mass = 0.0, x = 0.0;
    JointArray dx{};  // d (sum m x) / d phi
    auto add = [&](double mk, const glm::dvec3& p, std::uint16_t anc) {
      mass += mk;
      x += mk * p.x;
      forEachBit(anc, [&](std::size_t j) { dx[j] -= mk * (p.y - k.centre[j].y); });
    };
    for (std::size_t s = 0; s < kSegmentCount; ++s) {
      if (m.mass_kg[s] <= 0.0) continue;
      if (!standing && std::find(kAboveHips.begin(), kAboveHips.end(), s) == kAboveHips.end()) continue;
      add(m.mass_kg[s], com[s], m.ancestors[s]);
    }
    add(-m.upper_mass_kg, upper_rigid, m.ancestors[thorax]);
    add(m.upper_mass_kg, upper_now, setup.ancestors[kUpperThorax]);
    x /= mass;
    double target = m.upper_com_ref_x;
    JointArray dtarget{};
    if (standing) {
      target = 0.5 * (ankle[0].x + ankle[1].x) + m.body_com_over_ankle_m;
      for (std::size_t i = 0; i < kSideCount; ++i) {
        forEachBit(m.ancestors[m.refs.ankle[i].segment],
                   [&](std::size_t j) { dtarget[j] -= 0.5 * (ankle[i].y - k.centre[j].y); });
      }
    }
    const double off = x - target;
    const double kb = m.balance_stiffness_N_per_m;
    energy += 0.5 * kb * off * off;
    for (std::size_t j = 0; j < kJointCount; ++j) g[j] += kb * off * (dx[j] / mass - dtarget[j]);
    // the head over the feet: the C7 plumb line where it stands at neutral
    const glm::dvec3 c7 = worldPoint(k, m.refs.c7_centroid);
    const double head_off =
        c7.x - (standing ? target - m.body_com_over_ankle_m + m.c7_over_ankle_m : m.c7_ref_x);
    const double kh = m.head_stiffness_N_per_m;
    energy += 0.5 * kh * head_off * head_off;
    forEachBit(setup.ancestors[kUpperThorax],
               [&](std::size_t j) { g[j] -= kh * head_off * (c7.y - k.centre[j].y); });
    for (std::size_t j = 0; j < kJointCount; ++j) g[j] -= kh * head_off * dtarget[j];
    // tonic baseline torques (relaxed sitting keeps only the thoracic extensors' tone:
    // model_constants.h) and the pelvis's range
    for (std::size_t j = 0; j < kJointCount; ++j) {
      if (setup.pose == PoseKind::kSitting && !(kSittingKeepsThoracicTone && j == kUpperThorax)) continue;
      energy -= m.baseline_torque[j] * phi[j];
      g[j] -= m.baseline_torque[j];
    }
    const std::size_t p = seg(Segment::kPelvis);
    // holding the pelvis turned from its neutral costs hip muscle effort
    energy += 0.5 * m.pelvis_effort_Nm_per_rad * phi[p] * phi[p];
    g[p] += m.pelvis_effort_Nm_per_rad * phi[p];
    if (standing) {
      // standing, the pelvis's range is the hips' extension reserve: the pelvis turned against the
      // thighs, which knee flexion (tilting the thighs forward) gives back
      const std::size_t fl = seg(Segment::kFemurLeft), fr = seg(Segment::kFemurRight);
      double gx = 0.0;
      energy += rangeEnergy(-0.5 * (phi[fl] + phi[fr]), m.range_min[p], m.range_max[p],
                            kPelvisLimitStiffness_Nm_per_rad, degToRad(kRangeRamp_deg), gx);
      g[fl] -= 0.5 * gx;
      g[fr] -= 0.5 * gx;
    } else {
      energy += rangeEnergy(phi[p], m.range_min[p], m.range_max[p], kPelvisLimitStiffness_Nm_per_rad,
                            degToRad(kRangeRamp_deg), g[p]);
    }
  }

  // muscles
  for (std::size_t fi = 0; fi < m.fascicles.size(); ++fi) {
    const CompiledFascicle& f = m.fascicles[fi];
    if ((f.joints & setup.free_joints) == 0) continue;  // constant in this solve
    // written for each of the fascicle's points before they are read (not cleared: this loop is
    // the solve's hottest)
    std::array<glm::dvec3, kMaxPathPoints> p;
    std::array<std::size_t, kMaxPathPoints> frame;
    std::array<glm::dvec3, kMaxPathPoints - 1> u;  // d length / d (later point) of each segment
    double length = 0.0;
    for (std::size_t i = 0; i < f.point_count; ++i) {
      frame[i] = k.frameOf(f.points[i]);
      p[i] = k.world[frame[i]].apply(f.points[i].local);
      if (i == 0) continue;
      if (static_cast<int>(i) - 1 == f.wrap_after) {
        const glm::dvec2 centre = k.world[frame[i - 1]].apply2(f.wrap_centre);
        const SegmentPath sp = segmentPath(p[i - 1], p[i], &centre, f.wrap_radius, f.wrap_side);
        length += sp.length;
        u[i - 1] = sp.end_direction;
      } else {
        const glm::dvec3 d = p[i] - p[i - 1];
        const double len = std::sqrt(d.x * d.x + d.y * d.y + d.z * d.z);
        length += len;
        u[i - 1] = len > 0.0 ? d / len : glm::dvec3(0.0);
      }
    }
    const FascicleState st =
        fascicleState(f, length, setup.tendon_slack_m[fi], setup.activation[fi], want_energy);
    energy += st.energy_J;
    const double force = st.passive_N + st.active_N;
    if (force == 0.0) continue;
    // a joint turning only the later point (plus) lengthens the segment by u . (z x (p - C));
    // one turning the earlier point and any wrap circle with it (minus) acts as the opposite
    // turn of the later point
    for (std::size_t i = 0; i + 1 < f.point_count; ++i) {
      const std::uint16_t anc_a = setup.ancestors[frame[i]], anc_b = setup.ancestors[frame[i + 1]];
      const glm::dvec3& ui = u[i];
      const glm::dvec3& pb = p[i + 1];
      forEachBit(static_cast<std::uint16_t>(anc_b & ~anc_a),
                 [&](std::size_t j) { g[j] += force * crossZ(pb, k.centre[j], ui); });
      forEachBit(static_cast<std::uint16_t>(anc_a & ~anc_b),
                 [&](std::size_t j) { g[j] -= force * crossZ(pb, k.centre[j], ui); });
    }
  }

  // discs and ligaments of the lumbar spine, with their ranges; relaxed sitting, they pull toward
  // their passive rest shape (the standing lordosis is partly held by the tonic torques)
  const bool sitting = setup.pose == PoseKind::kSitting;
  for (std::size_t j = seg(Segment::kL5); j <= seg(Segment::kL1); ++j) {
    const double kj = m.lumbar_stiffness[j];
    // above a high-grade slip the levels rest in extension, their ranges with them
    const double adapted = phi[j] - setup.adapted_rest[j];
    const double bend = sitting ? adapted - m.sitting_rest[j] : adapted;
    energy += 0.5 * kj * bend * bend;
    g[j] += kj * bend;
    const double stop = j == setup.slip_joint ? setup.slip_stop_factor : 1.0;
    energy += rangeEnergy(adapted, m.range_min[j], m.range_max[j], stop * kRangeStiffnessFactor * kj,
                          degToRad(kRangeRamp_deg), g[j]);
  }
  // the thoracic spine's extension stiffness: the discs in series, each turned by its share
  // (sum of k_i (s_i phi)^2 / 2 = K phi^2 / 2 when s_i is proportional to 1 / k_i)
  energy += 0.5 * m.thoracic_stiffness_Nm_per_rad * phi[kUpperThorax] * phi[kUpperThorax];
  g[kUpperThorax] += m.thoracic_stiffness_Nm_per_rad * phi[kUpperThorax];
  energy += rangeEnergy(phi[kUpperThorax], -m.thoracic_range_rad, m.thoracic_range_rad,
                        kRangeStiffnessFactor * m.thoracic_stiffness_Nm_per_rad, degToRad(kRangeRamp_deg),
                        g[kUpperThorax]);
  // standing knee flexion costs quadriceps effort
  if (standing) {
    for (Segment s : {Segment::kShankLeft, Segment::kShankRight}) {
      energy += 0.5 * m.knee_effort_Nm_per_rad * phi[seg(s)] * phi[seg(s)];
      g[seg(s)] += m.knee_effort_Nm_per_rad * phi[seg(s)];
    }
  }
  // hip and knee ligaments (U = -integral of the moment)
  for (Segment f : {Segment::kFemurLeft, Segment::kFemurRight}) {
    if (want_energy) energy += kHipLigament.energy(phi[seg(f)]);
    g[seg(f)] -= kHipLigament.moment(phi[seg(f)]);
  }
  for (Segment s : {Segment::kShankLeft, Segment::kShankRight}) {
    if (want_energy) energy += kKneeLigament.energy(phi[seg(s)]);
    g[seg(s)] -= kKneeLigament.moment(phi[seg(s)]);
  }
  if (grad_phi != nullptr) *grad_phi = g;
  return energy;
}

double evaluate(const Impl& m, const Setup& setup, const double* q, double* grad, bool want_energy) {
  JointArray g{};
  const double energy =
      evaluatePhi(m, setup, jointAngles(setup, q), grad != nullptr ? &g : nullptr, want_energy);
  if (grad != nullptr) {
    for (int i = 0; i < setup.dofs; ++i) {
      double gi = 0.0;
      for (std::size_t j = 0; j < kJointCount; ++j) gi += setup.a[j][static_cast<std::size_t>(i)] * g[j];
      grad[i] = gi;
    }
  }
  return energy;
}

Impl::FascicleSeed fascicleMomentArms(const Impl& m, const Setup& setup, const JointArray& phi,
                                      std::size_t index) {
  Kinematics k;
  forwardKinematics(m, setup, phi, k);
  const CompiledFascicle& f = m.fascicles[index];
  Impl::FascicleSeed out;
  std::array<glm::dvec3, kMaxPathPoints> p{};
  std::array<std::size_t, kMaxPathPoints> frame{};
  for (std::size_t i = 0; i < f.point_count; ++i) {
    frame[i] = k.frameOf(f.points[i]);
    p[i] = k.world[frame[i]].apply(f.points[i].local);
    if (i == 0) continue;
    const bool wraps = static_cast<int>(i) - 1 == f.wrap_after;
    glm::dvec2 centre{0.0};
    if (wraps) centre = k.world[frame[i - 1]].apply2(f.wrap_centre);
    const SegmentPath sp = segmentPath(p[i - 1], p[i], wraps ? &centre : nullptr, f.wrap_radius, f.wrap_side);
    out.length_m += sp.length;
    const std::uint16_t anc_a = setup.ancestors[frame[i - 1]], anc_b = setup.ancestors[frame[i]];
    forEachBit(static_cast<std::uint16_t>(anc_b & ~anc_a),
               [&](std::size_t j) { out.moment_arm[j] += crossZ(p[i], k.centre[j], sp.end_direction); });
    forEachBit(static_cast<std::uint16_t>(anc_a & ~anc_b),
               [&](std::size_t j) { out.moment_arm[j] -= crossZ(p[i], k.centre[j], sp.end_direction); });
  }
  return out;
}

bool choleskySolve(int n, const DofMatrix& h, double mu, const std::array<double, kMaxDofs>& r,
                   std::array<double, kMaxDofs>& x) {
  DofMatrix l{};
  for (int i = 0; i < n; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    for (int j = 0; j <= i; ++j) {
      const auto uj = static_cast<std::size_t>(j);
      double sum = h[ui][uj] + (i == j ? mu : 0.0);
      for (std::size_t k = 0; k < uj; ++k) sum -= l[ui][k] * l[uj][k];
      if (i == j) {
        if (!(sum > 0.0)) return false;
        l[ui][ui] = std::sqrt(sum);
      } else {
        l[ui][uj] = sum / l[uj][uj];
      }
    }
  }
  std::array<double, kMaxDofs> y{};
  for (int i = 0; i < n; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    double sum = r[ui];
    for (std::size_t k = 0; k < ui; ++k) sum -= l[ui][k] * y[k];
    y[ui] = sum / l[ui][ui];
  }
  for (int i = n - 1; i >= 0; --i) {
    const auto ui = static_cast<std::size_t>(i);
    double sum = y[ui];
    for (std::size_t k = ui + 1; k < static_cast<std::size_t>(n); ++k) sum -= l[k][ui] * x[k];
    x[ui] = sum / l[ui][ui];
  }
  return true;
}

namespace {

using Matrix = std::array<std::array<double, kMaxDofs>, kMaxDofs>;
using Vector = std::array<double, kMaxDofs>;

double maxAbs(int n, const Vector& v) {
  double r = 0.0;
  for (int i = 0; i < n; ++i) r = std::max(r, std::abs(v[static_cast<std::size_t>(i)]));
  return r;
}

double dot(int n, const Vector& a, const Vector& b) {
  double r = 0.0;
  for (int i = 0; i < n; ++i) r += a[static_cast<std::size_t>(i)] * b[static_cast<std::size_t>(i)];
  return r;
}

// 1e-3 N m leaves angles within about 5e-6 rad (0.0003 deg) of the exact equilibrium (the
// softest mode, the pelvis, has a stiffness of about 200 N m/rad): far below anything a measure
// or a picture shows
constexpr double kResidualTolerance_Nm = 1e-3;
constexpr int kMaxIterations = 60;
constexpr double kMaxStep = 0.25;      // rad per step (a trust region)
constexpr int kRefreshEvery = 6;       // BFGS iterations before the Hessian is recomputed
constexpr double kHessianStep = 1e-6;  // rad, forward differences

// The seed Hessian: the cached joint-space Hessian of this pose, corrected for every fascicle
// whose tightness or tone differs from the defaults (Gauss-Newton: the change in its
// stiffness times its moment arms' outer product), mapped into q: B = A^T H A.
Matrix seedHessian(const Impl& m, const Setup& setup) {
  const std::size_t slot = hessianSlot(setup.pose, setup.side);
  // A is sparse: each coordinate moves a few joints
  std::array<std::array<std::size_t, kJointCount>, kMaxDofs> nz{};
  std::array<std::size_t, kMaxDofs> nz_count{};
  std::uint16_t moved = 0;
  for (int r = 0; r < setup.dofs; ++r) {
    for (std::size_t j = 0; j < kJointCount; ++j) {
      if (setup.a[j][static_cast<std::size_t>(r)] == 0.0) continue;
      nz[static_cast<std::size_t>(r)][nz_count[static_cast<std::size_t>(r)]++] = j;
      moved = static_cast<std::uint16_t>(moved | (1u << j));
    }
  }
  // with a start from a table, its Hessian is the base and only the muscle changes are added
  std::array<JointArray, kJointCount> h =
      setup.seed_given ? std::array<JointArray, kJointCount>{} : m.hessian[slot];
  const auto& seeds = m.fascicle_seed[slot];
  for (std::size_t i = 0; i < m.fascicles.size() && i < seeds.size(); ++i) {
    const CompiledFascicle& f = m.fascicles[i];
    if ((f.joints & moved) == 0) continue;
    if (setup.tendon_slack_m[i] == f.tendon_slack_m && setup.activation[i] == kDefaultActivation) continue;
    // d2U/dphi2 of a fascicle = k r r^T + F d2l/dphi2: add the change of both
    const double length = seeds[i].length_m;
    const double dk = fascicleStiffness(f, length, setup.tendon_slack_m[i], setup.activation[i]) -
                      seeds[i].default_stiffness_N_per_m;
    const FascicleState now = fascicleState(f, length, setup.tendon_slack_m[i], setup.activation[i], false);
    const double df = (now.passive_N + now.active_N) - seeds[i].default_force_N;
    const JointArray& r = seeds[i].moment_arm;
    // the moment arms and the curvature are zero at every joint the fascicle does not cross
    // (f.joints, from the model's segment tree; a fascicle on a loose neural arch also moves with
    // the arch's own joint, which that tree does not hold: for it, every moved joint)
    const auto crossed = static_cast<std::uint16_t>(f.touches_arch ? moved : (f.joints & moved));
    forEachBit(crossed, [&](std::size_t a) {
      forEachBit(crossed, [&](std::size_t b) {
        h[a][b] += dk * r[a] * r[b] + df * 0.5 * (seeds[i].curvature[a][b] + seeds[i].curvature[b][a]);
      });
    });
  }
  Matrix out{};
  for (int r = 0; r < setup.dofs; ++r) {
    const auto ur = static_cast<std::size_t>(r);
    for (int c = 0; c < setup.dofs; ++c) {
      const auto uc = static_cast<std::size_t>(c);
      double sum = 0.0;
      for (std::size_t x = 0; x < nz_count[ur]; ++x) {
        const std::size_t i = nz[ur][x];
        for (std::size_t y = 0; y < nz_count[uc]; ++y) {
          const std::size_t j = nz[uc][y];
          sum += setup.a[i][ur] * h[i][j] * setup.a[j][uc];
        }
      }
      out[ur][uc] = sum + (setup.seed_given ? setup.seed[ur][uc] : 0.0);
    }
  }
  return out;
}

}  // namespace

DofMatrix finiteDifferenceHessian(const Impl& m, const Setup& setup, const std::array<double, kMaxDofs>& q) {
  const int n = setup.dofs;
  Vector g{};
  evaluate(m, setup, q.data(), g.data(), false);
  Matrix b{};
  for (int i = 0; i < n; ++i) {
    Vector qi = q, gi{};
    qi[static_cast<std::size_t>(i)] += kHessianStep;
    evaluate(m, setup, qi.data(), gi.data(), false);
    for (int r = 0; r < n; ++r) {
      b[static_cast<std::size_t>(r)][static_cast<std::size_t>(i)] =
          (gi[static_cast<std::size_t>(r)] - g[static_cast<std::size_t>(r)]) / kHessianStep;
    }
  }
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < i; ++j) {
      const auto ui = static_cast<std::size_t>(i), uj = static_cast<std::size_t>(j);
      b[ui][uj] = b[uj][ui] = 0.5 * (b[ui][uj] + b[uj][ui]);
    }
  }
  return b;
}

MinimiseResult minimise(const Impl& m, const Setup& setup) {
  MinimiseResult out;
  const int n = setup.dofs;
  Vector q = setup.q0, g{};
  double e = evaluate(m, setup, q.data(), g.data());
  out.q = q;
  if (n == 0) {
    out.converged = true;
    return out;
  }
  // BFGS on the energy, seeded with the cached Hessian (or, when the skeleton's shape or a
  // patient's pose moved the start away from it, a fresh one), with a backtracking line search
  Matrix b = seedHessian(m, setup);
  double diag = 0.0;
  for (int i = 0; i < n; ++i)
    diag = std::max(diag, std::abs(b[static_cast<std::size_t>(i)][static_cast<std::size_t>(i)]));
  int it = 0;
  for (; it < kMaxIterations; ++it) {
    if (maxAbs(n, g) < kResidualTolerance_Nm) break;
    if (it > 0 && it % kRefreshEvery == 0) {
      // slow progress (far from the seed's posture, or a soft range engaged): a fresh Hessian
      b = finiteDifferenceHessian(m, setup, q);
    }
    Vector rhs{}, d{};
    for (int i = 0; i < n; ++i) rhs[static_cast<std::size_t>(i)] = -g[static_cast<std::size_t>(i)];
    double mu = 0.0;
    while (!choleskySolve(n, b, mu, rhs, d)) mu = mu == 0.0 ? 1e-6 * (diag + 1.0) : 4.0 * mu;
    const double step = maxAbs(n, d);
    if (step > kMaxStep) {
      for (int i = 0; i < n; ++i) d[static_cast<std::size_t>(i)] *= kMaxStep / step;
    }
    const double slope = dot(n, g, d);
    double t = 1.0;
    bool accepted = false;
    Vector qt{}, gt{};
    double et = e;
    for (int ls = 0; ls < 30; ++ls) {
      for (int i = 0; i < n; ++i) {
        const auto ui = static_cast<std::size_t>(i);
        qt[ui] = q[ui] + t * d[ui];
      }
      et = evaluate(m, setup, qt.data(), gt.data());
      // Armijo; near the minimum the energy change drowns in rounding (energies are ~1e3 J), so a
      // step that shrinks the gradient without raising the energy beyond rounding also counts
      const bool armijo = et <= e + 1e-4 * t * slope;
      const bool in_noise = et <= e + 1e-11 * (1.0 + std::abs(e)) && maxAbs(n, gt) < maxAbs(n, g);
      if (armijo || in_noise) {
        accepted = true;
        break;
      }
      // the next trial where the slope along d, interpolated linearly between 0 and t, is zero
      // (Nocedal & Wright 2006, Numerical Optimization, 3.5: interpolating line searches),
      // kept within [t / 50, t / 2]: a seed Hessian too soft along d (a slip's start, its
      // levels near their range stops) overshoots many times over, and halving took 4-8 trials
      const double slope_t = dot(n, gt, d);
      const double next = slope_t > slope ? t * -slope / (slope_t - slope) : 0.5 * t;
      t = std::clamp(next, 0.02 * t, 0.5 * t);
    }
    if (!accepted) break;
    // BFGS update with s = t d, y = gt - g (skipped when the curvature is not positive)
    Vector s{}, y{};
    for (int i = 0; i < n; ++i) {
      const auto ui = static_cast<std::size_t>(i);
      s[ui] = qt[ui] - q[ui];
      y[ui] = gt[ui] - g[ui];
    }
    const double sy = dot(n, s, y);
    Vector bs{};
    for (int r = 0; r < n; ++r) {
      double sum = 0.0;
      for (int c = 0; c < n; ++c)
        sum += b[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] * s[static_cast<std::size_t>(c)];
      bs[static_cast<std::size_t>(r)] = sum;
    }
    const double sbs = dot(n, s, bs);
    if (sy > 1e-12 * std::sqrt(dot(n, s, s) * dot(n, y, y)) && sbs > 0.0) {
      for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
          const auto ur = static_cast<std::size_t>(r), uc = static_cast<std::size_t>(c);
          b[ur][uc] += y[ur] * y[uc] / sy - bs[ur] * bs[uc] / sbs;
        }
      }
    }
    q = qt;
    g = gt;
    e = et;
  }
  out.q = q;
  out.iterations = it;
  out.residual = maxAbs(n, g);
  out.converged = out.residual < kResidualTolerance_Nm;
  return out;
}

}  // namespace sagitta::biomech::detail
