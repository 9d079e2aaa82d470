// Helpers for the record tests: synthetic frames, a scratch folder, and a decoder that reads back
// whatever the encoders wrote (libavformat / libavcodec for MP4 and GIF, stb_image for PNG).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "record/frame.h"

namespace sagitta::record::testing {

// A unique, empty folder under the system temp folder, removed with everything in it.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Every entry's name, hidden ones included, sorted.
  std::vector<std::string> names() const;

 private:
  std::filesystem::path path_;
};

// While alive, every heap allocation starts filled with ~`byte` and every freed block is filled
// with `byte` (glibc M_PERTURB), and large blocks come from the heap too (instead of fresh, zeroed
// pages). Two runs under different bytes expose any output that depends on uninitialised memory,
// which a fresh process would hide. (x264's macroblock-tree rate control with B-frames is such a
// case; see mp4_encoder.h.)
class HeapPoison {
 public:
  explicit HeapPoison(int byte);
  ~HeapPoison();
  // False when the allocator ignores these settings (sanitizer builds bring their own malloc).
  bool effective() const { return effective_; }
  HeapPoison(const HeapPoison&) = delete;
  HeapPoison& operator=(const HeapPoison&) = delete;

 private:
  bool effective_ = false;
};

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

Frame solidFrame(int width, int height, std::int64_t index, Rgba colour);
// A picture that differs at every phase: a diagonal colour gradient scrolled by `phase` pixels, with
// sharp dark bars (like text and outlines) that move with it.
Frame movingFrame(int width, int height, std::int64_t index, int phase);
// Random bytes (incompressible), for filling a disk quickly.
Frame noiseFrame(int width, int height, std::int64_t index, std::uint32_t seed);
// A frame whose rows run bottom-first, showing the same picture as `top_first`.
Frame flipped(const Frame& top_first);

struct DecodedFrame {
  double seconds = 0.0;            // presentation time
  double duration_seconds = 0.0;   // as the container gives it (0 when unknown)
  std::vector<std::uint8_t> rgba;  // top row first
};

struct DecodedVideo {
  std::string container;     // libavformat's name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "gif"
  std::string codec;         // "h264", "gif"
  std::string pixel_format;  // the stream's format, e.g. "yuv420p", "bgra", "pal8"
  int width = 0;
  int height = 0;
  std::vector<DecodedFrame> frames;
};

// Decodes every frame of a video file into RGBA (BT.709 limited range for YUV). Fails the
// calling test (ADD_FAILURE) and returns what it has when the file cannot be read.
DecodedVideo decodeVideo(const std::filesystem::path& path);

struct PngImage {
  int width = 0, height = 0, channels = 0;  // channels as stored in the file
  std::vector<std::uint8_t> rgba;           // expanded to RGBA
};
PngImage readPng(const std::filesystem::path& path);

std::string readBytes(const std::filesystem::path& path);

// Mean absolute difference per channel between two RGBA pictures (alpha ignored), 0..255.
double meanDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b);
// The RGBA pixel at (x, y) of a width-wide picture.
Rgba pixelAt(const std::vector<std::uint8_t>& rgba, int width, int x, int y);

}  // namespace sagitta::record::testing
