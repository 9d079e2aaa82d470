// The one place that includes the OpenGL loader. Raw GL stays inside src/render.
#pragma once

#include <glad/gl.h>

#include <string>

namespace sagitta::render {

// "GL_INVALID_OPERATION" etc. for a glGetError() code.
const char* glErrorName(GLenum error);

// Drains glGetError(); returns the names of the errors seen ("" when none), so tests can
// assert that an operation raised no GL error.
std::string takeGlErrors();

}  // namespace sagitta::render
