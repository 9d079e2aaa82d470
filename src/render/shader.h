// GLSL programs built from the files in shaders/, which are embedded into the binary at build
// time so Sagitta runs from anywhere. Set SAGITTA_SHADER_DIR to a folder to read them from disk
// instead (for shader development; ShaderLibrary::reload() picks up edits).
// A file may `#include "other.glsl"` (one level, for shared lighting code).
// A compile or link error throws GraphicsError naming the file and quoting the driver's log.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <glm/glm.hpp>

#include "render/gl_objects.h"

namespace sagitta::render {

class ShaderProgram {
 public:
  ShaderProgram() = default;
  ShaderProgram(Program program, std::string name);

  void use() const;
  GLuint id() const { return program_.get(); }
  const std::string& name() const { return name_; }

  // Uniform setters; a uniform the driver optimised away is silently skipped.
  void set(const char* uniform, int v) const;
  void set(const char* uniform, float v) const;
  void set(const char* uniform, const glm::vec2& v) const;
  void set(const char* uniform, const glm::vec3& v) const;
  void set(const char* uniform, const glm::vec4& v) const;
  void set(const char* uniform, const glm::mat3& v) const;
  void set(const char* uniform, const glm::mat4& v) const;
  void setArray(const char* uniform, const glm::mat4* v, int count) const;

 private:
  GLint location(const char* uniform) const;
  Program program_;
  std::string name_;
  mutable std::map<std::string, GLint, std::less<>> locations_;
};

// The source text of a shader file after #include expansion (embedded or from
// SAGITTA_SHADER_DIR). Throws GraphicsError when the file does not exist.
std::string shaderSource(std::string_view file);

// Compiles and links a program from vertex, fragment and optional geometry shader files.
// `defines` (lines such as "#define X 1\n") go into every stage right after its #version line:
// variants of one file, e.g. mesh.frag without the cutaway's code (software renderers run every
// line of a shader for every pixel, whatever its branches decide).
ShaderProgram buildProgram(std::string_view vertex_file, std::string_view fragment_file,
                           std::string_view geometry_file = {}, std::string_view defines = {});

}  // namespace sagitta::render
