#include "biomech/inputs.h"

#include <cmath>
#include <sstream>
#include <string>

#include "core/error.h"

namespace sagitta::biomech {
namespace {

void check(const std::string& field, double value, Range range, std::string_view unit = "") {
  if (!std::isfinite(value)) throw InputError(field + " is not a finite number");
  if (value < range.min || value > range.max) {
    std::ostringstream msg;
    msg << field << " = " << value << " is outside " << range.min << " to " << range.max;
    if (!unit.empty()) msg << " " << unit;
    throw InputError(msg.str());
  }
}

void checkOptional(const std::string& field, const std::optional<double>& value, Range range,
                   std::string_view unit) {
  if (value) check(field, *value, range, unit);
}

}  // namespace

void ModelInputs::validate() const {
  for (std::size_t m = 0; m < kMuscleCount; ++m) {
    for (Side s : kSides) {
      const MuscleSetting& ms = muscles[m][sideIndex(s)];
      // names are only built for the message (this runs on every solve)
      auto ok = [](double v) { return std::isfinite(v) && v >= kUnitRange.min && v <= kUnitRange.max; };
      if (ok(ms.tightness) && ok(ms.tone)) continue;
      const std::string base = "muscles." + std::string(muscleKey(static_cast<MuscleId>(m))) + "." +
                               std::string(sideName(s)) + ".";
      check(base + "tightness", ms.tightness, kUnitRange);
      check(base + "tone", ms.tone, kUnitRange);
    }
  }
  check("slip.percent", slip.percent, kSlipPercentRange, "%");
  checkOptional("patient.pelvic_incidence_deg", patient.pelvic_incidence_deg, kPatientPiRange, "deg");
  checkOptional("patient.pelvic_tilt_deg", patient.pelvic_tilt_deg, kPatientPtRange, "deg");
  checkOptional("patient.sacral_slope_deg", patient.sacral_slope_deg, kPatientSsRange, "deg");
  checkOptional("patient.lumbar_lordosis_deg", patient.lumbar_lordosis_deg, kPatientLlRange, "deg");
  checkOptional("patient.slip_percent", patient.slip_percent, kSlipPercentRange, "%");
  check("body.stature_m", body.stature_m, kStatureRange, "m");
  check("body.mass_kg", body.mass_kg, kMassRange, "kg");
}

}  // namespace sagitta::biomech
