#include "scene/pose_animator.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include "core/undo.h"

using sagitta::anatomy::Pose;
using sagitta::anatomy::Segment;
using sagitta::scene::PoseAnimator;

namespace {

Pose tilted(double angle_rad, double slide_m) {
  Pose p;
  p.joint[static_cast<std::size_t>(Segment::kPelvis)] =
      glm::translate(glm::dmat4(1.0), glm::dvec3(slide_m, 0, 0)) *
      glm::rotate(glm::dmat4(1.0), angle_rad, glm::dvec3(0, 0, 1));
  return p;
}

double pelvisAngle(const Pose& p) {
  const glm::dmat4& m = p.joint[static_cast<std::size_t>(Segment::kPelvis)];
  return std::atan2(m[0][1], m[0][0]);
}

double pelvisSlide(const Pose& p) {
  return p.joint[static_cast<std::size_t>(Segment::kPelvis)][3].x;
}

double runFor(PoseAnimator& a, const Pose& target, double seconds, double fps) {
  const int frames = static_cast<int>(std::lround(seconds * fps));
  for (int i = 0; i < frames; ++i) a.update(target, 1.0 / fps);
  return pelvisAngle(a.current());
}

}  // namespace

TEST(PoseAnimator, MovesTowardTheTargetWithoutOvershootAndSettles) {
  PoseAnimator a(0.6);
  a.reset(Pose{});
  const Pose target = tilted(0.2, 0.05);
  double previous = 0.0;
  for (int i = 0; i < 120; ++i) {
    a.update(target, 1.0 / 60.0);
    const double angle = pelvisAngle(a.current());
    EXPECT_GE(angle, previous - 1e-12) << "monotone: a critically damped spring never turns back";
    EXPECT_LE(angle, 0.2 + 1e-9) << "no overshoot";
    previous = angle;
  }
  EXPECT_NEAR(pelvisAngle(a.current()), 0.2, 1e-3);
  EXPECT_NEAR(pelvisSlide(a.current()), 0.05, 1e-4);
  EXPECT_FALSE(a.moving());
}

TEST(PoseAnimator, TheMotionIsTheSameAtAnyFrameRate) {
  const Pose target = tilted(0.3, 0.0);
  PoseAnimator slow(0.6), fast(0.6);
  slow.reset(Pose{});
  fast.reset(Pose{});
  EXPECT_NEAR(runFor(slow, target, 0.2, 30.0), runFor(fast, target, 0.2, 240.0), 1e-9);
}

TEST(PoseAnimator, AChangedTargetMidMotionContinuesSmoothly) {
  PoseAnimator a(0.6);
  a.reset(Pose{});
  runFor(a, tilted(0.3, 0.0), 0.1, 60.0);
  const double before = pelvisAngle(a.current());
  a.update(tilted(-0.3, 0.0), 1.0 / 60.0);
  EXPECT_LT(std::abs(pelvisAngle(a.current()) - before), 0.03) << "no jump when the target flips";
}

TEST(PoseAnimator, AStalledFrameDoesNotJump) {
  PoseAnimator a(0.6);
  a.reset(Pose{});
  a.update(tilted(0.3, 0.0), 10.0);  // the machine froze for 10 s
  EXPECT_LT(pelvisAngle(a.current()), 0.3);
  a.update(tilted(0.3, 0.0), std::nan(""));
  EXPECT_TRUE(std::isfinite(pelvisAngle(a.current())));
}

TEST(UndoHistory, UndoRedoRestoreStatesInOrder) {
  sagitta::UndoHistory<int> h;
  int state = 0;
  h.record(state, "a");
  state = 1;
  h.record(state, "b");
  state = 2;
  ASSERT_TRUE(h.canUndo());
  EXPECT_EQ(h.undoName(), "b");
  state = h.undo(state);
  EXPECT_EQ(state, 1);
  state = h.undo(state);
  EXPECT_EQ(state, 0);
  EXPECT_FALSE(h.canUndo());
  state = h.redo(state);
  EXPECT_EQ(state, 1);
  state = h.redo(state);
  EXPECT_EQ(state, 2);
  EXPECT_FALSE(h.canRedo());
}

TEST(UndoHistory, ASliderDragIsOneStep) {
  sagitta::UndoHistory<int> h;
  int state = 0;
  for (int i = 1; i <= 20; ++i) {
    h.record(state, "hip flexor tightness", "muscles.hip_flexors.tightness");
    state = i;
  }
  h.closeStep();  // slider released
  h.record(state, "hip flexor tightness", "muscles.hip_flexors.tightness");
  state = 99;
  EXPECT_EQ(h.undoDepth(), 2u);
  state = h.undo(state);
  EXPECT_EQ(state, 20);
  state = h.undo(state);
  EXPECT_EQ(state, 0) << "the whole drag undoes at once";
}

TEST(UndoHistory, ANewChangeClearsRedo) {
  sagitta::UndoHistory<int> h;
  int state = 0;
  h.record(state, "a");
  state = 1;
  state = h.undo(state);
  EXPECT_TRUE(h.canRedo());
  h.record(state, "c");
  EXPECT_FALSE(h.canRedo());
}
