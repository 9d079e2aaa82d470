#include "render/gl_objects.h"

namespace sagitta::render {

const char* glErrorName(GLenum error) {
  switch (error) {
    case GL_NO_ERROR:
      return "GL_NO_ERROR";
    case GL_INVALID_ENUM:
      return "GL_INVALID_ENUM";
    case GL_INVALID_VALUE:
      return "GL_INVALID_VALUE";
    case GL_INVALID_OPERATION:
      return "GL_INVALID_OPERATION";
    case GL_INVALID_FRAMEBUFFER_OPERATION:
      return "GL_INVALID_FRAMEBUFFER_OPERATION";
    case GL_OUT_OF_MEMORY:
      return "GL_OUT_OF_MEMORY";
    default:
      return "unknown GL error";
  }
}

std::string takeGlErrors() {
  std::string out;
  for (int i = 0; i < 32; ++i) {  // bounded: a lost context can report errors forever
    const GLenum e = glGetError();
    if (e == GL_NO_ERROR) break;
    if (!out.empty()) out += ", ";
    out += glErrorName(e);
  }
  return out;
}

namespace detail {
void deleteBuffer(GLuint n) {
  glDeleteBuffers(1, &n);
}
void deleteVertexArray(GLuint n) {
  glDeleteVertexArrays(1, &n);
}
void deleteTexture(GLuint n) {
  glDeleteTextures(1, &n);
}
void deleteFramebuffer(GLuint n) {
  glDeleteFramebuffers(1, &n);
}
void deleteRenderbuffer(GLuint n) {
  glDeleteRenderbuffers(1, &n);
}
void deleteProgram(GLuint n) {
  glDeleteProgram(n);
}
void deleteShader(GLuint n) {
  glDeleteShader(n);
}
}  // namespace detail

Buffer makeBuffer() {
  GLuint n = 0;
  glGenBuffers(1, &n);
  return Buffer(n);
}
VertexArray makeVertexArray() {
  GLuint n = 0;
  glGenVertexArrays(1, &n);
  return VertexArray(n);
}
Texture makeTexture() {
  GLuint n = 0;
  glGenTextures(1, &n);
  return Texture(n);
}
Framebuffer makeFramebuffer() {
  GLuint n = 0;
  glGenFramebuffers(1, &n);
  return Framebuffer(n);
}
Renderbuffer makeRenderbuffer() {
  GLuint n = 0;
  glGenRenderbuffers(1, &n);
  return Renderbuffer(n);
}

}  // namespace sagitta::render
