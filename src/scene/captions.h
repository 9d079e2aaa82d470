// Plain-language sentences that explain what the picture shows as it changes (patient mode),
// the change badges of a comparison, and the evidence note. Kind wording: no alarm, no
// diagnosis; numbers only when asked for.
#pragma once

#include <string>
#include <vector>

#include "biomech/inputs.h"
#include "biomech/solution.h"

namespace sagitta::scene {

struct Captions {
  std::string caption;  // one to three sentences
  std::string note;     // evidence note and "mechanics, not a diagnosis"
  std::vector<std::string> badges;
};

// The patient-mode explanation of `now` against the neutral posture.
Captions patientCaptions(const biomech::ModelInputs& inputs, const biomech::Solution& now,
                         const biomech::Solution& neutral, bool show_numbers);

// "ΔPT −3.4°", "ΔLL +3.1°", "Psoas length −4 %" for a side-by-side or ghost comparison.
std::vector<std::string> changeBadges(const biomech::ClinicalMeasures& now,
                                      const biomech::ClinicalMeasures& neutral,
                                      const biomech::Solution& solution);

inline constexpr const char* kNotADiagnosis = "The picture shows mechanics, not a diagnosis.";

}  // namespace sagitta::scene
