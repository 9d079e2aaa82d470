#include "core/image.h"

#include <span>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "core/atomic_file.h"
#include "core/error.h"

namespace sagitta {

std::vector<std::uint8_t> encodePng(const Image& image) {
  std::vector<std::uint8_t> out;
  if (image.empty()) return out;
  auto append = [](void* context, void* data, int size) {
    auto* o = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* d = static_cast<const std::uint8_t*>(data);
    o->insert(o->end(), d, d + size);
  };
  stbi_write_png_compression_level = 6;  // a good size/speed balance for 4K screenshots
  if (stbi_write_png_to_func(append, &out, image.width, image.height, 4, image.rgba.data(),
                             image.width * 4) == 0) {
    out.clear();
  }
  return out;
}

void writePng(const std::filesystem::path& path, const Image& image) {
  const std::vector<std::uint8_t> png = encodePng(image);
  if (png.empty()) throw IoError("cannot write " + path.string() + ": the image could not be encoded as PNG");
  writeFileAtomic(path, std::as_bytes(std::span(png)));
}

Image readImage(const std::filesystem::path& path) {
  const std::string bytes = readFile(path);
  int w = 0, h = 0, channels = 0;
  unsigned char* data = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                              static_cast<int>(bytes.size()), &w, &h, &channels, 4);
  if (data == nullptr) throw InputError("cannot read image " + path.string() + ": " + stbi_failure_reason());
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * h * 4);
  stbi_image_free(data);
  return img;
}

}  // namespace sagitta
