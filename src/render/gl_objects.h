// Small RAII owners for OpenGL objects: each deletes its name when it goes out of scope and is
// movable, not copyable. They must be destroyed while their context is current.
#pragma once

#include <utility>

#include "render/gl.h"

namespace sagitta::render {

template <void (*Delete)(GLuint)>
class GlName {
 public:
  GlName() = default;
  explicit GlName(GLuint name) : name_(name) {}
  ~GlName() { reset(); }
  GlName(const GlName&) = delete;
  GlName& operator=(const GlName&) = delete;
  GlName(GlName&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
  GlName& operator=(GlName&& other) noexcept {
    if (this != &other) {
      reset();
      name_ = std::exchange(other.name_, 0);
    }
    return *this;
  }
  GLuint get() const { return name_; }
  explicit operator bool() const { return name_ != 0; }
  void reset() {
    if (name_ != 0) Delete(name_);
    name_ = 0;
  }

 private:
  GLuint name_ = 0;
};

namespace detail {
void deleteBuffer(GLuint n);
void deleteVertexArray(GLuint n);
void deleteTexture(GLuint n);
void deleteFramebuffer(GLuint n);
void deleteRenderbuffer(GLuint n);
void deleteProgram(GLuint n);
void deleteShader(GLuint n);
}  // namespace detail

using Buffer = GlName<detail::deleteBuffer>;
using VertexArray = GlName<detail::deleteVertexArray>;
using Texture = GlName<detail::deleteTexture>;
using Framebuffer = GlName<detail::deleteFramebuffer>;
using Renderbuffer = GlName<detail::deleteRenderbuffer>;
using Program = GlName<detail::deleteProgram>;
using Shader = GlName<detail::deleteShader>;

Buffer makeBuffer();
VertexArray makeVertexArray();
Texture makeTexture();
Framebuffer makeFramebuffer();
Renderbuffer makeRenderbuffer();

}  // namespace sagitta::render
