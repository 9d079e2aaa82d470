// The cheap-while-moving policy of the 3D view (issue 16): motion draws moving frames, a single
// change and the view at rest draw full quality, a live recording always gets full quality.
#include "ui/fluid_policy.h"

#include <gtest/gtest.h>

namespace sagitta::ui {
namespace {

using Draw = FluidPolicy::Draw;

TEST(FluidPolicy, OrbitDrawsMovingFramesThenOneFullFrameAtRest) {
  FluidPolicy p(true);
  double t = 0.0;
  EXPECT_EQ(p.next(1, t), Draw::kFull);            // the first picture
  EXPECT_EQ(p.next(1, t + 0.02), Draw::kNothing);  // the loop runs a few frames, then waits
  t += 5.0;
  // the camera starts turning: the first change after a rest is exact, the ones after move
  EXPECT_EQ(p.next(2, t), Draw::kFull);
  for (std::uint64_t k = 3; k < 10; ++k) {
    t += 0.7;  // even a slow frame keeps the motion going: the previous frame changed too
    EXPECT_EQ(p.next(k, t), Draw::kMoving) << k;
    EXPECT_TRUE(p.pending());
  }
  // it stops: nothing until the rest time has passed, then the full frame once
  const double last_change = t;
  t += 0.02;
  EXPECT_EQ(p.next(9, t), Draw::kNothing);
  EXPECT_TRUE(p.pending());
  // the loop sleeps until then (GuiApp::pollInput)
  EXPECT_DOUBLE_EQ(p.restsAt(), last_change + FluidPolicy::kRestSeconds);
  t += FluidPolicy::kRestSeconds;
  EXPECT_EQ(p.next(9, t), Draw::kFull);
  EXPECT_FALSE(p.pending());
  EXPECT_EQ(p.next(9, t + 1.0), Draw::kNothing);
}

TEST(FluidPolicy, SingleChangesAreExact) {
  FluidPolicy p(true);
  EXPECT_EQ(p.next(1, 0.0), Draw::kFull);
  EXPECT_EQ(p.next(1, 0.5), Draw::kNothing);
  EXPECT_EQ(p.next(2, 1.0), Draw::kFull);  // a click: no low-quality flash
  EXPECT_EQ(p.next(2, 1.03), Draw::kNothing);
  EXPECT_EQ(p.next(3, 2.0), Draw::kFull);
  EXPECT_FALSE(p.pending());
}

TEST(FluidPolicy, OffAndExactAlwaysDrawFullQuality) {
  FluidPolicy off(false);
  for (std::uint64_t k = 1; k < 6; ++k) EXPECT_EQ(off.next(k, 0.01 * static_cast<double>(k)), Draw::kFull);
  FluidPolicy p(true);
  EXPECT_EQ(p.next(1, 0.0), Draw::kFull);
  EXPECT_EQ(p.next(2, 0.03), Draw::kMoving);
  // a live recording starts while a moving frame shows: the full frame at once, and no more
  // moving frames while it runs
  EXPECT_EQ(p.next(2, 0.04, true), Draw::kFull);
  EXPECT_EQ(p.next(3, 0.05, true), Draw::kFull);
  EXPECT_EQ(p.next(4, 0.06, true), Draw::kFull);
}

TEST(FluidPolicy, ExpectedMotionDrawsTheMovingFrameAtOnceThenFullAtRest) {
  FluidPolicy p(true);
  p.expectMotion();  // the browser's first picture
  EXPECT_EQ(p.next(1, 0.0), Draw::kMoving);
  EXPECT_EQ(p.next(1, 0.02), Draw::kNothing);
  EXPECT_EQ(p.next(1, FluidPolicy::kRestSeconds), Draw::kFull);
  // a single change is exact, unless it starts an animation
  EXPECT_EQ(p.next(2, 5.0), Draw::kFull);
  p.expectMotion();
  EXPECT_EQ(p.next(3, 10.0), Draw::kMoving);
  // off, or a live recording: full quality all the same
  FluidPolicy off(false);
  off.expectMotion();
  EXPECT_EQ(off.next(1, 0.0), Draw::kFull);
  p.expectMotion();
  EXPECT_EQ(p.next(4, 20.0, true), Draw::kFull);
}

TEST(FluidPolicy, ForgetRedrawsTheSameView) {
  FluidPolicy p(true);
  EXPECT_EQ(p.next(7, 0.0), Draw::kFull);
  p.forget();
  EXPECT_EQ(p.next(7, 5.0), Draw::kFull);
}

}  // namespace
}  // namespace sagitta::ui
