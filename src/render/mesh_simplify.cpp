#include "render/mesh_simplify.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include <glm/glm.hpp>

namespace sagitta::render {

namespace {

double indexedArea(const anatomy::MeshData& mesh, const std::vector<std::uint32_t>& indices) {
  double sum = 0.0;
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
    const glm::vec3& a = mesh.positions[indices[t]];
    sum += 0.5 * static_cast<double>(glm::length(
                     glm::cross(mesh.positions[indices[t + 1]] - a, mesh.positions[indices[t + 2]] - a)));
  }
  return sum;
}

}  // namespace

std::vector<std::uint32_t> clusteredIndices(const anatomy::MeshData& mesh, float cell_m) {
  if (!(cell_m > 0.0f) || mesh.indices.size() < 3 || mesh.positions.empty()) return mesh.indices;
  const auto cellOf = [&](const glm::vec3& p) {
    const glm::ivec3 c(glm::floor(p / cell_m));
    // 21 bits per axis: ±1 million cells is far more than any bone needs
    return (static_cast<std::uint64_t>(c.x & 0x1FFFFF) << 42) |
           (static_cast<std::uint64_t>(c.y & 0x1FFFFF) << 21) | static_cast<std::uint64_t>(c.z & 0x1FFFFF);
  };
  // Each vertex's cell, the cells numbered as first met, through a flat open-addressing table:
  // a node-based map spent most of this function allocating, which the browser's first frame
  // paid for every bone (issue 15: 55-90 ms of WebAssembly).
  const std::size_t n = mesh.positions.size();
  const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, 2 * n));
  const int shift = 64 - std::countr_zero(capacity);
  constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint64_t> slot_key(capacity);
  std::vector<std::uint32_t> slot_cell(capacity, kEmpty);
  std::vector<std::uint32_t> cell_of(n);
  std::vector<glm::vec3> sum;
  std::vector<int> count;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t key = cellOf(mesh.positions[i]);
    std::size_t h = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);  // Fibonacci hashing
    while (slot_cell[h] != kEmpty && slot_key[h] != key) h = (h + 1) & (capacity - 1);
    if (slot_cell[h] == kEmpty) {
      slot_key[h] = key;
      slot_cell[h] = static_cast<std::uint32_t>(sum.size());
      sum.emplace_back(0.0f);
      count.push_back(0);
    }
    const std::uint32_t c = slot_cell[h];
    cell_of[i] = c;
    sum[c] += mesh.positions[i];
    ++count[c];
  }
  // each cell's representative: its vertex nearest the cell's mean (keeps the surface in place)
  std::vector<float> best(sum.size(), std::numeric_limits<float>::max());
  std::vector<std::uint32_t> representative(sum.size(), 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t c = cell_of[i];
    const glm::vec3 d = mesh.positions[i] - sum[c] / static_cast<float>(count[c]);
    const float d2 = glm::dot(d, d);
    if (d2 < best[c]) {
      best[c] = d2;
      representative[c] = static_cast<std::uint32_t>(i);
    }
  }
  std::vector<std::uint32_t> out;
  out.reserve(mesh.indices.size() / 2);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    std::uint32_t v[3];
    for (int k = 0; k < 3; ++k) v[k] = representative[cell_of[mesh.indices[t + static_cast<std::size_t>(k)]]];
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) continue;  // collapsed
    out.insert(out.end(), {v[0], v[1], v[2]});
  }
  // a bar thinner than the cells (a rib swept in long sections, whose mean edge sets a cell
  // larger than its section) collapses into holes: keep the full mesh where a tenth of the
  // surface is lost (the shipped bones keep 97-109 % of theirs, the swept ribs 61-81 %)
  if (indexedArea(mesh, out) < kKeptAreaShare * indexedArea(mesh, mesh.indices)) return mesh.indices;
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
