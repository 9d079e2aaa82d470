// The one place that includes the OpenGL loader. Raw GL stays inside src/render.
#pragma once

#ifdef __EMSCRIPTEN__
// The web build (docs/web.md): WebGL 2 through Emscripten's OpenGL ES 3.0 headers, no loader.
#include <GLES3/gl3.h>
#else
#include <glad/gl.h>
#endif

#include <string>

// What WebGL 2 (OpenGL ES 3.0) lacks, as named switches; the desktop's OpenGL 3.3 has them all.
// Without clamp-to-border the shadow map clamps to its edge (the light's box encloses the scene,
// so only the floor beyond it can differ); without clip distances the GLSL ES variants discard
// per fragment (cmake/GlslEs.cmake); without buffer mapping nothing is read back asynchronously.
#ifdef __EMSCRIPTEN__
#define SAGITTA_GL_ES 1  // OpenGL ES 3.0 names (glDrawBuffers only, no GL_MULTISAMPLE)
#define SAGITTA_GL_CLAMP_TO_BORDER 0
#define SAGITTA_GL_CLIP_DISTANCE 0
#define SAGITTA_GL_BUFFER_MAPPING 0
#define SAGITTA_GL_MULTISAMPLE_TOGGLE 0
#else
#define SAGITTA_GL_ES 0
#define SAGITTA_GL_CLAMP_TO_BORDER 1
#define SAGITTA_GL_CLIP_DISTANCE 1
#define SAGITTA_GL_BUFFER_MAPPING 1
#define SAGITTA_GL_MULTISAMPLE_TOGGLE 1
#endif

namespace sagitta::render {

// "GL_INVALID_OPERATION" etc. for a glGetError() code.
const char* glErrorName(GLenum error);

// Drains glGetError(); returns the names of the errors seen ("" when none), so tests can
// assert that an operation raised no GL error.
std::string takeGlErrors();

}  // namespace sagitta::render
