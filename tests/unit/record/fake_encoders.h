// Test encoders for the Recorder: a gate that holds the worker inside encode() until the test lets
// it go (a deterministic "slow encoder", no timing involved), and an encoder that fails at a chosen
// frame like a disk that fills up. Both can wrap a real encoder so that the output is still a file.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "core/error.h"
#include "record/frame_encoder.h"

namespace sagitta::record::testing {

// Shared between the test and the GatedEncoder the worker runs.
class Gate {
 public:
  // Lets `count` more frames through encode().
  void open(int count) {
    std::lock_guard lock(mutex_);
    allowed_ += count;
    changed_.notify_all();
  }
  // Waits until the worker has entered encode() `count` times; false after 20 s (a hang).
  bool waitUntilEntered(int count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(20), [&] { return entered_ >= count; });
  }
  std::vector<std::int64_t> indices() const {
    std::lock_guard lock(mutex_);
    return indices_;
  }
  bool aborted() const {
    std::lock_guard lock(mutex_);
    return aborted_;
  }

 private:
  friend class GatedEncoder;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  int entered_ = 0;
  int allowed_ = 0;
  bool aborted_ = false;
  std::vector<std::int64_t> indices_;
};

class GatedEncoder final : public FrameEncoder {
 public:
  explicit GatedEncoder(std::shared_ptr<Gate> gate, std::unique_ptr<FrameEncoder> inner = nullptr)
      : gate_(std::move(gate)), inner_(std::move(inner)) {}

  void encode(const Frame& frame) override {
    {
      std::unique_lock lock(gate_->mutex_);
      ++gate_->entered_;
      gate_->indices_.push_back(frame.index);
      gate_->changed_.notify_all();
      const int mine = gate_->entered_;
      if (!gate_->changed_.wait_for(lock, std::chrono::seconds(20),
                                    [&] { return gate_->allowed_ >= mine; })) {
        throw IoError("test gate never opened");
      }
    }
    if (inner_) inner_->encode(frame);
    ++encoded_;
  }
  void finish() override {
    if (inner_) inner_->finish();
  }
  void abort() noexcept override {
    if (inner_) inner_->abort();
    std::lock_guard lock(gate_->mutex_);
    gate_->aborted_ = true;
  }
  std::uint64_t bytesWritten() const override { return inner_ ? inner_->bytesWritten() : 0; }
  std::int64_t framesEncoded() const override { return encoded_; }

 private:
  std::shared_ptr<Gate> gate_;
  std::unique_ptr<FrameEncoder> inner_;
  std::int64_t encoded_ = 0;
};

// Encodes through `inner` and throws IoError (as a full disk would) on the frame numbered `fail_at`
// (0-based count of frames seen).
class FailingEncoder final : public FrameEncoder {
 public:
  FailingEncoder(std::unique_ptr<FrameEncoder> inner, int fail_at)
      : inner_(std::move(inner)), fail_at_(fail_at) {}
  void encode(const Frame& frame) override {
    if (seen_++ == fail_at_) throw IoError("cannot write clip: writing failed: the disk is full (test).");
    inner_->encode(frame);
  }
  void finish() override { inner_->finish(); }
  void abort() noexcept override { inner_->abort(); }
  std::uint64_t bytesWritten() const override { return inner_->bytesWritten(); }
  std::int64_t framesEncoded() const override { return inner_->framesEncoded(); }

 private:
  std::unique_ptr<FrameEncoder> inner_;
  int fail_at_;
  int seen_ = 0;
};

}  // namespace sagitta::record::testing
