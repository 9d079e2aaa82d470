// What to record and how: the output path (which picks the format), picture size, frame rate,
// quality and transparency. `validate` checks every field before anything is written, so a bad
// request fails with one plain sentence before the caller renders a single frame.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace sagitta::record {

// The format follows the path: `.mp4` (any case) is H.264 in MP4, `.gif` an animated GIF, and a
// path ending in `/` or naming an existing folder a PNG sequence (frame_000001.png, ...).
enum class OutputFormat { kMp4, kGif, kPngSequence };

std::string_view formatName(OutputFormat format);  // "MP4", "GIF", "PNG sequence"

// The app's size limit: the picture must fit in 3840x2160, landscape or portrait.
inline constexpr int kMaxLongSide = 3840;
inline constexpr int kMaxShortSide = 2160;
inline constexpr int kMaxFps = 240;
// GIF delays are whole hundredths of a second and browsers slow any delay under 2/100 s down to
// 10/100 s, so a GIF above 50 fps would play far too slowly.
inline constexpr int kMaxGifFps = 50;
inline constexpr int kMinCrf = 0;   // x264 8-bit: 0 is lossless
inline constexpr int kMaxCrf = 51;  // worst

struct RecordOptions {
  std::filesystem::path path;
  int width = 1920;   // pixels, 1..3840; MP4 (yuv420p) needs it even
  int height = 1080;  // pixels, 1..2160 (or up to 3840 when portrait); MP4 needs it even
  int fps = 30;       // frames a second, 1..240 (GIF: 1..50)
  // MP4 only: x264 constant rate factor, 0 (lossless) .. 51; 18 keeps thin lines and small text
  // clean. GIF and PNG ignore it (PNG is lossless; GIF quality is its palette, see gif_encoder.h).
  int crf = 18;
  // Keep the alpha channel: PNG sequences store RGBA, GIFs map alpha < 128 to a transparent
  // palette entry. MP4 (H.264 yuv420p) has no alpha, so asking for it there is an InputError.
  // When false, alpha is ignored and every output is opaque.
  bool transparent = false;
  // MP4 only: x264 worker threads, 1..16. Fixed rather than taken from the core count because
  // x264's output bytes depend on it: the same frames and the same count give the same file on
  // any machine.
  int encoder_threads = 4;
  // Recorder only: frames that may wait for the encoder, 1..256 (each holds width*height*4 bytes).
  std::size_t queue_capacity = 8;
};

// The format a path asks for; throws InputError for any other extension.
OutputFormat formatFromPath(const std::filesystem::path& path);

// Checks every field; throws InputError naming the field (and the path) when one is out of
// range or does not suit the format. Returns the format. Touches no file.
OutputFormat validate(const RecordOptions& options);

// `path` without trailing separators ("frames/" -> "frames"), for naming folders.
std::filesystem::path withoutTrailingSlash(const std::filesystem::path& path);

}  // namespace sagitta::record
