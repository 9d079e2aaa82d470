#include "record/frame_encoder.h"

#include <string>

#include "core/error.h"
#include "record/gif_encoder.h"
#include "record/mp4_encoder.h"
#include "record/png_sequence_writer.h"

namespace sagitta::record {

std::unique_ptr<FrameEncoder> openEncoder(const RecordOptions& options) {
  switch (validate(options)) {
    case OutputFormat::kMp4:
      return std::make_unique<Mp4Encoder>(options);
    case OutputFormat::kGif:
      return std::make_unique<GifEncoder>(options);
    case OutputFormat::kPngSequence:
      return std::make_unique<PngSequenceWriter>(options);
  }
  throw InputError("cannot record " + options.path.string() + ": unknown output format.");
}

const std::filesystem::path& validatedPath(const RecordOptions& options, OutputFormat format) {
  av::quietLogging();
  const OutputFormat asked = validate(options);
  if (asked != format) {
    throw InputError("cannot record " + options.path.string() + " as " + std::string(formatName(format)) +
                     ": the path asks for " + std::string(formatName(asked)) + ".");
  }
  return options.path;
}

void checkFrame(const Frame& frame, int width, int height, std::int64_t last_index) {
  if (frame.width != width || frame.height != height) {
    throw InputError("frame " + std::to_string(frame.index) + " is " + std::to_string(frame.width) + "x" +
                     std::to_string(frame.height) + " pixels but the recording is " + std::to_string(width) +
                     "x" + std::to_string(height) + ".");
  }
  if (frame.rgba.size() < Frame::byteSize(width, height)) {
    throw InputError("frame " + std::to_string(frame.index) + " holds " + std::to_string(frame.rgba.size()) +
                     " bytes but a " + std::to_string(width) + "x" + std::to_string(height) +
                     " RGBA frame needs " + std::to_string(Frame::byteSize(width, height)) + ".");
  }
  if (frame.index <= last_index || frame.index < 0) {
    throw InputError("frame index " + std::to_string(frame.index) + " does not follow " +
                     std::to_string(last_index) + "; frame indices must increase.");
  }
}

}  // namespace sagitta::record
