#include "gl_fixture.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace sagitta::testing {

std::unique_ptr<render::Window> GlTest::window_;

void GlTest::SetUpTestSuite() {
  if (!window_) {
    render::WindowOptions o;
    o.width = 64;
    o.height = 64;
    o.visible = false;
    o.vsync = false;
    window_ = std::make_unique<render::Window>(o);
  }
}

void GlTest::TearDownTestSuite() {}

anatomy::MeshData box(const glm::vec3& size) {
  anatomy::MeshData m;
  const glm::vec3 h = size * 0.5f;
  const glm::vec3 n[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (const glm::vec3& normal : n) {
    // two axes spanning the face, ordered so the triangles wind counter-clockwise from outside
    const glm::vec3 u = std::abs(normal.y) > 0.5f ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
    const glm::vec3 v = glm::cross(normal, u);
    const auto base = static_cast<std::uint32_t>(m.positions.size());
    for (const glm::vec2 c : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
      m.positions.push_back((normal + u * c.x + v * c.y) * h);
      m.normals.push_back(normal);
    }
    // (u, v, n) is right-handed when cross(u, v) = n
    if (glm::dot(glm::cross(u, v), normal) > 0.0f) {
      m.indices.insert(m.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    } else {
      m.indices.insert(m.indices.end(), {base, base + 2, base + 1, base, base + 3, base + 2});
    }
  }
  return m;
}

TestScene cubeScene(scene::ViewPreset view, float aspect) {
  TestScene s;
  const scene::MeshId id = s.meshes.add(box({0.25f, 0.4f, 0.5f}));
  scene::DrawItem item;
  item.mesh = id;
  item.model = glm::mat4(1.0f);
  item.model[3] = glm::vec4(0.0f, 0.5f, 0.0f, 1.0f);  // bottom face 0.3 m above the floor
  // a slight turn so lateral and anterior views see different faces
  item.model = item.model * glm::mat4(glm::mat3(glm::cos(0.5f), 0, -glm::sin(0.5f), 0, 1, 0, glm::sin(0.5f),
                                                0, glm::cos(0.5f)));
  s.list.items.push_back(item);
  s.list.bounds.add({-0.3f, 0.3f, -0.3f});
  s.list.bounds.add({0.3f, 0.7f, 0.3f});
  s.camera.setView(view);
  s.camera.frame(s.list.bounds, aspect);
  return s;
}

Image renderToImage(render::Renderer& renderer, const TestScene& s, const render::RenderSettings& settings,
                    int w, int h, int msaa) {
  render::RenderTarget target(w, h, msaa);
  renderer.render(s.list, s.meshes, s.camera, settings, target);
  Image img;
  img.width = w;
  img.height = h;
  img.rgba = target.readPixels(settings.background == render::Background::kTransparent);
  return img;
}

void dumpIfRequested(const Image& img, const std::string& name) {
  const char* dir = std::getenv("SAGITTA_TEST_DUMP");
  if (dir == nullptr || !std::filesystem::is_directory(dir)) return;
  writePng(std::filesystem::path(dir) / (name + ".png"), img);
}

double fraction(const Image& img, const std::function<bool(const std::uint8_t*)>& pred) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < img.rgba.size(); i += 4) n += pred(img.rgba.data() + i) ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(img.rgba.size() / 4);
}

double meanAbsDiff(const Image& a, const Image& b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.rgba.size(); ++i) {
    if (i % 4 != 3) sum += std::abs(static_cast<int>(a.rgba[i]) - static_cast<int>(b.rgba[i]));
  }
  return sum / static_cast<double>(a.rgba.size() / 4 * 3);
}

double meanAbsDiff(const Image& a, const Image& b, double x0, double y0, double x1, double y1) {
  double sum = 0.0;
  int n = 0;
  for (int y = static_cast<int>(y0 * a.height); y < static_cast<int>(y1 * a.height); ++y) {
    for (int x = static_cast<int>(x0 * a.width); x < static_cast<int>(x1 * a.width); ++x, ++n) {
      for (int c = 0; c < 3; ++c)
        sum += std::abs(static_cast<int>(a.pixel(x, y)[c]) - static_cast<int>(b.pixel(x, y)[c]));
    }
  }
  return n > 0 ? sum / (3.0 * n) : 0.0;
}

double meanLuma(const Image& img, double x0, double y0, double x1, double y1) {
  double sum = 0.0;
  int n = 0;
  for (int y = static_cast<int>(y0 * img.height); y < static_cast<int>(y1 * img.height); ++y) {
    for (int x = static_cast<int>(x0 * img.width); x < static_cast<int>(x1 * img.width); ++x) {
      const std::uint8_t* p = img.pixel(x, y);
      sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
      ++n;
    }
  }
  return n > 0 ? sum / n : 0.0;
}

}  // namespace sagitta::testing
