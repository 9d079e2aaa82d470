// RAII owners for every libav object the encoders use (unique_ptr with deleters that call the
// matching libav free function), and readable text for libav error codes.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace sagitta::record::av {

struct CodecContextDeleter {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
  void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct FilterGraphDeleter {
  void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};
struct FilterInOutDeleter {
  void operator()(AVFilterInOut* io) const { avfilter_inout_free(&io); }
};
// An output context owns its AVIOContext too: closed (flushing what is buffered) before freeing.
struct OutputFormatDeleter {
  void operator()(AVFormatContext* f) const {
    if (f->pb != nullptr && (f->oformat->flags & AVFMT_NOFILE) == 0) avio_closep(&f->pb);
    avformat_free_context(f);
  }
};
struct InputFormatDeleter {
  void operator()(AVFormatContext* f) const { avformat_close_input(&f); }
};

using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using FilterGraphPtr = std::unique_ptr<AVFilterGraph, FilterGraphDeleter>;
using FilterInOutPtr = std::unique_ptr<AVFilterInOut, FilterInOutDeleter>;
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;
using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;

// Allocators that throw std::bad_alloc instead of returning null.
FramePtr allocFrame();
PacketPtr allocPacket();

// "No space left on device" and the like, for a libav error code.
std::string errorText(int err);

// Lowers libav's own logging to errors (x264 prints statistics at "info"), once per process:
// Sagitta reports failures itself, in plain words.
void quietLogging();

// True for the codes that mean the disk (or the file size limit) is full.
bool isDiskFull(int err);

}  // namespace sagitta::record::av
