// `sagitta record` end to end: decode what it wrote (libavformat) and check it.
#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "../unit/record/record_test_support.h"
#include "process.h"

namespace fs = std::filesystem;
using sagitta::testing::runSagitta;

namespace {

const std::string kData = SAGITTA_TEST_DATA_DIR "/timelines/";

fs::path freshDir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("sagitta_rec_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string record(const std::string& timeline, const fs::path& out, const std::string& extra = "",
                   const std::string& size = "--width 160 --height 90") {
  return "record -q --timeline " + kData + timeline + " --out " + out.string() + " " + size + " --fps 10 " +
         extra;
}

using sagitta::record::testing::meanDifference;

}  // namespace

TEST(RecordCommand, AnMp4HasTheRightCodecSizeAndFrameCountAndFollowsTheTimeline) {
  const fs::path d = freshDir("mp4");
  const auto r = runSagitta(record("hold_then_switch.json", d / "clip.mp4"));
  ASSERT_EQ(r.code, 0) << r.out;
  const auto video = sagitta::record::testing::decodeVideo(d / "clip.mp4");
  EXPECT_EQ(video.codec, "h264");
  EXPECT_EQ(video.pixel_format, "yuv420p");
  EXPECT_EQ(video.width, 160);
  EXPECT_EQ(video.height, 90);
  ASSERT_EQ(video.frames.size(), 20u) << "fps × duration = 10 × 2 s";
  // still where the timeline holds, a clear change where it switches to X-ray
  for (std::size_t i = 1; i < 10; ++i)
    EXPECT_LT(meanDifference(video.frames[i].rgba, video.frames[0].rgba), 1.5) << i;
  EXPECT_GT(meanDifference(video.frames[10].rgba, video.frames[9].rgba), 10.0);
  for (std::size_t i = 11; i < 20; ++i)
    EXPECT_LT(meanDifference(video.frames[i].rgba, video.frames[10].rgba), 1.5) << i;
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 1)
      << "no temporary files left";
}

TEST(RecordCommand, TheSameInputGivesTheSameFile) {
  const fs::path d = freshDir("determinism");
  ASSERT_EQ(runSagitta(record("hold_then_switch.json", d / "a.mp4")).code, 0);
  ASSERT_EQ(runSagitta(record("hold_then_switch.json", d / "b.mp4")).code, 0);
  EXPECT_EQ(sagitta::record::testing::readBytes(d / "a.mp4"),
            sagitta::record::testing::readBytes(d / "b.mp4"));
}

// Holds are not drawn again: each still frame is the previous picture, copied (the clip is the
// same: AGifAndAPngSequenceToo checks the frames of a hold are identical and change at the switch).
TEST(RecordCommand, StillFramesAreCopiedNotDrawn) {
  const fs::path d = freshDir("still");
  const auto r = runSagitta(record("hold_then_switch.json", d / "clip.mp4"));
  ASSERT_EQ(r.code, 0) << r.out;
  // 20 frames at 10 fps: the first and the X-ray switch are drawn, the two holds copied
  EXPECT_NE(r.out.find("20 frames (2 drawn, 18 still)"), std::string::npos) << r.out;
}

TEST(RecordCommand, AGifAndAPngSequenceToo) {
  const fs::path d = freshDir("gif_png");
  ASSERT_EQ(runSagitta(record("hold_then_switch.json", d / "clip.gif")).code, 0);
  const auto gif = sagitta::record::testing::decodeVideo(d / "clip.gif");
  EXPECT_EQ(gif.codec, "gif");
  EXPECT_EQ(gif.frames.size(), 20u);
  ASSERT_EQ(runSagitta(record("hold_then_switch.json", d / "frames/")).code, 0);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(d / "frames")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  ASSERT_EQ(names.size(), 20u);
  EXPECT_EQ(names.front(), "frame_000001.png");
  const auto f0 = sagitta::record::testing::readPng(d / "frames" / "frame_000001.png");
  const auto f9 = sagitta::record::testing::readPng(d / "frames" / "frame_000010.png");
  const auto f10 = sagitta::record::testing::readPng(d / "frames" / "frame_000011.png");
  EXPECT_EQ(f0.width, 160);
  EXPECT_EQ(f0.rgba, f9.rgba) << "lossless frames are identical while the timeline holds";
  EXPECT_NE(f9.rgba, f10.rgba);
}

TEST(RecordCommand, TransparentPngFramesHaveAClearBackground) {
  const fs::path d = freshDir("transparent");
  ASSERT_EQ(runSagitta(record("hold_then_switch.json", d / "frames/", "--transparent")).code, 0);
  const auto f = sagitta::record::testing::readPng(d / "frames" / "frame_000001.png");
  EXPECT_EQ(f.channels, 4);
  EXPECT_EQ(f.rgba[3], 0) << "top-left pixel is transparent";
}

TEST(RecordCommand, BadInputIsAClearErrorAndLeavesNoFile) {
  const fs::path d = freshDir("errors");
  auto expectFails = [&](const std::string& args, int code, const std::string& says) {
    const auto r = runSagitta(args);
    EXPECT_EQ(r.code, code) << args << "\n" << r.out;
    EXPECT_NE(r.out.find(says), std::string::npos) << args << "\n" << r.out;
    EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 0) << args;
  };
  expectFails(record("bad_value.json", d / "x.mp4"), 2, "bad_value.json:3");
  // a missing input file is bad input (exit 2), like a missing --scenario or --model (issue 11, bug 9)
  expectFails(record("missing.json", d / "x.mp4"), 2, "missing.json");
  expectFails(record("hold_then_switch.json", d / "x.avi"), 2, ".avi");
  expectFails(record("hold_then_switch.json", d / "x.mp4", "--transparent"), 2, "transparen");
  expectFails(record("hold_then_switch.json", "/nonexistent-sagitta/x.mp4"), 1, "/nonexistent-sagitta");
  expectFails(record("hold_then_switch.json", d / "x.mp4", "", "--width 161 --height 90"), 2, "even");
}

TEST(RecordCommand, AFullDiskIsAnErrorAndLeavesNoFile) {
  const fs::path d = freshDir("full");
  // the shell's file-size limit stands in for a full disk (write fails with EFBIG)
  const auto r = runSagitta(record("long_sweep.json", d / "clip.mp4", "", "--width 640 --height 360"),
                            "ulimit -f 64 && trap '' XFSZ &&");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("disk is full"), std::string::npos) << "fails because writing failed: " << r.out;
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 0)
      << "no partial clip, no temporary";
}

TEST(RecordCommand, CtrlCFinishesAValidFile) {
  const fs::path d = freshDir("interrupt");
  const auto r = runSagitta(record("long_sweep.json", d / "clip.mp4"), "timeout --preserve-status -s INT 4");
  EXPECT_EQ(r.code, 130) << r.out;
  const auto video = sagitta::record::testing::decodeVideo(d / "clip.mp4");
  EXPECT_GT(video.frames.size(), 0u);
  EXPECT_LT(video.frames.size(), 300u) << "stopped early";
  EXPECT_EQ(video.codec, "h264");
}
