// Showing part of a window's back buffer: GLX_MESA_copy_sub_buffer (Mesa's software renderers on
// X11 have it). render::Window uses it to keep its back buffer between frames (issue 16); kept
// apart because <GL/glx.h> brings the system GL header, which glad's must replace everywhere else.
#pragma once

namespace sagitta::render::glx {

// The current context's copy-sub-buffer entry, or none (not GLX, or no such extension).
struct CopySubBuffer {
  void* display = nullptr;
  unsigned long drawable = 0;
  void (*entry)() = nullptr;  // glXCopySubBufferMESA
  explicit operator bool() const { return entry != nullptr; }
};
CopySubBuffer currentCopySubBuffer();
// Shows the rectangle (bottom-left origin, pixels) of the back buffer; the back buffer keeps it.
void copySubBuffer(const CopySubBuffer& c, int x, int y, int width, int height);

}  // namespace sagitta::render::glx
