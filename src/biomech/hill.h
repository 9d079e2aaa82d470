// Hill-type muscle curves, normalised (force / Fmax against fibre length / l_opt), with their
// integrals so the posture solver can minimise an energy. Tendons are rigid: at the low forces of
// quiet posture (well under 0.3 Fmax) the Thelen 2003 tendon stretches < 1 % (FmaxTendonStrain
// 0.033 at Fmax, reference.md §4.1), a fraction of a millimetre on these tendons.
#pragma once

namespace sagitta::biomech {

// Thelen 2003 passive fibre force-length curve (OpenSim Thelen2003Muscle, reference.md §4.1):
//   f(l) = (exp(k (l - l0) / e) - 1) / (exp(k) - 1) for l > l0, else 0,
// with k = KshapePassive = 4 (gait2392 / Christophy [M]), l0 = 1 + strain_at_zero and
// e = strain_at_one - strain_at_zero, so f(1 + strain_at_one) = 1. Shifting l0 is how Uhlrich
// 2022's calibrated curves move the zero-force point (reference.md §4.2-4.3); we keep Thelen's
// exponential shape and take their zero and unit strains.
// Above 5 Fmax (far outside any posture) the curve continues linearly, so extreme trial poses
// during a solve stay finite.
struct PassiveCurve {
  double zero_length_norm = 1.0;  // l0
  double span_norm = 0.6;         // e
  // precomputed: exponent rate k / e, and where (x = l - l0) the curve turns linear, its slope
  double rate = 0.0, linear_start = 0.0, linear_slope = 0.0;

  static PassiveCurve fromStrains(double strain_at_zero, double strain_at_one);
  double force(double length_norm) const;      // f, dimensionless
  double stiffness(double length_norm) const;  // df/dl
  double energy(double length_norm) const;     // integral of f from l0 to length_norm
  // force and (if energy != nullptr) its integral, sharing one exponential
  double forceAndEnergy(double length_norm, double* energy) const;
};

inline constexpr double kThelenPassiveShape = 4.0;  // KshapePassive, gait2392 / Christophy [M]
inline constexpr double kThelenActiveShape = 0.5;   // KshapeActive (gamma), gait2392 / Christophy [M]

// Thelen 2003 active force-length curve exp(-(l - 1)^2 / gamma), gamma = 0.5 [M].
double activeForceLength(double length_norm);
// Its integral from 1 to length_norm: sqrt(pi gamma)/2 * erf((l - 1)/sqrt(gamma)).
double activeForceLengthIntegral(double length_norm);

}  // namespace sagitta::biomech
