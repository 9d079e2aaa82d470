// PNG sequences: numbered files that read back exactly (RGB when opaque, RGBA when transparent),
// gaps filled so the sequence stays contiguous, and an existing folder replaced only when it holds
// nothing but an earlier frame sequence.
#include "record/png_sequence_writer.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "record_test_support.h"

namespace sagitta::record {
namespace {
namespace fs = std::filesystem;

constexpr int kWidth = 40;
constexpr int kHeight = 30;

class PngSequenceWriterTest : public ::testing::Test {
 protected:
  RecordOptions options(bool transparent = false) const {
    RecordOptions o;
    o.path = scratch_.path().string() + "/frames/";
    o.width = kWidth;
    o.height = kHeight;
    o.fps = 25;
    o.transparent = transparent;
    return o;
  }
  std::vector<std::string> frameNames() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  testing::ScratchDir scratch_;
  fs::path folder_ = scratch_ / "frames";
};

TEST_F(PngSequenceWriterTest, NamesFramesFromOneWithSixDigits) {
  EXPECT_EQ(PngSequenceWriter::fileNameFor(0), "frame_000001.png");
  EXPECT_EQ(PngSequenceWriter::fileNameFor(41), "frame_000042.png");
  EXPECT_EQ(PngSequenceWriter::fileNameFor(1234567), "frame_1234568.png");
}

TEST_F(PngSequenceWriterTest, OpaqueFramesReadBackExactlyAsRgb) {
  std::vector<Frame> frames;
  frames.reserve(3);
  for (int i = 0; i < 3; ++i) frames.push_back(testing::movingFrame(kWidth, kHeight, i, i * 5));
  frames[1].rgba[3] = 17;  // alpha is ignored when not recording transparency
  {
    PngSequenceWriter writer(options());
    for (const Frame& f : frames) writer.encode(f);
    writer.finish();
  }
  ASSERT_EQ(frameNames(),
            (std::vector<std::string>{"frame_000001.png", "frame_000002.png", "frame_000003.png"}));
  for (int i = 0; i < 3; ++i) {
    const testing::PngImage image = testing::readPng(folder_ / PngSequenceWriter::fileNameFor(i));
    EXPECT_EQ(image.width, kWidth);
    EXPECT_EQ(image.height, kHeight);
    EXPECT_EQ(image.channels, 3);
    std::vector<std::uint8_t> expected = frames[static_cast<std::size_t>(i)].rgba;
    for (std::size_t k = 3; k < expected.size(); k += 4) expected[k] = 255;
    EXPECT_TRUE(image.rgba == expected) << "frame " << i << " differs";
  }
}

TEST_F(PngSequenceWriterTest, TransparentFramesKeepTheirAlphaExactly) {
  Frame frame = testing::movingFrame(kWidth, kHeight, 0, 3);
  for (std::size_t k = 3; k < frame.rgba.size(); k += 4)
    frame.rgba[k] = static_cast<std::uint8_t>(k * 7 % 256);
  {
    PngSequenceWriter writer(options(true));
    writer.encode(frame);
    writer.finish();
  }
  const testing::PngImage image = testing::readPng(folder_ / "frame_000001.png");
  EXPECT_EQ(image.channels, 4);
  EXPECT_TRUE(image.rgba == frame.rgba);
}

TEST_F(PngSequenceWriterTest, AGapIsFilledWithCopiesSoTheSequenceKeepsItsTiming) {
  {
    PngSequenceWriter writer(options());
    writer.encode(testing::solidFrame(kWidth, kHeight, 0, {10, 20, 30, 255}));
    writer.encode(testing::solidFrame(kWidth, kHeight, 1, {200, 20, 30, 255}));
    writer.encode(testing::solidFrame(kWidth, kHeight, 4, {10, 220, 30, 255}));
    writer.finish();
  }
  ASSERT_EQ(frameNames().size(), 5u);
  EXPECT_EQ(testing::readPng(folder_ / "frame_000003.png").rgba[0], 200);
  EXPECT_EQ(testing::readPng(folder_ / "frame_000004.png").rgba[0], 200);
  EXPECT_EQ(testing::readPng(folder_ / "frame_000005.png").rgba[1], 220);
}

TEST_F(PngSequenceWriterTest, AnExistingFolderWithoutTrailingSlashIsAFrameFolder) {
  fs::create_directory(folder_);
  RecordOptions o = options();
  o.path = folder_;  // no slash: an existing folder still means PNG frames
  PngSequenceWriter writer(o);
  writer.encode(testing::solidFrame(kWidth, kHeight, 0, {1, 2, 3, 255}));
  writer.finish();
  EXPECT_EQ(frameNames(), std::vector<std::string>{"frame_000001.png"});
}

TEST_F(PngSequenceWriterTest, ReplacesAnEarlierSequenceWhole) {
  {
    PngSequenceWriter writer(options());
    for (int i = 0; i < 5; ++i) writer.encode(testing::solidFrame(kWidth, kHeight, i, {9, 9, 9, 255}));
    writer.finish();
  }
  {
    PngSequenceWriter writer(options());
    for (int i = 0; i < 2; ++i) writer.encode(testing::solidFrame(kWidth, kHeight, i, {99, 9, 9, 255}));
    writer.finish();
  }
  // No stale frames 3-5 from the first take.
  EXPECT_EQ(frameNames(), (std::vector<std::string>{"frame_000001.png", "frame_000002.png"}));
  EXPECT_EQ(testing::readPng(folder_ / "frame_000002.png").rgba[0], 99);
  EXPECT_EQ(scratch_.names(), std::vector<std::string>{"frames"});
}

TEST_F(PngSequenceWriterTest, RefusesAFolderHoldingOtherFilesAndLeavesItAlone) {
  fs::create_directory(folder_);
  std::ofstream(folder_ / "notes.txt") << "keep me";
  try {
    PngSequenceWriter writer(options());
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(folder_.string()), std::string::npos) << e.what();
  }
  EXPECT_EQ(frameNames(), std::vector<std::string>{"notes.txt"});
  EXPECT_EQ(testing::readBytes(folder_ / "notes.txt"), "keep me");
  EXPECT_EQ(scratch_.names(), std::vector<std::string>{"frames"});
}

TEST_F(PngSequenceWriterTest, RefusesAFileWhereTheFolderShouldBe) {
  std::ofstream(folder_) << "a file";
  EXPECT_THROW(PngSequenceWriter{options()}, IoError);
  EXPECT_EQ(testing::readBytes(folder_), "a file");
}

TEST_F(PngSequenceWriterTest, AFileAddedToTheOldFolderDuringRecordingStopsTheReplacement) {
  {
    PngSequenceWriter writer(options());
    writer.encode(testing::solidFrame(kWidth, kHeight, 0, {9, 9, 9, 255}));
    writer.finish();
  }
  PngSequenceWriter writer(options());
  writer.encode(testing::solidFrame(kWidth, kHeight, 0, {99, 9, 9, 255}));
  std::ofstream(folder_ / "added.txt") << "new";
  EXPECT_THROW(writer.finish(), IoError);
  EXPECT_EQ(frameNames(), (std::vector<std::string>{"added.txt", "frame_000001.png"}));
  EXPECT_EQ(testing::readPng(folder_ / "frame_000001.png").rgba[0], 9);
  EXPECT_EQ(scratch_.names(), std::vector<std::string>{"frames"});
}

}  // namespace
}  // namespace sagitta::record
