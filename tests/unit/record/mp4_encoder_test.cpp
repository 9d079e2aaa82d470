// MP4 specifics: H.264 yuv420p at the requested size, one frame per 1/fps, accurate BT.709
// colours, pictures that hold and change where the input does, the index at the front.
#include "record/mp4_encoder.h"

#include <string>

#include <gtest/gtest.h>

#include "record_test_support.h"

namespace sagitta::record {
namespace {
using testing::Rgba;

constexpr int kWidth = 160;
constexpr int kHeight = 96;
constexpr int kFps = 24;
constexpr int kSeconds = 2;

// Four flat quadrants (red, green, blue, light grey): checks colour and orientation at once.
Frame quadrants(std::int64_t index) {
  Frame frame = testing::solidFrame(kWidth, kHeight, index, {});
  const Rgba colours[4] = {{220, 30, 30, 255}, {30, 200, 60, 255}, {40, 60, 220, 255}, {200, 200, 200, 255}};
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const Rgba c = colours[(y < kHeight / 2 ? 0 : 2) + (x < kWidth / 2 ? 0 : 1)];
      std::uint8_t* p = frame.rgba.data() + (static_cast<std::size_t>(y) * kWidth + x) * 4;
      p[0] = c.r;
      p[1] = c.g;
      p[2] = c.b;
    }
  }
  return frame;
}

// The scripted clip: quadrants held for frames 0-11, motion for 12-23, a flat teal held for 24-47.
Frame scripted(int index) {
  if (index < 12) return quadrants(index);
  if (index < 24) return testing::movingFrame(kWidth, kHeight, index, index * 2);
  return testing::solidFrame(kWidth, kHeight, index, {20, 130, 140, 255});
}

RecordOptions options(const std::filesystem::path& path) {
  RecordOptions o;
  o.path = path;
  o.width = kWidth;
  o.height = kHeight;
  o.fps = kFps;
  return o;
}

void expectNear(Rgba actual, Rgba expected, int tolerance, const char* what) {
  EXPECT_NEAR(actual.r, expected.r, tolerance) << what;
  EXPECT_NEAR(actual.g, expected.g, tolerance) << what;
  EXPECT_NEAR(actual.b, expected.b, tolerance) << what;
}

class Mp4EncoderTest : public ::testing::Test {
 protected:
  testing::DecodedVideo recordScripted() {
    Mp4Encoder encoder(options(path_));
    for (int i = 0; i < kFps * kSeconds; ++i) encoder.encode(scripted(i));
    encoder.finish();
    return testing::decodeVideo(path_);
  }
  testing::ScratchDir scratch_;
  std::filesystem::path path_ = scratch_ / "clip.mp4";
};

TEST_F(Mp4EncoderTest, WritesH264Yuv420pAtTheRequestedSizeWithFpsTimesDurationFrames) {
  const testing::DecodedVideo video = recordScripted();
  EXPECT_NE(video.container.find("mp4"), std::string::npos) << video.container;
  EXPECT_EQ(video.codec, "h264");
  EXPECT_EQ(video.pixel_format, "yuv420p");
  EXPECT_EQ(video.width, kWidth);
  EXPECT_EQ(video.height, kHeight);
  ASSERT_EQ(video.frames.size(), static_cast<std::size_t>(kFps * kSeconds));
  for (std::size_t i = 0; i < video.frames.size(); ++i) {
    EXPECT_NEAR(video.frames[i].seconds, static_cast<double>(i) / kFps, 1e-3) << "frame " << i;
  }
}

TEST_F(Mp4EncoderTest, PicturesHoldWhereTheInputHoldsAndChangeWhereItChanges) {
  const testing::DecodedVideo video = recordScripted();
  ASSERT_EQ(video.frames.size(), 48u);
  for (int i = 1; i < 48; ++i) {
    const double difference = testing::meanDifference(video.frames[i - 1].rgba, video.frames[i].rgba);
    if (i < 12 || i > 24) {
      EXPECT_LT(difference, 1.0) << "frame " << i << " should hold";
    } else {
      EXPECT_GT(difference, 8.0) << "frame " << i << " should change";
    }
  }
}

TEST_F(Mp4EncoderTest, KeepsColoursAndOrientationWithinCodecTolerance) {
  // BT.709 in and out: a BT.601 mix-up would shift these saturated colours by 10-20 levels.
  const testing::DecodedVideo video = recordScripted();
  ASSERT_EQ(video.frames.size(), 48u);
  const auto& still = video.frames[6].rgba;
  expectNear(testing::pixelAt(still, kWidth, kWidth / 4, kHeight / 4), {220, 30, 30, 255}, 5, "top left red");
  expectNear(testing::pixelAt(still, kWidth, 3 * kWidth / 4, kHeight / 4), {30, 200, 60, 255}, 5,
             "top right green");
  expectNear(testing::pixelAt(still, kWidth, kWidth / 4, 3 * kHeight / 4), {40, 60, 220, 255}, 5,
             "bottom left blue");
  expectNear(testing::pixelAt(still, kWidth, 3 * kWidth / 4, 3 * kHeight / 4), {200, 200, 200, 255}, 5,
             "grey");
  expectNear(testing::pixelAt(video.frames[40].rgba, kWidth, 10, 10), {20, 130, 140, 255}, 5, "teal");
}

TEST_F(Mp4EncoderTest, PutsTheIndexBeforeTheMediaSoPlaybackStartsAtOnce) {
  recordScripted();
  const std::string bytes = testing::readBytes(path_);
  const std::size_t moov = bytes.find("moov");
  const std::size_t mdat = bytes.find("mdat");
  ASSERT_NE(moov, std::string::npos);
  ASSERT_NE(mdat, std::string::npos);
  EXPECT_LT(moov, mdat) << "no +faststart";
}

TEST_F(Mp4EncoderTest, CarriesNoTimestampOrEncoderVersionInItsMetadata) {
  recordScripted();
  const std::string bytes = testing::readBytes(path_);
  EXPECT_EQ(bytes.find("Lavf"), std::string::npos) << "libavformat version string";
  EXPECT_EQ(bytes.find("creation_time"), std::string::npos);
}

TEST_F(Mp4EncoderTest, AGapInIndicesHoldsThePreviousPictureForTheMissingTime) {
  {
    Mp4Encoder encoder(options(path_));
    for (int index : {0, 1, 2, 6, 7}) encoder.encode(testing::movingFrame(kWidth, kHeight, index, index));
    encoder.finish();
  }
  const testing::DecodedVideo video = testing::decodeVideo(path_);
  ASSERT_EQ(video.frames.size(), 5u);
  const double expected[] = {0, 1, 2, 6, 7};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(video.frames[i].seconds, expected[i] / kFps, 1e-3);
}

TEST_F(Mp4EncoderTest, IsDeterministicForAnyFixedThreadCountWhateverTheHeapHolds) {
  // x264's output may depend on its thread count (hence a fixed count, not the core count), but
  // for a given count it must not depend on timing or on leftover memory.
  auto record = [&](int threads, int poison_byte, const char* name) {
    const testing::HeapPoison poison(poison_byte);
    RecordOptions o = options(scratch_ / name);
    o.encoder_threads = threads;
    Mp4Encoder encoder(o);
    for (int i = 0; i < 30; ++i) encoder.encode(testing::movingFrame(kWidth, kHeight, i, i));
    encoder.finish();
    return testing::readBytes(o.path);
  };
  for (int threads : {1, 4}) {
    EXPECT_TRUE(record(threads, 0x11, "a.mp4") == record(threads, 0xEE, "b.mp4")) << threads << " threads";
  }
}

}  // namespace
}  // namespace sagitta::record
