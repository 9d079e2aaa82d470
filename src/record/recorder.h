// Asynchronous recording. The caller (the GUI's render loop, or headless `sagitta record`) pushes
// frames; one worker thread owns the FrameEncoder and encodes them in order from a bounded queue.
// The queue (and its recycled frame buffers) and a statistics snapshot are the only state the two
// threads share, both behind one mutex (../shared/STYLE.md: only the recorder has a worker).
//
//   Recorder recorder(options);                 // validates and opens the output, or throws
//   Frame frame = recorder.newFrame(index);     // a recycled buffer of the right size
//   ... fill frame.rgba (RGBA8; set frame.row_order for bottom-first GL read-back) ...
//   recorder.push(std::move(frame), PushMode::kBlocking);
//   RecordingResult result = recorder.finish(); // valid file of every frame pushed so far
//
// Push modes: kBlocking waits for room and never drops (headless: deterministic output).
// kDropWhenFull never waits: when the encoder is behind, the frame is dropped and counted in
// stats().framesDropped (live GUI recording must not stall the UI). A dropped frame leaves a
// gap in presentation indices, so the previous picture is simply shown longer.
//
// finish() may be called at any point (e.g. after Ctrl+C): the frames already pushed are encoded
// and the file is completed and moved into place. A worker error (disk full) is kept, shown in
// stats().last_error, and rethrown by the next push() or finish(); the output is then discarded.
// Destroying a Recorder that was neither finished nor stopped discards the output.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "record/frame.h"
#include "record/frame_encoder.h"
#include "record/record_options.h"

namespace sagitta::record {

enum class PushMode { kBlocking, kDropWhenFull };

enum class RecorderState {
  kRecording,  // accepting frames
  kFinishing,  // stop() was called: encoding what is queued, then completing the file
  kFinished,   // the file is in place
  kFailed,     // an error ended the recording; nothing was left at the target
  kAborted,    // abort(): nothing was left at the target
};

// A consistent snapshot, safe to take from any thread at any time (e.g. every GUI frame).
struct RecorderStats {
  RecorderState state = RecorderState::kRecording;
  std::int64_t frames_received = 0;  // frames pushed (queued or dropped)
  std::int64_t frames_encoded = 0;
  std::int64_t frames_dropped = 0;  // kDropWhenFull pushes that found the queue full
  std::int64_t frames_queued = 0;   // waiting for the encoder right now
  std::uint64_t bytes_written = 0;  // the output's size so far, bytes
  double clip_seconds = 0.0;        // length of the clip so far: (last index + 1) / fps
  double encode_seconds = 0.0;      // time the worker spent encoding
  double wall_seconds = 0.0;        // since the recorder opened (until it ended)
  std::string last_error;           // the error that ended the recording; empty otherwise
};

struct RecordingResult {
  std::filesystem::path path;  // the target, now holding the recording
  std::int64_t frames_encoded = 0;
  std::int64_t frames_dropped = 0;
  std::uint64_t bytes_written = 0;  // final size of the file (for a PNG sequence: all files)
  double clip_seconds = 0.0;
};

class Recorder {
 public:
  // Opens the output for `options` (openEncoder): throws InputError / IoError before any frame.
  explicit Recorder(const RecordOptions& options);
  // Records through any encoder (tests and benchmarks use this to slow or replace the encoder).
  // `options` gives the frame size, fps and queue capacity; `encoder` must expect the same size.
  Recorder(const RecordOptions& options, std::unique_ptr<FrameEncoder> encoder);
  ~Recorder();
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  const RecordOptions& options() const { return options_; }

  // A frame of the recording's size with presentation index `index`, reusing the buffer of an
  // encoded or dropped frame when one is free. Its pixels are left as they were: fill them all.
  Frame newFrame(std::int64_t index);

  // Hands a frame to the encoder. Returns true when it was queued, false when kDropWhenFull found
  // the queue full (the frame is dropped and counted). Throws InputError when the frame's size is
  // wrong or its index does not increase, the worker's error (IoError) when encoding failed, and
  // std::logic_error after stop(), finish() or abort().
  bool push(Frame frame, PushMode mode);

  // Asks the worker to encode what is queued and complete the file, without waiting (the GUI
  // polls stats().state and then calls finish(), which returns at once).
  void stop();
  // stop() and wait: returns the finished recording, or throws its error (IoError, or InputError
  // when no frame was pushed: then nothing is written). Calling it again returns the same result.
  RecordingResult finish();
  // Discards the recording: frames still queued are dropped and the target is left as it was
  // (unless the worker had already completed the file). Waits for a frame in progress. Never throws.
  void abort() noexcept;

  RecorderStats stats() const;

 private:
  void run();  // the worker
  void recordFailure(const std::exception_ptr& error);
  void recycle(std::vector<std::uint8_t>&& buffer);  // mutex_ held

  RecordOptions options_;
  std::unique_ptr<FrameEncoder> encoder_;  // used by the worker only, once it runs
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable frame_ready_;
  std::condition_variable space_free_;
  std::deque<Frame> queue_;
  std::vector<std::vector<std::uint8_t>> spare_buffers_;
  RecorderStats stats_;
  std::int64_t last_index_ = -1;
  bool stop_requested_ = false;
  bool abort_requested_ = false;
  std::chrono::steady_clock::time_point end_{};
  std::exception_ptr error_;
  RecordingResult result_;

  std::thread worker_;  // last: started once everything above exists
};

}  // namespace sagitta::record
