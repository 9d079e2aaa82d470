#include "record/av_handles.h"

#include <cerrno>
#include <mutex>
#include <new>

extern "C" {
#include <libavutil/log.h>
}

namespace sagitta::record::av {

FramePtr allocFrame() {
  FramePtr frame(av_frame_alloc());
  if (!frame) throw std::bad_alloc();
  return frame;
}

PacketPtr allocPacket() {
  PacketPtr packet(av_packet_alloc());
  if (!packet) throw std::bad_alloc();
  return packet;
}

std::string errorText(int err) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(err, text, sizeof text);
  if (isDiskFull(err)) return std::string("the disk is full or the file is too large (") + text + ")";
  if (err == AVERROR(EIO)) return std::string("the device reported an error (") + text + ")";
  return text;
}

void quietLogging() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (av_log_get_level() > AV_LOG_ERROR) av_log_set_level(AV_LOG_ERROR);
  });
}

bool isDiskFull(int err) {
  return err == AVERROR(ENOSPC) || err == AVERROR(EFBIG) || err == AVERROR(EDQUOT);
}

}  // namespace sagitta::record::av
