// The synchronous encoding back-end: one FrameEncoder per output, fed frames in order on one
// thread (the Recorder's worker, or a caller that wants no thread at all). Each writes into a
// pending temporary (pending_output.h) and only finish() puts the result at the target path.
#pragma once

#include <cstdint>
#include <memory>

#include "record/frame.h"
#include "record/record_options.h"

namespace sagitta::record {

class FrameEncoder {
 public:
  virtual ~FrameEncoder() = default;  // without finish(): discards everything written

  // Encodes one frame. Throws InputError when its size differs from the recording's or its index
  // does not increase, IoError when writing fails (disk full, file size limit, device error); after
  // an IoError the encoder is unusable and only abort() (or destruction) is left.
  virtual void encode(const Frame& frame) = 0;
  // Flushes the encoder, completes the file and moves it to the target path: a valid, playable
  // file of every frame encoded so far. Throws InputError when no frame was encoded (nothing is
  // written then), IoError when writing fails (the target is left as it was).
  virtual void finish() = 0;
  // Drops everything; the target path is left as it was. Never throws.
  virtual void abort() noexcept = 0;

  // Bytes written so far (the file's size once finished); for progress displays.
  virtual std::uint64_t bytesWritten() const = 0;
  virtual std::int64_t framesEncoded() const = 0;
};

// Opens the encoder that `options.path` asks for (record_options.h). Validates the options
// (InputError) and creates the pending output beside the target (IoError when the folder is missing
// or not writable), so a caller learns of a bad request before rendering anything.
std::unique_ptr<FrameEncoder> openEncoder(const RecordOptions& options);

// Shared by the encoders: throws InputError unless `frame` has the recording's size and a
// presentation index above `last_index` (pass -1 before the first frame) and holds enough bytes.
void checkFrame(const Frame& frame, int width, int height, std::int64_t last_index);

// Validates `options` (InputError) and checks that its path asks for `format`; returns the path.
const std::filesystem::path& validatedPath(const RecordOptions& options, OutputFormat format);

}  // namespace sagitta::record
