// The words that go with the numbers: the "model prediction" label, the evidence note the UI and
// the report show beside a predicted effect (reference.md §6), and the sign conventions.
#pragma once

#include <span>
#include <string_view>

namespace sagitta::biomech {

inline constexpr std::string_view kModelPredictionLabel = "model prediction";

// What studies say about muscle tightness and posture, in plain words, with the sources.
std::string_view evidenceNote();

struct Convention {
  std::string_view key;
  std::string_view text;
};
// One sentence per measure: what it is and which way is positive.
std::span<const Convention> signConventions();

}  // namespace sagitta::biomech
