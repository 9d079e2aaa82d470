#include "biomech/hill.h"

#include <cmath>

#include "core/units.h"

namespace sagitta::biomech {
namespace {

constexpr double kLinearAbove = 5.0;  // f at which the curve turns linear (see hill.h)
const double kDenominator = std::exp(kThelenPassiveShape) - 1.0;

}  // namespace

PassiveCurve PassiveCurve::fromStrains(double strain_at_zero, double strain_at_one) {
  PassiveCurve c;
  c.zero_length_norm = 1.0 + strain_at_zero;
  c.span_norm = strain_at_one - strain_at_zero;
  c.rate = kThelenPassiveShape / c.span_norm;
  // exp(rate x) = 1 + 5 (e^k - 1) at the start of the linear part
  c.linear_start = std::log1p(kLinearAbove * kDenominator) / c.rate;
  c.linear_slope = c.rate * (1.0 + kLinearAbove * kDenominator) / kDenominator;
  return c;
}

double PassiveCurve::forceAndEnergy(double length_norm, double* energy) const {
  const double x = length_norm - zero_length_norm;
  if (x <= 0.0) {
    if (energy != nullptr) *energy = 0.0;
    return 0.0;
  }
  if (x <= linear_start) {
    const double em1 = std::expm1(rate * x);
    // integral of (exp(r x) - 1) / D = (expm1(r x) / r - x) / D
    if (energy != nullptr) *energy = (em1 / rate - x) / kDenominator;
    return em1 / kDenominator;
  }
  const double dx = x - linear_start;
  if (energy != nullptr) {
    const double at_start = (std::expm1(rate * linear_start) / rate - linear_start) / kDenominator;
    *energy = at_start + kLinearAbove * dx + 0.5 * linear_slope * dx * dx;
  }
  return kLinearAbove + linear_slope * dx;
}

double PassiveCurve::force(double length_norm) const {
  return forceAndEnergy(length_norm, nullptr);
}

double PassiveCurve::energy(double length_norm) const {
  double e = 0.0;
  forceAndEnergy(length_norm, &e);
  return e;
}

double PassiveCurve::stiffness(double length_norm) const {
  const double x = length_norm - zero_length_norm;
  if (x <= 0.0) return 0.0;
  if (x <= linear_start) return rate * std::exp(rate * x) / kDenominator;
  return linear_slope;
}

double activeForceLength(double length_norm) {
  const double d = length_norm - 1.0;
  return std::exp(-d * d / kThelenActiveShape);
}

double activeForceLengthIntegral(double length_norm) {
  const double s = std::sqrt(kThelenActiveShape);
  return 0.5 * std::sqrt(kPi) * s * std::erf((length_norm - 1.0) / s);
}

}  // namespace sagitta::biomech
