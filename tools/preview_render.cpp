#include "preview_render.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/image.h"

namespace sagitta::tools {
namespace {

struct Vtx {
  glm::dvec3 s;  // screen x, y (pixels), depth
  glm::dvec3 n;  // world normal
};

struct Frame {
  glm::dvec3 r, u, f, c;
  double scale = 1.0;
  double ox = 0.0, oy = 0.0;
  glm::dvec3 toScreen(const glm::dvec3& p) const {
    const glm::dvec3 q = p - c;
    return {ox + glm::dot(q, r) * scale, oy - glm::dot(q, u) * scale, glm::dot(q, f)};
  }
};

}  // namespace

PreviewView namedView(const std::string& name) {
  // the subject faces +X; "lateral" is seen from the right side (+Z), anterior to the right
  if (name == "lateral") return {{0, 0, -1}, {0, 1, 0}};
  if (name == "medial") return {{0, 0, 1}, {0, 1, 0}};
  if (name == "anterior") return {{-1, 0, 0}, {0, 1, 0}};
  if (name == "posterior") return {{1, 0, 0}, {0, 1, 0}};
  if (name == "superior") return {{0, -1, 0}, {1, 0, 0}};
  if (name == "inferior") return {{0, 1, 0}, {1, 0, 0}};
  if (name == "oblique") return {glm::normalize(glm::dvec3(-1.0, -0.45, -0.9)), {0, 1, 0}};
  if (name == "oblique_posterior") return {glm::normalize(glm::dvec3(1.0, -0.45, -0.9)), {0, 1, 0}};
  throw std::invalid_argument("unknown view " + name);
}

Image renderPreview(const std::vector<PreviewItem>& items, const std::vector<PreviewDot>& dots,
                    const PreviewView& view, int width, int height) {
  constexpr int kSs = 2;  // supersampling
  const int w = width * kSs, h = height * kSs;
  Frame fr;
  fr.f = glm::normalize(view.forward);
  fr.r = glm::normalize(glm::cross(fr.f, view.up));
  fr.u = glm::cross(fr.r, fr.f);

  // frame everything
  glm::dvec2 lo(1e30), hi(-1e30);
  glm::dvec3 centre(0.0);
  std::size_t count = 0;
  for (const PreviewItem& it : items) {
    for (const glm::vec3& p : it.mesh->positions) {
      const glm::dvec3 q = glm::dvec3(it.to_world * glm::dvec4(glm::dvec3(p), 1.0));
      lo = glm::min(lo, glm::dvec2(glm::dot(q, fr.r), glm::dot(q, fr.u)));
      hi = glm::max(hi, glm::dvec2(glm::dot(q, fr.r), glm::dot(q, fr.u)));
      centre += q;
      ++count;
    }
  }
  if (count == 0) throw std::runtime_error("nothing to render");
  fr.c = fr.r * (0.5 * (lo.x + hi.x)) + fr.u * (0.5 * (lo.y + hi.y));
  fr.scale = 0.92 * std::min(w / (hi.x - lo.x), h / (hi.y - lo.y));
  fr.ox = 0.5 * w;
  fr.oy = 0.5 * h;

  std::vector<double> depth(static_cast<std::size_t>(w) * h, std::numeric_limits<double>::infinity());
  std::vector<glm::dvec3> colour(static_cast<std::size_t>(w) * h, glm::dvec3(0.16, 0.17, 0.2));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x)
      colour[static_cast<std::size_t>(y) * w + x] =
          glm::mix(glm::dvec3(0.23, 0.25, 0.3), glm::dvec3(0.1, 0.1, 0.12), double(y) / h);
  }
  const glm::dvec3 light = glm::normalize(-fr.f + 0.6 * fr.u - 0.5 * fr.r);

  auto shade = [&](const glm::dvec3& n_in, const glm::dvec3& base) {
    glm::dvec3 n = glm::normalize(n_in);
    bool back = glm::dot(n, fr.f) > 0.0;
    if (back) n = -n;
    const double diff = std::max(0.0, glm::dot(n, light));
    const double sky = 0.5 + 0.5 * glm::dot(n, fr.u);
    const glm::dvec3 hvec = glm::normalize(light - fr.f);
    const double spec = std::pow(std::max(0.0, glm::dot(n, hvec)), 40.0) * 0.25;
    glm::dvec3 c = base * (0.18 + 0.22 * sky + 0.7 * diff) + glm::dvec3(spec);
    if (back) c = glm::dvec3(0.9, 0.2, 0.6) * (0.3 + 0.5 * diff);  // inside-out faces show magenta
    return c;
  };

  auto raster = [&](const PreviewItem& it, bool translucent) {
    const anatomy::MeshData& m = *it.mesh;
    const glm::dmat3 nmat = glm::transpose(glm::inverse(glm::dmat3(it.to_world)));
    std::vector<Vtx> v(m.positions.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      v[i].s = fr.toScreen(glm::dvec3(it.to_world * glm::dvec4(glm::dvec3(m.positions[i]), 1.0)));
      v[i].n = nmat * glm::dvec3(m.normals[i]);
    }
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const Vtx& a = v[m.indices[t]];
      const Vtx& b = v[m.indices[t + 1]];
      const Vtx& c = v[m.indices[t + 2]];
      const double area = (b.s.x - a.s.x) * (c.s.y - a.s.y) - (b.s.y - a.s.y) * (c.s.x - a.s.x);
      if (std::abs(area) < 1e-12) continue;
      const int x0 = std::max(0, static_cast<int>(std::floor(std::min({a.s.x, b.s.x, c.s.x}))));
      const int x1 = std::min(w - 1, static_cast<int>(std::ceil(std::max({a.s.x, b.s.x, c.s.x}))));
      const int y0 = std::max(0, static_cast<int>(std::floor(std::min({a.s.y, b.s.y, c.s.y}))));
      const int y1 = std::min(h - 1, static_cast<int>(std::ceil(std::max({a.s.y, b.s.y, c.s.y}))));
      for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
          const double px = x + 0.5, py = y + 0.5;
          const double w0 = ((b.s.x - px) * (c.s.y - py) - (b.s.y - py) * (c.s.x - px)) / area;
          const double w1 = ((c.s.x - px) * (a.s.y - py) - (c.s.y - py) * (a.s.x - px)) / area;
          const double w2 = 1.0 - w0 - w1;
          if (w0 < 0 || w1 < 0 || w2 < 0) continue;
          const double z = w0 * a.s.z + w1 * b.s.z + w2 * c.s.z;
          const std::size_t idx = static_cast<std::size_t>(y) * w + x;
          if (z >= depth[idx]) continue;
          glm::dvec3 col = shade(w0 * a.n + w1 * b.n + w2 * c.n, glm::dvec3(it.colour));
          if (it.wire) {
            // distance to the nearest edge in pixels, from the barycentrics
            const double e0 = w0 * std::abs(area) / glm::length(glm::dvec2(c.s - b.s));
            const double e1 = w1 * std::abs(area) / glm::length(glm::dvec2(a.s - c.s));
            const double e2 = w2 * std::abs(area) / glm::length(glm::dvec2(b.s - a.s));
            if (std::min({e0, e1, e2}) < 0.8) col *= 0.55;
          }
          if (translucent) {
            colour[idx] = glm::mix(colour[idx], col, double(it.alpha) * 0.5);
          } else {
            depth[idx] = z;
            colour[idx] = col;
          }
        }
      }
    }
  };
  for (const PreviewItem& it : items) {
    if (it.alpha >= 1.0f) raster(it, false);
  }
  // silhouettes: darken where depth jumps
  std::vector<glm::dvec3> lit = colour;
  const double jump = 0.004 * fr.scale;  // 4 mm
  for (int y = 1; y + 1 < h; ++y) {
    for (int x = 1; x + 1 < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      const double d = depth[i];
      double worst = 0.0;
      for (const std::size_t j : {i - 1, i + 1, i - w, i + w}) {
        const double e = depth[j];
        if (std::isinf(d) && std::isinf(e)) continue;
        const double diff = std::isinf(d) || std::isinf(e) ? 1e9 : std::abs(d - e);
        worst = std::max(worst, diff);
      }
      if (worst > jump && !std::isinf(d)) lit[i] *= 0.45;
    }
  }
  colour = lit;
  for (const PreviewItem& it : items) {
    if (it.alpha < 1.0f) raster(it, true);
  }
  for (const PreviewDot& d : dots) {
    const glm::dvec3 s = fr.toScreen(d.world);
    const int r = 3 * kSs;
    for (int y = static_cast<int>(s.y) - r; y <= static_cast<int>(s.y) + r; ++y) {
      for (int x = static_cast<int>(s.x) - r; x <= static_cast<int>(s.x) + r; ++x) {
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const std::size_t idx = static_cast<std::size_t>(y) * w + x;
        const bool hidden = s.z > depth[idx] + 0.003 * fr.scale / fr.scale;
        colour[idx] = hidden ? glm::mix(colour[idx], glm::dvec3(d.colour), 0.35) : glm::dvec3(d.colour);
      }
    }
  }
  Image img;
  img.width = width;
  img.height = height;
  img.rgba.resize(static_cast<std::size_t>(width) * height * 4);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      glm::dvec3 sum(0.0);
      for (int j = 0; j < kSs; ++j) {
        for (int i = 0; i < kSs; ++i)
          sum += colour[static_cast<std::size_t>(y * kSs + j) * w + (x * kSs + i)];
      }
      const glm::dvec3 c = glm::clamp(sum / double(kSs * kSs), 0.0, 1.0);
      std::uint8_t* px = img.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
      for (int k = 0; k < 3; ++k)
        px[k] = static_cast<std::uint8_t>(std::lround(std::pow(c[k], 1.0 / 1.1) * 255.0));
      px[3] = 255;
    }
  }
  return img;
}

Image tile(const std::vector<Image>& images, int per_row) {
  Image out;
  if (images.empty()) return out;
  const int w = images[0].width, h = images[0].height;
  const int n = static_cast<int>(images.size());
  const int cols = std::min(per_row, n), rows = (n + per_row - 1) / per_row;
  out.width = w * cols;
  out.height = h * rows;
  out.rgba.assign(static_cast<std::size_t>(out.width) * out.height * 4, 0);
  for (int k = 0; k < n; ++k) {
    const int ox = (k % per_row) * w, oy = (k / per_row) * h;
    for (int y = 0; y < h; ++y) {
      std::copy_n(images[static_cast<std::size_t>(k)].rgba.data() + static_cast<std::size_t>(y) * w * 4,
                  w * 4, out.rgba.data() + (static_cast<std::size_t>(oy + y) * out.width + ox) * 4);
    }
  }
  return out;
}

}  // namespace sagitta::tools
