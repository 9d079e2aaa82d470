// Muscle path segments, straight or wrapped round a circle in the sagittal plane.
//
// Wrapping: when the straight line a-b does not pass the circle on the given side (or, with no
// side given, cuts it), the path goes round: tangent from a, arc, tangent to b. The length is
// continuous (and smooth) where the line just touches the circle, and its derivative with
// respect to b is the unit direction of the last straight piece, as for a straight segment.
#include <algorithm>
#include <cmath>

#include "biomech/model_impl.h"
#include "core/units.h"

namespace sagitta::biomech::detail {

SegmentPath segmentPath(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec2* centre, double radius,
                        int side) {
  SegmentPath out;
  const glm::dvec3 d = b - a;
  const double straight = glm::length(d);
  out.length = straight;
  out.end_direction = straight > 0.0 ? d / straight : glm::dvec3(0.0);
  if (centre == nullptr || radius <= 0.0) return out;

  const glm::dvec2 a2(a.x, a.y), b2(b.x, b.y), c = *centre;
  const glm::dvec2 ab = b2 - a2;
  const double ab_length = glm::length(ab);
  const double da = glm::length(a2 - c), db = glm::length(b2 - c);
  if (ab_length <= 0.0 || da <= radius || db <= radius) return out;
  // signed distance of the centre from the line, positive on its left, and where along a-b
  // the centre lies
  const double left = (ab.x * (c.y - a2.y) - ab.y * (c.x - a2.x)) / ab_length;
  const double t = glm::dot(c - a2, ab) / (ab_length * ab_length);
  const double segment_distance = glm::length(c - (a2 + std::clamp(t, 0.0, 1.0) * ab));
  // the shorter way keeps the centre on the side it already is (left: counter-clockwise)
  const double sigma = side > 0 ? 1.0 : side < 0 ? -1.0 : (left > 0.0 ? 1.0 : -1.0);
  // wrap when the segment cuts the circle, or (a given side) passes the circle on the wrong side
  const bool cuts = segment_distance < radius;
  const bool wrong_side = side != 0 && sigma * left < 0.0 && t > 0.0 && t < 1.0;
  if (!cuts && !wrong_side) return out;

  // tangent points without angles: from a point at distance d, the tangent touches the circle
  // at angle acos(r / d) from the centre-to-point direction, turned toward the travel
  auto tangent = [&](const glm::dvec2& p, double dist, double turn) {
    const glm::dvec2 u = (p - c) / dist;
    const glm::dvec2 perp(-u.y, u.x);  // u turned counter-clockwise
    const double cos_a = radius / dist, sin_a = std::sqrt(std::max(0.0, 1.0 - cos_a * cos_a));
    return glm::dvec2(cos_a * u + turn * sin_a * perp);  // unit vector from the centre
  };
  const glm::dvec2 ta = tangent(a2, da, sigma), tb = tangent(b2, db, -sigma);
  // arc from ta to tb going round in the direction sigma
  double sweep = std::atan2(sigma * (ta.x * tb.y - ta.y * tb.x), ta.x * tb.x + ta.y * tb.y);
  if (sweep < 0.0) sweep += 2.0 * kPi;
  if (sweep > 2.0 * kPi - 1e-9) sweep = 0.0;  // a touching line whose sweep rounded below zero
  out.tangent_a = c + radius * ta;
  out.tangent_b = c + radius * tb;
  const double in_plane =
      std::sqrt(da * da - radius * radius) + radius * sweep + std::sqrt(db * db - radius * radius);
  const double dz = d.z;
  out.length = std::sqrt(in_plane * in_plane + dz * dz);
  const glm::dvec2 last = b2 - out.tangent_b;
  const double last_length = glm::length(last);
  const glm::dvec2 u = last_length > 0.0 ? last / last_length : glm::dvec2(0.0);
  out.end_direction = {u.x * in_plane / out.length, u.y * in_plane / out.length, dz / out.length};
  out.wrapped = true;
  out.arc_sweep = sigma * sweep;
  return out;
}

}  // namespace sagitta::biomech::detail

namespace sagitta::biomech::detail {

FascicleState fascicleState(const CompiledFascicle& f, double length_m, double tendon_slack_m,
                            double activation, bool want_energy) {
  FascicleState st;
  st.length_m = length_m;
  const double x = length_m - tendon_slack_m;  // fibre projection on the tendon line (rigid tendon)
  const double h = f.pennation_height_m;       // constant fibre height (OpenSim pennation model)
  const double scale = f.max_force_N * f.optimal_fibre_m;
  if (x <= 0.0) {
    // shorter than its tendon: the fibres cannot pull along it (never in a posture, but trial
    // steps of the solver may get here); energy continuous with x -> 0
    st.fibre_norm = h / f.optimal_fibre_m;
    if (want_energy) {
      st.energy_J =
          scale * (f.passive.energy(st.fibre_norm) + activation * activeForceLengthIntegral(st.fibre_norm));
    }
    return st;
  }
  const double fibre = std::sqrt(x * x + h * h);
  const double cos_pennation = x / fibre;
  st.fibre_norm = fibre / f.optimal_fibre_m;
  double passive_energy = 0.0;
  const double fp = f.passive.forceAndEnergy(st.fibre_norm, want_energy ? &passive_energy : nullptr);
  st.passive_N = f.max_force_N * fp * cos_pennation;
  if (activation > 0.0)
    st.active_N = f.max_force_N * activation * activeForceLength(st.fibre_norm) * cos_pennation;
  // energy = integral of the tendon force over the musculotendon length = integral of the fibre
  // force over the fibre length (d l_fibre = cos(pennation) d l_mt)
  if (want_energy) {
    const double active_energy =
        activation > 0.0 ? activation * activeForceLengthIntegral(st.fibre_norm) : 0.0;
    st.energy_J = scale * (passive_energy + active_energy);
  }
  return st;
}

double fascicleStiffness(const CompiledFascicle& f, double length_m, double tendon_slack_m,
                         double activation) {
  const double x = length_m - tendon_slack_m;
  if (x <= 0.0) return 0.0;
  const double h = f.pennation_height_m;
  const double fibre = std::sqrt(x * x + h * h);
  const double cos_p = x / fibre;
  const double l = fibre / f.optimal_fibre_m;
  const double fl = activeForceLength(l);
  const double dfl = -2.0 * (l - 1.0) / kThelenActiveShape * fl;
  const double force_norm = f.passive.force(l) + activation * fl;
  const double slope_norm = f.passive.stiffness(l) + activation * dfl;
  // F = Fmax f(l) cos(p): dl/dL = cos(p) / l_opt, d cos(p) / dL = h^2 / fibre^3
  return f.max_force_N *
         (slope_norm * cos_p * cos_p / f.optimal_fibre_m + force_norm * h * h / (fibre * fibre * fibre));
}

}  // namespace sagitta::biomech::detail
