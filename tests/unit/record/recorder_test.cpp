// The asynchronous Recorder: blocking pushes never drop and give the same bytes as encoding
// directly; live pushes drop and count when the encoder is behind (made slow by a gate, not by
// timing); errors reach the caller; finish() at any point gives a valid file; stats are coherent.
#include "record/recorder.h"

#include <filesystem>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "core/error.h"
#include "fake_encoders.h"
#include "record_test_support.h"

namespace sagitta::record {
namespace {
namespace fs = std::filesystem;
using testing::Gate;
using testing::GatedEncoder;

constexpr int kWidth = 64;
constexpr int kHeight = 48;

RecordOptions options(const fs::path& path, std::size_t capacity = 4) {
  RecordOptions o;
  o.path = path;
  o.width = kWidth;
  o.height = kHeight;
  o.fps = 20;
  o.queue_capacity = capacity;
  return o;
}

Frame frameFor(Recorder& recorder, std::int64_t index) {
  Frame frame = recorder.newFrame(index);
  const Frame picture = testing::movingFrame(kWidth, kHeight, index, static_cast<int>(index) * 2);
  frame.rgba = picture.rgba;
  return frame;
}

// Polls `done` until it holds; fails the test after 20 s (a hang, not a timing expectation).
template <typename Predicate>
void eventually(Predicate done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done()) {
    ASSERT_LT(std::chrono::steady_clock::now(), give_up) << "timed out waiting";
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

class RecorderTest : public ::testing::Test {
 protected:
  testing::ScratchDir scratch_;
  fs::path path_ = scratch_ / "clip.mp4";
};

TEST_F(RecorderTest, BlockingPushesNeverDropAndGiveTheSameBytesAsEncodingDirectly) {
  {
    const testing::HeapPoison poison(0x11);
    auto direct = openEncoder(options(scratch_ / "direct.mp4"));
    for (int i = 0; i < 40; ++i) direct->encode(testing::movingFrame(kWidth, kHeight, i, i * 2));
    direct->finish();
  }
  const testing::HeapPoison poison(0xEE);
  Recorder recorder(options(path_, 2));  // a small queue: the pusher is often ahead of the encoder
  for (int i = 0; i < 40; ++i) EXPECT_TRUE(recorder.push(frameFor(recorder, i), PushMode::kBlocking));
  const RecordingResult result = recorder.finish();
  EXPECT_EQ(result.path, path_);
  EXPECT_EQ(result.frames_encoded, 40);
  EXPECT_EQ(result.frames_dropped, 0);
  EXPECT_TRUE(testing::readBytes(path_) == testing::readBytes(scratch_ / "direct.mp4"));
}

TEST_F(RecorderTest, LivePushesDropAndCountFramesWhenTheEncoderIsBehind) {
  auto gate = std::make_shared<Gate>();
  Recorder recorder(options(path_, 3), std::make_unique<GatedEncoder>(gate));
  EXPECT_TRUE(recorder.push(frameFor(recorder, 0), PushMode::kDropWhenFull));
  ASSERT_TRUE(gate->waitUntilEntered(1));  // the worker holds frame 0; the queue is empty
  for (int i = 1; i <= 3; ++i) EXPECT_TRUE(recorder.push(frameFor(recorder, i), PushMode::kDropWhenFull));
  EXPECT_FALSE(recorder.push(frameFor(recorder, 4), PushMode::kDropWhenFull));
  EXPECT_FALSE(recorder.push(frameFor(recorder, 5), PushMode::kDropWhenFull));

  RecorderStats stats = recorder.stats();
  EXPECT_EQ(stats.state, RecorderState::kRecording);
  EXPECT_EQ(stats.frames_received, 6);
  EXPECT_EQ(stats.frames_dropped, 2);
  EXPECT_EQ(stats.frames_queued, 3);
  EXPECT_EQ(stats.frames_encoded, 0);
  EXPECT_DOUBLE_EQ(stats.clip_seconds, 6.0 / 20.0);

  gate->open(100);
  const RecordingResult result = recorder.finish();
  EXPECT_EQ(result.frames_encoded, 4);
  EXPECT_EQ(result.frames_dropped, 2);
  EXPECT_EQ(gate->indices(), (std::vector<std::int64_t>{0, 1, 2, 3}));
  stats = recorder.stats();
  EXPECT_EQ(stats.state, RecorderState::kFinished);
  EXPECT_EQ(stats.frames_encoded + stats.frames_dropped, stats.frames_received);
}

TEST_F(RecorderTest, ALiveRecordingWithDropsIsStillAValidClipThatHoldsOverTheGaps) {
  auto gate = std::make_shared<Gate>();
  Recorder recorder(options(path_, 1), std::make_unique<GatedEncoder>(gate, openEncoder(options(path_))));
  recorder.push(frameFor(recorder, 0), PushMode::kDropWhenFull);
  ASSERT_TRUE(gate->waitUntilEntered(1));
  EXPECT_TRUE(recorder.push(frameFor(recorder, 1), PushMode::kDropWhenFull));
  EXPECT_FALSE(recorder.push(frameFor(recorder, 2), PushMode::kDropWhenFull));
  EXPECT_FALSE(recorder.push(frameFor(recorder, 3), PushMode::kDropWhenFull));
  gate->open(2);
  eventually([&] { return recorder.stats().frames_encoded == 2; });
  EXPECT_TRUE(recorder.push(frameFor(recorder, 4), PushMode::kDropWhenFull));
  gate->open(1);
  recorder.finish();

  const testing::DecodedVideo video = testing::decodeVideo(path_);
  ASSERT_EQ(video.frames.size(), 3u);
  EXPECT_NEAR(video.frames[0].seconds, 0.0, 1e-3);
  EXPECT_NEAR(video.frames[1].seconds, 1.0 / 20, 1e-3);
  EXPECT_NEAR(video.frames[2].seconds, 4.0 / 20, 1e-3);  // frame 1 holds through the dropped 2 and 3
}

TEST_F(RecorderTest, ABlockingPushWaitsForRoomInsteadOfDropping) {
  auto gate = std::make_shared<Gate>();
  Recorder recorder(options(path_, 1), std::make_unique<GatedEncoder>(gate));
  recorder.push(frameFor(recorder, 0), PushMode::kBlocking);
  ASSERT_TRUE(gate->waitUntilEntered(1));
  recorder.push(frameFor(recorder, 1), PushMode::kBlocking);  // fills the queue
  std::thread pusher([&] { recorder.push(frameFor(recorder, 2), PushMode::kBlocking); });
  eventually([&] { return recorder.stats().frames_received == 3; });  // now waiting for room
  EXPECT_EQ(recorder.stats().frames_dropped, 0);
  gate->open(100);
  pusher.join();
  const RecordingResult result = recorder.finish();
  EXPECT_EQ(result.frames_encoded, 3);
  EXPECT_EQ(result.frames_dropped, 0);
  EXPECT_EQ(gate->indices(), (std::vector<std::int64_t>{0, 1, 2}));
}

TEST_F(RecorderTest, StatsTrackBytesTimeAndTheClipLength) {
  Recorder recorder(options(path_));
  for (int i = 0; i < 20; ++i) recorder.push(frameFor(recorder, i), PushMode::kBlocking);
  const RecordingResult result = recorder.finish();
  const RecorderStats stats = recorder.stats();
  EXPECT_EQ(stats.state, RecorderState::kFinished);
  EXPECT_EQ(stats.frames_received, 20);
  EXPECT_EQ(stats.frames_encoded, 20);
  EXPECT_EQ(stats.frames_queued, 0);
  EXPECT_EQ(stats.bytes_written, fs::file_size(path_));
  EXPECT_EQ(result.bytes_written, fs::file_size(path_));
  EXPECT_DOUBLE_EQ(stats.clip_seconds, 1.0);
  EXPECT_GT(stats.encode_seconds, 0.0);
  EXPECT_LE(stats.encode_seconds, stats.wall_seconds);
  EXPECT_TRUE(stats.last_error.empty());
}

TEST_F(RecorderTest, BytesWrittenGrowsWhileRecording) {
  auto gate = std::make_shared<Gate>();
  RecordOptions o = options(scratch_ / "loop.gif");
  Recorder recorder(o, std::make_unique<GatedEncoder>(gate, openEncoder(o)));
  const std::uint64_t header = recorder.stats().bytes_written;
  gate->open(100);
  for (int i = 0; i < 5; ++i) recorder.push(frameFor(recorder, i), PushMode::kBlocking);
  eventually([&] { return recorder.stats().frames_encoded == 5; });
  EXPECT_GT(recorder.stats().bytes_written, header);
  recorder.finish();
}

TEST_F(RecorderTest, AWorkerErrorReachesTheCallerAndLeavesNoFile) {
  Recorder recorder(options(path_),
                    std::make_unique<testing::FailingEncoder>(openEncoder(options(path_)), 3));
  bool thrown = false;
  for (int i = 0; i < 200 && !thrown; ++i) {
    try {
      recorder.push(frameFor(recorder, i), PushMode::kBlocking);
    } catch (const IoError& e) {
      thrown = true;
      EXPECT_NE(std::string(e.what()).find("disk is full"), std::string::npos);
    }
  }
  EXPECT_TRUE(thrown) << "push never reported the failure";
  const RecorderStats stats = recorder.stats();
  EXPECT_EQ(stats.state, RecorderState::kFailed);
  EXPECT_NE(stats.last_error.find("disk is full"), std::string::npos) << stats.last_error;
  EXPECT_THROW(recorder.finish(), IoError);
  EXPECT_TRUE(scratch_.names().empty());
}

TEST_F(RecorderTest, FinishAtAnyPointGivesAValidFileOfThePushedFrames) {
  // Like Ctrl+C 9 frames into a planned 100.
  RecordOptions o = options(scratch_ / "loop.gif");
  Recorder recorder(o);
  for (int i = 0; i < 9; ++i) recorder.push(frameFor(recorder, i), PushMode::kBlocking);
  EXPECT_EQ(recorder.finish().frames_encoded, 9);
  EXPECT_EQ(testing::decodeVideo(o.path).frames.size(), 9u);
}

TEST_F(RecorderTest, StopReturnsAtOnceAndTheGuiCanPollUntilTheFileIsDone) {
  auto gate = std::make_shared<Gate>();
  Recorder recorder(options(path_), std::make_unique<GatedEncoder>(gate, openEncoder(options(path_))));
  for (int i = 0; i < 3; ++i) recorder.push(frameFor(recorder, i), PushMode::kDropWhenFull);
  recorder.stop();  // the worker is still held by the gate, so stop() cannot have waited for it
  EXPECT_EQ(recorder.stats().state, RecorderState::kFinishing);
  EXPECT_THROW(recorder.push(frameFor(recorder, 3), PushMode::kBlocking), std::logic_error);
  gate->open(100);
  eventually([&] { return recorder.stats().state != RecorderState::kFinishing; });
  EXPECT_EQ(recorder.stats().state, RecorderState::kFinished);
  EXPECT_EQ(recorder.finish().frames_encoded, 3);
  EXPECT_EQ(recorder.finish().frames_encoded, 3);  // again: the same result
  EXPECT_TRUE(fs::exists(path_));
}

TEST_F(RecorderTest, DestroyingAnUnfinishedRecorderLeavesNothing) {
  {
    Recorder recorder(options(path_));
    for (int i = 0; i < 5; ++i) recorder.push(frameFor(recorder, i), PushMode::kBlocking);
  }
  EXPECT_TRUE(scratch_.names().empty());
}

TEST_F(RecorderTest, AbortDiscardsQueuedFramesAndTheOutput) {
  auto gate = std::make_shared<Gate>();
  Recorder recorder(options(path_), std::make_unique<GatedEncoder>(gate, openEncoder(options(path_))));
  for (int i = 0; i < 4; ++i) recorder.push(frameFor(recorder, i), PushMode::kBlocking);
  ASSERT_TRUE(gate->waitUntilEntered(1));  // frame 0 in progress, 1-3 queued
  EXPECT_EQ(recorder.stats().frames_queued, 3);
  // abort() drops the queue, then waits for the frame in progress; let that one go once the queue is gone.
  std::thread opener([&] {
    eventually([&] { return recorder.stats().frames_queued == 0; });
    gate->open(100);
  });
  recorder.abort();
  opener.join();
  EXPECT_EQ(recorder.stats().state, RecorderState::kAborted);
  EXPECT_TRUE(gate->aborted());
  EXPECT_EQ(gate->indices(), std::vector<std::int64_t>{0});
  EXPECT_THROW(recorder.push(frameFor(recorder, 9), PushMode::kBlocking), std::logic_error);
  EXPECT_TRUE(scratch_.names().empty());
}

TEST_F(RecorderTest, RejectsABadFrameWithoutCountingOrStopping) {
  Recorder recorder(options(path_));
  Frame wrong_size = testing::movingFrame(kWidth + 2, kHeight, 0, 0);
  EXPECT_THROW(recorder.push(std::move(wrong_size), PushMode::kBlocking), InputError);
  recorder.push(frameFor(recorder, 5), PushMode::kBlocking);
  EXPECT_THROW(recorder.push(frameFor(recorder, 5), PushMode::kBlocking), InputError);
  EXPECT_THROW(recorder.push(frameFor(recorder, 4), PushMode::kDropWhenFull), InputError);
  recorder.push(frameFor(recorder, 6), PushMode::kBlocking);
  EXPECT_EQ(recorder.stats().frames_received, 2);
  EXPECT_EQ(recorder.finish().frames_encoded, 2);
}

TEST_F(RecorderTest, FinishingWithoutFramesIsAnInputErrorAndWritesNothing) {
  Recorder recorder(options(path_));
  EXPECT_THROW(recorder.finish(), InputError);
  EXPECT_EQ(recorder.stats().state, RecorderState::kFailed);
  EXPECT_TRUE(scratch_.names().empty());
}

TEST_F(RecorderTest, OpeningErrorsComeFromTheConstructorBeforeAnyFrame) {
  EXPECT_THROW(Recorder(options(scratch_ / "no" / "clip.mp4")), IoError);
  RecordOptions odd = options(path_);
  odd.width = 63;
  EXPECT_THROW(Recorder{odd}, InputError);
  EXPECT_TRUE(scratch_.names().empty());
}

TEST_F(RecorderTest, NewFrameReusesTheBufferOfAnEncodedFrame) {
  auto gate = std::make_shared<Gate>();
  gate->open(100);
  Recorder recorder(options(path_), std::make_unique<GatedEncoder>(gate));
  Frame first = recorder.newFrame(0);
  EXPECT_EQ(first.rgba.size(), Frame::byteSize(kWidth, kHeight));
  const std::uint8_t* buffer = first.rgba.data();
  recorder.push(std::move(first), PushMode::kBlocking);
  eventually([&] { return recorder.stats().frames_encoded == 1; });
  const Frame second = recorder.newFrame(1);
  EXPECT_EQ(second.rgba.data(), buffer);
  EXPECT_EQ(second.width, kWidth);
  EXPECT_EQ(second.height, kHeight);
  EXPECT_EQ(second.index, 1);
}

}  // namespace
}  // namespace sagitta::record
