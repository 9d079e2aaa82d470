#include "biomech/slip_classification.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace sagitta::biomech {

int sdsgType(int meyerding_grade, double pi_deg, double ss_deg, double pt_deg, double c7_plumb_offset_mm) {
  if (meyerding_grade <= 0) return 0;
  if (meyerding_grade <= 2) {
    if (pi_deg < kSdsgLowPi_deg) return 1;
    return pi_deg < kSdsgHighPi_deg ? 2 : 3;
  }
  if (ss_deg - pt_deg >= kBalancedPelvisSsMinusPt_deg) return 4;
  return c7_plumb_offset_mm <= kFemoralHeadRadius_mm ? 5 : 6;
}

std::string_view sdsgName(int type) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "",
      "low grade, nutcracker (low PI)",
      "low grade, normal PI",
      "low grade, shear (high PI)",
      "high grade, balanced pelvis",
      "high grade, retroverted pelvis, balanced spine",
      "high grade, retroverted pelvis, unbalanced spine"};
  return type >= 0 && type <= 6 ? kNames[static_cast<std::size_t>(type)] : "";
}

namespace {
double smoothstep(double a, double b, double x) {
  const double t = std::clamp((x - a) / (b - a), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}
}  // namespace

double slipLumbarIndex(SlipType type, double slip_percent, double neutral_index) {
  if (type != SlipType::kDysplastic) return neutral_index;
  const double t = smoothstep(0.0, 100.0, slip_percent);
  return std::min(neutral_index, neutral_index + t * (kDysplasticHighGradeLumbarIndex - neutral_index));
}

double sacralDomingPct(SlipType type, double slip_percent) {
  const double low = (kLowGradeDomingPct - kControlDomingPct) * smoothstep(0.0, 50.0, slip_percent);
  const double high = (kHighGradeDomingPct - kLowGradeDomingPct) * smoothstep(50.0, 100.0, slip_percent);
  switch (type) {
    case SlipType::kSpondylolysis:
      return 0.0;
    case SlipType::kDegenerative:
      return high;
    default:
      return low + high;
  }
}

double rootCompression(double narrowing_pct, double stretch_pct) {
  return std::clamp(std::max(narrowing_pct / 50.0, stretch_pct / 20.0), 0.0, 1.0);
}

}  // namespace sagitta::biomech
