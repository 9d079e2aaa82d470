#include "record/gif_encoder.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
}

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/error.h"

namespace sagitta::record {

GifEncoder::GifEncoder(const RecordOptions& options, const GifTuning& tuning)
    : options_(options),
      file_(validatedPath(options, OutputFormat::kGif)),
      input_(av::allocFrame()),
      palettised_(av::allocFrame()),
      packet_(av::allocPacket()) {
  AVFormatContext* raw_format = nullptr;
  int err = avformat_alloc_output_context2(&raw_format, nullptr, "gif", file_.temporary().c_str());
  if (err < 0) fail("cannot create the GIF container", err);
  format_.reset(raw_format);
  format_->flags |= AVFMT_FLAG_BITEXACT;

  const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_GIF);
  if (codec == nullptr)
    throw IoError("cannot write " + options_.path.string() + ": this FFmpeg has no GIF encoder.");
  codec_.reset(avcodec_alloc_context3(codec));
  if (!codec_) throw std::bad_alloc();
  codec_->width = options_.width;
  codec_->height = options_.height;
  codec_->time_base = AVRational{1, options_.fps};
  codec_->framerate = AVRational{options_.fps, 1};
  codec_->sample_aspect_ratio = AVRational{1, 1};
  codec_->pix_fmt = AV_PIX_FMT_PAL8;
  codec_->flags |= AV_CODEC_FLAG_BITEXACT;
  err = avcodec_open2(codec_.get(), codec, nullptr);
  if (err < 0) fail("cannot start the GIF encoder", err);

  stream_ = avformat_new_stream(format_.get(), nullptr);
  if (stream_ == nullptr) throw std::bad_alloc();
  err = avcodec_parameters_from_context(stream_->codecpar, codec_.get());
  if (err < 0) fail("cannot set up the GIF stream", err);
  stream_->time_base = codec_->time_base;  // the muxer turns this into hundredths of a second

  err = avio_open(&format_->pb, file_.temporary().c_str(), AVIO_FLAG_WRITE);
  if (err < 0) fail("cannot open the file", err);
  err = avformat_write_header(format_.get(), nullptr);
  if (err < 0) fail("cannot write the GIF header", err);
  trailer_pending_ = true;

  buildFilterGraph(tuning);
  bytes_ = static_cast<std::uint64_t>(avio_tell(format_->pb));
}

GifEncoder::~GifEncoder() {
  abort();
}

void GifEncoder::buildFilterGraph(const GifTuning& tuning) {
  graph_.reset(avfilter_graph_alloc());
  if (!graph_) throw std::bad_alloc();
  graph_->nb_threads = 1;  // the recorder's worker is the one encoding thread

  // Opaque recordings read the frame as RGB0: its alpha byte is ignored and every pixel of the
  // converted BGRA picture is opaque.
  const AVPixelFormat input_format = options_.transparent ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB0;
  const std::string source_args = "video_size=" + std::to_string(options_.width) + "x" +
                                  std::to_string(options_.height) +
                                  ":pix_fmt=" + std::to_string(input_format) + ":time_base=1/" +
                                  std::to_string(options_.fps) + ":pixel_aspect=1/1";
  int err = avfilter_graph_create_filter(&source_, avfilter_get_by_name("buffer"), "in", source_args.c_str(),
                                         nullptr, graph_.get());
  if (err < 0) fail("cannot set up the palette filter", err);
  err = avfilter_graph_create_filter(&sink_, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr,
                                     graph_.get());
  if (err < 0) fail("cannot set up the palette filter", err);

  const std::string reserve = options_.transparent ? "1" : "0";
  std::string dither = tuning.dither;
  if (dither == "bayer") dither += ":bayer_scale=" + std::to_string(tuning.bayer_scale);
  // palettegen and paletteuse work on BGRA: convert once, before the split, not on each branch.
  const std::string description =
      "format=pix_fmts=bgra,split[a][b];[a]palettegen=stats_mode=single:max_colors=256:reserve_transparent=" +
      reserve + "[p];[b][p]paletteuse=new=1:alpha_threshold=128:dither=" + dither;

  // The parser's open ends: "in" feeds the chain, "out" drains it.
  av::FilterInOutPtr chainInput(avfilter_inout_alloc());
  av::FilterInOutPtr chainOutput(avfilter_inout_alloc());
  if (!chainInput || !chainOutput) throw std::bad_alloc();
  chainInput->name = av_strdup("in");
  chainInput->filter_ctx = source_;
  chainInput->pad_idx = 0;
  chainOutput->name = av_strdup("out");
  chainOutput->filter_ctx = sink_;
  chainOutput->pad_idx = 0;
  AVFilterInOut* outputs = chainInput.release();
  AVFilterInOut* inputs = chainOutput.release();
  err = avfilter_graph_parse_ptr(graph_.get(), description.c_str(), &inputs, &outputs, nullptr);
  chainInput.reset(outputs);
  chainOutput.reset(inputs);
  if (err < 0) fail("cannot set up the palette filter", err);
  err = avfilter_graph_config(graph_.get(), nullptr);
  if (err < 0) fail("cannot set up the palette filter", err);
}

void GifEncoder::fail(const std::string& what, int err) {
  abort();
  throw IoError("cannot write " + options_.path.string() + ": " + what + ": " + av::errorText(err) + ".");
}

void GifEncoder::encode(const Frame& frame) {
  if (closed_) throw IoError("cannot write " + options_.path.string() + ": the recording is already closed.");
  checkFrame(frame, options_.width, options_.height, last_index_);
  // A borrowed view of the caller's pixels; the buffer source copies them.
  av_frame_unref(input_.get());
  input_->format = options_.transparent ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB0;
  input_->width = options_.width;
  input_->height = options_.height;
  input_->data[0] = const_cast<std::uint8_t*>(frame.topRow());
  input_->linesize[0] = static_cast<int>(frame.rowStep());
  input_->pts = frame.index;
  input_->sample_aspect_ratio = AVRational{1, 1};
  int err = av_buffersrc_write_frame(source_, input_.get());
  input_->data[0] = nullptr;
  if (err < 0) fail("the palette filter refused a frame", err);
  drainFilter();
  last_index_ = frame.index;
  ++frames_;
}

void GifEncoder::drainFilter() {
  for (;;) {
    int err = av_buffersink_get_frame(sink_, palettised_.get());
    if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
    if (err < 0) fail("the palette filter failed", err);
    err = avcodec_send_frame(codec_.get(), palettised_.get());
    av_frame_unref(palettised_.get());
    if (err < 0) fail("the GIF encoder refused a frame", err);
    drainPackets();
  }
}

void GifEncoder::drainPackets() {
  for (;;) {
    int err = avcodec_receive_packet(codec_.get(), packet_.get());
    if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
    if (err < 0) fail("the GIF encoder failed", err);
    av_packet_rescale_ts(packet_.get(), codec_->time_base, stream_->time_base);
    packet_->stream_index = stream_->index;
    err = av_interleaved_write_frame(format_.get(), packet_.get());
    if (err < 0) fail("writing failed", err);
    bytes_ = static_cast<std::uint64_t>(avio_tell(format_->pb));
  }
}

void GifEncoder::finish() {
  if (closed_) throw IoError("cannot write " + options_.path.string() + ": the recording is already closed.");
  if (frames_ == 0) {
    abort();
    throw InputError("cannot write " + options_.path.string() +
                     ": no frames were recorded, so no file was written.");
  }
  int err = av_buffersrc_add_frame(source_, nullptr);  // end of stream: the filter lets go of its last frame
  if (err < 0) fail("the palette filter failed to flush", err);
  drainFilter();
  err = avcodec_send_frame(codec_.get(), nullptr);
  if (err < 0) fail("the GIF encoder failed to flush", err);
  drainPackets();
  // The muxer writes each frame once it knows when the next one starts; the last one has no
  // successor, so its delay is set here: up to where the clip ends, (last index + 1) / fps.
  const std::int64_t end = av_rescale(last_index_ + 1, 100, options_.fps);
  const std::int64_t last_start = av_rescale(last_index_, 100, options_.fps);
  av_opt_set_int(format_->priv_data, "final_delay", std::max<std::int64_t>(end - last_start, 1), 0);
  trailer_pending_ = false;
  err = av_write_trailer(format_.get());
  if (err < 0) fail("writing the end of the file failed", err);
  err = avio_closep(&format_->pb);
  if (err < 0) fail("closing the file failed", err);
  std::error_code ec;
  bytes_ = static_cast<std::uint64_t>(std::filesystem::file_size(file_.temporary(), ec));
  graph_.reset();
  format_.reset();
  codec_.reset();
  closed_ = true;
  file_.commit();
}

void GifEncoder::abort() noexcept {
  closed_ = true;
  // The GIF muxer holds the last packet until it knows its delay and frees it only in the
  // trailer; write it (into the temporary that is deleted below) rather than leak it.
  if (trailer_pending_) {
    trailer_pending_ = false;
    av_write_trailer(format_.get());
  }
  graph_.reset();
  format_.reset();
  codec_.reset();
  file_.discard();
}

}  // namespace sagitta::record
