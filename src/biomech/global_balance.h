// Whole-body sagittal balance read from the clinical measures: the SRS-Schwab modifiers, the
// Roussouly type, the Le Huec theoretical PT and LL for a pelvic incidence, and the
// compensations a clinician names on a full-spine film. Pure functions of measured numbers, so a
// classification cannot echo a slider. docs/biomechanics.md "Global balance" states each rule.
#pragma once

#include <string_view>

#include "biomech/measures.h"
#include "biomech/types.h"

namespace sagitta::biomech {

// Le Huec et al. (PMC4303780, Table 3) [V]: theoretical PT and LL by PI class
//   PI < 38: PT 4, LL PI + 18; 38-47: 8, PI + 13; 48-57: 12, PI + 9; 58-67: 16, PI + 6;
//   68-77: 20, PI + 2; >= 78: 24, PI - 5. (Class bounds between the table's integer limits are
//   split at the half degree [D].)
struct LeHuecTheoretical {
  int pi_class = 3;  // 1..6 (I..VI)
  double pelvic_tilt_deg = 0.0;
  double lumbar_lordosis_deg = 0.0;
};
LeHuecTheoretical leHuecTheoretical(double pelvic_incidence_deg);

// SRS-Schwab sagittal modifiers (Schwab et al. 2012, Spine 37:1077 [V]; reference.md §1.3):
//   PT < 20 "0", 20-30 "+", > 30 "++";  PI-LL < 10 "0", 10-20 "+", > 20 "++";
//   SVA < 40 mm "0", 40-95 mm "+", > 95 mm "++".
std::string_view schwabPtModifier(double pelvic_tilt_deg);
std::string_view schwabPiLlModifier(double pi_minus_ll_deg);
std::string_view schwabSvaModifier(double sva_mm);

// Roussouly type (Roussouly et al. 2005; refounded by Laouissat et al. 2018, 296 asymptomatic
// adults [V abstract]): SS < 35 deg: "1" when the lordosis apex is at L5 or lower, else "2";
// 35-45 deg: "3", or "3-anteverted" when PI < 50 deg (the refounded type 3 AP: low-grade PI
// despite SS > 35, PI 48 +- 6); SS > 45 deg: "4".
std::string_view roussoulyType(const ClinicalMeasures& m);
std::string_view roussoulyRule();

// A compensation's size: how far the posture has moved from the expected one (degrees, >= 0).
// It is "active" above kCompensationActive_deg [D: above the 1-2 deg a reader can measure].
inline constexpr double kCompensationActive_deg = 2.0;
struct Compensation {
  double pelvic_retroversion_deg = 0.0;  // PT above the Le Huec theoretical PT for the PI
  double thoracic_flattening_deg = 0.0;  // TK below the body's own neutral TK
  double knee_flexion_deg = 0.0;         // mean standing knee flexion (0 in the other poses)
};

struct GlobalBalance {
  std::string_view schwab_pt, schwab_pi_ll, schwab_sva;
  std::string_view roussouly;
  LeHuecTheoretical theoretical;
  Compensation compensation;
};

// neutral: the same body's neutral standing measures (its own thoracic kyphosis).
GlobalBalance globalBalance(const ClinicalMeasures& m, const ClinicalMeasures& neutral, PoseKind pose);

}  // namespace sagitta::biomech
