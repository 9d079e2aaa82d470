// The measure panel's response plots: each measure sampled over the range of one parameter
// (the one under the mouse). A sweep costs 21 posture solves, so it is cached, and the cache
// ignores the swept parameter's own value: every sample sets it, so dragging that slider (which
// makes it the swept one) changes nothing the sweep depends on and costs no solve per frame.
// No ImGui here: tested in tests/unit/ui.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "biomech/inputs.h"

namespace sagitta::ui {

struct Sweep {
  std::string key;                     // the swept parameter (scenario/parameters.h)
  std::vector<float> xs;               // its values
  std::vector<std::vector<float>> ys;  // per measure, one value per x
  bool valid = false;
};

class SweepCache {
 public:
  static constexpr int kSamples = 21;
  // One posture solve: the measures' values for these inputs.
  using Sample = std::function<std::vector<float>(const biomech::ModelInputs&)>;

  // The sweep of `key` from `inputs`, computed only when it is not the one held. A key that
  // cannot be swept (unknown, not a number, optional) leaves the held sweep as it is.
  const Sweep& get(const std::string& key, const biomech::ModelInputs& inputs, const Sample& sample);
  int solves() const { return solves_; }  // samples computed so far

 private:
  Sweep sweep_;
  biomech::ModelInputs basis_;  // the inputs of the held sweep, the swept value at its minimum
  int solves_ = 0;
};

}  // namespace sagitta::ui
