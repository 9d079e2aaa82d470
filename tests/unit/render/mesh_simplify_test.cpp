// The moving frame's low level of detail (issue 16): clustering keeps about the asked share of
// triangles, the same surface (area, extent) and only valid, non-degenerate triangles.
#include "render/mesh_simplify.h"

#include <cmath>
#include <set>

#include <gtest/gtest.h>

namespace sagitta::render {
namespace {

// A UV sphere of radius r with rings × sectors quads.
anatomy::MeshData sphere(float r, int rings, int sectors) {
  anatomy::MeshData m;
  const float pi = 3.14159265f;
  for (int i = 0; i <= rings; ++i) {
    const float th = pi * static_cast<float>(i) / static_cast<float>(rings);
    for (int j = 0; j <= sectors; ++j) {
      const float ph = 2.0f * pi * static_cast<float>(j) / static_cast<float>(sectors);
      const glm::vec3 n(std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph));
      m.positions.push_back(n * r);
      m.normals.push_back(n);
    }
  }
  const auto at = [&](int i, int j) { return static_cast<std::uint32_t>(i * (sectors + 1) + j); };
  for (int i = 0; i < rings; ++i) {
    for (int j = 0; j < sectors; ++j) {
      if (i > 0) m.indices.insert(m.indices.end(), {at(i, j), at(i, j + 1), at(i + 1, j)});
      if (i + 1 < rings) m.indices.insert(m.indices.end(), {at(i, j + 1), at(i + 1, j + 1), at(i + 1, j)});
    }
  }
  return m;
}

double area(const anatomy::MeshData& m, const std::vector<std::uint32_t>& idx) {
  double a = 0.0;
  for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
    const glm::vec3 &p = m.positions[idx[t]], &q = m.positions[idx[t + 1]], &s = m.positions[idx[t + 2]];
    a += 0.5 * static_cast<double>(glm::length(glm::cross(q - p, s - p)));
  }
  return a;
}

TEST(MeshSimplify, KeepsAboutTheAskedShareOfTheSameSurface) {
  const anatomy::MeshData m = sphere(0.05f, 120, 160);  // ~38k triangles, 5 cm (a femoral head)
  const std::vector<std::uint32_t> low = clusteredIndices(m, clusterCellFor(m, 0.25f));
  const double kept = static_cast<double>(low.size()) / static_cast<double>(m.indices.size());
  EXPECT_GT(kept, 0.08);
  EXPECT_LT(kept, 0.45);
  ASSERT_EQ(low.size() % 3, 0u);
  std::set<std::uint32_t> used;
  for (std::size_t t = 0; t < low.size(); t += 3) {
    ASSERT_LT(low[t], m.positions.size());
    ASSERT_LT(low[t + 1], m.positions.size());
    ASSERT_LT(low[t + 2], m.positions.size());
    EXPECT_TRUE(low[t] != low[t + 1] && low[t + 1] != low[t + 2] && low[t] != low[t + 2]);
    used.insert({low[t], low[t + 1], low[t + 2]});
  }
  // the same surface: area within 6 % of the full mesh's (a sphere's true area is 4 pi r^2)
  EXPECT_NEAR(area(m, low) / area(m, m.indices), 1.0, 0.06);
  // and it still reaches the whole extent (the poles and the equator are still there)
  float top = -1.0f, bottom = 1.0f, side = 0.0f;
  for (const std::uint32_t v : used) {
    top = std::max(top, m.positions[v].y);
    bottom = std::min(bottom, m.positions[v].y);
    side = std::max(side, std::abs(m.positions[v].x));
  }
  EXPECT_GT(top, 0.048f);
  EXPECT_LT(bottom, -0.048f);
  EXPECT_GT(side, 0.048f);
}

// A rib's sweep: an oval bar (r by 0.55 r) round three quarters of a circle of radius `bend`,
// `sides` round, a section every `step` along the arc
anatomy::MeshData rib(float r, float bend, int sides, float step) {
  anatomy::MeshData m;
  const float pi = 3.14159265f;
  const int rings = static_cast<int>(1.5f * pi * bend / step) + 1;
  for (int i = 0; i < rings; ++i) {
    const float t = static_cast<float>(i) * step / bend;
    const glm::vec3 out(std::cos(t), std::sin(t), 0.0f), up(0.0f, 0.0f, 1.0f);
    for (int j = 0; j < sides; ++j) {
      const float a = 2.0f * pi * static_cast<float>(j) / static_cast<float>(sides);
      m.positions.push_back(out * (bend + 0.55f * r * std::cos(a)) + up * (r * std::sin(a)));
      m.normals.push_back(glm::normalize(out * std::cos(a) + up * std::sin(a)));
    }
  }
  const auto at = [&](int i, int j) { return static_cast<std::uint32_t>(i * sides + j % sides); };
  for (int i = 0; i + 1 < rings; ++i) {
    for (int j = 0; j < sides; ++j) {
      m.indices.insert(m.indices.end(), {at(i, j), at(i, j + 1), at(i + 1, j + 1)});
      m.indices.insert(m.indices.end(), {at(i, j), at(i + 1, j + 1), at(i + 1, j)});
    }
  }
  return m;
}

TEST(MeshSimplify, AThinBarIsNotBrokenIntoHoles) {
  // a rib (5 mm by 2.75 mm, bent round 10 cm) swept with 16 sides every 7 mm: its mean edge sets
  // cells larger than its section, and clustered it lost a third of its surface (the moving
  // frames drew the rib cage with gaps); it is kept whole
  const anatomy::MeshData m = rib(0.005f, 0.1f, 16, 0.007f);
  ASSERT_GT(m.indices.size() / 3, 1000u);
  EXPECT_EQ(clusteredIndices(m, clusterCellFor(m, 0.12f)), m.indices);
  // whatever the cell, what comes back keeps nine tenths of the surface
  for (const float cell : {0.002f, 0.004f, 0.008f, 0.016f}) {
    EXPECT_GE(area(m, clusteredIndices(m, cell)), kKeptAreaShare * area(m, m.indices)) << cell;
  }
}

TEST(MeshSimplify, NothingToGainGivesTheMeshBack) {
  const anatomy::MeshData m = sphere(0.05f, 8, 12);
  EXPECT_EQ(clusteredIndices(m, 0.0f), m.indices);
  EXPECT_EQ(clusterCellFor(m, 1.0f), 0.0f);
}

}  // namespace
}  // namespace sagitta::render
