// Sets a solve up: muscle settings, the spondylolisthesis, patient measurements, and the pose's
// parametrisation phi = A q + b with its fixed transforms.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "biomech/global_balance.h"
#include "biomech/model_constants.h"
#include "biomech/model_impl.h"
#include "core/units.h"

namespace sagitta::biomech::detail {
namespace {

constexpr std::size_t kPelvis = seg(Segment::kPelvis);
constexpr std::size_t kSacrum = seg(Segment::kSacrum);

std::size_t femur(Side s) {
  return s == Side::kLeft ? seg(Segment::kFemurLeft) : seg(Segment::kFemurRight);
}
std::size_t shank(Side s) {
  return s == Side::kLeft ? seg(Segment::kShankLeft) : seg(Segment::kShankRight);
}
Side other(Side s) {
  return s == Side::kLeft ? Side::kRight : Side::kLeft;
}

std::string fmt(double v) {
  std::ostringstream o;
  o.precision(3);
  o << v;
  return o.str();
}

glm::dvec2 xy(const glm::dvec3& p) {
  return {p.x, p.y};
}

struct Spinopelvic {
  double pi, pt, ss;  // radians
};

// PI, PT and SS of the pelvis (at its neutral orientation) with the sacrum turned by psi about
// the sacroiliac joints: the same definitions as measure() (measures.h).
Spinopelvic spinopelvicAt(const Impl& m, double psi) {
  const Planar sacrum = m.neutral[kSacrum] * Planar::rotationAbout(psi, m.centre[kSacrum]);
  const glm::dvec2 ant = sacrum.apply2(xy(m.refs.s1_anterior.local));
  const glm::dvec2 post = sacrum.apply2(xy(m.refs.s1_posterior.local));
  const glm::dvec2 mid = 0.5 * (ant + post);
  const glm::dvec2 ha = m.centre[kPelvis];
  const glm::dvec2 e = glm::normalize(ant - post);
  const glm::dvec2 into(e.y, -e.x);
  const glm::dvec2 to_hip = glm::normalize(ha - mid);
  return {std::acos(std::clamp(glm::dot(into, to_hip), -1.0, 1.0)), std::atan2(ha.x - mid.x, mid.y - ha.y),
          -std::atan2(e.y, e.x)};
}

// The sacrum rotation that gives the pelvic incidence `pi` (Newton on the geometry).
double morphForIncidence(const Impl& m, double pi, bool& clamped) {
  const double limit = degToRad(kMaxSacrumMorph_deg);
  double psi = 0.0;
  for (int it = 0; it < 20; ++it) {
    const double f = spinopelvicAt(m, psi).pi - pi;
    if (std::abs(f) < 1e-12) break;
    const double h = 1e-6;
    const double df = (spinopelvicAt(m, psi + h).pi - spinopelvicAt(m, psi).pi) / h;
    if (std::abs(df) < 1e-9) break;
    psi = std::clamp(psi - f / df, -limit, limit);
  }
  clamped = std::abs(spinopelvicAt(m, psi).pi - pi) > degToRad(0.01);
  return psi;
}

struct SlipFrame {
  std::size_t upper = 0, upper_k = 0;  // the slipping vertebra; its index into the L1..L5 refs
  const PointRef* lower_ant = nullptr;
  const PointRef* lower_post = nullptr;
  glm::dvec2 ant{0.0}, post{0.0}, e{0.0}, up{0.0};  // lower endplate in the lower vertebra's frame
  double depth = 0.0;
};

SlipFrame slipFrame(const Impl& m, SlipLevel level) {
  SlipFrame f;
  const bool l5s1 = level == SlipLevel::kL5S1;
  f.upper = l5s1 ? seg(Segment::kL5) : seg(Segment::kL4);
  f.upper_k = l5s1 ? 4 : 3;
  f.lower_ant = l5s1 ? &m.refs.s1_anterior : &m.refs.sup_anterior[4];
  f.lower_post = l5s1 ? &m.refs.s1_posterior : &m.refs.sup_posterior[4];
  f.ant = xy(f.lower_ant->local);
  f.post = xy(f.lower_post->local);
  f.depth = glm::length(f.ant - f.post);
  f.e = (f.ant - f.post) / f.depth;
  f.up = {-f.e.y, f.e.x};
  return f;
}

void applySlipTranslation(const Impl& m, const SlipFrame& f, Setup& s) {
  // into the slipping vertebra's neutral frame (the pre-transform acts after its neutral placement)
  const glm::dvec3 d = m.neutral[f.upper].inverse().rotate(glm::dvec3(s.slip_translation, 0.0));
  s.pre[f.upper] = Planar::translation({d.x, d.y, 0.0});
}

// Slip of the upper vertebra over the lower one (model_constants.h): translation forward along
// the lower endplate (lining the posterior corners up at 0 %), descent as the disc collapses and
// the vertebra rides over the sacral dome, and a roll into kyphosis about its posterior-inferior
// corner.
void setUpSlip(const Impl& m, const SlipInput& slip, double percent, Setup& s) {
  const double p = std::max(percent, 0.0) / 100.0;
  const SlipFrame f = slipFrame(m, slip.level);
  s.slip_level = slip.level;
  const Planar& n = m.neutral[f.upper];
  const glm::dvec3 inf_ant = m.refs.inf_anterior[f.upper_k].local;
  const glm::dvec3 inf_post = m.refs.inf_posterior[f.upper_k].local;
  // neutral disc height: the upper endplate's mid-point above the lower endplate
  const double h0 = glm::dot(xy(n.apply(0.5 * (inf_ant + inf_post))) - f.post, f.up);
  const double dome = p > kDomeStart ? kDomeDropGain * f.depth * (p - kDomeStart) * (p - kDomeStart) : 0.0;
  const double beyond = p > 1.0 ? kSlipDropGain * f.depth * (p - 1.0) * (p - 1.0) : 0.0;
  // the collapse (model_constants.h): fast up to grade III, slower after
  const double pc = std::min(p, 1.0);
  const double lost = kDiscHeightLossRate * std::min(pc, kDiscHeightLossKnee) +
                      kDiscHeightLossLateRate * std::max(0.0, pc - kDiscHeightLossKnee);
  const double collapse = lost * std::max(h0, 0.0);
  s.disc_drop_m = collapse + dome + beyond;
  // the neutral skeleton's posterior corners need not line up (a wedge-shaped disc): start from
  // lined-up corners; the solve corrects the rest (minimiseWithSlip)
  const double offset = glm::dot(xy(n.apply(inf_post)) - f.post, f.e);
  s.slip_translation = (p * f.depth - offset) * f.e - s.disc_drop_m * f.up;
  applySlipTranslation(m, f, s);
  if (p <= 0.0) return;

  // the roll tips the front down over the lower endplate's (rounding) anterior edge: about the
  // posterior corner, which stays on the lower endplate up to 100 %, so the back of the vertebra
  // (its pedicles) does not rise as it rolls
  const double q = p <= 1.0 ? p : 1.0 + kSlipRollBeyondFullSlip * (p - 1.0);
  s.slip_roll = degToRad(kSlipRollMax_deg) * q * q / (q * q + kSlipRollHalf * kSlipRollHalf);
  s.post[f.upper] = Planar::rotationAbout(-s.slip_roll, xy(inf_post));
  // restabilisation (model_constants.h): past grade II the collapsed level stops ever harder at
  // the end of its extension range, so the levels above take up the balance (smoothstep in p)
  const double t = std::clamp((p - kSlipStopStart) / (1.0 - kSlipStopStart), 0.0, 1.0);
  s.slip_joint = f.upper;
  s.slip_stop_factor = 1.0 + (kSlipStopFactorMax - 1.0) * t * t * (3.0 - 2.0 * t);
  // adaptation above a high-grade slip (model_constants.h): the levels above rest in extension,
  // sharing kSlipAdaptedRestShare of the roll like the standing lordosis (smoothstep in p)
  const double r =
      std::clamp((p - kSlipAdaptedRestStart) / (kSlipAdaptedRestFull - kSlipAdaptedRestStart), 0.0, 1.0);
  s.adapted_rest_total = kSlipAdaptedRestShare * s.slip_roll * r * r * (3.0 - 2.0 * r);
  s.adapted_rest = {};
  if (s.adapted_rest_total == 0.0) return;
  // L5..L1 joints: index k = 0 is L5-S1 .. 4 is L1-L2 (kStandingLordosisShare runs L1-L2 .. L5-S1)
  double share_above = 0.0;
  for (std::size_t j = f.upper + 1; j <= seg(Segment::kL1); ++j)
    share_above += kStandingLordosisShare[seg(Segment::kL1) - j];
  for (std::size_t j = f.upper + 1; j <= seg(Segment::kL1); ++j)
    s.adapted_rest[j] = s.adapted_rest_total * kStandingLordosisShare[seg(Segment::kL1) - j] / share_above;
}

// A total lumbar turn shared over L5-S1 .. L1-L2 the way the discs take it: by the standing
// shares (their compliances), a level at the end of its range held there and the rest shared
// again (the minimum of the disc energy under the sum). index 0 = L5 joint .. 4 = L1 joint.
std::array<double, 5> shareLumbarTurn(const Impl& m, double total) {
  std::array<double, 5> out{};
  std::array<bool, 5> held{};
  for (int pass = 0; pass < 5; ++pass) {
    double rest = total, share_sum = 0.0;
    for (std::size_t k = 0; k < 5; ++k) {
      if (held[k]) {
        rest -= out[k];
      } else {
        share_sum += kStandingLordosisShare[4 - k];
      }
    }
    if (share_sum <= 0.0) break;
    bool clamped = false;
    for (std::size_t k = 0; k < 5; ++k) {
      if (!held[k]) out[k] = rest * kStandingLordosisShare[4 - k] / share_sum;
    }
    for (std::size_t k = 0; k < 5; ++k) {
      const std::size_t j = seg(Segment::kL5) + k;
      if (held[k]) continue;
      const double v = std::clamp(out[k], m.range_min[j], m.range_max[j]);
      if (v != out[k]) {
        out[k] = v;
        held[k] = true;
        clamped = true;
      }
    }
    if (!clamped) break;
  }
  return out;
}

// Muscles adapt their resting length to the skeleton's shape: a slip develops over years and the
// pelvic incidence is a person's build, so each fascicle's tendon slack length moves by the
// change in its length between the neutral skeleton and the reshaped one with every joint at
// zero (muscles add or lose sarcomeres to suit a chronic length [U: general physiology]) [D].
void adaptRestingLengths(const Impl& m, Setup& s) {
  if (s.slip_percent <= 0.0 && s.sacrum_morph == 0.0) return;
  Kinematics k;
  forwardKinematics(m, s, s.b, k);  // only the sacrum morph is set in b yet
  for (std::size_t i = 0; i < m.fascicles.size(); ++i) {
    const CompiledFascicle& f = m.fascicles[i];
    const double length = fasciclePolyline(
        f, [&](const PointRef& p, const glm::dvec3& q) { return k.world[k.frameOf(p)].apply(q); });
    s.tendon_slack_m[i] += length - f.neutral_length_m;
  }
}

// Where the body rests: the root translation (the legs and, in the Thomas test, the pelvis do
// not move during a solve, so placing them at the starting point places them for good).
void placeBody(const Impl& m, Setup& s) {
  Kinematics k;
  forwardKinematics(m, s, jointAngles(s, s.q0.data()), k);
  auto at = [&](const PointRef& p) { return worldPoint(k, p); };
  const glm::dvec3 hip = 0.5 * (at(m.refs.hip[0]) + at(m.refs.hip[1]));
  switch (s.pose) {
    case PoseKind::kStanding:
      s.support = {};
      break;
    case PoseKind::kSitting: {
      // feet flat on the floor; the seat under the ischial tuberosities
      const double heel = std::min(at(m.refs.heel[0]).y, at(m.refs.heel[1]).y);
      s.root = Planar::translation({0.0, -heel, 0.0}) * s.root;
      const double seat =
          std::min(at(m.refs.ischial_tuberosity[0]).y, at(m.refs.ischial_tuberosity[1]).y) - heel;
      const double knee_x = at(m.refs.knee[0]).x;
      s.support = {Support::Kind::kChair, seat, hip.x + 0.55 * (knee_x - hip.x)};
      break;
    }
    case PoseKind::kLunge: {
      const double knee = at(m.refs.knee[sideIndex(s.side)]).y;
      s.root = Planar::translation({0.0, kKneeCentreAboveFloorKneeling_m - knee, 0.0}) * s.root;
      s.support = {};
      break;
    }
    case PoseKind::kThomas: {
      // the sacrum on the couch (15 mm of soft tissue [D]), the hip axis at x = 0, the couch
      // ending 5 cm beyond it so the tested thigh hangs free [D]
      const double crest = at(m.refs.sacral_crest).y;
      s.root = Planar::translation({-hip.x, kCouchHeight_m + 0.015 - crest, 0.0}) * s.root;
      s.support = {Support::Kind::kCouch, kCouchHeight_m, 0.05};
      break;
    }
  }
}

}  // namespace

Setup makeSetup(const Impl& m, const ModelInputs& in, bool predict_from_pi) {
  Setup s;
  s.pose = in.pose;
  s.side = in.pose_side;

  // muscles: tightness shortens the tendon slack length, tone sets a low resting activation
  for (std::size_t i = 0; i < m.fascicles.size(); ++i) {
    const CompiledFascicle& f = m.fascicles[i];
    const MuscleSetting& ms = in.muscle(f.muscle, f.side);
    s.tendon_slack_m[i] = f.tendon_slack_m - ms.tightness * kMaxTightnessFibreStrain * f.optimal_fibre_m;
    s.activation[i] = kMaxToneActivation * ms.tone;
  }

  // patient measurements (docs/biomechanics.md "Patient-specific posture")
  const PatientMeasures& pm = in.patient;
  std::optional<double> pi_target = pm.pelvic_incidence_deg;
  if (!pi_target && pm.pelvic_tilt_deg && pm.sacral_slope_deg)
    pi_target = *pm.pelvic_tilt_deg + *pm.sacral_slope_deg;
  // a developmental slip comes with a high PI (model_constants.h) unless the patient's is given
  if (!pi_target && in.slip.type == SlipType::kDysplastic) pi_target = kDysplasticPelvicIncidence_deg;
  if (pm.pelvic_incidence_deg && pm.pelvic_tilt_deg && pm.sacral_slope_deg) {
    const double sum = *pm.pelvic_tilt_deg + *pm.sacral_slope_deg;
    if (std::abs(sum - *pm.pelvic_incidence_deg) > kPatientAngleTolerance_deg) {
      s.warnings.push_back("Inconsistent patient angles: PT + SS = " + fmt(sum) + " deg but PI = " +
                           fmt(*pm.pelvic_incidence_deg) + " deg (they must agree within " +
                           fmt(kPatientAngleTolerance_deg) + " deg); the model uses PI and PT, so SS = " +
                           fmt(*pm.pelvic_incidence_deg - *pm.pelvic_tilt_deg) + " deg.");
    }
  }
  if (pi_target) {
    bool clamped = false;
    s.sacrum_morph = morphForIncidence(m, degToRad(*pi_target), clamped);
    if (clamped) {
      s.warnings.push_back("A pelvic incidence of " + fmt(*pi_target) +
                           " deg is beyond what the model's sacrum morph reaches; it shows " +
                           fmt(radToDeg(spinopelvicAt(m, s.sacrum_morph).pi)) + " deg.");
    }
  }
  const Spinopelvic sp = spinopelvicAt(m, s.sacrum_morph);
  // PI alone: PT and LL from the Le Huec PI-class table (PMC4303780 Table 3 [V];
  // global_balance.h), a prediction the report names as such
  std::optional<double> tilt = pm.pelvic_tilt_deg, lordosis = pm.lumbar_lordosis_deg;
  if (predict_from_pi && pm.pelvic_incidence_deg && !pm.pelvic_tilt_deg && !pm.sacral_slope_deg &&
      !pm.lumbar_lordosis_deg) {
    const LeHuecTheoretical t = leHuecTheoretical(radToDeg(sp.pi));
    tilt = t.pelvic_tilt_deg;
    lordosis = t.lumbar_lordosis_deg;
    s.predicted_from_pi = true;
  }
  std::optional<double> alpha_fixed;  // pelvis rotation, positive = posterior
  if (tilt) {
    alpha_fixed = degToRad(*tilt) - sp.pt;  // PT rises one for one with posterior rotation
  } else if (pm.sacral_slope_deg) {
    alpha_fixed = sp.ss - degToRad(*pm.sacral_slope_deg);
  }
  if (alpha_fixed) {
    const double lo = m.range_min[kPelvis], hi = m.range_max[kPelvis];
    if (*alpha_fixed < lo || *alpha_fixed > hi) {
      const double clamped = std::clamp(*alpha_fixed, lo, hi);
      s.warnings.push_back(
          "The patient's pelvic tilt needs the pelvis turned " + fmt(radToDeg(*alpha_fixed)) +
          " deg from neutral, beyond the model's range; it is turned " + fmt(radToDeg(clamped)) + " deg.");
      alpha_fixed = clamped;
    }
  }
  const bool lordosis_given = lordosis.has_value();

  // spondylolisthesis
  double slip_percent = in.slip.percent;
  if (pm.slip_percent) {
    if (in.slip.percent > 0.0 && std::abs(in.slip.percent - *pm.slip_percent) > 1e-9) {
      s.warnings.push_back("patient.slip_percent (" + fmt(*pm.slip_percent) + " %) replaces slip.percent (" +
                           fmt(in.slip.percent) + " %).");
    }
    slip_percent = *pm.slip_percent;
  }
  if (in.slip.type == SlipType::kSpondylolysis && slip_percent > 0.0) {
    s.warnings.push_back("Spondylolysis is a pars defect without a slip; the " + fmt(slip_percent) +
                         " % slip is not shown (choose isthmic for a slip).");
    slip_percent = 0.0;
  }
  if (in.slip.type == SlipType::kDegenerative && slip_percent > kDegenerativeMaxSlipPercent) {
    s.warnings.push_back(
        "A degenerative slip rarely passes Meyerding grade II because the pars and facet joints "
        "are intact; " +
        fmt(slip_percent) + " % is shown as " + fmt(kDegenerativeMaxSlipPercent) +
        " % (choose isthmic or dysplastic for a larger slip).");
    slip_percent = kDegenerativeMaxSlipPercent;
  }
  setUpSlip(m, in.slip, slip_percent, s);
  s.slip_percent = slip_percent;
  for (std::size_t j = 0; j < kSegmentCount; ++j) s.ancestors[j] = m.ancestors[j];
  s.ancestors[kUpperThorax] =
      static_cast<std::uint16_t>(m.ancestors[seg(Segment::kThorax)] | (1u << kUpperThorax));
  if ((slip_percent > 0.0 && hasParsDefect(in.slip.type)) || in.slip.type == SlipType::kSpondylolysis) {
    // pars defect: the posterior arch stays with the vertebra below
    s.arch_vertebra = in.slip.level == SlipLevel::kL5S1 ? seg(Segment::kL5) : seg(Segment::kL4);
    s.ancestors[kArch] = static_cast<std::uint16_t>(m.ancestors[m.parent[s.arch_vertebra]] | (1u << kArch));
  }
  s.b[kSacrum] = s.sacrum_morph;
  s.reshaped = slip_percent > 0.0 || s.sacrum_morph != 0.0;
  adaptRestingLengths(m, s);

  // the pose's parametrisation
  const double psi = s.sacrum_morph;
  auto lumbar = [](int k) { return seg(Segment::kL5) + static_cast<std::size_t>(k); };  // k = 0: L5 .. 4: L1
  if (in.pose == PoseKind::kThomas) {
    if (alpha_fixed || lordosis_given) {
      s.warnings.push_back(
          "The patient's PT, SS and LL describe standing; the Thomas test holds the pelvis in its own test "
          "position.");
    }
    s.standing_like = false;
    // the lumbar spine is laid flat on the couch (prescribed, not solved): no adapted rest above
    // a high-grade slip, whose ranges would otherwise move away from the prescribed shape
    s.adapted_rest = {};
    s.adapted_rest_total = 0.0;
    const double beta = kThomasRetroversionShareOfLordosis * m.neutral_ll_rad;
    s.b[kPelvis] = beta;
    // the lumbar spine flattens onto the couch: the thorax lies as it stands, the turn shared
    // like standing lordosis within the levels' ranges
    const std::array<double, 5> turn = shareLumbarTurn(m, s.slip_roll - beta - psi);
    for (int k = 0; k < 5; ++k) s.b[lumbar(k)] = turn[static_cast<std::size_t>(k)];
    const Side test = in.pose_side, held = other(in.pose_side);
    s.b[femur(held)] = degToRad(kThomasHeldHipFlexion_deg);
    s.b[shank(held)] = -degToRad(kThomasHeldKneeFlexion_deg);
    s.dofs = 2;
    s.a[femur(test)][0] = 1.0;
    s.a[shank(test)][1] = 1.0;
    s.q0 = {-beta, degToRad(-80.0)};  // thigh level with the couch, knee bent
    if (m.pose_start_ready) s.q0 = m.pose_start[hessianSlot(in.pose, in.pose_side)];
    s.root = Planar::rotation(kPi / 2.0);  // supine: anterior up, head toward -X
  } else {
    int col = 0;
    const int alpha_col = alpha_fixed ? -1 : col++;
    auto alpha = [&](std::size_t j, double coeff) {
      if (alpha_col >= 0) {
        s.a[j][static_cast<std::size_t>(alpha_col)] += coeff;
      } else {
        s.b[j] += coeff * *alpha_fixed;
      }
    };
    alpha(kPelvis, 1.0);
    // the lumbar levels are free: nothing holds the trunk upright at L1 any more (issue 12);
    // gravity, the muscles, the discs and the balance of the whole body set the lumbar shape
    const std::size_t l1 = lumbar(4);
    const int free_levels = lordosis_given ? 4 : 5;
    std::array<int, 5> cols{};
    for (int k = 0; k < free_levels; ++k) {
      cols[static_cast<std::size_t>(k)] = col++;
      s.a[lumbar(k)][static_cast<std::size_t>(cols[static_cast<std::size_t>(k)])] = 1.0;
    }
    double start_turn = s.slip_roll - psi;  // the lumbar turn that starts the trunk upright
    if (lordosis_given) {
      // LL = LL0 + sum(phi) - roll: the patient's lordosis fixes the sum (L1 closes it); the
      // pelvis, the thoracic spine and the knees balance what the lordosis leaves
      for (int k = 0; k < 4; ++k) s.a[l1][static_cast<std::size_t>(cols[static_cast<std::size_t>(k)])] = -1.0;
      s.b[l1] += degToRad(*lordosis) - m.neutral_ll_rad + s.slip_roll;
      start_turn = s.b[l1];
    }
    // the upper thoracic column flattens (extends) or rounds about the kyphosis apex
    const int thoracic_col = col++;
    s.a[kUpperThorax][static_cast<std::size_t>(thoracic_col)] = 1.0;
    // standing: both knees flex, the thighs tilting forward and the shanks back by half each
    const int knee_col = in.pose == PoseKind::kStanding ? col++ : -1;
    s.dofs = col;
    // start with the fixed part of the lumbar turn (slip roll, PI morph, a patient's PT or LL)
    // shared like the standing lordosis
    const std::array<double, 5> start = shareLumbarTurn(m, start_turn);
    for (int k = 0; k < free_levels; ++k) {
      s.q0[static_cast<std::size_t>(cols[static_cast<std::size_t>(k)])] = start[static_cast<std::size_t>(k)];
    }
    // the pose's default-input solution is the start (the standing one is neutral, q = 0)
    if (m.pose_start_ready && in.pose != PoseKind::kStanding && !alpha_fixed && !lordosis_given &&
        start_turn == 0.0) {
      s.q0 = m.pose_start[hessianSlot(in.pose, in.pose_side)];
    }
    // a start from a table of default-input solutions, its entry at x (q and the q-space Hessian)
    auto interpolate = [&](const auto& table, double x, bool cubic) {
      const int n = static_cast<int>(table.size());
      const double at = std::clamp(x, 0.0, static_cast<double>(n - 1));
      const int i = std::min(static_cast<int>(at), n - 2);
      const double t = at - i;
      const Impl::Start& lo = table[static_cast<std::size_t>(i)];
      const Impl::Start& hi = table[static_cast<std::size_t>(i) + 1];
      // q: Catmull-Rom through the neighbouring entries (the posture bends with the slip, most
      // where the levels above a high-grade slip adapt); the Hessian: linear (stays positive)
      const Impl::Start& before = table[static_cast<std::size_t>(std::max(i - 1, 0))];
      const Impl::Start& after = table[static_cast<std::size_t>(std::min(i + 2, n - 1))];
      const bool curve = cubic && i > 0 && i + 2 < n;
      for (std::size_t d = 0; d < kMaxDofs; ++d) {
        const double p0 = before.q[d], p1 = lo.q[d], p2 = hi.q[d], p3 = after.q[d];
        s.q0[d] = curve ? 0.5 * ((2.0 * p1) + (-p0 + p2) * t + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * t * t +
                                 (-p0 + 3.0 * p1 - 3.0 * p2 + p3) * t * t * t)
                        : (1.0 - t) * p1 + t * p2;
        for (std::size_t e = 0; e < kMaxDofs; ++e)
          s.seed[d][e] = (1.0 - t) * lo.hessian[d][e] + t * hi.hessian[d][e];
      }
      s.seed_given = true;
    };
    // the morph table's entry for this body's PI (entries 10 deg apart from 25 deg)
    const auto morph_at = [&] { return (radToDeg(spinopelvicAt(m, psi).pi) - 25.0) / 10.0; };
    // standing with a slip or a morphed PI: start from the nearby default-input solutions
    if (m.starts_ready && in.pose == PoseKind::kStanding && !alpha_fixed && !lordosis_given) {
      if (slip_percent > 0.0 && psi == 0.0) {
        interpolate(m.slip_start[static_cast<std::size_t>(in.slip.level)][startSlot(in.slip.type)],
                    slip_percent / Impl::kSlipStartStep_pct, true);
      } else if (psi != 0.0 && slip_percent == 0.0) {
        interpolate(m.morph_start, morph_at(), false);
      }
    }
    // standing with a patient's PI and PT (or SS): the pelvis is held, so the morph table's
    // posture for that PI, whose first coordinate is the pelvis, starts the other coordinates,
    // moved by the Newton step for the pelvis held elsewhere (H_rr dq = -H_r0 (alpha - alpha_0)),
    // and the table's Hessian without the pelvis's row and column (that of the held problem) is
    // the seed. From the flat start this solve took 4-8 quasi-Newton iterations (issue 12, the
    // patient bench case).
    if (m.starts_ready && in.pose == PoseKind::kStanding && alpha_fixed && !lordosis_given && psi != 0.0 &&
        slip_percent == 0.0) {
      interpolate(m.morph_start, morph_at(), false);  // the table's layout: the pelvis first
      const std::array<double, kMaxDofs> q = s.q0;
      const DofMatrix h = s.seed;
      const double shift = *alpha_fixed - q[0];
      DofMatrix held{};
      std::array<double, kMaxDofs> rhs{}, step{};
      for (std::size_t d = 0; d + 1 < kMaxDofs; ++d) {
        for (std::size_t e = 0; e + 1 < kMaxDofs; ++e) held[d][e] = h[d + 1][e + 1];
        rhs[d] = -h[d + 1][0] * shift;
      }
      // the table's Hessian is positive definite; where not, no step
      if (!choleskySolve(s.dofs, held, 0.0, rhs, step)) step = {};
      for (std::size_t d = 0; d < kMaxDofs; ++d) s.q0[d] = d + 1 < kMaxDofs ? q[d + 1] + step[d] : 0.0;
      s.seed = held;
    }

    // the legs hold their world orientation: thigh angle w_f, shank angle w_s (positive = forward)
    auto leg = [&](Side side, double w_f, double w_s) {
      alpha(femur(side), -1.0);
      s.b[femur(side)] += w_f;
      s.b[shank(side)] += w_s - w_f;
    };
    if (in.pose == PoseKind::kStanding) {
      leg(Side::kLeft, 0.0, 0.0);
      leg(Side::kRight, 0.0, 0.0);
      for (Side side : kSides) {
        s.a[femur(side)][static_cast<std::size_t>(knee_col)] += 0.5;
        s.a[shank(side)][static_cast<std::size_t>(knee_col)] -= 1.0;
      }
    } else if (in.pose == PoseKind::kSitting) {
      leg(Side::kLeft, kPi / 2.0, 0.0);
      leg(Side::kRight, kPi / 2.0, 0.0);
    } else {  // lunge: pose_side kneels behind
      leg(in.pose_side, -degToRad(kLungeBackThighExtension_deg), -kPi / 2.0);
      leg(other(in.pose_side), m.lunge_front_thigh, 0.0);
    }
  }
  if (s.arch_vertebra != kNoArch) {  // the arch turns with its vertebra
    s.a[kArch] = s.a[s.arch_vertebra];
    s.b[kArch] = s.b[s.arch_vertebra];
  }
  for (std::size_t j = 0; j < kJointCount; ++j) {
    for (int i = 0; i < s.dofs; ++i) {
      if (s.a[j][static_cast<std::size_t>(i)] != 0.0)
        s.free_joints = static_cast<std::uint16_t>(s.free_joints | (1u << j));
    }
  }
  for (std::size_t j = 0; j < kSegmentCount; ++j) {
    s.fixed_joint[j] = Planar::rotationAbout(s.b[j], m.centre[j]) * s.post[j];
  }
  s.fixed_ready = true;
  placeBody(m, s);
  // the bones should measure the slip set up at the start already (the solve finishes the job)
  shiftSlip(m, s, s.slip_percent - measuredSlipPercent(m, s, s.q0.data()));
  return s;
}

double measuredSlipPercent(const Impl& m, const Setup& setup, const double* q) {
  const SlipFrame f = slipFrame(m, setup.slip_level);
  Kinematics k;
  forwardKinematics(m, setup, jointAngles(setup, q), k);
  const glm::dvec2 post = xy(worldPoint(k, *f.lower_post));
  const glm::dvec2 along = xy(worldPoint(k, *f.lower_ant)) - post;
  const double length = glm::length(along);
  const glm::dvec2 corner = xy(worldPoint(k, m.refs.inf_posterior[f.upper_k]));
  return 100.0 * glm::dot(corner - post, along / length) / length;
}

void shiftSlip(const Impl& m, Setup& setup, double percent) {
  const SlipFrame f = slipFrame(m, setup.slip_level);
  setup.slip_translation += 0.01 * percent * f.depth * f.e;
  applySlipTranslation(m, f, setup);
}

double slipTolerancePercent(double requested_percent) {
  for (double boundary : {kNoSlipBelowPercent, 25.0, 50.0, 75.0, 100.0}) {
    if (std::abs(requested_percent - boundary) < kSlipGradeMarginPercent) return kSlipToleranceAtGradePercent;
  }
  return kSlipTolerancePercent;
}

MinimiseResult minimiseWithSlip(const Impl& m, Setup& setup) {
  MinimiseResult r = minimise(m, setup);
  const double tolerance = slipTolerancePercent(setup.slip_percent);
  for (int it = 0; it < 4; ++it) {
    const double error = setup.slip_percent - measuredSlipPercent(m, setup, r.q.data());
    if (std::abs(error) < tolerance) break;
    shiftSlip(m, setup, error);
    setup.q0 = r.q;
    r = minimise(m, setup);
  }
  return r;
}

}  // namespace sagitta::biomech::detail
