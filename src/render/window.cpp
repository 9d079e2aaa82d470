#include "render/window.h"

// glad first: GLFW must not pull in the system GL header
#include "render/gl.h"
#define GLFW_INCLUDE_NONE
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include <GLFW/glfw3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/html5.h>
#endif

#include "core/error.h"
#include "core/log.h"

namespace sagitta::render {
namespace {

std::string& lastGlfwError() {
  static std::string e;
  return e;
}

void onGlfwError(int code, const char* description) {
  lastGlfwError() = description != nullptr ? description : "";
  log::debug("GLFW error " + std::to_string(code) + ": " + lastGlfwError());
}

int& glfwUsers() {
  static int n = 0;
  return n;
}

}  // namespace

Window::Window(const WindowOptions& options) {
  glfwSetErrorCallback(onGlfwError);
  if (glfwUsers() == 0 && glfwInit() != GLFW_TRUE) {
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || display[0] == '\0') {
      throw GraphicsError(
          "Sagitta needs a display to draw on and none was found (DISPLAY is not set); "
          "for headless use run it under xvfb-run -a -s \"-screen 0 1920x1080x24\"");
    }
    throw GraphicsError("the windowing system could not start (" + lastGlfwError() + ")");
  }
  ++glfwUsers();

  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
#ifndef __EMSCRIPTEN__
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // HiDPI: window size follows content scale
#endif
  glfwWindowHint(GLFW_SAMPLES, options.msaa_samples);
  glfwWindowHint(GLFW_DEPTH_BITS, 24);
  glfwWindowHint(GLFW_STENCIL_BITS, 8);

  window_ = glfwCreateWindow(std::max(options.width, 1), std::max(options.height, 1), options.title.c_str(),
                             nullptr, nullptr);
  if (window_ == nullptr) {
    if (--glfwUsers() == 0) glfwTerminate();
    throw GraphicsError(
        "this computer's graphics driver cannot give Sagitta the OpenGL 3.3 core context it needs (" +
        lastGlfwError() + ")");
  }
  glfwMakeContextCurrent(window_);
#ifndef __EMSCRIPTEN__  // the browser's WebGL 2 context needs no loader
  const int version = gladLoadGL(glfwGetProcAddress);
  if (version == 0 || GLAD_VERSION_MAJOR(version) < 3 ||
      (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3)) {
    glfwDestroyWindow(window_);
    window_ = nullptr;
    if (--glfwUsers() == 0) glfwTerminate();
    throw GraphicsError(
        "this computer's graphics driver cannot give Sagitta the OpenGL 3.3 core context it needs");
  }
#endif
  glfwSwapInterval(options.vsync ? 1 : 0);
  log::debug("OpenGL: " + glDescription());
}

Window::~Window() {
  if (window_ != nullptr) glfwDestroyWindow(window_);
  if (--glfwUsers() == 0) glfwTerminate();
}

void Window::makeCurrent() {
  glfwMakeContextCurrent(window_);
}
bool Window::shouldClose() const {
  return glfwWindowShouldClose(window_) == GLFW_TRUE;
}
void Window::swapBuffers() {
  if (copy_sub_buffer_) {
    const glm::ivec2 fb = framebufferSize();
    glx::copySubBuffer(copy_sub_buffer_, 0, 0, fb.x, fb.y);
  } else {
    glfwSwapBuffers(window_);
  }
}

bool Window::retainBackBuffer() {
  if (!copy_sub_buffer_) {
    glfwMakeContextCurrent(window_);
    copy_sub_buffer_ = glx::currentCopySubBuffer();
    damaged_ = true;
  }
  return retainsBackBuffer();
}

void Window::present(const glm::ivec4& rect) {
  if (!copy_sub_buffer_) {
    swapBuffers();
    return;
  }
  glx::copySubBuffer(copy_sub_buffer_, rect.x, rect.y, rect.z, rect.w);
}

bool Window::takeDamage() {
  const bool d = damaged_;
  damaged_ = false;
  return d;
}

glm::ivec2 Window::windowSize() const {
  glm::ivec2 s(0);
  glfwGetWindowSize(window_, &s.x, &s.y);
  return s;
}

glm::ivec2 Window::framebufferSize() const {
  glm::ivec2 s(0);
  glfwGetFramebufferSize(window_, &s.x, &s.y);
  return s;
}

float Window::contentScale() const {
#ifdef __EMSCRIPTEN__
  // Emscripten's GLFW has no content scale; the page sizes the canvas in device pixels
  const double ratio = emscripten_get_device_pixel_ratio();
  return ratio > 0.0 && std::isfinite(ratio) ? static_cast<float>(ratio) : 1.0f;
#else
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window_, &x, &y);
  return (x > 0.0f && std::isfinite(x)) ? x : 1.0f;
#endif
}

std::string Window::glDescription() const {
  auto str = [](GLenum e) {
    const auto* s = reinterpret_cast<const char*>(glGetString(e));
    return std::string(s != nullptr ? s : "?");
  };
  return "OpenGL " + str(GL_VERSION) + ", " + str(GL_RENDERER);
}

}  // namespace sagitta::render
