// A GLFW window with an OpenGL 3.3 (or newer) core context: visible for the GUI, hidden for
// headless rendering into offscreen targets. One per process is enough for Sagitta.
#pragma once

#include <string>

#include <glm/glm.hpp>

#include "render/glx_present.h"

struct GLFWwindow;

namespace sagitta::render {

struct WindowOptions {
  int width = 1600;
  int height = 900;
  std::string title = "Sagitta";
  bool visible = true;
  bool vsync = true;
  int msaa_samples = 0;  // of the default framebuffer; Sagitta renders the 3D view offscreen
};

// A small hidden window without vsync: the GL context of the headless commands, which draw
// into offscreen targets only.
inline WindowOptions headlessWindowOptions() {
  WindowOptions o;
  o.width = 64;
  o.height = 64;
  o.visible = false;
  o.vsync = false;
  return o;
}

class Window {
 public:
  // Throws GraphicsError with one plain sentence when there is no display or the driver
  // cannot give an OpenGL 3.3 core context.
  explicit Window(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return window_; }
  void makeCurrent();
  bool shouldClose() const;
  void swapBuffers();

  // A back buffer that keeps its picture (issue 16: the software renderer's frame budget). Where
  // the driver has GLX_MESA_copy_sub_buffer (Mesa's llvmpipe on X11), the window shows a frame by
  // copying its back buffer instead of swapping; the back buffer then still holds the last frame,
  // so a frame may redraw a rectangle and show only that (present). True when it is on.
  bool retainBackBuffer();
  bool retainsBackBuffer() const { return static_cast<bool>(copy_sub_buffer_); }
  // Shows the rectangle (bottom-left origin, pixels) of the back buffer; the whole of it when the
  // back buffer is not retained.
  void present(const glm::ivec4& rect);
  // The window system lost (part of) the shown picture (the window was exposed, resized or
  // restored: GLFW's refresh callback, which the window's owner holds, says so): the next frame
  // must draw and show all of it. takeDamage() answers once, then forgets.
  void markDamaged() { damaged_ = true; }
  bool takeDamage();

  glm::ivec2 windowSize() const;       // screen coordinates
  glm::ivec2 framebufferSize() const;  // pixels (0×0 while minimised)
  float contentScale() const;          // the monitor's DPI scale (1 on a standard display)

  // "OpenGL 4.5 (Core Profile) Mesa 22.3.6, llvmpipe ..." for logs and --version.
  std::string glDescription() const;

 private:
  GLFWwindow* window_ = nullptr;
  glx::CopySubBuffer copy_sub_buffer_;
  bool damaged_ = true;
};

}  // namespace sagitta::render
