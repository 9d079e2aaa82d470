#include "anatomy/slip_reshape.h"

#include <algorithm>
#include <cmath>

namespace sagitta::anatomy {
namespace {

// The sagittal frame of an endplate: e forward along it (posterior -> anterior corner), n its
// normal turned 90 degrees counter-clockwise from e (up, away from the body below it).
struct Sagittal {
  glm::dvec3 origin{0.0}, e{1.0, 0.0, 0.0}, n{0.0, 1.0, 0.0};
  double length = 0.0;
  Sagittal(const glm::dvec3& posterior, const glm::dvec3& anterior) : origin(posterior) {
    glm::dvec3 d = anterior - posterior;
    d.z = 0.0;
    length = glm::length(d);
    if (length > 1e-12) e = d / length;
    n = {-e.y, e.x, 0.0};
  }
  double u(const glm::dvec3& p) const { return glm::dot(p - origin, e); }
  double v(const glm::dvec3& p) const { return glm::dot(p - origin, n); }
};

}  // namespace

double lumbarIndex(const BodyCorners& b) {
  const Sagittal f(b.inferior_posterior, b.inferior_anterior);
  const double anterior = f.v(b.superior_anterior) - f.v(b.inferior_anterior);
  const double posterior = f.v(b.superior_posterior) - f.v(b.inferior_posterior);
  return anterior > 1e-12 ? posterior / anterior : 1.0;
}

double wedgeDropFor(const BodyCorners& b, double lumbar_index) {
  const Sagittal f(b.inferior_posterior, b.inferior_anterior);
  const double anterior = f.v(b.superior_anterior) - f.v(b.inferior_anterior);
  const double posterior = f.v(b.superior_posterior) - f.v(b.inferior_posterior);
  return std::max(0.0, posterior - lumbar_index * anterior);
}

glm::dvec3 wedgePoint(const BodyWedge& w, const glm::dvec3& p) {
  if (w.drop_m <= 0.0) return p;
  const Sagittal f(w.body.inferior_posterior, w.body.inferior_anterior);
  // forward: 1 at the superior endplate's posterior corner, 0 at its anterior one (the anterior
  // wall keeps its height); behind the posterior wall fading into the pedicles over taper_m
  const double u0 = f.u(w.body.superior_posterior), u1 = f.u(w.body.superior_anterior);
  const double u = f.u(p), v = f.v(p);
  const double a = u >= u0 ? std::clamp(1.0 - (u - u0) / std::max(u1 - u0, 1e-9), 0.0, 1.0)
                           : std::clamp(1.0 + (u - u0) / std::max(w.taper_m, 1e-9), 0.0, 1.0);
  // up: 0 at the inferior endplate, 1 at the height of the superior posterior corner, fading to
  // 0 above it
  const double height = std::max(f.v(w.body.superior_posterior), 1e-9);
  const double b = v <= height ? std::clamp(v / height, 0.0, 1.0)
                               : std::clamp(1.0 - (v - height) / std::max(w.above_fade_m, 1e-9), 0.0, 1.0);
  return p - f.n * (w.drop_m * a * b);
}

glm::dvec3 domePoint(const SacralDome& d, const glm::dvec3& p) {
  if (d.drop_m <= 0.0) return p;
  const Sagittal f(d.posterior, d.anterior);
  const double length = std::max(f.length, 1e-9);
  const double s =
      std::clamp((f.u(p) / length - d.flat_fraction) / std::max(1.0 - d.flat_fraction, 1e-9), 0.0, 1.0);
  const double v = f.v(p);  // negative inside the sacrum
  const double fade = v <= 0.0 ? std::clamp(1.0 + v / std::max(d.depth_fade_m, 1e-9), 0.0, 1.0)
                               : std::clamp(1.0 - v / std::max(d.above_fade_m, 1e-9), 0.0, 1.0);
  const double side = std::clamp(
      1.0 - (std::abs(p.z - d.posterior.z) - d.half_width_m) / std::max(d.side_fade_m, 1e-9), 0.0, 1.0);
  return p - f.n * (d.drop_m * s * s * fade * side);
}

}  // namespace sagitta::anatomy
