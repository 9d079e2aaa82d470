// The moving frame (issue 16): while the view moves on a software renderer, the 3D view is drawn
// at half resolution without MSAA, with the cached shadow map, and upscaled; labels and text stay
// at full resolution. It may differ from the full-quality (rest) frame only within the
// tolerance documented in docs/ARCHITECTURE.md ("Fluid on software rendering"):
//   - mean absolute RGB difference over the picture <= 2 (of 255),
//   - on 16x16-pixel blocks (what the eye follows in motion) the mean difference <= 1 and no
//     block differs by more than 32: nothing appears, disappears or moves.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "gl_fixture.h"
#include "render/gl.h"
#include "scene/default_model.h"
#include "scene/session.h"
#include "ui/view_composer.h"

using namespace sagitta;
using sagitta::testing::GlTest;

namespace {

constexpr int kW = 1280, kH = 720;

struct BlockDiff {
  double mean = 0.0, max = 0.0;
};

// Differences of the two pictures averaged over b×b blocks.
BlockDiff blockDiff(const Image& a, const Image& b, int block) {
  BlockDiff d;
  int blocks = 0;
  for (int by = 0; by + block <= a.height; by += block) {
    for (int bx = 0; bx + block <= a.width; bx += block) {
      double sa[3] = {0, 0, 0}, sb[3] = {0, 0, 0};
      for (int y = by; y < by + block; ++y) {
        for (int x = bx; x < bx + block; ++x) {
          for (int c = 0; c < 3; ++c) {
            sa[c] += a.pixel(x, y)[c];
            sb[c] += b.pixel(x, y)[c];
          }
        }
      }
      double diff = 0.0;
      for (int c = 0; c < 3; ++c) diff += std::abs(sa[c] - sb[c]) / (block * block);
      diff /= 3.0;
      d.mean += diff;
      d.max = std::max(d.max, diff);
      ++blocks;
    }
  }
  d.mean /= std::max(blocks, 1);
  return d;
}

}  // namespace

class MovingFrameTest : public GlTest {
 protected:
  static void SetUpTestSuite() {
    GlTest::SetUpTestSuite();
    session_ = std::make_unique<scene::Session>(scene::loadDefaultModel());
    session_->settle();
  }
  static void TearDownTestSuite() {
    session_.reset();
    GlTest::TearDownTestSuite();
  }
  Image draw(const scene::Camera& camera, const ui::FrameQuality& quality) {
    render::RenderTarget target(kW, kH, quality.full() ? 4 : 1);
    const scene::FrameContent frame = session_->frame(camera);
    composer_.composeFrame(renderer_, frame, session_->meshes(), camera, session_->shown().view,
                           static_cast<float>(kH) / 1080.0f, target, quality);
    Image img;
    img.width = kW;
    img.height = kH;
    img.rgba = target.readPixels();
    return img;
  }
  static std::unique_ptr<scene::Session> session_;
  render::Renderer renderer_;
  ui::ViewComposer composer_;
};
std::unique_ptr<scene::Session> MovingFrameTest::session_;

TEST_F(MovingFrameTest, DiffersFromTheRestFrameOnlyWithinItsTolerance) {
  scene::Camera camera = session_->cameraFor(session_->shown().view, static_cast<float>(kW) / kH);
  // the motion: the shadow map was drawn a few degrees of orbit ago and is reused
  (void)draw(camera, {});
  camera.orbit(0.03f, 0.0f);
  const Image moving = draw(camera, ui::kMovingFrame);
  const Image rest = draw(camera, {});
  sagitta::testing::dumpIfRequested(moving, "moving_frame");
  sagitta::testing::dumpIfRequested(rest, "rest_frame");
  const double mean = sagitta::testing::meanAbsDiff(moving, rest);
  const BlockDiff blocks = blockDiff(moving, rest, 16);
  RecordProperty("mean_abs_diff", std::to_string(mean));
  RecordProperty("block_mean", std::to_string(blocks.mean));
  RecordProperty("block_max", std::to_string(blocks.max));
  EXPECT_LE(mean, 2.0);
  EXPECT_LE(blocks.mean, 1.0);
  EXPECT_LE(blocks.max, 32.0);
  // and it is a picture of the model, not an empty or stale one: a moving frame of another view
  // is far from this rest frame
  camera.orbit(0.6f, 0.0f);
  const Image elsewhere = draw(camera, ui::kMovingFrame);
  EXPECT_GT(blockDiff(elsewhere, rest, 16).max, 60.0);
  EXPECT_EQ(render::takeGlErrors(), "");
}

TEST_F(MovingFrameTest, TheRestFrameIsExact) {
  // full quality after moving frames is the same picture as full quality without them
  const scene::Camera camera = session_->cameraFor(session_->shown().view, static_cast<float>(kW) / kH);
  const Image before = draw(camera, {});
  scene::Camera moved = camera;
  for (int i = 0; i < 3; ++i) {
    moved.orbit(0.05f, 0.0f);
    (void)draw(moved, ui::kMovingFrame);
  }
  const Image after = draw(camera, {});
  EXPECT_EQ(sagitta::testing::meanAbsDiff(before, after), 0.0);
}
