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

TEST(MeshSimplify, NothingToGainGivesTheMeshBack) {
  const anatomy::MeshData m = sphere(0.05f, 8, 12);
  EXPECT_EQ(clusteredIndices(m, 0.0f), m.indices);
  EXPECT_EQ(clusterCellFor(m, 1.0f), 0.0f);
}

}  // namespace
}  // namespace sagitta::render
