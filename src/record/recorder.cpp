#include "record/recorder.h"

#include <stdexcept>
#include <utility>

#include "core/error.h"

namespace sagitta::record {

namespace {

double secondsBetween(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

std::string messageOf(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace

Recorder::Recorder(const RecordOptions& options) : Recorder(options, openEncoder(options)) {}

Recorder::Recorder(const RecordOptions& options, std::unique_ptr<FrameEncoder> encoder)
    : options_(options), encoder_(std::move(encoder)) {
  if (!encoder_) throw std::invalid_argument("Recorder needs an encoder");
  if (options_.queueCapacity < 1 || options_.queueCapacity > 256) {
    throw InputError("cannot record " + options_.path.string() + ": queue capacity " +
                     std::to_string(options_.queueCapacity) + " is out of range; it must be 1 to 256 frames.");
  }
  result_.path = withoutTrailingSlash(options_.path);
  stats_.bytesWritten = encoder_->bytesWritten();
  worker_ = std::thread([this] { run(); });
}

Recorder::~Recorder() {
  bool stopped = false;
  {
    std::lock_guard lock(mutex_);
    stopped = stopRequested_;
  }
  if (!stopped) abort();
  if (worker_.joinable()) worker_.join();
}

Frame Recorder::newFrame(std::int64_t index) {
  Frame frame;
  frame.width = options_.width;
  frame.height = options_.height;
  frame.index = index;
  {
    std::lock_guard lock(mutex_);
    if (!spareBuffers_.empty()) {
      frame.rgba = std::move(spareBuffers_.back());
      spareBuffers_.pop_back();
    }
  }
  frame.rgba.resize(Frame::byteSize(options_.width, options_.height));
  return frame;
}

void Recorder::recycle(std::vector<std::uint8_t>&& buffer) {
  // Enough spares for a full queue and the frames in flight on either side; more would only hold memory.
  if (spareBuffers_.size() < options_.queueCapacity + 2) spareBuffers_.push_back(std::move(buffer));
}

bool Recorder::push(Frame frame, PushMode mode) {
  std::unique_lock lock(mutex_);
  if (error_) std::rethrow_exception(error_);
  if (stopRequested_ || abortRequested_) throw std::logic_error("Recorder::push after stop, finish or abort");
  checkFrame(frame, options_.width, options_.height, lastIndex_);
  lastIndex_ = frame.index;
  ++stats_.framesReceived;
  stats_.clipSeconds = static_cast<double>(frame.index + 1) / options_.fps;

  if (queue_.size() >= options_.queueCapacity) {
    if (mode == PushMode::kDropWhenFull) {
      ++stats_.framesDropped;
      recycle(std::move(frame.rgba));
      return false;
    }
    spaceFree_.wait(lock, [&] { return queue_.size() < options_.queueCapacity || error_ || abortRequested_; });
    if (error_) std::rethrow_exception(error_);
    if (abortRequested_) return false;
  }
  queue_.push_back(std::move(frame));
  stats_.framesQueued = static_cast<std::int64_t>(queue_.size());
  frameReady_.notify_one();
  return true;
}

void Recorder::stop() {
  std::lock_guard lock(mutex_);
  if (stopRequested_) return;
  stopRequested_ = true;
  if (stats_.state == RecorderState::kRecording) stats_.state = RecorderState::kFinishing;
  frameReady_.notify_one();
}

RecordingResult Recorder::finish() {
  stop();
  if (worker_.joinable()) worker_.join();
  std::lock_guard lock(mutex_);
  if (error_) std::rethrow_exception(error_);
  if (stats_.state == RecorderState::kAborted) throw std::logic_error("Recorder::finish after abort");
  return result_;
}

void Recorder::abort() noexcept {
  {
    std::lock_guard lock(mutex_);
    abortRequested_ = true;
    while (!queue_.empty()) {
      recycle(std::move(queue_.front().rgba));
      queue_.pop_front();
    }
    stats_.framesQueued = 0;
    frameReady_.notify_one();
    spaceFree_.notify_all();
  }
  if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

RecorderStats Recorder::stats() const {
  std::lock_guard lock(mutex_);
  RecorderStats snapshot = stats_;
  const bool ended = snapshot.state == RecorderState::kFinished || snapshot.state == RecorderState::kFailed ||
                     snapshot.state == RecorderState::kAborted;
  snapshot.wallSeconds = secondsBetween(start_, ended ? end_ : std::chrono::steady_clock::now());
  return snapshot;
}

void Recorder::recordFailure(const std::exception_ptr& error) {
  encoder_->abort();
  std::lock_guard lock(mutex_);
  error_ = error;
  stats_.lastError = messageOf(error);
  stats_.state = RecorderState::kFailed;
  stats_.bytesWritten = 0;
  while (!queue_.empty()) {
    recycle(std::move(queue_.front().rgba));
    queue_.pop_front();
  }
  stats_.framesQueued = 0;
  end_ = std::chrono::steady_clock::now();
  spaceFree_.notify_all();  // a blocked push() wakes up and throws
}

void Recorder::run() {
  for (;;) {
    Frame frame;
    {
      std::unique_lock lock(mutex_);
      frameReady_.wait(lock, [&] { return !queue_.empty() || stopRequested_ || abortRequested_; });
      if (abortRequested_ || queue_.empty()) break;
      frame = std::move(queue_.front());
      queue_.pop_front();
      stats_.framesQueued = static_cast<std::int64_t>(queue_.size());
      spaceFree_.notify_one();
    }
    const auto began = std::chrono::steady_clock::now();
    try {
      encoder_->encode(frame);
    } catch (...) {
      recordFailure(std::current_exception());
      return;
    }
    const double spent = secondsBetween(began, std::chrono::steady_clock::now());
    std::lock_guard lock(mutex_);
    stats_.framesEncoded = encoder_->framesEncoded();
    stats_.bytesWritten = encoder_->bytesWritten();
    stats_.encodeSeconds += spent;
    recycle(std::move(frame.rgba));
  }

  bool aborted = false;
  {
    std::lock_guard lock(mutex_);
    aborted = abortRequested_;
  }
  if (aborted) {
    encoder_->abort();
    std::lock_guard lock(mutex_);
    stats_.state = RecorderState::kAborted;
    stats_.bytesWritten = 0;
    end_ = std::chrono::steady_clock::now();
    return;
  }
  // Stopped with an empty queue: complete the file.
  const auto began = std::chrono::steady_clock::now();
  try {
    encoder_->finish();
  } catch (...) {
    recordFailure(std::current_exception());
    return;
  }
  std::lock_guard lock(mutex_);
  stats_.encodeSeconds += secondsBetween(began, std::chrono::steady_clock::now());
  stats_.framesEncoded = encoder_->framesEncoded();
  stats_.bytesWritten = encoder_->bytesWritten();
  stats_.state = RecorderState::kFinished;
  end_ = std::chrono::steady_clock::now();
  result_.framesEncoded = stats_.framesEncoded;
  result_.framesDropped = stats_.framesDropped;
  result_.bytesWritten = stats_.bytesWritten;
  result_.clipSeconds = stats_.clipSeconds;
}

}  // namespace sagitta::record
