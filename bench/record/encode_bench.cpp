// Encode-alone speed: synthetic 1920x1080 frames at 30 fps, straight into each encoder (no
// rendering, no read-back). This is the floor the full render + encode pipeline of `sagitta
// record` is compared with. Reported per variant:
//   fps               frames encoded per second of wall-clock time (the number to compare)
//   cpu_ms_per_frame  CPU time of the whole process (all threads) per frame: on a shared machine
//                     wall-clock fps moves with the neighbours' load, CPU per frame does not
//   MB_per_min        output size for a minute of this content
//   PSNR_dB           picture quality of the decoded clip against the frames that made it
//
//   build-record/bench/record/record_bench                    # everything (about two minutes)
//   build-record/bench/record/record_bench --benchmark_filter=mp4
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "record/av_handles.h"
#include "record/gif_encoder.h"
#include "record/mp4_encoder.h"
#include "record/png_sequence_writer.h"
#include "record/recorder.h"

namespace {
namespace fs = std::filesystem;
using namespace sagitta::record;

constexpr int kFullWidth = 1920;
constexpr int kFullHeight = 1080;
constexpr int kFps = 30;
constexpr int kClipFrames = 90;  // 3 s a run: long enough for x264's lookahead to settle
constexpr int kDistinctFrames = 30;

enum class Size { kFull, kHalf };  // 1920x1080, or 960x540 (a typical GIF)

int widthOf(Size size) {
  return size == Size::kFull ? kFullWidth : kFullWidth / 2;
}
int heightOf(Size size) {
  return size == Size::kFull ? kFullHeight : kFullHeight / 2;
}

// A stand-in for a Sagitta frame: a shaded background gradient, a lit sphere that moves (the
// "bone"), and rows of thin, high-contrast strokes (labels and captions), which are what a video
// codec smears first.
Frame syntheticFrame(int index, int width, int height) {
  Frame frame;
  frame.width = width;
  frame.height = height;
  frame.index = index;
  frame.rgba.resize(Frame::byteSize(width, height));
  const double t = 2.0 * 3.14159265358979 * index / kDistinctFrames;
  const double cx = width * (0.35 + 0.08 * std::sin(t));
  const double cy = height * (0.5 + 0.05 * std::cos(t));
  const double radius = height * 0.3;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const double shade = 0.25 + 0.35 * y / height;
      double r = shade * (0.6 + 0.4 * x / width), g = shade * 0.9, b = shade * (1.0 - 0.3 * x / width);
      const double dx = (x - cx) / radius, dy = (y - cy) / radius, d2 = dx * dx + dy * dy;
      if (d2 < 1.0) {
        const double light = std::max(0.0, -0.4 * dx - 0.5 * dy + 0.75 * std::sqrt(1.0 - d2));
        r = 0.9 * light + 0.05;
        g = 0.75 * light + 0.05;
        b = 0.6 * light + 0.05;
      }
      // "Text": 1 px strokes in 9 px tall rows, with word gaps.
      const bool in_text = x > width * 0.62 && x < width * 0.95 && y > height * 0.2 && y < height * 0.8;
      const int row = y % 14;
      if (in_text && row < 9 && (x / 3 + y / 14) % 11 != 0 && (x % 5 == 0 || row == 0 || row == 8)) {
        r = g = b = 0.97;
      }
      std::uint8_t* p = frame.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
      p[0] = static_cast<std::uint8_t>(255.0 * std::min(1.0, r));
      p[1] = static_cast<std::uint8_t>(255.0 * std::min(1.0, g));
      p[2] = static_cast<std::uint8_t>(255.0 * std::min(1.0, b));
      p[3] = 255;
    }
  }
  return frame;
}

// The distinct frames of a size, made once (outside any timing).
const std::vector<Frame>& frames(Size size) {
  static const auto make = [](Size s) {
    std::vector<Frame> out;
    for (int i = 0; i < kDistinctFrames; ++i) out.push_back(syntheticFrame(i, widthOf(s), heightOf(s)));
    return out;
  };
  if (size == Size::kHalf) {
    static const std::vector<Frame> half = make(Size::kHalf);
    return half;
  }
  static const std::vector<Frame> full = make(Size::kFull);
  return full;
}

fs::path scratchFolder() {
  static const fs::path folder = [] {
    std::string pattern = (fs::temp_directory_path() / "sagitta-record-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    return fs::path(pattern);
  }();
  return folder;
}

RecordOptions optionsFor(const std::string& name, Size size = Size::kFull) {
  RecordOptions o;
  o.path = scratchFolder() / name;
  o.width = widthOf(size);
  o.height = heightOf(size);
  o.fps = kFps;
  return o;
}

// Encodes one clip of kClipFrames (cycling the distinct frames, with increasing indices).
void encodeClip(FrameEncoder& encoder, Size size = Size::kFull) {
  Frame frame;
  for (int i = 0; i < kClipFrames; ++i) {
    frame = frames(size)[static_cast<std::size_t>(i % kDistinctFrames)];
    frame.index = i;
    encoder.encode(frame);
  }
  encoder.finish();
}

// Mean PSNR (RGB, dB) of a decoded clip against the frames that made it.
double psnrOf(const fs::path& path, Size size) {
  AVFormatContext* raw = nullptr;
  if (avformat_open_input(&raw, path.c_str(), nullptr, nullptr) < 0) return 0.0;
  av::InputFormatPtr input(raw);
  avformat_find_stream_info(input.get(), nullptr);
  const AVStream* stream = input->streams[0];
  const AVCodec* decoder = avcodec_find_decoder(stream->codecpar->codec_id);
  av::CodecContextPtr codec(avcodec_alloc_context3(decoder));
  avcodec_parameters_to_context(codec.get(), stream->codecpar);
  if (avcodec_open2(codec.get(), decoder, nullptr) < 0) return 0.0;
  const int width = widthOf(size), height = heightOf(size);
  std::vector<std::uint8_t> rgba(Frame::byteSize(width, height));
  av::PacketPtr packet = av::allocPacket();
  av::FramePtr decoded = av::allocFrame();
  double squared_error = 0.0;
  std::size_t samples = 0;
  int index = 0;
  auto receive = [&] {
    while (avcodec_receive_frame(codec.get(), decoded.get()) == 0) {
      const auto format = static_cast<AVPixelFormat>(decoded->format);
      av::SwsPtr sws(sws_getContext(width, height, format, width, height, AV_PIX_FMT_RGBA,
                                    SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
      if (format == AV_PIX_FMT_YUV420P) {
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(sws.get(), bt709, 0, bt709, 1, 0, 1 << 16, 1 << 16);
      }
      std::uint8_t* out[1] = {rgba.data()};
      const int stride[1] = {width * 4};
      sws_scale(sws.get(), decoded->data, decoded->linesize, 0, height, out, stride);
      const Frame& source = frames(size)[static_cast<std::size_t>(index++ % kDistinctFrames)];
      for (std::size_t i = 0; i < rgba.size(); ++i) {
        if (i % 4 == 3) continue;
        const double d = static_cast<double>(rgba[i]) - source.rgba[i];
        squared_error += d * d;
        ++samples;
      }
    }
  };
  while (av_read_frame(input.get(), packet.get()) >= 0) {
    avcodec_send_packet(codec.get(), packet.get());
    av_packet_unref(packet.get());
    receive();
  }
  avcodec_send_packet(codec.get(), nullptr);
  receive();
  if (samples == 0) return 0.0;
  return 10.0 * std::log10(255.0 * 255.0 / (squared_error / static_cast<double>(samples)));
}

double processCpuSeconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void report(benchmark::State& state, const fs::path& output, std::int64_t frames_encoded,
            double cpu_seconds) {
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(frames_encoded), benchmark::Counter::kIsRate);
  state.counters["cpu_ms_per_frame"] = 1000.0 * cpu_seconds / static_cast<double>(frames_encoded);
  std::error_code ec;
  std::uintmax_t bytes = 0;
  if (fs::is_directory(output, ec)) {
    for (const auto& entry : fs::directory_iterator(output)) bytes += entry.file_size();
  } else {
    bytes = fs::file_size(output, ec);
  }
  state.counters["MB_per_min"] = static_cast<double>(bytes) / 1e6 * (60.0 * kFps / kClipFrames);
}

// Arg: x264 threads (0: RecordOptions' default).
void mp4(benchmark::State& state, X264Tuning tuning) {
  frames(Size::kFull);
  RecordOptions o = optionsFor("bench.mp4");
  if (state.range(0) > 0) o.encoder_threads = static_cast<int>(state.range(0));
  std::int64_t encoded = 0;
  const double cpu_before = processCpuSeconds();
  for (auto _ : state) {
    Mp4Encoder encoder(o, tuning);
    encodeClip(encoder);
    encoded += kClipFrames;
  }
  report(state, o.path, encoded, processCpuSeconds() - cpu_before);
  state.counters["PSNR_dB"] = psnrOf(o.path, Size::kFull);
}

void gif(benchmark::State& state, GifTuning tuning, Size size) {
  frames(size);
  const RecordOptions o = optionsFor("bench.gif", size);
  std::int64_t encoded = 0;
  const double cpu_before = processCpuSeconds();
  for (auto _ : state) {
    GifEncoder encoder(o, tuning);
    encodeClip(encoder, size);
    encoded += kClipFrames;
  }
  report(state, o.path, encoded, processCpuSeconds() - cpu_before);
  state.counters["PSNR_dB"] = psnrOf(o.path, size);
}

void png(benchmark::State& state) {
  frames(Size::kFull);
  const RecordOptions o = optionsFor("frames/");
  std::int64_t encoded = 0;
  const double cpu_before = processCpuSeconds();
  for (auto _ : state) {
    PngSequenceWriter writer(o);
    encodeClip(writer);
    encoded += kClipFrames;
  }
  report(state, scratchFolder() / "frames", encoded, processCpuSeconds() - cpu_before);
}

// The default MP4 through the Recorder's queue and worker (blocking pushes), as `sagitta record`
// will use it: the caller copies each frame into a recycled buffer and hands it over.
void mp4ThroughRecorder(benchmark::State& state) {
  frames(Size::kFull);
  const RecordOptions o = optionsFor("recorder.mp4");
  std::int64_t encoded = 0;
  const double cpu_before = processCpuSeconds();
  for (auto _ : state) {
    Recorder recorder(o);
    for (int i = 0; i < kClipFrames; ++i) {
      Frame frame = recorder.newFrame(i);
      const Frame& source = frames(Size::kFull)[static_cast<std::size_t>(i % kDistinctFrames)];
      std::copy(source.rgba.begin(), source.rgba.end(), frame.rgba.begin());
      recorder.push(std::move(frame), PushMode::kBlocking);
    }
    encoded += recorder.finish().frames_encoded;
  }
  report(state, o.path, encoded, processCpuSeconds() - cpu_before);
}

void registerAll() {
  const auto once = [](benchmark::internal::Benchmark* b) {
    return b->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
  };
  once(benchmark::RegisterBenchmark("mp4/veryfast+animation (default)", mp4, X264Tuning{}))->Arg(0);
  // x264 threads (the output depends on the count, so the default is fixed, not the core count).
  once(benchmark::RegisterBenchmark("mp4/veryfast+animation threads", mp4, X264Tuning{}))
      ->Arg(2)
      ->Arg(3)
      ->Arg(6);
  // The alternatives the default was chosen from. x264's macroblock-tree rate control reads
  // uninitialised memory when B-frames are on (the output changes with the heap's contents), so
  // a deterministic encoder needs either mbtree=0 or bframes=0.
  once(benchmark::RegisterBenchmark("mp4/veryfast+animation mbtree (not deterministic)", mp4,
                                    X264Tuning{"veryfast", "animation", ""}))
      ->Arg(0);
  once(benchmark::RegisterBenchmark("mp4/veryfast+animation mbtree=0", mp4,
                                    X264Tuning{"veryfast", "animation", "mbtree=0"}))
      ->Arg(0);
  once(benchmark::RegisterBenchmark("mp4/veryfast+animation bframes=0", mp4,
                                    X264Tuning{"veryfast", "animation", "bframes=0"}))
      ->Arg(0);
  once(benchmark::RegisterBenchmark("mp4/veryfast bframes=0", mp4, X264Tuning{"veryfast", "", "bframes=0"}))
      ->Arg(0);
  once(benchmark::RegisterBenchmark("mp4/superfast", mp4, X264Tuning{"superfast", "", ""}))->Arg(0);
  once(benchmark::RegisterBenchmark("mp4/faster bframes=0", mp4, X264Tuning{"faster", "", "bframes=0"}))
      ->Arg(0);
  once(benchmark::RegisterBenchmark("mp4/recorder (default, async)", mp4ThroughRecorder));
  once(benchmark::RegisterBenchmark("gif/floyd_steinberg (default)", gif, GifTuning{}, Size::kFull));
  once(benchmark::RegisterBenchmark("gif/bayer", gif, GifTuning{"bayer", 2}, Size::kFull));
  once(benchmark::RegisterBenchmark("gif/sierra2_4a", gif, GifTuning{"sierra2_4a", 0}, Size::kFull));
  once(benchmark::RegisterBenchmark("gif/floyd_steinberg 960x540", gif, GifTuning{}, Size::kHalf));
  once(benchmark::RegisterBenchmark("png/sequence", png));
}

}  // namespace

int main(int argc, char** argv) {
  registerAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  fs::remove_all(scratchFolder(), ec);
  return 0;
}
