// Renderer tests on a synthetic scene (a cube above the floor): each checks an image
// statistic that a wrong picture would fail.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>
#include <unistd.h>

#include "core/error.h"
#include "gl_fixture.h"
#include "render/async_readback.h"
#include "render/gl.h"
#include "render/shader.h"

using namespace sagitta;
using sagitta::testing::GlTest;

namespace {

double luma(const std::uint8_t* p) {
  return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

render::RenderSettings plainSettings(render::Background bg) {
  render::RenderSettings s;
  s.background = bg;
  s.show_grid = false;
  s.shadows = false;
  return s;
}

}  // namespace

class RendererTest : public GlTest {
 protected:
  void SetUp() override { renderer_ = std::make_unique<render::Renderer>(); }
  std::unique_ptr<render::Renderer> renderer_;
};

TEST_F(RendererTest, TheModelCoversTheCentreAndNotTheCorners) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 16.0f / 9.0f);
  const Image img = renderToImage(*renderer_, s, plainSettings(render::Background::kDark), 320, 180);
  EXPECT_GT(luma(img.pixel(160, 90)), 90.0) << "lit bone-coloured cube at the centre";
  for (auto [x, y] : {std::pair{2, 2}, {317, 2}, {2, 177}, {317, 177}})
    EXPECT_LT(luma(img.pixel(x, y)), 70.0);
  const double covered =
      sagitta::testing::fraction(img, [](const std::uint8_t* p) { return luma(p) > 90.0; });
  EXPECT_GT(covered, 0.05);
  EXPECT_LT(covered, 0.6);
  EXPECT_EQ(render::takeGlErrors(), "");
}

TEST_F(RendererTest, LateralAndAnteriorViewsDiffer) {
  const auto lat = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 1.0f);
  const auto ant = sagitta::testing::cubeScene(scene::ViewPreset::kAnterior, 1.0f);
  const auto settings = plainSettings(render::Background::kDark);
  const Image a = renderToImage(*renderer_, lat, settings, 200, 200);
  const Image b = renderToImage(*renderer_, ant, settings, 200, 200);
  EXPECT_GT(sagitta::testing::meanAbsDiff(a, b), 2.0);
}

TEST_F(RendererTest, BackgroundsAreWhereTheyShouldBe) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 1.0f);
  const Image dark = renderToImage(*renderer_, s, plainSettings(render::Background::kDark), 200, 200);
  EXPECT_GT(luma(dark.pixel(100, 1)), luma(dark.pixel(100, 198))) << "dark gradient: lighter at the top";
  EXPECT_LT(luma(dark.pixel(100, 1)), 70.0);
  const Image light = renderToImage(*renderer_, s, plainSettings(render::Background::kLight), 200, 200);
  EXPECT_GT(luma(light.pixel(1, 1)), 180.0);
  const Image clear = renderToImage(*renderer_, s, plainSettings(render::Background::kTransparent), 200, 200);
  EXPECT_EQ(clear.pixel(1, 1)[3], 0) << "transparent background for slides";
  EXPECT_EQ(clear.pixel(198, 198)[3], 0);
  EXPECT_EQ(clear.pixel(100, 100)[3], 255) << "the model itself is opaque";
}

TEST_F(RendererTest, ShadowsDarkenTheFloorUnderTheModel) {
  auto s = sagitta::testing::cubeScene(scene::ViewPreset::kOblique, 1.0f);
  s.camera.pitch_rad = glm::radians(45.0f);
  s.camera.distance_m *= 1.6f;
  auto on = plainSettings(render::Background::kLight);
  on.shadows = true;
  const Image lit = renderToImage(*renderer_, s, plainSettings(render::Background::kLight), 240, 240);
  const Image shadowed = renderToImage(*renderer_, s, on, 240, 240);
  // pixels clearly darker with shadows on, and most of them below the cube (on the floor)
  int darker = 0, darker_low = 0;
  for (int y = 0; y < 240; ++y) {
    for (int x = 0; x < 240; ++x) {
      if (luma(lit.pixel(x, y)) - luma(shadowed.pixel(x, y)) > 12.0) {
        ++darker;
        darker_low += y > 120 ? 1 : 0;
      }
    }
  }
  EXPECT_GT(darker, 240 * 240 / 100) << "a visible shadow";
  EXPECT_GT(darker_low, darker / 2) << "the shadow lies on the floor below the model";
}

TEST_F(RendererTest, MsaaSoftensEdges) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kOblique, 1.0f);
  const auto settings = plainSettings(render::Background::kTransparent);
  auto partial = [](const std::uint8_t* p) { return p[3] > 0 && p[3] < 255; };
  const Image aliased = renderToImage(*renderer_, s, settings, 200, 200, 1);
  const Image smooth = renderToImage(*renderer_, s, settings, 200, 200, 4);
  EXPECT_EQ(sagitta::testing::fraction(aliased, partial), 0.0) << "without MSAA an edge pixel is in or out";
  EXPECT_GT(sagitta::testing::fraction(smooth, partial) * 200 * 200, 100.0) << "with MSAA, edges blend";
}

TEST_F(RendererTest, AZeroSizedTargetDrawsNothingAndRaisesNoGlError) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 1.0f);
  render::RenderTarget target(320, 200, 4);
  render::takeGlErrors();
  target.resize(0, 0);  // a minimised window
  EXPECT_TRUE(target.empty());
  renderer_->render(s.list, s.meshes, s.camera, render::RenderSettings{}, target);
  EXPECT_TRUE(target.readPixels().empty());
  target.resize(320, 200);
  renderer_->render(s.list, s.meshes, s.camera, render::RenderSettings{}, target);
  EXPECT_EQ(target.readPixels().size(), 320u * 200u * 4u);
  EXPECT_EQ(render::takeGlErrors(), "");
}

TEST_F(RendererTest, ResizingThroughManySizesRaisesNoGlError) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kOblique, 1.0f);
  render::RenderTarget target(64, 64, 4);
  render::takeGlErrors();
  for (auto [w, h] :
       {std::pair{1, 1}, {0, 480}, {1920, 1}, {0, 0}, {733, 411}, {2, 3000}, {640, 0}, {1600, 900}}) {
    target.resize(w, h);
    renderer_->render(s.list, s.meshes, s.camera, render::RenderSettings{}, target);
  }
  EXPECT_EQ(render::takeGlErrors(), "");
}

TEST_F(RendererTest, A4kFrameRenders) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kOblique, 16.0f / 9.0f);
  const Image img = renderToImage(*renderer_, s, render::RenderSettings{}, 3840, 2160);
  EXPECT_EQ(img.rgba.size(), 3840u * 2160u * 4u);
  EXPECT_GT(luma(img.pixel(1920, 1080)), 90.0);
  EXPECT_EQ(render::takeGlErrors(), "");
}

TEST_F(RendererTest, OverlayLinesAreDrawnWithTheirWidthAndColour) {
  auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 1.0f);
  scene::Line line;
  line.a = s.camera.target - s.camera.right() * 0.25f;
  line.b = s.camera.target + s.camera.right() * 0.25f;
  line.colour = glm::vec4(0.0f, 1.0f, 0.0f, 1.0f);
  line.width_px = 6.0f;
  s.list.lines.push_back(line);
  const Image img = renderToImage(*renderer_, s, plainSettings(render::Background::kDark), 200, 200);
  // a thick green line across the middle, drawn over the cube
  int green_rows = 0;
  for (int y = 90; y < 110; ++y) {
    const std::uint8_t* p = img.pixel(100, y);
    green_rows += (p[1] > 200 && p[0] < 80 && p[2] < 80) ? 1 : 0;
  }
  EXPECT_GE(green_rows, 4);
  EXPECT_LE(green_rows, 9);
}

TEST_F(RendererTest, AShaderErrorNamesTheFileAndQuotesTheDriverLog) {
  const auto dir = std::filesystem::temp_directory_path() / ("sagitta_shaders_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "mesh.frag")
      << "#version 330 core\nout vec4 c;\nvoid main() { c = undefined_thing; }\n";
  ::setenv("SAGITTA_SHADER_DIR", dir.c_str(), 1);
  try {
    render::buildProgram("mesh.vert", "mesh.frag");
    ADD_FAILURE() << "a broken shader must not build";
  } catch (const GraphicsError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("shaders/mesh.frag"), std::string::npos) << what;
    EXPECT_NE(what.find("undefined_thing"), std::string::npos) << "the driver log is quoted: " << what;
  }
  ::unsetenv("SAGITTA_SHADER_DIR");
  std::filesystem::remove_all(dir);
}

TEST_F(RendererTest, XrayModeLooksLikeAFilmAndDiffersFromShading) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 1.0f);
  render::RenderSettings shaded;
  render::RenderSettings xray;
  xray.xray = true;
  const Image a = renderToImage(*renderer_, s, shaded, 200, 200);
  const Image b = renderToImage(*renderer_, s, xray, 200, 200);
  sagitta::testing::dumpIfRequested(b, "xray_box");
  EXPECT_GT(sagitta::testing::meanAbsDiff(a, b), 5.0);
  // air is near black, the box (0.5 m of "bone" along the ray) exposes the film brightly and greyly
  EXPECT_LT(luma(b.pixel(2, 2)), 20.0);
  const std::uint8_t* c = b.pixel(100, 100);
  EXPECT_GT(luma(c), 180.0);
  EXPECT_LT(std::abs(int(c[0]) - int(c[2])), 20) << "a film is grey, not bone-coloured";
  EXPECT_EQ(render::takeGlErrors(), "");
}

TEST_F(RendererTest, XrayBrightnessGrowsWithThicknessAlongTheRay) {
  // the same box seen along its short axis (0.25 m) and its long axis (0.5 m)
  auto thin = sagitta::testing::cubeScene(scene::ViewPreset::kAnterior, 1.0f);
  auto thick = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 1.0f);
  for (auto* s : {&thin, &thick}) {
    s->list.items[0].model = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.5f, 0.0f));
    s->list.items[0].material = scene::Material::kSkin;  // low density so the film does not saturate
  }
  render::RenderSettings xray;
  xray.xray = true;
  const Image a = renderToImage(*renderer_, thin, xray, 200, 200);
  const Image b = renderToImage(*renderer_, thick, xray, 200, 200);
  EXPECT_GT(luma(b.pixel(100, 100)), luma(a.pixel(100, 100)) + 10.0);
}

TEST_F(RendererTest, CutawayRemovesHalfAndShowsASolidSection) {
  auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 1.0f);
  s.list.items[0].model = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.5f, 0.0f));
  render::RenderSettings whole = plainSettings(render::Background::kDark);
  render::RenderSettings cut = whole;
  cut.clip_plane = glm::vec4(0.0f, 0.0f, 1.0f, 0.0f);  // keep the right half (z >= 0)
  const Image a = renderToImage(*renderer_, s, whole, 200, 200);
  const Image b = renderToImage(*renderer_, s, cut, 200, 200);
  sagitta::testing::dumpIfRequested(b, "cutaway_box");
  // the box is still there (its right half, seen through the cut) ...
  EXPECT_GT(luma(b.pixel(100, 100)), 90.0);
  // ... but what we see is the flat section, not the lit outer face
  EXPECT_GT(sagitta::testing::meanAbsDiff(a, b), 1.0);
  // cutting everything away leaves the background
  cut.clip_plane = glm::vec4(0.0f, 0.0f, 1.0f, -1.0f);  // keep z >= 1 m: nothing
  const Image c = renderToImage(*renderer_, s, cut, 200, 200);
  EXPECT_LT(luma(c.pixel(100, 100)), 70.0);
  EXPECT_EQ(render::takeGlErrors(), "");
}

TEST_F(RendererTest, AsyncReadbackDeliversEveryFrameInOrderWithTheRightPixels) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 1.0f);
  render::RenderTarget target(96, 64, 4);
  render::AsyncReadback readback(96, 64, 2);
  std::vector<std::int64_t> tags;
  std::vector<std::uint8_t> last;
  auto sink = [&](std::int64_t tag, const std::uint8_t* data, std::size_t bytes) {
    tags.push_back(tag);
    last.assign(data, data + bytes);
  };
  for (int i = 0; i < 7; ++i) {  // more frames than slots: start() must deliver the oldest itself
    renderer_->render(s.list, s.meshes, s.camera, render::RenderSettings{}, target);
    readback.start(target, i);
    readback.collect(sink);
  }
  readback.collect(sink, true);
  ASSERT_EQ(tags.size(), 7u);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(tags[static_cast<std::size_t>(i)], i);
  // bottom-up rows: flip and compare with a synchronous read
  const std::vector<std::uint8_t> sync = target.readPixels();
  std::vector<std::uint8_t> flipped(last.size());
  for (int y = 0; y < 64; ++y)
    std::copy_n(last.data() + (63 - y) * 96 * 4, 96 * 4, flipped.data() + y * 96 * 4);
  EXPECT_EQ(flipped, sync);
  EXPECT_EQ(readback.inFlight(), 0);
  EXPECT_EQ(render::takeGlErrors(), "");
}
