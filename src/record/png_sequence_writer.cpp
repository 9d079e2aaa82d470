#include "record/png_sequence_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include "core/error.h"
#include "record/av_handles.h"

// A private copy of stb_image_write (static functions): sagitta_base compiles its own for
// screenshots, and the two must not clash at link time or share its global settings.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>

namespace sagitta::record {
namespace fs = std::filesystem;

PngSequenceWriter::PngSequenceWriter(const RecordOptions& options)
    : options_(options), folder_(withoutTrailingSlash(validatedPath(options, OutputFormat::kPngSequence))) {}

PngSequenceWriter::~PngSequenceWriter() {
  abort();
}

std::string PngSequenceWriter::fileNameFor(std::int64_t index) {
  char name[48];
  std::snprintf(name, sizeof name, "frame_%06lld.png", static_cast<long long>(index) + 1);
  return name;
}

void PngSequenceWriter::fail(const std::string& what, int err) {
  abort();
  throw IoError("cannot write " + folder_.target().string() + ": " + what + ": " +
                av::errorText(AVERROR(err)) + ".");
}

void PngSequenceWriter::writeFile(const fs::path& path, const std::vector<unsigned char>& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("creating " + path.filename().string() + " failed", errno);
  const unsigned char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      fail("writing " + path.filename().string() + " failed", err);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) fail("closing " + path.filename().string() + " failed", errno);
  bytes_ += bytes.size();
}

void PngSequenceWriter::encode(const Frame& frame) {
  if (closed_)
    throw IoError("cannot write " + folder_.target().string() + ": the recording is already closed.");
  checkFrame(frame, options_.width, options_.height, last_index_);

  // Fill a gap with copies of the last file, so the sequence keeps its timing.
  if (last_index_ >= 0 && frame.index > last_index_ + 1) {
    for (std::int64_t i = last_index_ + 1; i < frame.index; ++i)
      writeFile(folder_.temporary() / fileNameFor(i), png_);
  }

  const int width = options_.width;
  const int height = options_.height;
  const unsigned char* pixels = frame.topRow();
  int stride = static_cast<int>(frame.rowStep());
  int channels = 4;
  if (!options_.transparent) {
    // Opaque: drop alpha, which also makes the files a quarter smaller.
    rgb_.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    unsigned char* out = rgb_.data();
    for (int y = 0; y < height; ++y) {
      const unsigned char* row = pixels + static_cast<std::ptrdiff_t>(y) * stride;
      for (int x = 0; x < width; ++x, out += 3, row += 4) {
        out[0] = row[0];
        out[1] = row[1];
        out[2] = row[2];
      }
    }
    pixels = rgb_.data();
    stride = width * 3;
    channels = 3;
  }
  png_.clear();
  const auto append = [](void* context, void* data, int size) {
    auto* out = static_cast<std::vector<unsigned char>*>(context);
    const auto* bytes = static_cast<const unsigned char*>(data);
    out->insert(out->end(), bytes, bytes + size);
  };
  if (stbi_write_png_to_func(append, &png_, width, height, channels, pixels, stride) == 0) {
    fail("encoding PNG frame " + std::to_string(frame.index) + " failed", ENOMEM);
  }
  writeFile(folder_.temporary() / fileNameFor(frame.index), png_);
  last_index_ = frame.index;
  ++frames_;
}

void PngSequenceWriter::finish() {
  if (closed_)
    throw IoError("cannot write " + folder_.target().string() + ": the recording is already closed.");
  if (frames_ == 0) {
    abort();
    throw InputError("cannot write " + folder_.target().string() +
                     ": no frames were recorded, so no folder was written.");
  }
  closed_ = true;
  folder_.commit();
}

void PngSequenceWriter::abort() noexcept {
  closed_ = true;
  folder_.discard();
}

}  // namespace sagitta::record
