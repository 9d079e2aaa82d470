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
  if (options_.queue_capacity < 1 || options_.queue_capacity > 256) {
    throw InputError("cannot record " + options_.path.string() + ": queue capacity " +
                     std::to_string(options_.queue_capacity) +
                     " is out of range; it must be 1 to 256 frames.");
  }
  result_.path = withoutTrailingSlash(options_.path);
  stats_.bytes_written = encoder_->bytesWritten();
  worker_ = std::thread([this] { run(); });
}

Recorder::~Recorder() {
  bool stopped = false;
  {
    std::lock_guard lock(mutex_);
    stopped = stop_requested_;
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
    if (!spare_buffers_.empty()) {
      frame.rgba = std::move(spare_buffers_.back());
      spare_buffers_.pop_back();
    }
  }
  frame.rgba.resize(Frame::byteSize(options_.width, options_.height));
  return frame;
}

void Recorder::recycle(std::vector<std::uint8_t>&& buffer) {
  // Enough spares for a full queue and the frames in flight on either side; more would only hold memory.
  if (spare_buffers_.size() < options_.queue_capacity + 2) spare_buffers_.push_back(std::move(buffer));
}

bool Recorder::push(Frame frame, PushMode mode) {
  std::unique_lock lock(mutex_);
  if (error_) std::rethrow_exception(error_);
  if (stop_requested_ || abort_requested_)
    throw std::logic_error("Recorder::push after stop, finish or abort");
  checkFrame(frame, options_.width, options_.height, last_index_);
  last_index_ = frame.index;
  ++stats_.frames_received;
  stats_.clip_seconds = static_cast<double>(frame.index + 1) / options_.fps;

  if (queue_.size() >= options_.queue_capacity) {
    if (mode == PushMode::kDropWhenFull) {
      ++stats_.frames_dropped;
      recycle(std::move(frame.rgba));
      return false;
    }
    space_free_.wait(lock,
                     [&] { return queue_.size() < options_.queue_capacity || error_ || abort_requested_; });
    if (error_) std::rethrow_exception(error_);
    if (abort_requested_) return false;
  }
  queue_.push_back(std::move(frame));
  stats_.frames_queued = static_cast<std::int64_t>(queue_.size());
  frame_ready_.notify_one();
  return true;
}

void Recorder::stop() {
  std::lock_guard lock(mutex_);
  if (stop_requested_) return;
  stop_requested_ = true;
  if (stats_.state == RecorderState::kRecording) stats_.state = RecorderState::kFinishing;
  frame_ready_.notify_one();
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
    abort_requested_ = true;
    while (!queue_.empty()) {
      recycle(std::move(queue_.front().rgba));
      queue_.pop_front();
    }
    stats_.frames_queued = 0;
    frame_ready_.notify_one();
    space_free_.notify_all();
  }
  if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

RecorderStats Recorder::stats() const {
  std::lock_guard lock(mutex_);
  RecorderStats snapshot = stats_;
  const bool ended = snapshot.state == RecorderState::kFinished || snapshot.state == RecorderState::kFailed ||
                     snapshot.state == RecorderState::kAborted;
  snapshot.wall_seconds = secondsBetween(start_, ended ? end_ : std::chrono::steady_clock::now());
  return snapshot;
}

void Recorder::recordFailure(const std::exception_ptr& error) {
  encoder_->abort();
  std::lock_guard lock(mutex_);
  error_ = error;
  stats_.last_error = messageOf(error);
  stats_.state = RecorderState::kFailed;
  stats_.bytes_written = 0;
  while (!queue_.empty()) {
    recycle(std::move(queue_.front().rgba));
    queue_.pop_front();
  }
  stats_.frames_queued = 0;
  end_ = std::chrono::steady_clock::now();
  space_free_.notify_all();  // a blocked push() wakes up and throws
}

void Recorder::run() {
  for (;;) {
    Frame frame;
    {
      std::unique_lock lock(mutex_);
      frame_ready_.wait(lock, [&] { return !queue_.empty() || stop_requested_ || abort_requested_; });
      if (abort_requested_ || queue_.empty()) break;
      frame = std::move(queue_.front());
      queue_.pop_front();
      stats_.frames_queued = static_cast<std::int64_t>(queue_.size());
      space_free_.notify_one();
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
    stats_.frames_encoded = encoder_->framesEncoded();
    stats_.bytes_written = encoder_->bytesWritten();
    stats_.encode_seconds += spent;
    recycle(std::move(frame.rgba));
  }

  bool aborted = false;
  {
    std::lock_guard lock(mutex_);
    aborted = abort_requested_;
  }
  if (aborted) {
    encoder_->abort();
    std::lock_guard lock(mutex_);
    stats_.state = RecorderState::kAborted;
    stats_.bytes_written = 0;
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
  stats_.encode_seconds += secondsBetween(began, std::chrono::steady_clock::now());
  stats_.frames_encoded = encoder_->framesEncoded();
  stats_.bytes_written = encoder_->bytesWritten();
  stats_.state = RecorderState::kFinished;
  end_ = std::chrono::steady_clock::now();
  result_.frames_encoded = stats_.frames_encoded;
  result_.frames_dropped = stats_.frames_dropped;
  result_.bytes_written = stats_.bytes_written;
  result_.clip_seconds = stats_.clip_seconds;
}

}  // namespace sagitta::record
