// One picture handed to the recorder: 8-bit RGBA (sRGB, straight alpha), 4 bytes a pixel, rows
// tightly packed (no padding). Rows run top row first unless `row_order` says otherwise: OpenGL
// read-back gives the bottom row first, and every encoder reads such frames upside down for free
// (a negative stride) instead of flipping 8 MB on the render thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sagitta::record {

enum class RowOrder { kTopFirst, kBottomFirst };

struct Frame {
  int width = 0;   // pixels
  int height = 0;  // pixels
  // Presentation index: the frame's time is index / fps seconds from the start of the clip.
  // Indices must increase from frame to frame; a gap means the picture holds for longer
  // (frames that were not captured or were dropped).
  std::int64_t index = 0;
  RowOrder row_order = RowOrder::kTopFirst;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes

  static std::size_t byteSize(int width, int height) {
    return static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
  }
  // The top row of the picture and the step, in bytes, from one row to the one below it
  // (negative for bottom-first frames).
  const std::uint8_t* topRow() const {
    if (row_order == RowOrder::kTopFirst) return rgba.data();
    return rgba.data() + static_cast<std::size_t>(height - 1) * static_cast<std::size_t>(width) * 4;
  }
  std::ptrdiff_t rowStep() const {
    const std::ptrdiff_t stride = static_cast<std::ptrdiff_t>(width) * 4;
    return row_order == RowOrder::kTopFirst ? stride : -stride;
  }
};

// The presentation index of the frame shown at `seconds` into a clip at `fps` frames a second
// (the frame whose interval contains that time; a hair of tolerance absorbs rounding in callers
// that step time as i / fps).
std::int64_t frameIndexAt(double seconds, int fps);

}  // namespace sagitta::record
