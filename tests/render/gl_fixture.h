// A hidden window with an OpenGL context for the render tests, and image statistics.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/mesh.h"
#include "core/image.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "render/window.h"
#include "scene/camera.h"
#include "scene/draw_list.h"

namespace sagitta::testing {

class GlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  static render::Window& window() { return *window_; }
  static std::unique_ptr<render::Window> window_;
};

// A closed box of the given size centred at the origin, outward normals.
anatomy::MeshData box(const glm::vec3& size);

// A simple scene: an oblong box 0.3 m above the floor (so every view differs), framed from a view.
struct TestScene {
  scene::MeshLibrary meshes;
  scene::DrawList list;
  scene::Camera camera;
};
TestScene cubeScene(scene::ViewPreset view, float aspect);

Image renderToImage(render::Renderer& renderer, const TestScene& s, const render::RenderSettings& settings,
                    int w, int h, int msaa = 4);

// Writes the image to $SAGITTA_TEST_DUMP/<name>.png when that variable names a folder, so a
// person can look at what a test saw.
void dumpIfRequested(const Image& img, const std::string& name);

// Fraction of pixels for which `pred` holds.
double fraction(const Image& img, const std::function<bool(const std::uint8_t*)>& pred);
// Mean absolute difference of the RGB channels, 0..255.
double meanAbsDiff(const Image& a, const Image& b);
// The same over a rectangle given as fractions of the picture (x0, y0 top left).
double meanAbsDiff(const Image& a, const Image& b, double x0, double y0, double x1, double y1);
// Mean luminance (0..255) in a rectangle of fractions [x0,x1)×[y0,y1).
double meanLuma(const Image& img, double x0, double y0, double x1, double y1);

}  // namespace sagitta::testing
