// The `sagitta report` JSON object: every clinical measure (keys as docs/biomechanics.md lists
// them), the solver's iterations and residual, the inputs, units, sign conventions and the
// "model prediction" label with its evidence note. The UI's "export report" uses it too.
#pragma once

#include <nlohmann/json.hpp>

#include "biomech/inputs.h"
#include "biomech/solution.h"

namespace sagitta::scenario {

inline constexpr std::string_view kReportSchema = "sagitta.report";
inline constexpr int kReportVersion = 1;

// All inputs, nested like a scenario file but complete (every muscle and side; unset patient
// values as null).
nlohmann::ordered_json inputsJson(const biomech::ModelInputs& inputs);

nlohmann::ordered_json reportJson(const biomech::ModelInputs& inputs, const biomech::Solution& solution);

}  // namespace sagitta::scenario
