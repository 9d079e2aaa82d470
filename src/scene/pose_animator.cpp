#include "scene/pose_animator.h"

#include <algorithm>
#include <cmath>

#include <glm/gtx/quaternion.hpp>

namespace sagitta::scene {

template <typename V>
void DampedValue<V>::step(const V& target, double omega, double dt) {
  if (!(dt > 0.0)) return;
  // closed form of the critically damped oscillator around the target
  const V x0 = value - target;
  const V v0 = velocity;
  const double decay = std::exp(-omega * dt);
  const V b = v0 + omega * x0;
  value = target + (x0 + b * dt) * decay;
  velocity = (v0 - omega * b * dt) * decay;
}
template struct DampedValue<double>;
template struct DampedValue<glm::dvec3>;

namespace {

// A rigid transform's parts (joint motions are rotations and translations only).
void decompose(const glm::dmat4& m, glm::dvec3& t, glm::dquat& q) {
  t = glm::dvec3(m[3]);
  q = glm::normalize(glm::quat_cast(glm::dmat3(m)));
}

glm::dmat4 compose(const glm::dvec3& t, const glm::dquat& q) {
  glm::dmat4 m = glm::mat4_cast(q);
  m[3] = glm::dvec4(t, 1.0);
  return m;
}

glm::dvec3 rotationVector(const glm::dquat& q) {
  glm::dquat u = q.w < 0.0 ? -q : q;  // the short way round
  const double s = glm::length(glm::dvec3(u.x, u.y, u.z));
  if (s < 1e-12) return glm::dvec3(0.0);
  const double angle = 2.0 * std::atan2(s, u.w);
  return glm::dvec3(u.x, u.y, u.z) / s * angle;
}

glm::dquat fromRotationVector(const glm::dvec3& v) {
  const double angle = glm::length(v);
  if (angle < 1e-12) return glm::dquat(1.0, 0.0, 0.0, 0.0);
  return glm::angleAxis(angle, v / angle);
}

}  // namespace

PoseAnimator::PoseAnimator(double settle_time_s) {
  setSettleTime(settle_time_s);
}

void PoseAnimator::setSettleTime(double seconds) {
  // a critically damped spring is within 1 % of its target after about 6.6 / ω
  omega_ = 6.6 / std::max(seconds, 1e-3);
}

glm::dmat4& PoseAnimator::slot(anatomy::Pose& p, std::size_t i) {
  if (i == 0) return p.root;
  return i <= anatomy::kSegmentCount ? p.joint[i - 1] : p.upper_thorax;
}
const glm::dmat4& PoseAnimator::slot(const anatomy::Pose& p, std::size_t i) {
  if (i == 0) return p.root;
  return i <= anatomy::kSegmentCount ? p.joint[i - 1] : p.upper_thorax;
}

void PoseAnimator::reset(const anatomy::Pose& pose) {
  current_ = pose;
  for (std::size_t i = 0; i < kJoints; ++i) {
    Joint& j = joints_[i];
    decompose(slot(pose, i), j.translation.value, j.rotation);
    j.translation.velocity = glm::dvec3(0.0);
    j.rotation_error = {};
  }
  moving_ = false;
  settled_ = true;
  settled_on_ = pose;
}

const anatomy::Pose& PoseAnimator::update(const anatomy::Pose& target, double dt_s) {
  if (settled_ && target == settled_on_) return current_;
  settled_ = false;
  dt_s = std::clamp(std::isfinite(dt_s) ? dt_s : 0.0, 0.0, 0.5);  // a stalled frame does not jump
  moving_ = false;
  for (std::size_t i = 0; i < kJoints; ++i) {
    Joint& j = joints_[i];
    glm::dvec3 t_target;
    glm::dquat q_target;
    decompose(slot(target, i), t_target, q_target);
    j.translation.step(t_target, omega_, dt_s);
    // rotation: the error from the target, as a rotation vector, decays like any coordinate
    j.rotation_error.value = rotationVector(glm::inverse(q_target) * j.rotation);
    j.rotation_error.step(glm::dvec3(0.0), omega_, dt_s);
    j.rotation = glm::normalize(q_target * fromRotationVector(j.rotation_error.value));
    slot(current_, i) = compose(j.translation.value, j.rotation);
    const double err =
        glm::length(j.translation.value - t_target) + glm::length(j.rotation_error.value) * 0.1;
    if (err > 1e-5) moving_ = true;
  }
  if (!moving_) reset(target);  // within 10 µm: snap onto it, invisibly
  return current_;
}

}  // namespace sagitta::scene
