// Helpers shared by the anatomy tests: world positions and the sagittal angles that a
// radiologist measures on a lateral view (reference.md 1.1 definitions).
#pragma once

#include <cmath>
#include <string_view>

#include "anatomy/skeleton.h"
#include "core/units.h"

namespace sagitta::anatomy::test {

inline glm::dvec3 world(const Skeleton& sk, std::string_view name, const Pose& pose = {}) {
  return worldPosition(sk.landmark(name), worldTransforms(sk, pose));
}

// Angle of the line from `posterior` to `anterior` above the horizontal, degrees, sagittal plane
// (positive when the anterior end is higher).
inline double lineAngleDeg(const glm::dvec3& posterior, const glm::dvec3& anterior) {
  return radToDeg(std::atan2(anterior.y - posterior.y, anterior.x - posterior.x));
}

struct Spinopelvic {
  double pi_deg = 0.0, pt_deg = 0.0, ss_deg = 0.0, ll_deg = 0.0;
};

inline Spinopelvic measureSpinopelvic(const Skeleton& sk, const Pose& pose = {}) {
  const glm::dvec3 ha = 0.5 * (world(sk, "femoral_head_centre_l", pose) + world(sk, "femoral_head_centre_r", pose));
  const glm::dvec3 ant = world(sk, "s1_endplate_anterior", pose);
  const glm::dvec3 post = world(sk, "s1_endplate_posterior", pose);
  const glm::dvec3 m = 0.5 * (ant + post);
  Spinopelvic r;
  // SS: endplate to the horizontal (the anterior corner is the lower one)
  r.ss_deg = -lineAngleDeg(post, ant);
  // PT: vertical to the line hip axis - M, positive when the hip axis is in front of M
  r.pt_deg = radToDeg(std::atan2(ha.x - m.x, m.y - ha.y));
  // PI: perpendicular to the endplate at M (into the sacrum) to the line M - hip axis
  const glm::dvec2 e = glm::normalize(glm::dvec2(ant.x - post.x, ant.y - post.y));
  glm::dvec2 n(-e.y, e.x);
  if (n.y > 0.0) n = -n;
  const glm::dvec2 to_ha = glm::normalize(glm::dvec2(ha.x - m.x, ha.y - m.y));
  r.pi_deg = radToDeg(std::acos(glm::dot(n, to_ha)));
  // LL: Cobb angle, L1 superior endplate to S1 endplate (lordosis positive)
  r.ll_deg = lineAngleDeg(world(sk, "l1_superior_endplate_posterior", pose), world(sk, "l1_superior_endplate_anterior", pose)) -
             lineAngleDeg(post, ant);
  return r;
}

}  // namespace sagitta::anatomy::test
