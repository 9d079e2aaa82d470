#include "ui/fluid_policy.h"

namespace sagitta::ui {

FluidPolicy::Draw FluidPolicy::next(std::uint64_t view_key, double now_s, bool exact) {
  if (view_key != key_) {
    const bool motion = changed_last_frame_ || now_s - last_change_s_ < kRestSeconds;
    const bool moving = enabled_ && !exact && motion;
    key_ = view_key;
    last_change_s_ = now_s;
    changed_last_frame_ = true;
    showing_moving_ = moving;
    return moving ? Draw::kMoving : Draw::kFull;
  }
  changed_last_frame_ = false;
  if (showing_moving_ && (exact || !enabled_ || now_s - last_change_s_ >= kRestSeconds)) {
    showing_moving_ = false;
    return Draw::kFull;
  }
  return Draw::kNothing;
}

}  // namespace sagitta::ui
