// The output path picks the format, and every field is checked before anything is written, with
// one sentence naming the path and the field.
#include "record/record_options.h"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "record/frame.h"
#include "record_test_support.h"

namespace sagitta::record {
namespace {
namespace fs = std::filesystem;

RecordOptions valid(const char* path = "out/clip.mp4") {
  RecordOptions o;
  o.path = path;
  o.width = 1280;
  o.height = 720;
  o.fps = 30;
  return o;
}

// The InputError message for `o`, or "" when it is valid.
std::string problem(const RecordOptions& o) {
  try {
    validate(o);
    return "";
  } catch (const InputError& e) {
    return e.what();
  }
}

TEST(RecordOptions, TheExtensionPicksTheFormatInAnyCase) {
  EXPECT_EQ(formatFromPath("clip.mp4"), OutputFormat::kMp4);
  EXPECT_EQ(formatFromPath("dir/Clip.MP4"), OutputFormat::kMp4);
  EXPECT_EQ(formatFromPath("loop.gif"), OutputFormat::kGif);
  EXPECT_EQ(formatFromPath("loop.GIF"), OutputFormat::kGif);
  EXPECT_EQ(formatFromPath("frames/"), OutputFormat::kPngSequence);
  EXPECT_EQ(formatFromPath("new.mp4/"), OutputFormat::kPngSequence);  // a trailing slash means a folder
}

TEST(RecordOptions, AnExistingFolderIsAPngSequence) {
  testing::ScratchDir scratch;
  fs::create_directory(scratch / "shots");
  EXPECT_EQ(formatFromPath(scratch / "shots"), OutputFormat::kPngSequence);
}

TEST(RecordOptions, AnUnknownExtensionIsAnInputErrorListingTheChoices) {
  for (const char* path : {"clip.avi", "clip.webm", "clip", "frame.png"}) {
    try {
      formatFromPath(path);
      ADD_FAILURE() << path << " was accepted";
    } catch (const InputError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(path), std::string::npos) << message;
      EXPECT_NE(message.find(".mp4, .gif"), std::string::npos) << message;
    }
  }
  EXPECT_THROW(formatFromPath(""), InputError);
}

TEST(RecordOptions, SizesMustFitThe4kLimitEitherWayRound) {
  RecordOptions o = valid();
  EXPECT_EQ(problem(o), "");
  o.width = 3840;
  o.height = 2160;
  EXPECT_EQ(problem(o), "");
  o.width = 2160;
  o.height = 3840;
  EXPECT_EQ(problem(o), "") << "portrait 4K";
  o.width = 3842;
  o.height = 2160;
  EXPECT_NE(problem(o).find("width 3842 is out of range; it must be 1 to 3840 pixels"), std::string::npos)
      << problem(o);
  o.width = 3840;
  o.height = 2162;
  EXPECT_NE(problem(o).find("too large"), std::string::npos) << problem(o);
  o.width = 0;
  o.height = 720;
  EXPECT_NE(problem(o).find("width 0 is out of range"), std::string::npos) << problem(o);
  o.width = 1280;
  o.height = -4;
  EXPECT_NE(problem(o).find("height -4 is out of range"), std::string::npos) << problem(o);
}

TEST(RecordOptions, Mp4NeedsEvenSizesAndSuggestsOne) {
  RecordOptions o = valid();
  o.width = 1279;
  const std::string message = problem(o);
  EXPECT_NE(message.find("even width and height"), std::string::npos) << message;
  EXPECT_NE(message.find("1280x720"), std::string::npos) << message;
  o.path = "clip.gif";
  EXPECT_EQ(problem(o), "") << "GIFs take odd sizes";
  o.path = "frames/";
  EXPECT_EQ(problem(o), "") << "PNGs take odd sizes";
}

TEST(RecordOptions, FrameRateMustBePositiveAndAtMost240OrFiftyForGif) {
  RecordOptions o = valid();
  for (int fps : {1, 24, 60, 240}) {
    o.fps = fps;
    EXPECT_EQ(problem(o), "") << fps;
  }
  for (int fps : {0, -30, 241}) {
    o.fps = fps;
    EXPECT_NE(problem(o).find("fps " + std::to_string(fps) + " is out of range"), std::string::npos)
        << problem(o);
  }
  o.path = "loop.gif";
  o.fps = 50;
  EXPECT_EQ(problem(o), "");
  o.fps = 60;
  EXPECT_NE(problem(o).find("hundredths"), std::string::npos) << problem(o);
}

TEST(RecordOptions, Mp4CannotBeTransparentButGifAndPngCan) {
  RecordOptions o = valid();
  o.transparent = true;
  EXPECT_NE(problem(o).find("has no alpha"), std::string::npos) << problem(o);
  o.path = "loop.gif";
  EXPECT_EQ(problem(o), "");
  o.path = "frames/";
  EXPECT_EQ(problem(o), "");
}

TEST(RecordOptions, QualityThreadsAndQueueAreRangeChecked) {
  RecordOptions o = valid();
  o.crf = 52;
  EXPECT_NE(problem(o).find("quality (CRF) 52"), std::string::npos) << problem(o);
  o.crf = 0;
  EXPECT_EQ(problem(o), "");
  o.encoder_threads = 0;
  EXPECT_NE(problem(o).find("encoder threads 0"), std::string::npos) << problem(o);
  o.encoder_threads = 4;
  o.queue_capacity = 0;
  EXPECT_NE(problem(o).find("queue capacity 0"), std::string::npos) << problem(o);
}

TEST(RecordOptions, EveryMessageNamesThePath) {
  RecordOptions o = valid("somewhere/talk.mp4");
  o.fps = 0;
  EXPECT_EQ(problem(o).rfind("cannot record somewhere/talk.mp4: ", 0), 0u) << problem(o);
}

TEST(FrameIndex, TimeMapsToTheFrameWhoseIntervalHoldsIt) {
  EXPECT_EQ(frameIndexAt(0.0, 30), 0);
  EXPECT_EQ(frameIndexAt(1.0 / 30.0, 30), 1);
  EXPECT_EQ(frameIndexAt(0.999, 30), 29);
  EXPECT_EQ(frameIndexAt(10.0, 30), 300);
  EXPECT_EQ(frameIndexAt(-1.0, 30), 0);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(frameIndexAt(i / 24.0, 24), i);
}

}  // namespace
}  // namespace sagitta::record
