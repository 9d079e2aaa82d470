// GIF specifics: the GIF codec at the requested (even odd) size, delays in whole hundredths that add
// up to the clip's length, flat colours kept exactly, pictures that hold and change where the input
// does, and a transparent background that really is transparent in every frame.
#include "record/gif_encoder.h"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "record_test_support.h"

namespace sagitta::record {
namespace {
using testing::Rgba;

constexpr int kWidth = 96;
constexpr int kHeight = 64;

Frame quadrants(std::int64_t index, int width = kWidth, int height = kHeight) {
  Frame frame = testing::solidFrame(width, height, index, {});
  const Rgba colours[4] = {{220, 30, 30, 255}, {30, 200, 60, 255}, {40, 60, 220, 255}, {200, 200, 200, 255}};
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const Rgba c = colours[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)];
      std::uint8_t* p = frame.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
      p[0] = c.r;
      p[1] = c.g;
      p[2] = c.b;
    }
  }
  return frame;
}

// 1 s at 30 fps: quadrants held for frames 0-9, motion for 10-19, teal held for 20-29.
Frame scripted(int index) {
  if (index < 10) return quadrants(index);
  if (index < 20) return testing::movingFrame(kWidth, kHeight, index, index * 2);
  return testing::solidFrame(kWidth, kHeight, index, {20, 130, 140, 255});
}

class GifEncoderTest : public ::testing::Test {
 protected:
  RecordOptions options(int fps = 30) const {
    RecordOptions o;
    o.path = path_;
    o.width = kWidth;
    o.height = kHeight;
    o.fps = fps;
    return o;
  }
  testing::DecodedVideo recordScripted() {
    GifEncoder encoder(options());
    for (int i = 0; i < 30; ++i) encoder.encode(scripted(i));
    encoder.finish();
    return testing::decodeVideo(path_);
  }
  testing::ScratchDir scratch_;
  std::filesystem::path path_ = scratch_ / "loop.gif";
};

TEST_F(GifEncoderTest, WritesAGifAtTheRequestedSizeWithFpsTimesDurationFrames) {
  const testing::DecodedVideo video = recordScripted();
  EXPECT_EQ(video.container, "gif");
  EXPECT_EQ(video.codec, "gif");
  EXPECT_EQ(video.width, kWidth);
  EXPECT_EQ(video.height, kHeight);
  EXPECT_EQ(video.frames.size(), 30u);
}

TEST_F(GifEncoderTest, DelaysAreWholeHundredthsThatNeverDriftFromTheFrameRate) {
  // 30 fps cannot be 3.33 cs a frame: frames start at round(100 i / 30) cs, so delays run
  // 3, 4, 3, 3, 4, 3, ... and 30 frames last exactly one second.
  const testing::DecodedVideo video = recordScripted();
  ASSERT_EQ(video.frames.size(), 30u);
  double end = 0.0;
  for (std::size_t i = 0; i < video.frames.size(); ++i) {
    const testing::DecodedFrame& frame = video.frames[i];
    EXPECT_NEAR(frame.seconds, std::round(100.0 * static_cast<double>(i) / 30.0) / 100.0, 1e-9)
        << "frame " << i;
    EXPECT_TRUE(std::abs(frame.duration_seconds - 0.03) < 1e-9 ||
                std::abs(frame.duration_seconds - 0.04) < 1e-9)
        << "frame " << i << " lasts " << frame.duration_seconds;
    end = frame.seconds + frame.duration_seconds;
  }
  EXPECT_NEAR(end, 1.0, 1e-9);
}

TEST_F(GifEncoderTest, FiftyFpsPlaysAsTwoHundredthsAFrame) {
  {
    GifEncoder encoder(options(50));
    for (int i = 0; i < 10; ++i) encoder.encode(testing::movingFrame(kWidth, kHeight, i, i));
    encoder.finish();
  }
  const testing::DecodedVideo video = testing::decodeVideo(path_);
  ASSERT_EQ(video.frames.size(), 10u);
  for (const testing::DecodedFrame& frame : video.frames) EXPECT_NEAR(frame.duration_seconds, 0.02, 1e-9);
}

TEST_F(GifEncoderTest, PicturesHoldWhereTheInputHoldsAndChangeWhereItChanges) {
  const testing::DecodedVideo video = recordScripted();
  ASSERT_EQ(video.frames.size(), 30u);
  for (int i = 1; i < 30; ++i) {
    const double difference = testing::meanDifference(video.frames[i - 1].rgba, video.frames[i].rgba);
    if (i < 10 || i > 20) {
      EXPECT_EQ(difference, 0.0) << "frame " << i << " should hold";
    } else {
      EXPECT_GT(difference, 8.0) << "frame " << i << " should change";
    }
  }
}

TEST_F(GifEncoderTest, KeepsFlatColoursExactlyAndTheRightWayUp) {
  const testing::DecodedVideo video = recordScripted();
  ASSERT_EQ(video.frames.size(), 30u);
  const auto& still = video.frames[5].rgba;
  auto expectColour = [&](int x, int y, Rgba c) {
    const Rgba p = testing::pixelAt(still, kWidth, x, y);
    EXPECT_EQ(p.r, c.r) << x << "," << y;
    EXPECT_EQ(p.g, c.g) << x << "," << y;
    EXPECT_EQ(p.b, c.b) << x << "," << y;
    EXPECT_EQ(p.a, 255) << x << "," << y;
  };
  expectColour(5, 5, {220, 30, 30, 255});
  expectColour(kWidth - 5, 5, {30, 200, 60, 255});
  expectColour(5, kHeight - 5, {40, 60, 220, 255});
  expectColour(kWidth - 5, kHeight - 5, {200, 200, 200, 255});
}

TEST_F(GifEncoderTest, AGradientKeepsItsShapeWithinPaletteTolerance) {
  // More colours than a palette holds: dithering must stay close to the original on average.
  {
    GifEncoder encoder(options());
    encoder.encode(testing::movingFrame(kWidth, kHeight, 0, 0));
    encoder.finish();
  }
  const testing::DecodedVideo video = testing::decodeVideo(path_);
  ASSERT_EQ(video.frames.size(), 1u);
  EXPECT_LT(testing::meanDifference(video.frames[0].rgba, testing::movingFrame(kWidth, kHeight, 0, 0).rgba),
            6.0);
}

TEST_F(GifEncoderTest, AcceptsOddSizes) {
  RecordOptions o = options();
  o.width = 75;
  o.height = 41;
  {
    GifEncoder encoder(o);
    for (int i = 0; i < 3; ++i) encoder.encode(quadrants(i, 75, 41));
    encoder.finish();
  }
  const testing::DecodedVideo video = testing::decodeVideo(path_);
  EXPECT_EQ(video.width, 75);
  EXPECT_EQ(video.height, 41);
  EXPECT_EQ(video.frames.size(), 3u);
}

TEST_F(GifEncoderTest, ATransparentBackgroundStaysTransparentAsThingsMove) {
  // A red square on a clear background moves right: where it was must become clear again, not keep
  // the old red (a GIF that only draws over the previous frame would).
  RecordOptions o = options();
  o.transparent = true;
  auto squareAt = [](std::int64_t index, int left) {
    Frame frame = testing::solidFrame(kWidth, kHeight, index, {0, 0, 0, 0});
    for (int y = 16; y < 48; ++y) {
      for (int x = left; x < left + 24; ++x) {
        std::uint8_t* p = frame.rgba.data() + (static_cast<std::size_t>(y) * kWidth + x) * 4;
        p[0] = 230;
        p[1] = 20;
        p[2] = 20;
        p[3] = 255;
      }
    }
    return frame;
  };
  {
    GifEncoder encoder(o);
    encoder.encode(squareAt(0, 8));
    encoder.encode(squareAt(1, 60));
    encoder.finish();
  }
  const testing::DecodedVideo video = testing::decodeVideo(path_);
  ASSERT_EQ(video.frames.size(), 2u);
  EXPECT_EQ(testing::pixelAt(video.frames[0].rgba, kWidth, 20, 30).a, 255);
  EXPECT_EQ(testing::pixelAt(video.frames[0].rgba, kWidth, 20, 30).r, 230);
  EXPECT_EQ(testing::pixelAt(video.frames[0].rgba, kWidth, 70, 30).a, 0);
  EXPECT_EQ(testing::pixelAt(video.frames[0].rgba, kWidth, 2, 2).a, 0);
  EXPECT_EQ(testing::pixelAt(video.frames[1].rgba, kWidth, 20, 30).a, 0) << "the old square shows through";
  EXPECT_EQ(testing::pixelAt(video.frames[1].rgba, kWidth, 70, 30).a, 255);
  EXPECT_EQ(testing::pixelAt(video.frames[1].rgba, kWidth, 70, 30).r, 230);
}

TEST_F(GifEncoderTest, AnOpaqueRecordingIgnoresAlpha) {
  {
    GifEncoder encoder(options());
    encoder.encode(testing::solidFrame(kWidth, kHeight, 0, {10, 90, 200, 0}));
    encoder.finish();
  }
  const testing::DecodedVideo video = testing::decodeVideo(path_);
  ASSERT_EQ(video.frames.size(), 1u);
  const Rgba p = testing::pixelAt(video.frames[0].rgba, kWidth, 40, 30);
  EXPECT_EQ(p.a, 255);
  EXPECT_EQ(p.b, 200);
}

}  // namespace
}  // namespace sagitta::record
