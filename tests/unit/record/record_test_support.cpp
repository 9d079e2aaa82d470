#include "record_test_support.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <malloc.h>
#include <stdlib.h>

#include "record/av_handles.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

// A private copy of stb_image (static functions) so the test cannot clash with a library's copy.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

namespace sagitta::record::testing {
namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  std::string pattern = (fs::temp_directory_path() / "sagitta-record-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::vector<std::string> ScratchDir::names() const {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(path_)) out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

HeapPoison::HeapPoison(int byte) {
  // glibc's mallopt returns 1 when it applied a setting.
  effective_ = mallopt(M_MMAP_THRESHOLD, 1 << 30) == 1 && mallopt(M_PERTURB, byte) == 1;
}

HeapPoison::~HeapPoison() {
  mallopt(M_PERTURB, 0);
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // glibc's initial threshold
}

Frame solidFrame(int width, int height, std::int64_t index, Rgba colour) {
  Frame frame;
  frame.width = width;
  frame.height = height;
  frame.index = index;
  frame.rgba.resize(Frame::byteSize(width, height));
  for (std::size_t i = 0; i < frame.rgba.size(); i += 4) {
    frame.rgba[i] = colour.r;
    frame.rgba[i + 1] = colour.g;
    frame.rgba[i + 2] = colour.b;
    frame.rgba[i + 3] = colour.a;
  }
  return frame;
}

Frame movingFrame(int width, int height, std::int64_t index, int phase) {
  Frame frame;
  frame.width = width;
  frame.height = height;
  frame.index = index;
  frame.rgba.resize(Frame::byteSize(width, height));
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const int u = x + phase * 3;
      std::uint8_t* p = frame.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
      const bool bar = (u / 6) % 8 == 0 || (y + phase) % 24 < 2;
      p[0] = bar ? 20 : static_cast<std::uint8_t>((u * 255) / (width + 1) % 256);
      p[1] = bar ? 20 : static_cast<std::uint8_t>((y * 255) / height);
      p[2] = bar ? 30 : static_cast<std::uint8_t>(255 - ((u + y) * 127) / (width + height));
      p[3] = 255;
    }
  }
  return frame;
}

Frame noiseFrame(int width, int height, std::int64_t index, std::uint32_t seed) {
  Frame frame;
  frame.width = width;
  frame.height = height;
  frame.index = index;
  frame.rgba.resize(Frame::byteSize(width, height));
  std::mt19937 random(seed);
  for (std::size_t i = 0; i < frame.rgba.size(); ++i) {
    frame.rgba[i] = (i % 4 == 3) ? std::uint8_t{255} : static_cast<std::uint8_t>(random());
  }
  return frame;
}

Frame flipped(const Frame& top_first) {
  Frame out = top_first;
  out.row_order = RowOrder::kBottomFirst;
  const std::size_t row = static_cast<std::size_t>(top_first.width) * 4;
  for (int y = 0; y < top_first.height; ++y) {
    std::copy_n(top_first.rgba.data() + static_cast<std::size_t>(y) * row, row,
                out.rgba.data() + static_cast<std::size_t>(top_first.height - 1 - y) * row);
  }
  return out;
}

namespace {

std::vector<std::uint8_t> toRgba(const AVFrame& frame) {
  const auto format = static_cast<AVPixelFormat>(frame.format);
  av::SwsPtr sws(sws_getContext(frame.width, frame.height, format, frame.width, frame.height, AV_PIX_FMT_RGBA,
                                SWS_POINT | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
  if (!sws) {
    ADD_FAILURE() << "cannot convert " << av_get_pix_fmt_name(format) << " to RGBA";
    return {};
  }
  if (format == AV_PIX_FMT_YUV420P) {
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    sws_setColorspaceDetails(sws.get(), bt709, 0, bt709, 1, 0, 1 << 16, 1 << 16);
  }
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(frame.width) * frame.height * 4);
  std::uint8_t* out[1] = {rgba.data()};
  const int out_stride[1] = {frame.width * 4};
  sws_scale(sws.get(), frame.data, frame.linesize, 0, frame.height, out, out_stride);
  return rgba;
}

}  // namespace

DecodedVideo decodeVideo(const fs::path& path) {
  DecodedVideo video;
  AVFormatContext* raw = nullptr;
  if (avformat_open_input(&raw, path.c_str(), nullptr, nullptr) < 0) {
    ADD_FAILURE() << "cannot open " << path;
    return video;
  }
  av::InputFormatPtr input(raw);
  if (avformat_find_stream_info(input.get(), nullptr) < 0) {
    ADD_FAILURE() << "no stream info in " << path;
    return video;
  }
  const int stream_index = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (stream_index < 0) {
    ADD_FAILURE() << "no video stream in " << path;
    return video;
  }
  const AVStream* stream = input->streams[stream_index];
  video.container = input->iformat->name;
  video.codec = avcodec_get_name(stream->codecpar->codec_id);
  const char* pixel_format = av_get_pix_fmt_name(static_cast<AVPixelFormat>(stream->codecpar->format));
  video.pixel_format = pixel_format != nullptr ? pixel_format : "";
  video.width = stream->codecpar->width;
  video.height = stream->codecpar->height;

  const AVCodec* decoder = avcodec_find_decoder(stream->codecpar->codec_id);
  av::CodecContextPtr codec(avcodec_alloc_context3(decoder));
  avcodec_parameters_to_context(codec.get(), stream->codecpar);
  codec->thread_count = 1;
  if (avcodec_open2(codec.get(), decoder, nullptr) < 0) {
    ADD_FAILURE() << "cannot open a decoder for " << path;
    return video;
  }
  av::PacketPtr packet = av::allocPacket();
  av::FramePtr frame = av::allocFrame();
  const double tick = av_q2d(stream->time_base);
  auto receive = [&] {
    while (avcodec_receive_frame(codec.get(), frame.get()) == 0) {
      DecodedFrame out;
      out.seconds = static_cast<double>(frame->best_effort_timestamp) * tick;
      out.duration_seconds = static_cast<double>(frame->pkt_duration) * tick;
      out.rgba = toRgba(*frame);
      video.frames.push_back(std::move(out));
      av_frame_unref(frame.get());
    }
  };
  while (av_read_frame(input.get(), packet.get()) >= 0) {
    if (packet->stream_index == stream_index) {
      if (avcodec_send_packet(codec.get(), packet.get()) < 0)
        ADD_FAILURE() << "a packet of " << path << " is corrupt";
      receive();
    }
    av_packet_unref(packet.get());
  }
  avcodec_send_packet(codec.get(), nullptr);
  receive();
  return video;
}

PngImage readPng(const fs::path& path) {
  const std::string bytes = readBytes(path);
  PngImage image;
  unsigned char* data =
      stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()),
                            &image.width, &image.height, &image.channels, 4);
  if (data == nullptr) {
    ADD_FAILURE() << "cannot read PNG " << path << ": " << stbi_failure_reason();
    return image;
  }
  image.rgba.assign(data, data + static_cast<std::size_t>(image.width) * image.height * 4);
  stbi_image_free(data);
  return image;
}

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

double meanDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  if (a.size() != b.size() || a.empty()) return 255.0;
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i % 4 == 3) continue;
    sum += std::abs(static_cast<int>(a[i]) - static_cast<int>(b[i]));
    ++count;
  }
  return sum / static_cast<double>(count);
}

Rgba pixelAt(const std::vector<std::uint8_t>& rgba, int width, int x, int y) {
  const std::uint8_t* p = rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
  return Rgba{p[0], p[1], p[2], p[3]};
}

}  // namespace sagitta::record::testing
