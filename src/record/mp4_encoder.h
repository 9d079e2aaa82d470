// MP4: H.264 (libx264) in an MP4 container, yuv420p with BT.709 limited-range colour (tagged so
// players convert back correctly), the index (moov) at the front (+faststart) so a clip starts
// playing before it has downloaded. Each frame's presentation time is its index / fps; a gap in
// indices simply holds the previous picture longer.
//
// x264 settings, chosen on bench/record (1920x1080 "teaching" frames: shaded 3D shapes and thin
// 1 px text strokes) on the project's 2-core machines:
// - preset veryfast, tune animation: rendered content is flat areas and hard edges; the tune's
//   stronger deblocking and adaptive quantisation keep outlines and small text clean.
// - bframes=0: x264's macroblock-tree rate control reads uninitialised memory when B-frames are on,
//   so the output would change with the heap's contents (caught by the determinism tests, which
//   poison the heap; seen on the project's machines in November 2026, while on others x264 happens
//   to give the same bytes, so no test asserts the fault itself: a test of x264 failed where it
//   did not show). Without B-frames it is deterministic, needs about a third less CPU per frame
//   (about 19 ms instead of 30 ms at 1080p) and costs about 10 % in file size at the same PSNR.
//   (mbtree=0 with B-frames is deterministic too, but 40 % larger.)
// - CRF 18 by default (RecordOptions::crf): visually lossless for rendered scenes and labels.
// - a keyframe every 2 s, so players can seek and scrub a teaching clip quickly.
// - a fixed thread count (RecordOptions::encoder_threads) and bit-exact muxing (no encoder version
//   string, no creation time): the same frames always give the same bytes.
// superfast is not faster here (x264 without B-frames at veryfast is already cheap) and its files
// are almost twice as large; faster costs 45 % more CPU for no visible gain.
#pragma once

#include <string>

#include "record/av_handles.h"
#include "record/frame_encoder.h"
#include "record/pending_output.h"

namespace sagitta::record {

struct X264Tuning {
  std::string preset = "veryfast";
  std::string tune = "animation";    // empty for none
  std::string params = "bframes=0";  // x264-params, "key=value:key=value"
};

class Mp4Encoder final : public FrameEncoder {
 public:
  // Throws InputError for invalid options, IoError when the output cannot be created or the
  // H.264 encoder is missing.
  explicit Mp4Encoder(const RecordOptions& options, const X264Tuning& tuning = {});
  ~Mp4Encoder() override;

  void encode(const Frame& frame) override;
  void finish() override;
  void abort() noexcept override;
  std::uint64_t bytesWritten() const override { return bytes_; }
  std::int64_t framesEncoded() const override { return frames_; }

 private:
  void drainPackets();  // writes every packet the encoder has ready
  [[noreturn]] void fail(const std::string& what, int err);

  RecordOptions options_;
  PendingFile file_;  // declared before format_: the file is closed before it is discarded
  av::OutputFormatPtr format_;
  av::CodecContextPtr codec_;
  AVStream* stream_ = nullptr;  // owned by format_
  av::SwsPtr sws_;
  av::FramePtr yuv_;
  av::PacketPtr packet_;
  std::int64_t last_index_ = -1;
  std::int64_t frames_ = 0;
  std::uint64_t bytes_ = 0;
  bool closed_ = false;
};

}  // namespace sagitta::record
