#include "scene/normal_ranges.h"

#include <cmath>

namespace sagitta::scene {

const std::vector<NormalRange>& normalRanges() {
  // green: about mean ± 1 SD of asymptomatic adults; amber: to ± 2 SD or the next clinical
  // threshold; red beyond
  static const std::vector<NormalRange> ranges = {
      {"pelvic_incidence_deg", "PI", "°", 42.0, 63.0, 32.0, 74.0,
       "Mac-Thiong et al. 2011, Eur Spine J 20 S5:572 (n = 709): mean ± 2 SD 32–74°"},
      {"pelvic_tilt_deg", "PT", "°", 5.0, 20.0, -2.0, 30.0,
       "Mac-Thiong 2011: ± 2 SD 0–27°; SRS-Schwab (Terran 2013, Neurosurgery 73:559): over 20° moderate, "
       "over 30° marked"},
      {"sacral_slope_deg", "SS", "°", 31.75, 47.25, 24.0, 55.0, "Mac-Thiong 2011: mean ± 2 SD 24–55°"},
      {"lumbar_lordosis_deg", "LL", "°", 49.0, 71.0, 38.0, 82.0,
       "reference.md §1.2: default 60° ± 11° (about 1 SD, cohorts of Hyun 2019, Vialle 2005)"},
      {"pi_minus_ll_deg", "PI − LL", "°", -10.0, 10.0, -20.0, 20.0,
       "SRS-Schwab (Terran 2013): under 10° normal, 10–20° moderate, over 20° marked"},
      // mostly pelvic shape, not posture: normal pelves span 0–23°, so green is mean ± 2 SD
      {"asis_psis_tilt_deg", "ASIS–PSIS tilt", "°", 3.0, 23.0, -2.0, 28.0,
       "Preece et al. 2008, J Man Manip Ther 16:113: 13° ± 5° (range 0–23°) on 30 pelves in a standard "
       "position"},
      {"thigh_above_horizontal_deg", "Thomas test thigh", "°", -30.0, 0.0, -30.0, 5.0,
       "modified Thomas test (BMC Sports Sci Med Rehabil 2021, Table 4): above horizontal = short hip "
       "flexors; "
       "0–5° mild, over 5° moderate (reference.md §4.4, cut-offs our own)"},
      {"slip_percent", "Slip", "%", -1.0, 1.99, -1.0, 50.0,
       "Meyerding (Koslosky & Gendelberg 2020, CORR 478:1125): grades I–II low-grade, III–V high-grade"},
  };
  return ranges;
}

const NormalRange* findRange(std::string_view key) {
  for (const NormalRange& r : normalRanges()) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

Band classify(const NormalRange& r, double value) {
  if (!std::isfinite(value)) return Band::kOutside;
  if (value >= r.normal_lo && value <= r.normal_hi) return Band::kNormal;
  if (value >= r.borderline_lo && value <= r.borderline_hi) return Band::kBorderline;
  return Band::kOutside;
}

}  // namespace sagitta::scene
