// Shows every posture change as smooth motion: each joint's translation and rotation follow
// their target as a critically damped spring (no overshoot, no wobble). The spring is solved
// in closed form for each time step, so the motion is the same at 30, 60 or 240 frames a
// second, and a changed target mid-motion continues smoothly from the current velocity.
#pragma once

#include <array>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "anatomy/skeleton.h"

namespace sagitta::scene {

// One critically damped coordinate: x'' = -2ω x' - ω² (x - target), solved exactly over dt.
template <typename V>
struct DampedValue {
  V value{};
  V velocity{};
  void step(const V& target, double omega, double dt);
};

class PoseAnimator {
 public:
  // `settle_time_s`: about how long a change takes to finish (≈ 99 % of the way).
  explicit PoseAnimator(double settle_time_s = 0.6);

  // Jumps to a pose with no motion (on load, or when animation is turned off).
  void reset(const anatomy::Pose& pose);
  // Advances by dt seconds toward the target and returns the pose to show.
  const anatomy::Pose& update(const anatomy::Pose& target, double dt_s);
  const anatomy::Pose& current() const { return current_; }
  // True while the shown pose is still visibly moving toward the target.
  bool moving() const { return moving_; }
  void setSettleTime(double seconds);

 private:
  struct Joint {
    DampedValue<glm::dvec3> translation;
    DampedValue<glm::dvec3> rotation_error;  // rotation vector from target to shown, radians
    glm::dquat rotation{1.0, 0.0, 0.0, 0.0};
  };
  // the root, each segment's joint and the upper thoracic column (anatomy::Pose::upper_thorax)
  static constexpr std::size_t kJoints = anatomy::kSegmentCount + 2;
  static glm::dmat4& slot(anatomy::Pose& p, std::size_t i);
  static const glm::dmat4& slot(const anatomy::Pose& p, std::size_t i);

  double omega_;
  std::array<Joint, kJoints> joints_{};
  anatomy::Pose current_;
  bool moving_ = false;
  // Once within the stop tolerance the pose snaps onto the target and then stays bit for bit
  // the same while the target does (a recorder can reuse a still frame's picture).
  bool settled_ = false;
  anatomy::Pose settled_on_;
};

}  // namespace sagitta::scene
