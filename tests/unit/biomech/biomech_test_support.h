// Shared by the biomechanics tests: one model of the default adult per test process, and small
// helpers to set sliders.
#pragma once

#include <cmath>
#include <string>

#include "anatomy/skeleton.h"
#include "biomech/posture_model.h"

namespace sagitta::biomech::test {

inline const PostureModel& defaultModel() {
  static const PostureModel kModel(anatomy::buildSkeleton());
  return kModel;
}

// Sets tightness (and optionally tone) of every muscle of a group, both sides.
inline void setGroup(ModelInputs& in, MuscleGroup g, double tightness, double tone = -1.0) {
  for (std::size_t m = 0; m < kMuscleCount; ++m) {
    if (groupOf(static_cast<MuscleId>(m)) != g) continue;
    for (Side s : kSides) {
      in.muscle(static_cast<MuscleId>(m), s).tightness = tightness;
      if (tone >= 0.0) in.muscle(static_cast<MuscleId>(m), s).tone = tone;
    }
  }
}

inline void setGroupTone(ModelInputs& in, MuscleGroup g, double tone) {
  for (std::size_t m = 0; m < kMuscleCount; ++m) {
    if (groupOf(static_cast<MuscleId>(m)) != g) continue;
    for (Side s : kSides) in.muscle(static_cast<MuscleId>(m), s).tone = tone;
  }
}

inline bool finite(const Solution& s) {
  const ClinicalMeasures& m = s.measures;
  bool ok = std::isfinite(m.pelvic_tilt_deg) && std::isfinite(m.sacral_slope_deg) &&
            std::isfinite(m.pelvic_incidence_deg) && std::isfinite(m.lumbar_lordosis_deg) &&
            std::isfinite(m.asis_psis_tilt_deg) && std::isfinite(m.slip_percent) &&
            std::isfinite(m.slip_angle_deg) && std::isfinite(s.l5s1_shear_N) &&
            std::isfinite(s.l5s1_compression_N) && std::isfinite(s.solver.residual);
  for (double v : m.segmental_lordosis_deg) ok = ok && std::isfinite(v);
  for (double v : m.hip_extension_deg) ok = ok && std::isfinite(v);
  for (const auto& w : s.world) {
    for (int c = 0; c < 4; ++c) {
      for (int r = 0; r < 4; ++r) ok = ok && std::isfinite(w[c][r]);
    }
  }
  for (const auto& f : s.fascicles) {
    ok = ok && std::isfinite(f.length_m) && std::isfinite(f.passive_force_N) &&
         std::isfinite(f.active_force_N);
  }
  return ok;
}

}  // namespace sagitta::biomech::test
