// An offscreen framebuffer the 3D view is drawn into: multisampled colour + depth/stencil,
// resolved into a single-sample RGBA8 texture that the GUI shows and headless commands read
// (with one sample, drawing goes straight into that texture and resolving is free).
// Any size from 1×1 to the driver's limit; a 0×0 request (a minimised window) keeps the old
// buffers and reports `empty()` so callers skip drawing instead of raising GL errors.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "render/gl_objects.h"

namespace sagitta::render {

class RenderTarget {
 public:
  // samples: 1 for no MSAA; clamped to what the driver supports. Throws GraphicsError when the
  // size exceeds the driver's limit or the framebuffer is incomplete.
  RenderTarget(int width, int height, int samples = 4);

  // A rectangle (bottom-left origin, pixels) of the window's own framebuffer as a single-sample
  // target: a picture drawn straight into the window, with no copy (the moving frame when the
  // window keeps its back buffer, ui/gui_app.cpp). It owns no GL objects and cannot be sampled
  // (resolvedTexture() is 0); viewports given in its coordinates are offset by origin().
  static RenderTarget windowRegion(glm::ivec2 window_size, glm::ivec4 rect);
  glm::ivec2 origin() const { return origin_; }                     // its bottom-left corner
  glm::ivec2 framebufferSize() const { return framebuffer_size_; }  // of the framebuffer it is in

  void resize(int width, int height);
  bool empty() const { return width_ <= 0 || height_ <= 0; }
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

  void bindForDrawing() const;  // binds the multisampled framebuffer and sets the viewport
  void resolve() const;         // multisampled -> resolved texture
  // binds the resolved (single-sample) picture for drawing after resolve(), e.g. 2D overlays that
  // anti-alias themselves and gain nothing from MSAA; the next resolve() would overwrite them
  void bindResolvedForDrawing() const;
  GLuint resolvedTexture() const { return resolved_colour_.get(); }
  GLuint resolvedFramebuffer() const { return resolved_fbo_.get(); }

  // The resolved image as RGBA8, top row first. With `unpremultiply`, colours of partly
  // transparent pixels are divided by their alpha (for PNGs with a transparent background).
  std::vector<std::uint8_t> readPixels(bool unpremultiply = false) const;

  static int maxSamples();
  static int maxSize();

 private:
  RenderTarget() = default;
  void allocate();
  bool in_window_ = false;
  glm::ivec2 origin_{0};
  glm::ivec2 framebuffer_size_{0};
  int width_ = 0;
  int height_ = 0;
  int samples_ = 1;
  Framebuffer msaa_fbo_;
  Renderbuffer msaa_colour_;
  Renderbuffer msaa_depth_;
  Framebuffer resolved_fbo_;
  Texture resolved_colour_;
};

}  // namespace sagitta::render
