#include "render/glx_present.h"

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <cstring>

#include <GL/glx.h>
#endif

namespace sagitta::render::glx {

CopySubBuffer currentCopySubBuffer() {
  CopySubBuffer c;
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  // no GLX context current (GLFW on Wayland makes EGL ones): no display
  Display* display = glXGetCurrentDisplay();
  const GLXDrawable drawable = glXGetCurrentDrawable();
  if (display == nullptr || drawable == 0) return c;
  const char* extensions = glXQueryExtensionsString(display, DefaultScreen(display));
  if (extensions == nullptr || std::strstr(extensions, "GLX_MESA_copy_sub_buffer") == nullptr) return c;
  const auto entry = glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA"));
  if (entry == nullptr) return c;
  c.display = display;
  c.drawable = drawable;
  c.entry = entry;
#endif
  return c;
}

void copySubBuffer(const CopySubBuffer& c, int x, int y, int width, int height) {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  if (!c || width <= 0 || height <= 0) return;
  using Fn = void (*)(Display*, GLXDrawable, int, int, int, int);
  reinterpret_cast<Fn>(c.entry)(static_cast<Display*>(c.display), c.drawable, x, y, width, height);
#else
  (void)c, (void)x, (void)y, (void)width, (void)height;
#endif
}

}  // namespace sagitta::render::glx
