#include "render/shader.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include <glm/gtc/type_ptr.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "sagitta_shaders_embedded.h"

namespace sagitta::render {
namespace {

std::string rawSource(std::string_view file) {
  if (const char* dir = std::getenv("SAGITTA_SHADER_DIR"); dir != nullptr && dir[0] != '\0') {
    const std::filesystem::path p = std::filesystem::path(dir) / std::string(file);
    if (std::filesystem::exists(p)) return readFile(p);
  }
  const auto bytes = sagitta_shaders::find(file);
  if (bytes.empty()) throw GraphicsError("shader file shaders/" + std::string(file) + " does not exist");
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::string compileLog(GLuint shader) {
  GLint len = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
  std::string log(static_cast<std::size_t>(std::max(len, 1)), '\0');
  glGetShaderInfoLog(shader, len, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

std::string linkLog(GLuint program) {
  GLint len = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &len);
  std::string log(static_cast<std::size_t>(std::max(len, 1)), '\0');
  glGetProgramInfoLog(program, len, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

Shader compile(GLenum stage, std::string_view file, std::string_view defines) {
  std::string source = shaderSource(file);
  if (!defines.empty()) {
    // after the #version line (which must come first); #line keeps the driver's numbers
    const std::size_t eol = source.find('\n');
    const std::size_t at = eol == std::string::npos ? source.size() : eol + 1;
    source.insert(at, std::string(defines) + "\n#line 2\n");
  }
  Shader shader(glCreateShader(stage));
  const char* text = source.c_str();
  glShaderSource(shader.get(), 1, &text, nullptr);
  glCompileShader(shader.get());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    throw GraphicsError("shader shaders/" + std::string(file) + " failed to compile:\n" +
                        compileLog(shader.get()));
  }
  return shader;
}

}  // namespace

std::string shaderSource(std::string_view file) {
  // expand `#include "x"` lines; `#line` keeps the driver's line numbers meaningful
  std::istringstream in(rawSource(file));
  std::ostringstream out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto pos = line.find("#include \"");
    if (pos != std::string::npos && line.find_first_not_of(" \t") == pos) {
      const auto end = line.find('"', pos + 10);
      out << rawSource(line.substr(pos + 10, end - pos - 10)) << "\n#line " << number + 1 << "\n";
    } else {
      out << line << '\n';
    }
  }
  return out.str();
}

ShaderProgram::ShaderProgram(Program program, std::string name)
    : program_(std::move(program)), name_(std::move(name)) {}

void ShaderProgram::use() const {
  glUseProgram(program_.get());
}

GLint ShaderProgram::location(const char* uniform) const {
  auto it = locations_.find(uniform);
  if (it != locations_.end()) return it->second;
  const GLint loc = glGetUniformLocation(program_.get(), uniform);
  locations_.emplace(uniform, loc);
  return loc;
}

void ShaderProgram::set(const char* u, int v) const {
  glUniform1i(location(u), v);
}
void ShaderProgram::set(const char* u, float v) const {
  glUniform1f(location(u), v);
}
void ShaderProgram::set(const char* u, const glm::vec2& v) const {
  glUniform2fv(location(u), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* u, const glm::vec3& v) const {
  glUniform3fv(location(u), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* u, const glm::vec4& v) const {
  glUniform4fv(location(u), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* u, const glm::mat3& v) const {
  glUniformMatrix3fv(location(u), 1, GL_FALSE, glm::value_ptr(v));
}
void ShaderProgram::set(const char* u, const glm::mat4& v) const {
  glUniformMatrix4fv(location(u), 1, GL_FALSE, glm::value_ptr(v));
}
void ShaderProgram::setArray(const char* u, const glm::mat4* v, int count) const {
  glUniformMatrix4fv(location(u), count, GL_FALSE, glm::value_ptr(v[0]));
}

ShaderProgram buildProgram(std::string_view vertex_file, std::string_view fragment_file,
                           std::string_view geometry_file, std::string_view defines) {
  std::vector<Shader> stages;
  stages.push_back(compile(GL_VERTEX_SHADER, vertex_file, defines));
#if SAGITTA_GL_ES
  if (!geometry_file.empty())  // WebGL 2 has no geometry stage
    throw GraphicsError("shader shaders/" + std::string(geometry_file) +
                        " needs a geometry stage, which WebGL 2 lacks");
#else
  if (!geometry_file.empty()) stages.push_back(compile(GL_GEOMETRY_SHADER, geometry_file, defines));
#endif
  stages.push_back(compile(GL_FRAGMENT_SHADER, fragment_file, defines));
  Program program(glCreateProgram());
  for (const Shader& s : stages) glAttachShader(program.get(), s.get());
  glLinkProgram(program.get());
  GLint ok = GL_FALSE;
  glGetProgramiv(program.get(), GL_LINK_STATUS, &ok);
  std::string name = std::string(vertex_file) + " + " + std::string(fragment_file);
  if (ok != GL_TRUE) {
    throw GraphicsError("shader program " + name + " failed to link:\n" + linkLog(program.get()));
  }
  for (const Shader& s : stages) glDetachShader(program.get(), s.get());
  return ShaderProgram(std::move(program), std::move(name));
}

}  // namespace sagitta::render
