// A GLFW window with an OpenGL 3.3 (or newer) core context: visible for the GUI, hidden for
// headless rendering into offscreen targets. One per process is enough for Sagitta.
#pragma once

#include <string>

#include <glm/glm.hpp>

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

  glm::ivec2 windowSize() const;       // screen coordinates
  glm::ivec2 framebufferSize() const;  // pixels (0×0 while minimised)
  float contentScale() const;          // the monitor's DPI scale (1 on a standard display)

  // "OpenGL 4.5 (Core Profile) Mesa 22.3.6, llvmpipe ..." for logs and --version.
  std::string glDescription() const;

 private:
  GLFWwindow* window_ = nullptr;
};

}  // namespace sagitta::render
