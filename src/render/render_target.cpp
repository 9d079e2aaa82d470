#include "render/render_target.h"

#include <algorithm>
#include <string>

#include "core/error.h"

namespace sagitta::render {

int RenderTarget::maxSamples() {
  GLint n = 1;
  glGetIntegerv(GL_MAX_SAMPLES, &n);
  return std::max(n, 1);
}

int RenderTarget::maxSize() {
  GLint rb = 0, vp[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
  return std::min({rb, vp[0], vp[1]});
}

RenderTarget::RenderTarget(int width, int height, int samples)
    : framebuffer_size_(width, height),
      width_(width),
      height_(height),
      samples_(std::clamp(samples, 1, maxSamples())) {
  if (!empty()) allocate();
}

RenderTarget RenderTarget::windowRegion(glm::ivec2 window_size, glm::ivec4 rect) {
  RenderTarget t;
  t.in_window_ = true;
  t.origin_ = glm::ivec2(rect.x, rect.y);
  t.framebuffer_size_ = window_size;
  t.width_ = rect.z;
  t.height_ = rect.w;
  return t;
}

void RenderTarget::resize(int width, int height) {
  // minimised: keep nothing to draw into; a window region has no buffers of its own
  if (width <= 0 || height <= 0 || in_window_) {
    width_ = width;
    height_ = height;
    if (!in_window_) framebuffer_size_ = glm::ivec2(width, height);
    return;
  }
  framebuffer_size_ = glm::ivec2(width, height);
  if (width == width_ && height == height_ && msaa_fbo_) return;
  width_ = width;
  height_ = height;
  allocate();
}

void RenderTarget::allocate() {
  const int limit = maxSize();
  if (width_ > limit || height_ > limit) {
    throw GraphicsError("the graphics driver cannot draw an image of " + std::to_string(width_) + "×" +
                        std::to_string(height_) + " pixels (its limit is " + std::to_string(limit) + ")");
  }
  // the resolved colour texture (what the GUI shows and headless commands read)
  resolved_fbo_ = makeFramebuffer();
  resolved_colour_ = makeTexture();
  glBindTexture(GL_TEXTURE_2D, resolved_colour_.get());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width_, height_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindFramebuffer(GL_FRAMEBUFFER, resolved_fbo_.get());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolved_colour_.get(), 0);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    throw GraphicsError("the graphics driver cannot create a framebuffer of " + std::to_string(width_) + "×" +
                        std::to_string(height_));
  }

  // the framebuffer drawn into: multisampled colour + depth, or, with one sample, the resolved
  // texture itself + depth, so that resolving costs no copy
  msaa_fbo_ = makeFramebuffer();
  msaa_colour_ = Renderbuffer();
  msaa_depth_ = makeRenderbuffer();
  // one sample means no MSAA: a "multisampled" buffer with 1 sample may be rounded up by the
  // driver (Mesa gives 4), so use plain storage
  const GLsizei samples = samples_ > 1 ? samples_ : 0;
  glBindRenderbuffer(GL_RENDERBUFFER, msaa_depth_.get());
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, width_, height_);
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.get());
  if (samples > 0) {
    msaa_colour_ = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, msaa_colour_.get());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width_, height_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaa_colour_.get());
  } else {
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolved_colour_.get(), 0);
  }
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, msaa_depth_.get());
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    throw GraphicsError("the graphics driver cannot create a multisampled framebuffer of " +
                        std::to_string(width_) + "×" + std::to_string(height_));
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::bindForDrawing() const {
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.get());  // 0 (the window's) for a window region
  glViewport(origin_.x, origin_.y, width_, height_);
}

void RenderTarget::bindResolvedForDrawing() const {
  glBindFramebuffer(GL_FRAMEBUFFER, resolved_fbo_.get());
  glViewport(origin_.x, origin_.y, width_, height_);
}

void RenderTarget::resolve() const {
  if (empty() || samples_ <= 1) return;  // one sample: drawn straight into the resolved texture
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.get());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_fbo_.get());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::vector<std::uint8_t> RenderTarget::readPixels(bool unpremultiply) const {
  if (empty()) return {};
  const auto w = static_cast<std::size_t>(width_), h = static_cast<std::size_t>(height_);
  std::vector<std::uint8_t> bottom_up(w * h * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_fbo_.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(origin_.x, origin_.y, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  std::vector<std::uint8_t> out(bottom_up.size());
  const std::size_t row = w * 4;
  for (std::size_t y = 0; y < h; ++y) {
    std::copy_n(bottom_up.data() + (h - 1 - y) * row, row, out.data() + y * row);
  }
  if (unpremultiply) {
    for (std::size_t i = 0; i < out.size(); i += 4) {
      const unsigned a = out[i + 3];
      if (a == 0 || a == 255) continue;
      for (int c = 0; c < 3; ++c)
        out[i + c] = static_cast<std::uint8_t>(std::min(255u, (out[i + c] * 255u + a / 2) / a));
    }
  }
  return out;
}

}  // namespace sagitta::render
