#include "render/mesh_simplify.h"

#include <cmath>
#include <limits>
#include <unordered_map>

#include <glm/glm.hpp>

namespace sagitta::render {

std::vector<std::uint32_t> clusteredIndices(const anatomy::MeshData& mesh, float cell_m) {
  if (!(cell_m > 0.0f) || mesh.indices.size() < 3 || mesh.positions.empty()) return mesh.indices;
  const auto cellOf = [&](const glm::vec3& p) {
    const glm::ivec3 c(glm::floor(p / cell_m));
    // 21 bits per axis: ±1 million cells is far more than any bone needs
    return (static_cast<std::uint64_t>(c.x & 0x1FFFFF) << 42) |
           (static_cast<std::uint64_t>(c.y & 0x1FFFFF) << 21) | static_cast<std::uint64_t>(c.z & 0x1FFFFF);
  };
  struct Cell {
    glm::vec3 sum{0.0f};
    int count = 0;
    std::uint32_t representative = 0;
    float best = std::numeric_limits<float>::max();
  };
  std::unordered_map<std::uint64_t, Cell> cells;
  cells.reserve(mesh.positions.size() / 2);
  std::vector<std::uint64_t> key(mesh.positions.size());
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    key[i] = cellOf(mesh.positions[i]);
    Cell& c = cells[key[i]];
    c.sum += mesh.positions[i];
    ++c.count;
  }
  // each cell's representative: its vertex nearest the cell's mean (keeps the surface in place)
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    Cell& c = cells[key[i]];
    const glm::vec3 d = mesh.positions[i] - c.sum / static_cast<float>(c.count);
    const float d2 = glm::dot(d, d);
    if (d2 < c.best) {
      c.best = d2;
      c.representative = static_cast<std::uint32_t>(i);
    }
  }
  std::vector<std::uint32_t> out;
  out.reserve(mesh.indices.size() / 2);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    std::uint32_t v[3];
    for (int k = 0; k < 3; ++k)
      v[k] = cells[key[mesh.indices[t + static_cast<std::size_t>(k)]]].representative;
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) continue;  // collapsed
    out.insert(out.end(), {v[0], v[1], v[2]});
  }
  return out;
}

float clusterCellFor(const anatomy::MeshData& mesh, float keep) {
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3& a = mesh.positions[mesh.indices[t]];
    const glm::vec3& b = mesh.positions[mesh.indices[t + 1]];
    sum += static_cast<double>(glm::length(b - a));
    ++n;
  }
  if (n == 0 || !(keep > 0.0f) || keep >= 1.0f) return 0.0f;
  // triangles on a surface go as 1 / cell²: a cell of mean edge / sqrt(keep) keeps about `keep`
  return static_cast<float>(sum / static_cast<double>(n)) / std::sqrt(keep);
}

}  // namespace sagitta::render
