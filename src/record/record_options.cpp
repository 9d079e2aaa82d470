#include "record/record_options.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>

#include "core/error.h"

namespace sagitta::record {
namespace fs = std::filesystem;

namespace {

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool endsWithSeparator(const fs::path& path) {
  const std::string& text = path.native();
  return !text.empty() && text.back() == '/';
}

void requireRange(int value, int low, int high, std::string_view field, std::string_view unit,
                  const fs::path& path) {
  if (value >= low && value <= high) return;
  throw InputError("cannot record " + path.string() + ": " + std::string(field) + " " +
                   std::to_string(value) + " is out of range; it must be " + std::to_string(low) + " to " +
                   std::to_string(high) + std::string(unit) + ".");
}

}  // namespace

std::string_view formatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kMp4:
      return "MP4";
    case OutputFormat::kGif:
      return "GIF";
    case OutputFormat::kPngSequence:
      return "PNG sequence";
  }
  return "unknown";
}

fs::path withoutTrailingSlash(const fs::path& path) {
  std::string text = path.native();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return fs::path(text);
}

OutputFormat formatFromPath(const fs::path& path) {
  if (path.empty()) throw InputError("cannot record: the output path is empty.");
  std::error_code ec;
  if (endsWithSeparator(path) || fs::is_directory(path, ec)) return OutputFormat::kPngSequence;
  const std::string ext = lowerCase(path.extension().string());
  if (ext == ".mp4") return OutputFormat::kMp4;
  if (ext == ".gif") return OutputFormat::kGif;
  throw InputError("cannot record " + path.string() + ": unknown output format" +
                   (ext.empty() ? std::string(" (no extension)") : " '" + ext + "'") +
                   "; use .mp4, .gif, or a folder ending in / for PNG frames.");
}

OutputFormat validate(const RecordOptions& options) {
  const fs::path& path = options.path;
  const OutputFormat format = formatFromPath(path);
  // Each side on its own first, so "width 0" is reported as such; then the fit in 3840x2160,
  // either way round.
  const int long_limit = kMaxLongSide;
  requireRange(options.width, 1, long_limit, "width", " pixels", path);
  requireRange(options.height, 1, long_limit, "height", " pixels", path);
  if (std::min(options.width, options.height) > kMaxShortSide) {
    throw InputError("cannot record " + path.string() + ": " + std::to_string(options.width) + "x" +
                     std::to_string(options.height) + " pixels is too large; the picture must fit in " +
                     std::to_string(kMaxLongSide) + "x" + std::to_string(kMaxShortSide) + " (or " +
                     std::to_string(kMaxShortSide) + "x" + std::to_string(kMaxLongSide) + " portrait).");
  }
  requireRange(options.fps, 1, format == OutputFormat::kGif ? kMaxGifFps : kMaxFps, "fps",
               format == OutputFormat::kGif
                   ? " for a GIF (its delays are whole hundredths of a second and browsers slow "
                     "shorter ones down)"
                   : "",
               path);
  if (format == OutputFormat::kMp4) {
    requireRange(options.crf, kMinCrf, kMaxCrf, "quality (CRF)", "", path);
    requireRange(options.encoder_threads, 1, 16, "encoder threads", "", path);
    if (options.width % 2 != 0 || options.height % 2 != 0) {
      throw InputError("cannot record " + path.string() +
                       ": MP4 (H.264, yuv420p) needs an even width and height, got " +
                       std::to_string(options.width) + "x" + std::to_string(options.height) + "; use " +
                       std::to_string(options.width + options.width % 2) + "x" +
                       std::to_string(options.height + options.height % 2) + ".");
    }
    if (options.transparent) {
      throw InputError("cannot record " + path.string() +
                       " with a transparent background: MP4 (H.264, yuv420p) has no alpha; record a "
                       "PNG sequence (a folder ending in /) or a GIF instead.");
    }
  }
  if (options.queue_capacity < 1 || options.queue_capacity > 256) {
    throw InputError("cannot record " + path.string() + ": queue capacity " +
                     std::to_string(options.queue_capacity) +
                     " is out of range; it must be 1 to 256 frames.");
  }
  return format;
}

}  // namespace sagitta::record
