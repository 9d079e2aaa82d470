// The GLSL ES 3.00 variants that the web build embeds (cmake/GlslEs.cmake, generated from the
// same shaders/ into build/shaders-es): Mesa's desktop context takes `#version 300 es` shaders
// (ARB_ES3_compatibility), so these tests compile and link every variant with the same strict ES
// rules WebGL 2 applies, and check that they draw what the desktop shaders draw, cutaway (the
// clip distance rewritten as a discard) and shadows included.
#include <cstdlib>
#include <filesystem>

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include "gl_fixture.h"
#include "render/gl.h"
#include "render/shader.h"

using namespace sagitta;
using sagitta::testing::GlTest;

namespace {

const std::filesystem::path kEsDir = std::filesystem::path(SAGITTA_BINARY_DIR) / "shaders-es";

// Sets SAGITTA_SHADER_DIR (render/shader.cpp reads shaders from there) while it lives.
struct EsShaders {
  EsShaders() { setenv("SAGITTA_SHADER_DIR", kEsDir.c_str(), 1); }
  ~EsShaders() { unsetenv("SAGITTA_SHADER_DIR"); }
};

render::RenderSettings settingsWith(bool shadows, glm::vec4 clip_plane) {
  render::RenderSettings s;
  s.background = render::Background::kDark;
  s.show_grid = true;
  s.shadows = shadows;
  s.clip_plane = clip_plane;
  return s;
}

}  // namespace

class GlslEsTest : public GlTest {};

TEST_F(GlslEsTest, EveryVariantIsGlslEs300) {
  const EsShaders env;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kEsDir)) {
    const auto ext = entry.path().extension();
    if (ext != ".vert" && ext != ".frag") continue;  // common.glsl is included, not compiled alone
    const std::string text = render::shaderSource(entry.path().filename().string());
    EXPECT_EQ(text.rfind("#version 300 es\n", 0), 0u) << entry.path();
    EXPECT_EQ(text.find("gl_ClipDistance"), std::string::npos) << entry.path();
    ++files;
  }
  EXPECT_GE(files, 14);  // shaders/ holds 14 stages today; none may be left behind
}

TEST_F(GlslEsTest, TheVariantsCompileAndDrawWhatTheDesktopShadersDraw) {
  auto s = sagitta::testing::cubeScene(scene::ViewPreset::kOblique, 1.0f);
  s.list.items[0].model = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.5f, 0.0f));
  const glm::vec4 kNoCut(0.0f), kCut(0.0f, 0.0f, 1.0f, 0.0f);  // keep z >= 0
  render::Renderer desktop;
  std::optional<render::Renderer> es;
  {
    const EsShaders env;
    ASSERT_NO_THROW(es.emplace()) << "a GLSL ES variant fails to compile or link";
  }
  for (const bool shadows : {false, true}) {
    for (const glm::vec4 plane : {kNoCut, kCut}) {
      const auto settings = settingsWith(shadows, plane);
      const Image a = renderToImage(desktop, s, settings, 200, 200);
      const Image b = renderToImage(*es, s, settings, 200, 200);
      sagitta::testing::dumpIfRequested(
          b, std::string("glsl_es_") + (shadows ? "shadows" : "plain") + (plane == kCut ? "_cut" : ""));
      // per-primitive clipping against a per-fragment discard and the missing noperspective
      // differ only along edges: under 1 grey level on average (the test asserts it)
      EXPECT_LT(sagitta::testing::meanAbsDiff(a, b), 1.0)
          << "shadows " << shadows << ", cut " << (plane == kCut);
    }
  }
  // and the cut really cuts with the variants: everything away leaves the background
  const Image gone = renderToImage(*es, s, settingsWith(false, glm::vec4(0.0f, 0.0f, 1.0f, -1.0f)), 200, 200);
  const Image whole = renderToImage(*es, s, settingsWith(false, kNoCut), 200, 200);
  EXPECT_GT(sagitta::testing::meanAbsDiff(gone, whole), 2.0);
  EXPECT_EQ(render::takeGlErrors(), "");
}
