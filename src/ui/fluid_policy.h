// When the 3D view draws the cheap moving frame and when the full-quality one (issue 16,
// "fluid on software rendering"). Pure logic, no GL: the frame loop asks it once per frame with
// a fingerprint of everything the view depends on.
//
// - A single change (a click, a preset, a slider step after a pause) draws full quality at once:
//   no low-quality flash.
// - A change that follows another (the previous frame changed too, or the last change was under
//   kRestSeconds ago) is motion: the moving frame, when the policy is on (software renderers).
// - When the view has not changed for kRestSeconds after a moving frame, the full-quality frame
//   is drawn once; until then the loop must keep running (pending()).
// - `exact` (a live recording of the view is running) always draws full quality.
#pragma once

#include <cstdint>

namespace sagitta::ui {

class FluidPolicy {
 public:
  static constexpr double kRestSeconds = 0.1;  // still this long = at rest
  enum class Draw : std::uint8_t { kNothing, kMoving, kFull };

  explicit FluidPolicy(bool enabled = false) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }
  void setEnabled(bool on) { enabled_ = on; }

  Draw next(std::uint64_t view_key, double now_s, bool exact = false);
  // a moving frame is on screen: keep the loop running until the rest frame replaces it
  bool pending() const { return showing_moving_; }
  bool showingMovingFrame() const { return showing_moving_; }
  // when the view, unchanged since, counts as at rest (the full-quality frame is due)
  double restsAt() const { return last_change_s_ + kRestSeconds; }
  // The next change is motion even when it comes alone: the browser's first picture and a
  // change that starts the posture's animation (its frames are motion anyway) draw the moving
  // frame at once, full quality at rest (web only: under SwiftShader a full frame takes about a
  // second, docs/web.md). The desktop never calls it.
  void expectMotion() { changed_last_frame_ = true; }
  // the next call draws whatever the view shows (e.g. the target was reallocated)
  void forget() {
    key_ = 0;
    changed_last_frame_ = false;
  }

 private:
  bool enabled_;
  std::uint64_t key_ = 0;
  double last_change_s_ = -1e9;
  bool changed_last_frame_ = false;
  bool showing_moving_ = false;
};

}  // namespace sagitta::ui
