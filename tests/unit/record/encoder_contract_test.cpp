// What every encoder promises, checked for MP4, GIF and PNG sequences alike: a valid file of the
// frames given so far at finish(), identical bytes for identical frames, nothing at the target
// (and no temporary beside it) unless finish() succeeded, and plain errors for bad requests.
#include <cerrno>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/error.h"
#include "record/frame_encoder.h"
#include "record/png_sequence_writer.h"
#include "record_test_support.h"

namespace sagitta::record {
namespace {
namespace fs = std::filesystem;
using testing::ScratchDir;

struct FormatCase {
  const char* name;    // for test names
  const char* target;  // output name inside the scratch folder
};

// NOLINTNEXTLINE(readability-identifier-naming): gtest looks this name up to print a parameter
void PrintTo(const FormatCase& c, std::ostream* out) {
  *out << c.target;
}

class EveryFormat : public ::testing::TestWithParam<FormatCase> {
 protected:
  fs::path target() const { return scratch_ / GetParam().target; }
  bool isPngSequence() const { return std::string(GetParam().target).back() == '/'; }
  // The path as it appears on disk (no trailing slash).
  fs::path onDisk() const { return withoutTrailingSlash(target()); }

  RecordOptions options(int width = 64, int height = 48, int fps = 10) const {
    RecordOptions o;
    o.path = target();
    o.width = width;
    o.height = height;
    o.fps = fps;
    return o;
  }

  // Number of frames at the target: decoded (MP4, GIF) or counted (PNG sequence).
  std::size_t framesAtTarget() const {
    if (!isPngSequence()) return testing::decodeVideo(onDisk()).frames.size();
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(onDisk())) {
      EXPECT_TRUE(isFrameFileName(entry.path().filename().string())) << entry.path();
      EXPECT_EQ(testing::readPng(entry.path()).width, 64);
      ++count;
    }
    return count;
  }

  // The bytes at the target (for a PNG sequence: every file, in name order).
  std::string bytesAtTarget() const {
    if (!isPngSequence()) return testing::readBytes(onDisk());
    std::string all;
    for (int i = 0;; ++i) {
      const fs::path file = onDisk() / PngSequenceWriter::fileNameFor(i);
      if (!fs::exists(file)) break;
      all += testing::readBytes(file);
    }
    return all;
  }

  void encodeMoving(FrameEncoder& encoder, int count) const {
    for (int i = 0; i < count; ++i) encoder.encode(testing::movingFrame(64, 48, i, i));
  }

  ScratchDir scratch_;
};

TEST_P(EveryFormat, FinishAfterSomeFramesGivesAValidFileOfJustThoseFrames) {
  // A recording planned for 30 frames, interrupted (Ctrl+C) after 7.
  auto encoder = openEncoder(options());
  encodeMoving(*encoder, 7);
  encoder->finish();
  EXPECT_EQ(framesAtTarget(), 7u);
  EXPECT_EQ(scratch_.names(), std::vector<std::string>{onDisk().filename().string()});
}

TEST_P(EveryFormat, SameFramesGiveIdenticalBytes) {
  std::string first;
  for (int run = 0; run < 2; ++run) {
    // Different heap contents for each run: uninitialised reads must not leak into the output.
    const testing::HeapPoison poison(run == 0 ? 0x11 : 0xEE);
    auto encoder = openEncoder(options());
    encodeMoving(*encoder, 30);
    encoder->finish();
    if (run == 0) first = bytesAtTarget();
  }
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == bytesAtTarget()) << "a second run wrote different bytes";
}

TEST_P(EveryFormat, BottomFirstFramesGiveTheSameOutputAsTopFirstOnes) {
  {
    auto encoder = openEncoder(options());
    for (int i = 0; i < 5; ++i) encoder->encode(testing::movingFrame(64, 48, i, i * 2));
    encoder->finish();
  }
  const std::string top_first = bytesAtTarget();
  {
    auto encoder = openEncoder(options());
    for (int i = 0; i < 5; ++i) encoder->encode(testing::flipped(testing::movingFrame(64, 48, i, i * 2)));
    encoder->finish();
  }
  EXPECT_TRUE(top_first == bytesAtTarget()) << "bottom-first frames were not read upside down";
}

TEST_P(EveryFormat, NothingAppearsAtTheTargetUntilFinish) {
  auto encoder = openEncoder(options());
  encodeMoving(*encoder, 3);
  EXPECT_FALSE(fs::exists(onDisk()));
  const std::vector<std::string> during = scratch_.names();
  ASSERT_EQ(during.size(), 1u);
  EXPECT_EQ(during[0].rfind("." + onDisk().filename().string() + ".tmp-", 0), 0u) << during[0];
  encoder->finish();
  EXPECT_EQ(scratch_.names(), std::vector<std::string>{onDisk().filename().string()});
}

TEST_P(EveryFormat, DestroyingWithoutFinishLeavesNoFileAndNoTemporary) {
  {
    auto encoder = openEncoder(options());
    encodeMoving(*encoder, 3);
  }
  EXPECT_TRUE(scratch_.names().empty());
}

TEST_P(EveryFormat, AnAbortedRecordingLeavesTheEarlierOutputUntouched) {
  {
    auto encoder = openEncoder(options());
    encodeMoving(*encoder, 4);
    encoder->finish();
  }
  const std::string before = bytesAtTarget();
  {
    auto encoder = openEncoder(options());
    for (int i = 0; i < 6; ++i) encoder->encode(testing::solidFrame(64, 48, i, {200, 10, 10, 255}));
    encoder->abort();
  }
  EXPECT_TRUE(before == bytesAtTarget()) << "the earlier recording was changed";
  EXPECT_EQ(scratch_.names(), std::vector<std::string>{onDisk().filename().string()});
}

// Issue 11, bug 7 (audit): a recording through a symbolic link (--out link.mp4, where the link
// leads to takes/clip.mp4) writes the clip to the link's target and keeps the link, as
// writeFileAtomic does for pictures; a link to a folder of frames leads to that folder.
TEST_P(EveryFormat, RecordingThroughASymlinkWritesItsTargetAndKeepsTheLink) {
  const std::string name = onDisk().filename().string();
  const fs::path takes = scratch_ / "takes";
  fs::create_directory(takes);
  if (isPngSequence()) fs::create_directory(takes / name);  // an empty folder for the frames
  fs::create_symlink(fs::path("takes") / name, onDisk());   // relative, as ln -s makes them
  {
    auto encoder = openEncoder(options());
    encodeMoving(*encoder, 3);
    encoder->finish();
  }
  EXPECT_TRUE(fs::is_symlink(onDisk())) << "the link must stay a link";
  EXPECT_EQ(fs::read_symlink(onDisk()), fs::path("takes") / name);
  EXPECT_EQ(framesAtTarget(), 3u);  // read through the link
  EXPECT_TRUE(isPngSequence() ? fs::is_directory(fs::symlink_status(takes / name))
                              : fs::is_regular_file(fs::symlink_status(takes / name)));
  // no temporary is left beside the link or beside its target
  EXPECT_EQ(scratch_.names(), (std::vector<std::string>{name, "takes"}));
  std::vector<std::string> in_takes;
  for (const fs::directory_entry& e : fs::directory_iterator(takes))
    in_takes.push_back(e.path().filename().string());
  EXPECT_EQ(in_takes, std::vector<std::string>{name});
}

TEST_P(EveryFormat, FinishingWithoutFramesIsAnInputErrorAndWritesNothing) {
  auto encoder = openEncoder(options());
  EXPECT_THROW(encoder->finish(), InputError);
  EXPECT_TRUE(scratch_.names().empty());
}

TEST_P(EveryFormat, RejectsFramesOfAnotherSizeOrOutOfOrder) {
  auto encoder = openEncoder(options());
  EXPECT_THROW(encoder->encode(testing::movingFrame(62, 48, 0, 0)), InputError);
  encoder->encode(testing::movingFrame(64, 48, 3, 0));
  EXPECT_THROW(encoder->encode(testing::movingFrame(64, 48, 3, 1)), InputError);
  EXPECT_THROW(encoder->encode(testing::movingFrame(64, 48, 2, 1)), InputError);
  Frame too_short = testing::movingFrame(64, 48, 4, 1);
  too_short.rgba.resize(100);
  EXPECT_THROW(encoder->encode(too_short), InputError);
  encoder->encode(testing::movingFrame(64, 48, 4, 1));  // still usable
  encoder->finish();
  EXPECT_EQ(framesAtTarget(), 2u);
}

TEST_P(EveryFormat, AMissingFolderFailsAtOpenNamingThePath) {
  RecordOptions o = options();
  o.path = scratch_ / "missing" / GetParam().target;
  try {
    openEncoder(o);
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find((scratch_ / "missing").string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(scratch_.names().empty());
}

TEST_P(EveryFormat, AnUnwritableFolderFailsAtOpen) {
  // Tests run as root, which ignores permission bits; nobody can create files in /proc.
  RecordOptions o = options();
  o.path = fs::path("/proc") / GetParam().target;
  try {
    openEncoder(o);
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("/proc/"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not writable"), std::string::npos) << e.what();
  }
}

// A full disk, for real: a child process whose file size limit (RLIMIT_FSIZE) is 64 KiB, with
// SIGXFSZ ignored so that writes past it fail with EFBIG exactly as they would with ENOSPC.
TEST_P(EveryFormat, AFullDiskIsAnIoErrorAndLeavesNoFileBehind) {
  int pipe_ends[2];
  ASSERT_EQ(::pipe(pipe_ends), 0);
  const RecordOptions o = options(256, 256, 10);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(pipe_ends[0]);
    ::signal(SIGXFSZ, SIG_IGN);
    constexpr rlim_t kLimit = rlim_t{64} * 1024;
    const rlimit limit{kLimit, kLimit};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    int code = 10;
    std::string message;
    try {
      auto encoder = openEncoder(o);
      for (int i = 0; i < 120; ++i)
        encoder->encode(testing::noiseFrame(256, 256, i, static_cast<std::uint32_t>(i)));
      encoder->finish();
      message = "no error";
    } catch (const IoError& e) {
      message = e.what();
      code = 0;
    } catch (const std::exception& e) {
      message = std::string("wrong error: ") + e.what();
      code = 11;
    }
    [[maybe_unused]] const ssize_t n = ::write(pipe_ends[1], message.data(), message.size());
    ::_exit(code);
  }
  ::close(pipe_ends[1]);
  std::string message;
  char buffer[512];
  for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
    message.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_ends[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "the child died: " << message;
  EXPECT_EQ(WEXITSTATUS(status), 0) << message;
  EXPECT_NE(message.find(onDisk().string()), std::string::npos) << message;
  EXPECT_NE(message.find("disk is full"), std::string::npos) << message;
  EXPECT_TRUE(scratch_.names().empty())
      << "left behind: " << (scratch_.names().empty() ? "" : scratch_.names()[0]);
}

INSTANTIATE_TEST_SUITE_P(Record, EveryFormat,
                         ::testing::Values(FormatCase{"Mp4", "clip.mp4"}, FormatCase{"Gif", "clip.gif"},
                                           FormatCase{"PngSequence", "frames/"}),
                         [](const ::testing::TestParamInfo<FormatCase>& p) {
                           return std::string(p.param.name);
                         });

}  // namespace
}  // namespace sagitta::record
