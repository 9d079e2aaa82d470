// Published normal ranges of the clinical measures, for the green / amber / red bands of the
// measures panel. Every range cites its source; see ../shared/reference/reference.md.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace sagitta::scene {

enum class Band { kNormal, kBorderline, kOutside };

struct NormalRange {
  std::string_view key;                 // report key, e.g. "pelvic_tilt_deg"
  std::string_view label;               // "PT"
  std::string_view unit;                // "°", "%"
  double normal_lo, normal_hi;          // green
  double borderline_lo, borderline_hi;  // amber (outside it: red)
  std::string_view source;
};

const std::vector<NormalRange>& normalRanges();
const NormalRange* findRange(std::string_view key);
Band classify(const NormalRange& range, double value);

}  // namespace sagitta::scene
