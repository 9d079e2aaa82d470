#include "record/mp4_encoder.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <filesystem>
#include <system_error>

#include "core/error.h"

namespace sagitta::record {

namespace {
constexpr int kKeyframeSeconds = 2;
}  // namespace

Mp4Encoder::Mp4Encoder(const RecordOptions& options, const X264Tuning& tuning)
    : options_(options), file_(validatedPath(options, OutputFormat::kMp4)), packet_(av::allocPacket()) {
  const std::string target = options_.path.string();
  const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
  if (codec == nullptr) {
    throw IoError("cannot write " + target + ": this FFmpeg has no H.264 encoder (libx264).");
  }

  // Container: the format is named, not guessed, because the temporary has no .mp4 extension.
  AVFormatContext* raw_format = nullptr;
  int err = avformat_alloc_output_context2(&raw_format, nullptr, "mp4", file_.temporary().c_str());
  if (err < 0) fail("cannot create the MP4 container", err);
  format_.reset(raw_format);
  format_->flags |= AVFMT_FLAG_BITEXACT;  // no encoder version string: reproducible bytes

  // Encoder.
  codec_.reset(avcodec_alloc_context3(codec));
  if (!codec_) throw std::bad_alloc();
  codec_->width = options_.width;
  codec_->height = options_.height;
  codec_->time_base = AVRational{1, options_.fps};
  codec_->framerate = AVRational{options_.fps, 1};
  codec_->sample_aspect_ratio = AVRational{1, 1};
  codec_->pix_fmt = AV_PIX_FMT_YUV420P;
  codec_->color_range = AVCOL_RANGE_MPEG;
  codec_->colorspace = AVCOL_SPC_BT709;
  codec_->color_primaries = AVCOL_PRI_BT709;
  codec_->color_trc = AVCOL_TRC_BT709;
  codec_->gop_size = options_.fps * kKeyframeSeconds;
  codec_->thread_count = options_.encoder_threads;
  codec_->flags |= AV_CODEC_FLAG_BITEXACT;
  if ((format_->oformat->flags & AVFMT_GLOBALHEADER) != 0) codec_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  av_opt_set(codec_->priv_data, "preset", tuning.preset.c_str(), 0);
  if (!tuning.tune.empty()) av_opt_set(codec_->priv_data, "tune", tuning.tune.c_str(), 0);
  if (!tuning.params.empty()) av_opt_set(codec_->priv_data, "x264-params", tuning.params.c_str(), 0);
  av_opt_set_double(codec_->priv_data, "crf", options_.crf, 0);
  err = avcodec_open2(codec_.get(), codec, nullptr);
  if (err < 0) fail("cannot start the H.264 encoder", err);

  stream_ = avformat_new_stream(format_.get(), nullptr);
  if (stream_ == nullptr) throw std::bad_alloc();
  err = avcodec_parameters_from_context(stream_->codecpar, codec_.get());
  if (err < 0) fail("cannot set up the video stream", err);
  stream_->time_base = codec_->time_base;
  stream_->avg_frame_rate = codec_->framerate;

  err = avio_open(&format_->pb, file_.temporary().c_str(), AVIO_FLAG_WRITE);
  if (err < 0) fail("cannot open the file", err);
  AVDictionary* mux_options = nullptr;
  av_dict_set(&mux_options, "movflags", "+faststart", 0);
  err = avformat_write_header(format_.get(), &mux_options);
  av_dict_free(&mux_options);
  if (err < 0) fail("cannot write the MP4 header", err);

  // RGBA -> yuv420p with the BT.709 matrix the stream is tagged with. Accurate rounding keeps flat
  // colours exact; bit-exact keeps the result the same on every CPU.
  sws_.reset(sws_getContext(options_.width, options_.height, AV_PIX_FMT_RGBA, options_.width, options_.height,
                            AV_PIX_FMT_YUV420P, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT, nullptr,
                            nullptr, nullptr));
  if (!sws_) throw IoError("cannot write " + target + ": the colour converter could not be set up.");
  const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
  sws_setColorspaceDetails(sws_.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);

  yuv_ = av::allocFrame();
  yuv_->format = AV_PIX_FMT_YUV420P;
  yuv_->width = options_.width;
  yuv_->height = options_.height;
  err = av_frame_get_buffer(yuv_.get(), 0);
  if (err < 0) fail("cannot allocate a frame", err);
  bytes_ = static_cast<std::uint64_t>(avio_tell(format_->pb));
}

Mp4Encoder::~Mp4Encoder() {
  abort();
}

void Mp4Encoder::fail(const std::string& what, int err) {
  abort();
  throw IoError("cannot write " + options_.path.string() + ": " + what + ": " + av::errorText(err) + ".");
}

void Mp4Encoder::encode(const Frame& frame) {
  if (closed_) throw IoError("cannot write " + options_.path.string() + ": the recording is already closed.");
  checkFrame(frame, options_.width, options_.height, last_index_);
  int err = av_frame_make_writable(yuv_.get());
  if (err < 0) fail("cannot allocate a frame", err);
  const std::uint8_t* source[1] = {frame.topRow()};
  const int source_stride[1] = {static_cast<int>(frame.rowStep())};
  sws_scale(sws_.get(), source, source_stride, 0, options_.height, yuv_->data, yuv_->linesize);
  yuv_->pts = frame.index;
  err = avcodec_send_frame(codec_.get(), yuv_.get());
  if (err < 0) fail("the H.264 encoder refused a frame", err);
  drainPackets();
  last_index_ = frame.index;
  ++frames_;
}

void Mp4Encoder::drainPackets() {
  for (;;) {
    int err = avcodec_receive_packet(codec_.get(), packet_.get());
    if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
    if (err < 0) fail("the H.264 encoder failed", err);
    // Each frame lasts one tick unless the next one comes later; the muxer takes the real
    // durations from the timestamps and this one only for the last frame.
    if (packet_->duration == 0) packet_->duration = 1;
    av_packet_rescale_ts(packet_.get(), codec_->time_base, stream_->time_base);
    packet_->stream_index = stream_->index;
    err = av_interleaved_write_frame(format_.get(), packet_.get());
    if (err < 0) fail("writing failed", err);
    bytes_ = static_cast<std::uint64_t>(avio_tell(format_->pb));
  }
}

void Mp4Encoder::finish() {
  if (closed_) throw IoError("cannot write " + options_.path.string() + ": the recording is already closed.");
  if (frames_ == 0) {
    abort();
    throw InputError("cannot write " + options_.path.string() +
                     ": no frames were recorded, so no file was written.");
  }
  int err = avcodec_send_frame(codec_.get(), nullptr);  // flush the frames x264 still holds
  if (err < 0) fail("the H.264 encoder failed to flush", err);
  drainPackets();
  err = av_write_trailer(format_.get());  // +faststart moves the index to the front here
  if (err < 0) fail("writing the end of the file failed", err);
  err = avio_closep(&format_->pb);
  if (err < 0) fail("closing the file failed", err);
  std::error_code ec;
  bytes_ = static_cast<std::uint64_t>(std::filesystem::file_size(file_.temporary(), ec));
  format_.reset();
  codec_.reset();
  closed_ = true;
  file_.commit();
}

void Mp4Encoder::abort() noexcept {
  closed_ = true;
  format_.reset();  // closes the file before the temporary is deleted
  codec_.reset();
  file_.discard();
}

}  // namespace sagitta::record
