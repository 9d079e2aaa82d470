#include "render/async_readback.h"

#include <algorithm>

#include "core/error.h"

namespace sagitta::render {

AsyncReadback::AsyncReadback(int width, int height, int depth)
    : width_(width), height_(height), slots_(static_cast<std::size_t>(std::max(depth, 1))) {
  if (width <= 0 || height <= 0) throw GraphicsError("cannot read back an empty image");
  const auto bytes = static_cast<GLsizeiptr>(width) * height * 4;
  for (Slot& s : slots_) {
    s.pbo = makeBuffer();
    glBindBuffer(GL_PIXEL_PACK_BUFFER, s.pbo.get());
    glBufferData(GL_PIXEL_PACK_BUFFER, bytes, nullptr, GL_STREAM_READ);
  }
  glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
}

AsyncReadback::~AsyncReadback() {
  for (Slot& s : slots_) {
    if (s.fence != nullptr) glDeleteSync(s.fence);
  }
}

int AsyncReadback::inFlight() const {
  return static_cast<int>(std::count_if(slots_.begin(), slots_.end(), [](const Slot& s) { return s.busy; }));
}

void AsyncReadback::deliver(Slot& slot, const Sink& sink) {
  glClientWaitSync(slot.fence, GL_SYNC_FLUSH_COMMANDS_BIT, GLuint64(10'000'000'000));
  glDeleteSync(slot.fence);
  slot.fence = nullptr;
  glBindBuffer(GL_PIXEL_PACK_BUFFER, slot.pbo.get());
  const auto bytes = static_cast<std::size_t>(width_) * height_ * 4;
  const void* data =
      glMapBufferRange(GL_PIXEL_PACK_BUFFER, 0, static_cast<GLsizeiptr>(bytes), GL_MAP_READ_BIT);
  if (data != nullptr) {
    if (sink) sink(slot.tag, static_cast<const std::uint8_t*>(data), bytes);
    glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
  }
  glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
  slot.busy = false;
  oldest_ = (oldest_ + 1) % slots_.size();
}

void AsyncReadback::start(const RenderTarget& target, std::int64_t tag) {
  if (target.width() != width_ || target.height() != height_) {
    throw GraphicsError("read-back size does not match the rendered image");
  }
  Slot& slot = slots_[next_];
  if (slot.busy) deliver(slot, pending_sink_);  // ring full: the oldest must go first
  glBindFramebuffer(GL_READ_FRAMEBUFFER, target.resolvedFramebuffer());
  glBindBuffer(GL_PIXEL_PACK_BUFFER, slot.pbo.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);  // into the PBO, asynchronously
  glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  slot.fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
  slot.tag = tag;
  slot.busy = true;
  next_ = (next_ + 1) % slots_.size();
}

void AsyncReadback::collect(const Sink& sink, bool wait) {
  pending_sink_ = sink;
  while (slots_[oldest_].busy) {
    Slot& s = slots_[oldest_];
    if (!wait) {
      const GLenum status = glClientWaitSync(s.fence, 0, 0);
      if (status != GL_ALREADY_SIGNALED && status != GL_CONDITION_SATISFIED) break;
    }
    deliver(s, sink);
  }
}

}  // namespace sagitta::render
