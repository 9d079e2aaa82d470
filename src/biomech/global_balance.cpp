#include "biomech/global_balance.h"

#include <algorithm>

namespace sagitta::biomech {

LeHuecTheoretical leHuecTheoretical(double pi) {
  // class upper bounds (PI < bound), PT, LL - PI
  struct Row {
    double below;
    double pt, ll_offset;
  };
  static constexpr std::array<Row, 6> kTable = {{{37.5, 4.0, 18.0},
                                                 {47.5, 8.0, 13.0},
                                                 {57.5, 12.0, 9.0},
                                                 {67.5, 16.0, 6.0},
                                                 {77.5, 20.0, 2.0},
                                                 {1e9, 24.0, -5.0}}};
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (pi < kTable[i].below || i + 1 == kTable.size())
      return {static_cast<int>(i) + 1, kTable[i].pt, pi + kTable[i].ll_offset};
  }
  return {};
}

std::string_view schwabPtModifier(double pt) {
  return pt < 20.0 ? "0" : pt <= 30.0 ? "+" : "++";
}
std::string_view schwabPiLlModifier(double pi_ll) {
  return pi_ll < 10.0 ? "0" : pi_ll <= 20.0 ? "+" : "++";
}
std::string_view schwabSvaModifier(double sva_mm) {
  return sva_mm < 40.0 ? "0" : sva_mm <= 95.0 ? "+" : "++";
}

std::string_view roussoulyType(const ClinicalMeasures& m) {
  const double ss = m.sacral_slope_deg;
  if (ss < 35.0) return m.lordosis_apex >= 4 ? "1" : "2";
  if (ss <= 45.0) return m.pelvic_incidence_deg < 50.0 ? "3-anteverted" : "3";
  return "4";
}

std::string_view roussoulyRule() {
  return "Roussouly 2005 / Laouissat 2018: SS < 35 deg: type 1 if the lordosis apex is at L5 or lower, else "
         "type 2; SS 35-45 deg: type 3, or 3-anteverted if PI < 50 deg; SS > 45 deg: type 4";
}

GlobalBalance globalBalance(const ClinicalMeasures& m, const ClinicalMeasures& neutral, PoseKind pose) {
  GlobalBalance b;
  b.schwab_pt = schwabPtModifier(m.pelvic_tilt_deg);
  b.schwab_pi_ll = schwabPiLlModifier(m.pelvic_incidence_deg - m.lumbar_lordosis_deg);
  b.schwab_sva = schwabSvaModifier(m.sagittal_vertical_axis_mm);
  b.roussouly = roussoulyType(m);
  b.theoretical = leHuecTheoretical(m.pelvic_incidence_deg);
  b.compensation.pelvic_retroversion_deg = std::max(0.0, m.pelvic_tilt_deg - b.theoretical.pelvic_tilt_deg);
  b.compensation.thoracic_flattening_deg =
      std::max(0.0, neutral.thoracic_kyphosis_deg - m.thoracic_kyphosis_deg);
  if (pose == PoseKind::kStanding) {
    b.compensation.knee_flexion_deg = std::max(0.0, 0.5 * (m.knee_flexion_deg[0] + m.knee_flexion_deg[1]));
  }
  return b;
}

}  // namespace sagitta::biomech
