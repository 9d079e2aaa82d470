// Compiles a Skeleton into the posture model's tables: planar segment frames, masses, joint
// centres, muscle fascicles scaled to this body, and the points the measures need.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "anatomy/dimensions.h"
#include "anatomy/thoracic_column.h"
#include "biomech/model_constants.h"
#include "biomech/model_impl.h"
#include "core/units.h"

namespace sagitta::biomech::detail {
namespace {

PointRef ref(const anatomy::Skeleton& sk, const std::string& name) {
  const anatomy::Landmark* l = sk.findLandmark(name);
  if (l == nullptr)
    throw std::invalid_argument("the posture model needs the landmark " + name +
                                ", which the skeleton lacks");
  return {static_cast<std::uint8_t>(l->segment), l->position};
}

std::string sideName(const std::string& base, Side s) {
  return base + std::string(sideSuffix(s));
}

bool isUpperBody(std::size_t s) {
  return s >= seg(Segment::kL5) && s <= seg(Segment::kThorax);  // L5, L4, L3, L2, L1, thorax
}

// A point of the segment `from` expressed in segment `to`'s frame, both at the neutral pose.
glm::dvec3 neutralPointIn(const Impl& m, std::size_t from, const glm::dvec3& p, std::size_t to) {
  std::array<Planar, kSegmentCount> w{};
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    const auto parent = seg(anatomy::parentOf(static_cast<Segment>(i)));
    w[i] = i == 0 ? m.neutral[0] : w[parent] * m.neutral[i];
  }
  return w[to].inverse().apply(w[from].apply(p));
}

void compileFascicles(Impl& m) {
  const anatomy::Skeleton& sk = m.skeleton;
  // the skeleton's scale of Rajagopal coordinates, read from its hip centre: Rajagopal's hip
  // joint is at y = -0.07849 m in the pelvis frame [M] (docs/anatomy.md: OpenSim points scale
  // with stature / 1.665 m)
  const double opensim_scale = ref(sk, "acetabulum_centre_r").local.y / -0.07849;
  // neutral world frames for the neutral lengths
  std::array<Planar, kSegmentCount> w{};
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    const auto parent = seg(anatomy::parentOf(static_cast<Segment>(i)));
    w[i] = i == 0 ? m.neutral[0] : w[parent] * m.neutral[i];
  }
  for (const MuscleDef& def : muscleTable()) {
    for (Side side : kSides) {
      for (std::size_t fi = 0; fi < def.fascicles.size(); ++fi) {
        const FascicleDef& fd = def.fascicles[fi];
        CompiledFascicle f;
        f.muscle = def.id;
        f.side = side;
        f.index = static_cast<std::uint8_t>(fi);
        f.point_count = fd.point_count;
        if (fd.wrap.after_point >= 0) {
          f.wrap_after = fd.wrap.after_point;
          f.wrap_centre = glm::dvec2(fd.wrap.centre_x_m, fd.wrap.centre_y_m) * opensim_scale;
          f.wrap_radius = fd.wrap.radius_m * opensim_scale;
          f.wrap_side = fd.wrap.side;
        }
        for (std::size_t k = 0; k < fd.point_count; ++k) {
          f.points[k] = ref(sk, sideName(std::string(fd.points[k]), side));
          // the multifidus inserts on the spinous process, behind the pars interarticularis
          f.points[k].on_arch = fd.points[k].starts_with("multifidus_insertion");
          f.touches_arch = f.touches_arch || f.points[k].on_arch;
          if (k > 0) {
            const PointRef& a = f.points[k - 1];
            const PointRef& b = f.points[k];
            const std::uint16_t anc_a = m.ancestors[a.segment], anc_b = m.ancestors[b.segment];
            f.joints = static_cast<std::uint16_t>(f.joints | (anc_a ^ anc_b));
            if (isUpperBody(a.segment) != isUpperBody(b.segment)) f.crosses_l5s1 = true;
          }
        }
        const double length = fasciclePolyline(
            f, [&](const PointRef& r, const glm::dvec3& p) { return w[r.segment].apply(p); });
        // OpenSim ScaleTool rule: l_opt and l_ts scale with the musculotendon length, so the
        // fascicle keeps the source's normalised fibre length at the neutral pose
        const double h_src = fd.optimal_fibre_length_m * std::sin(degToRad(fd.pennation_deg));
        const double fibre_src = fd.neutral_fibre_length_norm * fd.optimal_fibre_length_m;
        const double length_src =
            fd.tendon_slack_length_m + std::sqrt(std::max(0.0, fibre_src * fibre_src - h_src * h_src));
        const double k = length / length_src;
        f.max_force_N = fd.max_isometric_force_N;
        f.optimal_fibre_m = k * fd.optimal_fibre_length_m;
        f.tendon_slack_m = k * fd.tendon_slack_length_m;
        f.pennation_height_m = k * h_src;
        f.passive = PassiveCurve::fromStrains(fd.passive_strain_at_zero, fd.passive_strain_at_one);
        f.neutral_length_m = length;
        m.fascicles.push_back(f);
      }
    }
  }
  if (m.fascicles.size() > kMaxFascicles)
    throw std::invalid_argument("too many muscle fascicles for the posture model");
}

void compileRefs(Impl& m) {
  const anatomy::Skeleton& sk = m.skeleton;
  MeasureRefs& r = m.refs;
  for (Side s : kSides) {
    const std::size_t i = sideIndex(s);
    r.hip[i] = ref(sk, sideName("femoral_head_centre", s));
    r.knee[i] = ref(sk, sideName("knee_centre", s));
    r.asis[i] = ref(sk, sideName("asis", s));
    r.psis[i] = ref(sk, sideName("psis", s));
    r.s1_pedicle_superior[i] = ref(sk, sideName("s1_pedicle_superior", s));
    r.s1_superior_articular[i] = ref(sk, sideName("s1_superior_articular", s));
    r.heel[i] = ref(sk, sideName("heel", s));
    r.ischial_tuberosity[i] = ref(sk, sideName("ischial_tuberosity", s));
    r.ankle[i] = ref(sk, sideName("ankle_centre", s));
  }
  const anatomy::ThoracicColumn column = anatomy::thoracicColumn(sk.params());
  // C7 and T1 sit above every bending disc: they move with the column's whole bend; T4 moves by
  // the discs below it (Kinematics::t4_column, read where the measures are filled)
  auto inUpper = [&](const std::string& name) {
    return PointRef{static_cast<std::uint8_t>(kUpperThorax), sk.landmark(name).position, false};
  };
  r.c7_centroid = inUpper("c7_body_centre");
  r.t1_centroid = inUpper("t1_body_centre");
  r.t4_sup_anterior = inUpper("t4_superior_endplate_anterior");
  r.t4_sup_posterior = inUpper("t4_superior_endplate_posterior");
  // the upper column's mass (model_constants.h): the head and neck 12 cm above the C7 body, the
  // arms hanging from the shoulders at the T7 level, the upper thorax in front of T4 [D]
  const double mass = m.skeleton.params().mass_kg;
  const double scale = m.skeleton.params().stature_m / 1.75;
  const glm::dvec3 head = column.c7Centroid() + scale * glm::dvec3(0.01, 0.12, 0.0);
  const glm::dvec3 arms = column.centroid[7] + scale * glm::dvec3(0.02, 0.0, 0.0);
  const glm::dvec3 chest = column.centroid[4] + scale * glm::dvec3(0.06, 0.0, 0.0);
  m.upper_mass_kg = std::min(mass * (kHeadNeckMassShare + kArmsMassShare + kUpperThoraxMassShare),
                             0.8 * m.mass_kg[seg(Segment::kThorax)]);
  const double w_total = kHeadNeckMassShare + kArmsMassShare + kUpperThoraxMassShare;
  m.upper_com = (kHeadNeckMassShare * head + kArmsMassShare * arms + kUpperThoraxMassShare * chest) / w_total;
  m.upper_com.z = 0.0;
  // the bending discs, lowest first, grouped by their share (anatomy::thoracicDiscShares)
  const auto& shares = anatomy::thoracicDiscShares();
  m.thoracic_disc_count = 0;
  std::size_t groups = 0;
  for (int level = anatomy::kThoracicDiscs - 1; level >= 0; --level) {
    const double share = shares[static_cast<std::size_t>(level)];
    if (share == 0.0) continue;
    std::size_t g = 0;
    while (g < groups && m.thoracic_group_share[g] != share) ++g;
    if (g == groups) {
      if (groups == m.thoracic_group_share.size())
        throw std::logic_error("more thoracic disc shares than groups");
      m.thoracic_group_share[groups++] = share;
    }
    const glm::dvec3 c(column.frame[static_cast<std::size_t>(level)][3]);
    m.thoracic_disc_centre[m.thoracic_disc_count] = {c.x, c.y};
    m.thoracic_disc_group[m.thoracic_disc_count] = static_cast<std::uint8_t>(g);
    ++m.thoracic_disc_count;
    if (level >= 4) m.thoracic_discs_below_t4 = m.thoracic_disc_count;
  }
  r.t12_inf_anterior = ref(sk, "t12_inferior_endplate_anterior");
  r.t12_inf_posterior = ref(sk, "t12_inferior_endplate_posterior");
  r.symphysis = ref(sk, "pubic_symphysis");
  r.s1_anterior = ref(sk, "s1_endplate_anterior");
  r.s1_posterior = ref(sk, "s1_endplate_posterior");
  r.sacral_crest = ref(sk, "median_sacral_crest");
  for (std::size_t k = 0; k < 5; ++k) {
    const std::string v = "l" + std::to_string(k + 1);
    r.sup_anterior[k] = ref(sk, v + "_superior_endplate_anterior");
    r.sup_posterior[k] = ref(sk, v + "_superior_endplate_posterior");
    r.inf_anterior[k] = ref(sk, v + "_inferior_endplate_anterior");
    r.inf_posterior[k] = ref(sk, v + "_inferior_endplate_posterior");
    r.canal_anterior[k] = ref(sk, v + "_canal_anterior");
    r.canal_posterior[k] = ref(sk, v + "_canal_posterior");
    for (Side s : kSides) {
      r.pedicle_inferior[k][sideIndex(s)] = ref(sk, sideName(v + "_pedicle_inferior", s));
      r.pedicle_superior[k][sideIndex(s)] = ref(sk, sideName(v + "_pedicle_superior", s));
      r.inferior_articular[k][sideIndex(s)] = ref(sk, sideName(v + "_inferior_articular", s));
      r.superior_articular[k][sideIndex(s)] = ref(sk, sideName(v + "_superior_articular", s));
    }
  }
}

// Rotation centres: the pelvis turns about the hip axis, the sacrum (PI morph) about the
// sacroiliac joints, each vertebra about the middle of the disc below it (mid-point of the two
// endplate centres; a disc-centred joint as in Christophy 2012's IVD joints [M]).
void compileCentres(Impl& m) {
  const anatomy::Skeleton& sk = m.skeleton;
  const glm::dvec3 hip = 0.5 * (ref(sk, "acetabulum_centre_l").local + ref(sk, "acetabulum_centre_r").local);
  m.centre[seg(Segment::kPelvis)] = {hip.x, hip.y};
  const glm::dvec3 si =
      0.5 * (ref(sk, "sacral_auricular_surface_l").local + ref(sk, "sacral_auricular_surface_r").local);
  m.centre[seg(Segment::kSacrum)] = {si.x, si.y};
  // L5: the S1 endplate centre (sacrum origin) seen from L5; Lk: L(k+1)'s superior endplate centre
  const PointRef s1 = ref(sk, "s1_endplate_mid");
  const glm::dvec3 below_l5 = neutralPointIn(m, s1.segment, s1.local, seg(Segment::kL5));
  m.centre[seg(Segment::kL5)] = 0.5 * glm::dvec2(below_l5.x, below_l5.y);
  // Lk's superior endplate centre, seen from the segment above it (L1's from the thorax)
  for (std::size_t k = 1; k <= 5; ++k) {
    const std::size_t upper = seg(Segment::kThorax) - (k - 1);  // thorax, L1, L2, L3, L4
    const PointRef p = ref(sk, "l" + std::to_string(k) + "_superior_endplate_mid");
    const glm::dvec3 b = neutralPointIn(m, p.segment, p.local, upper);
    m.centre[upper] = 0.5 * glm::dvec2(b.x, b.y);
  }
}

}  // namespace

glm::dmat4 Planar::matrix() const {
  glm::dmat4 out(1.0);
  out[0][0] = c;
  out[0][1] = s;
  out[1][0] = -s;
  out[1][1] = c;
  out[3][0] = x;
  out[3][1] = y;
  out[3][2] = z;
  return out;
}

Planar Planar::fromMatrix(const glm::dmat4& mt, const std::string& what) {
  constexpr double kTol = 1e-9;
  const bool planar = std::abs(mt[0][2]) < kTol && std::abs(mt[1][2]) < kTol && std::abs(mt[2][0]) < kTol &&
                      std::abs(mt[2][1]) < kTol && std::abs(mt[2][2] - 1.0) < kTol &&
                      std::abs(mt[0][0] - mt[1][1]) < kTol && std::abs(mt[0][1] + mt[1][0]) < kTol;
  if (!planar)
    throw std::invalid_argument(what + " is not a rotation about Z: the posture model is sagittal");
  return {mt[0][0], mt[0][1], mt[3][0], mt[3][1], mt[3][2]};
}

void buildTables(Impl& m) {
  const anatomy::Skeleton& sk = m.skeleton;
  const anatomy::BodyDimensions dims = anatomy::computeDimensions(sk.params());
  for (std::size_t i = 0; i < m.lumbar_pedicle_width_m.size(); ++i) {
    m.lumbar_pedicle_width_m[i] = dims.lumbar[i].pedicle_width;
  }
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    const auto s = static_cast<Segment>(i);
    const anatomy::SegmentDef& d = sk.segment(s);
    m.neutral[i] = Planar::fromMatrix(d.neutral_in_parent,
                                      "the neutral frame of " + std::string(anatomy::segmentName(s)));
    m.mass_kg[i] = d.mass_kg;
    m.com[i] = d.centre_of_mass;
    m.parent[i] = static_cast<std::uint8_t>(anatomy::parentOf(s));
    std::uint16_t mask = 0;
    for (Segment a = s;; a = anatomy::parentOf(a)) {
      mask = static_cast<std::uint16_t>(mask | (1u << static_cast<unsigned>(a)));
      if (a == Segment::kPelvis) break;
    }
    m.ancestors[i] = mask;
  }
  compileCentres(m);
  compileFascicles(m);
  compileRefs(m);

  // lumbar bending stiffness and ranges, by joint (L5 joint = L5-S1 .. L1 joint = L1-L2)
  for (std::size_t k = 0; k < 5; ++k) {  // k = 0: L1-L2 .. 4: L5-S1
    const std::size_t joint = seg(Segment::kL1) - k;
    const double per_deg =
        kL5S1BendingStiffness_Nm_per_deg * kStandingLordosisShare[4] / kStandingLordosisShare[k];
    m.lumbar_stiffness[joint] = per_deg * 180.0 / kPi;
    m.range_min[joint] = degToRad(kLumbarFlexionRange_deg * kLumbarMotionShare[k]);
    m.range_max[joint] = degToRad(kLumbarExtensionRange_deg * kLumbarMotionShare[k]);
  }
  m.range_min[seg(Segment::kPelvis)] = degToRad(-kPelvisAnteriorLimit_deg);
  m.range_max[seg(Segment::kPelvis)] = degToRad(kPelvisPosteriorLimit_deg);

  double total_mass = 0.0;
  for (double mk : m.mass_kg) total_mass += mk;
  m.body_weight_N = total_mass * kGravity_m_s2;
  m.balance_stiffness_N_per_m = kBalanceGain * m.body_weight_N / sk.params().stature_m;
  m.head_stiffness_N_per_m = kHeadGain * m.body_weight_N / sk.params().stature_m;
  m.thoracic_stiffness_Nm_per_rad = 180.0 / kPi * anatomy::thoracicColumnStiffnessNmPerDeg();
  m.thoracic_range_rad = degToRad(kThoracicRange_deg) / anatomy::thoracicKyphosisShare();
  const double leg_length = -m.neutral[seg(Segment::kShankRight)].y - m.refs.ankle[1].local.y;
  m.knee_effort_Nm_per_rad = kKneeEffortGain * m.body_weight_N * leg_length;
  m.pelvis_effort_Nm_per_rad = kPelvisEffortGain * m.body_weight_N * leg_length;

  m.neutral_measures = measure(measureLandmarks(sk, anatomy::Pose{}, SlipLevel::kL5S1));
  m.neutral_ll_rad = degToRad(m.neutral_measures.lumbar_lordosis_deg);
  for (std::size_t k = 0; k < 5; ++k) {  // k = 0: L1-L2 .. 4: L5-S1; flexion is negative
    m.sitting_rest[seg(Segment::kL1) - k] =
        -kLumbarRestLordosisLoss * degToRad(m.neutral_measures.segmental_lordosis_deg[k]);
  }
}

}  // namespace sagitta::biomech::detail
