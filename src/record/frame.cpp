#include "record/frame.h"

namespace sagitta::record {

std::int64_t frameIndexAt(double seconds, int fps) {
  // A millionth of a frame absorbs (i / fps) * fps landing just below i.
  const double frames = seconds * static_cast<double>(fps) + 1e-6;
  return frames <= 0.0 ? 0 : static_cast<std::int64_t>(frames);
}

}  // namespace sagitta::record
