// RGBA8 images in memory and PNG files (stb_image_write / stb_image from libstb-dev).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace sagitta {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // top row first, 4 bytes a pixel, straight alpha

  bool empty() const { return width <= 0 || height <= 0; }
  const std::uint8_t* pixel(int x, int y) const {
    return rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
  }
};

// PNG bytes of an image (lossless).
std::vector<std::uint8_t> encodePng(const Image& image);
// Writes a PNG atomically (see atomic_file.h); throws IoError naming the path.
void writePng(const std::filesystem::path& path, const Image& image);
// Reads a PNG (or any image stb reads) as RGBA8; throws IoError / InputError naming the path.
Image readImage(const std::filesystem::path& path);

}  // namespace sagitta
