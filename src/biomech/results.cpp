// Turns a solved posture into the Solution: the Pose, muscle paths and forces, the clinical
// measures (from posed landmarks only), the slip level's canal, foramina and nerve roots, and
// the load on the S1 endplate.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "biomech/model_constants.h"
#include "biomech/model_impl.h"
#include "core/units.h"

namespace sagitta::biomech::detail {
namespace {

std::string fmt(double v) {
  std::ostringstream o;
  o.precision(3);
  o << v;
  return o.str();
}

glm::dvec3 toFrame(const Planar& frame_inv, const glm::dvec3& p) {
  return frame_inv.apply(p);
}

void fillMeasures(const Impl& m, const Setup& setup, const Kinematics& k, SlipLevel level, Solution& out) {
  const Planar to_frame = setup.root.inverse();
  auto at = [&](const PointRef& p) { return toFrame(to_frame, worldPoint(k, p)); };
  const MeasureRefs& r = m.refs;
  MeasureLandmarks p;
  for (std::size_t s = 0; s < kSideCount; ++s) {
    p.hip_centre[s] = at(r.hip[s]);
    p.knee_centre[s] = at(r.knee[s]);
    p.asis[s] = at(r.asis[s]);
    p.psis[s] = at(r.psis[s]);
  }
  p.pubic_symphysis = at(r.symphysis);
  p.s1_anterior = at(r.s1_anterior);
  p.s1_posterior = at(r.s1_posterior);
  for (std::size_t i = 0; i < 5; ++i) {
    p.superior_anterior[i] = at(r.sup_anterior[i]);
    p.superior_posterior[i] = at(r.sup_posterior[i]);
  }
  const SlipGeometry g = slipGeometry(level);
  p.slip_level = level;
  p.upper_inferior_anterior = at(r.inf_anterior[g.upper_k]);
  p.upper_inferior_posterior = at(r.inf_posterior[g.upper_k]);
  if (g.l5s1) {
    p.lower_superior_anterior = p.s1_anterior;
    p.lower_superior_posterior = p.s1_posterior;
    // derived point (measures.h): 25 mm down the perpendicular to the S1 endplate
    const glm::dvec3 e = glm::normalize(p.s1_anterior - p.s1_posterior);
    p.lower_posterior_wall = p.s1_posterior + 0.025 * glm::dvec3(e.y, -e.x, 0.0);
  } else {
    p.lower_superior_anterior = p.superior_anterior[4];
    p.lower_superior_posterior = p.superior_posterior[4];
    p.lower_posterior_wall = at(r.inf_posterior[4]);
  }
  p.c7_centroid = at(r.c7_centroid);
  p.t1_centroid = at(r.t1_centroid);
  p.t4_superior_anterior = toFrame(to_frame, k.t4_column.apply(r.t4_sup_anterior.local));
  p.t4_superior_posterior = toFrame(to_frame, k.t4_column.apply(r.t4_sup_posterior.local));
  p.t12_inferior_anterior = at(r.t12_inf_anterior);
  p.t12_inferior_posterior = at(r.t12_inf_posterior);
  for (std::size_t s = 0; s < kSideCount; ++s) p.ankle_centre[s] = at(r.ankle[s]);
  out.measures = measure(p);
}

// Load of everything above L5-S1 on the S1 endplate (reference.md §2.3).
void fillL5S1Load(const Impl& m, const Kinematics& k, Solution& out) {
  glm::dvec3 force(0.0);
  double weight = 0.0;
  for (std::size_t s = seg(Segment::kL5); s <= seg(Segment::kThorax); ++s)
    weight += m.mass_kg[s] * kGravity_m_s2;
  force.y -= weight;
  auto upper = [](std::size_t s) { return s >= seg(Segment::kL5) && s <= seg(Segment::kThorax); };
  for (std::size_t i = 0; i < m.fascicles.size(); ++i) {
    const CompiledFascicle& f = m.fascicles[i];
    if (!f.crosses_l5s1) continue;
    std::array<glm::dvec3, kMaxPathPoints> p{};
    for (std::size_t j = 0; j < f.point_count; ++j) p[j] = worldPoint(k, f.points[j]);
    const double tension = out.fascicles[i].passive_force_N + out.fascicles[i].active_force_N;
    for (std::size_t j = 0; j + 1 < f.point_count; ++j) {
      const bool a_up = upper(f.points[j].segment), b_up = upper(f.points[j + 1].segment);
      if (a_up == b_up) continue;
      const glm::dvec3 d = a_up ? p[j + 1] - p[j] : p[j] - p[j + 1];  // from the upper point toward the other
      const double len = glm::length(d);
      if (len > 0.0) force += tension * d / len;
    }
  }
  const glm::dvec3 ant = worldPoint(k, m.refs.s1_anterior);
  const glm::dvec3 post = worldPoint(k, m.refs.s1_posterior);
  const glm::dvec3 e = glm::normalize(ant - post);
  const glm::dvec3 n(-e.y, e.x, 0.0);  // endplate normal, out of S1 toward L5
  out.l5s1_shear_N = glm::dot(force, e);
  out.l5s1_compression_N = -glm::dot(force, n);
  out.l5s1_shear_gravity_only_N = weight * -e.y;
  const glm::dvec3 mid = 0.5 * (ant + post);
  out.l5s1_shear = {mid, out.l5s1_shear_N >= 0.0 ? e : -e, std::abs(out.l5s1_shear_N)};
  out.l5s1_compression = {mid + 0.02 * n, out.l5s1_compression_N >= 0.0 ? -n : n,
                          std::abs(out.l5s1_compression_N)};
}

void fillMuscles(const Impl& m, const Setup& setup, const Kinematics& k, Solution& out) {
  out.fascicles.resize(m.fascicles.size());  // no allocation when the Solution is reused
  std::array<std::array<double, kSideCount>, kMuscleCount> weight{};
  for (auto& side : out.muscles) side = {};
  for (std::size_t i = 0; i < m.fascicles.size(); ++i) {
    const CompiledFascicle& f = m.fascicles[i];
    const FascicleState st = fillFascicleResult(
        f, [&](const PointRef& p, const glm::dvec3& q) { return k.world[k.frameOf(p)].apply(q); },
        setup.tendon_slack_m[i], setup.activation[i], out.fascicles[i]);
    const double length = st.length_m;

    MuscleResult& mr = out.muscles[muscleIndex(f.muscle)][sideIndex(f.side)];
    const double w = f.max_force_N;
    weight[muscleIndex(f.muscle)][sideIndex(f.side)] += w;
    mr.length_m += w * length;
    mr.neutral_length_m += w * f.neutral_length_m;
    mr.fibre_length_norm += w * st.fibre_norm;
    mr.passive_force_N += st.passive_N;
    mr.active_force_N += st.active_N;
  }
  for (std::size_t mi = 0; mi < kMuscleCount; ++mi) {
    for (std::size_t s = 0; s < kSideCount; ++s) {
      MuscleResult& mr = out.muscles[mi][s];
      const double w = weight[mi][s];
      mr.length_m /= w;
      mr.neutral_length_m /= w;
      mr.fibre_length_norm /= w;
      mr.fibre_strain = mr.fibre_length_norm - 1.0;
      mr.length_pct_of_neutral = 100.0 * mr.length_m / mr.neutral_length_m;
    }
  }
}

const char* jointName(std::size_t j) {
  switch (j) {
    case seg(Segment::kL5):
      return "L5-S1";
    case seg(Segment::kL4):
      return "L4-L5";
    case seg(Segment::kL3):
      return "L3-L4";
    case seg(Segment::kL2):
      return "L2-L3";
    case seg(Segment::kL1):
      return "L1-L2";
    default:
      return "the pelvis";
  }
}

}  // namespace

void fillSolution(const Impl& m, const Setup& solved, const ModelInputs& in, const MinimiseResult& r,
                  Solution& out) {
  const JointArray phi = jointAngles(solved, r.q.data());
  Kinematics k;
  forwardKinematics(m, solved, phi, k);
  // standing, the feet stay where they stand: a bending knee lowers the body and moves the
  // pelvis back over them (the solve holds the pelvis still; only the placement moves)
  Setup placed;
  const bool move = solved.pose == PoseKind::kStanding;
  if (move) {
    const glm::dvec3 ankle = 0.5 * (worldPoint(k, m.refs.ankle[0]) + worldPoint(k, m.refs.ankle[1]));
    placed = solved;
    placed.root =
        Planar::translation({m.neutral_ankle_mid.x - ankle.x, m.neutral_ankle_mid.y - ankle.y, 0.0}) *
        solved.root;
    forwardKinematics(m, placed, phi, k);
  }
  const Setup& setup = move ? placed : solved;

  out.pose_kind = setup.pose;
  out.pose_side = setup.side;
  out.support = setup.support;
  out.pose.root = setup.root.matrix();
  for (std::size_t s = 0; s < kSegmentCount; ++s) {
    out.pose.joint[s] = (setup.pre[s] * Planar::rotationAbout(phi[s], m.centre[s]) * setup.post[s]).matrix();
    out.world[s] = k.world[s].matrix();
  }
  // the thoracic column's motion at C7 and T1 (its whole turn, shared among the discs), so the
  // drawn and measured pose carry what was solved (measures.cpp and the drawn vertebrae bend the
  // column level by level from its turn: anatomy::thoracicLevelMotions)
  out.pose.upper_thorax = (k.world[seg(Segment::kThorax)].inverse() * k.world[kUpperThorax]).matrix();

  fillMuscles(m, setup, k, out);
  fillMeasures(m, setup, k, in.slip.level, out);
  out.balance = globalBalance(out.measures, m.neutral_measures, setup.pose);
  fillSlip(m, setup, in, k, phi, out);
  fillL5S1Load(m, k, out);

  out.sacrum_morph_deg = radToDeg(setup.sacrum_morph);
  out.lumbar_adapted_rest_deg = radToDeg(setup.adapted_rest_total);
  out.predicted_from_pi = setup.predicted_from_pi;
  // thorax rotation from its neutral orientation in the body's frame, positive = forward lean:
  // the sum of the rotations below it (all about +Z) less the slip's roll
  double turn = 0.0;
  for (std::size_t s = 0; s <= seg(Segment::kL1); ++s) turn += phi[s];  // pelvis, sacrum, L5..L1
  turn -= setup.slip_roll;
  out.trunk_inclination_deg = -radToDeg(turn);

  out.thomas.reset();
  if (setup.pose == PoseKind::kThomas) {
    ThomasResult t;
    t.side = setup.side;
    const glm::dvec3 hip = worldPoint(k, m.refs.hip[sideIndex(setup.side)]);
    const glm::dvec3 knee = worldPoint(k, m.refs.knee[sideIndex(setup.side)]);
    // the couch runs along +X from the head (-X) to the feet
    t.thigh_above_horizontal_deg = radToDeg(std::atan2(knee.y - hip.y, knee.x - hip.x));
    const std::size_t shank =
        setup.side == Side::kLeft ? seg(Segment::kShankLeft) : seg(Segment::kShankRight);
    t.knee_flexion_deg = -radToDeg(phi[shank]);
    t.hip_extension_deg = out.measures.hip_extension_deg[sideIndex(setup.side)];
    // modified Thomas test criteria, BMC Sports Sci Med Rehabil 2021 Table 4 (reference.md §4.4) [V]
    t.one_joint_flexors_short = t.thigh_above_horizontal_deg > 0.0;
    t.two_joint_flexors_short = t.knee_flexion_deg < 67.0;
    out.thomas = t;
  }

  out.solver = {r.iterations, r.residual, r.converged};
  out.warnings.assign(setup.warnings.begin(), setup.warnings.end());
  if (!r.converged) {
    out.warnings.push_back("The posture solver stopped before full equilibrium (largest residual torque " +
                           fmt(r.residual) + " N m); the posture shown is the nearest it found.");
  }
  for (std::size_t j = seg(Segment::kL5); j <= seg(Segment::kL1); ++j) {
    // above a high-grade slip the range moves with the adapted rest (model_constants.h)
    const double a = phi[j] - setup.adapted_rest[j];
    const double over = std::max(a - m.range_max[j], m.range_min[j] - a);
    if (over > degToRad(kRangeRamp_deg)) {  // within the stop's ramp it is the stop working
      out.warnings.push_back(std::string(jointName(j)) + " is pressed " + fmt(radToDeg(over)) +
                             " deg beyond its " + (a > 0.0 ? "extension" : "flexion") + " range.");
    }
  }
  if (setup.standing_like) {
    const std::size_t p = seg(Segment::kPelvis);
    // standing: the pelvis against the thighs (energy.cpp)
    const double pelvis_turn = setup.pose == PoseKind::kStanding
                                   ? -0.5 * (phi[seg(Segment::kFemurLeft)] + phi[seg(Segment::kFemurRight)])
                                   : phi[p];
    const double over = std::max(pelvis_turn - m.range_max[p], m.range_min[p] - pelvis_turn);
    if (over > degToRad(kRangeRamp_deg)) {  // within the stop's ramp it is the stop working
      out.warnings.push_back(std::string("The pelvis is pressed ") + fmt(radToDeg(over)) +
                             " deg beyond its " + (pelvis_turn > 0.0 ? "posterior" : "anterior") +
                             " tilt range.");
    }
  }
  if (setup.pose != PoseKind::kThomas && in.patient.lumbar_lordosis_deg &&
      std::abs(out.trunk_inclination_deg) > 5.0) {
    out.warnings.push_back("With the patient's lumbar lordosis the trunk leans " +
                           fmt(std::abs(out.trunk_inclination_deg)) + " deg " +
                           (out.trunk_inclination_deg > 0.0 ? "forward" : "backward") + " of upright.");
  }
}

}  // namespace sagitta::biomech::detail
