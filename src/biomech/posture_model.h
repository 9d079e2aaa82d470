// The quasi-static posture model: given muscle tightness and tone (resting activation), a pose, a slip and
// optional patient measurements, find where the pelvis and lumbar spine come to rest, and
// measure the result on the posed bones. docs/biomechanics.md describes the model.
//
// Degrees of freedom (all rotations in the sagittal plane, about +Z):
//   standing, sitting, lunge: the pelvis about the bilateral hip axis and L5..L2 at their discs;
//     L1 follows from keeping the thorax upright; the femurs hold their pose in the world.
//   thomas: the hanging (tested) hip and knee; the rest is held.
// Equilibrium = minimum of the potential energy of gravity, passive and active muscle forces,
// disc and ligament stiffness, and the postural balance control (a damped Newton method on at
// most five coordinates, always started from the same point: deterministic and continuous).
#pragma once

#include <memory>
#include <vector>

#include "anatomy/skeleton.h"
#include "biomech/inputs.h"
#include "biomech/solution.h"

namespace sagitta::biomech {

namespace detail {
struct Impl;
}

class PostureModel {
 public:
  // Compiles the skeleton's segments, masses and muscle landmarks into the model's tables.
  // Throws std::invalid_argument naming the problem when the skeleton is not sagittal (a joint
  // rotating about anything but Z) or lacks a landmark the model needs.
  explicit PostureModel(const anatomy::Skeleton& skeleton);
  ~PostureModel();
  PostureModel(PostureModel&&) noexcept;
  PostureModel& operator=(PostureModel&&) noexcept;
  PostureModel(const PostureModel&) = delete;
  PostureModel& operator=(const PostureModel&) = delete;

  // Solves for the inputs. Throws InputError (naming the field) when an input is out of range or
  // not finite; otherwise always returns a finite posture within the joint ranges, with
  // `solver.converged` and plain-sentence `warnings` saying if anything was limited.
  Solution solve(const ModelInputs& inputs) const;
  // The same into an existing Solution, reusing its storage (no allocation once it has been
  // filled): what the UI calls every frame.
  void solve(const ModelInputs& inputs, Solution& out) const;

  // Every fascicle's path, length and forces for an arbitrary pose (sweeps, tests, the UI's
  // curves). Uses the inputs' tightness and tone; ignores their pose and slip.
  std::vector<FascicleResult> fascicleStates(const anatomy::Pose& pose, const ModelInputs& inputs) const;

  const anatomy::Skeleton& skeleton() const;
  // Measures of the neutral skeleton (identity pose), for comparison.
  const ClinicalMeasures& neutralMeasures() const;

 private:
  std::unique_ptr<detail::Impl> impl_;
};

}  // namespace sagitta::biomech
