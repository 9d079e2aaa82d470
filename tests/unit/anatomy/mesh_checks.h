// Geometry checks for the anatomy tests: topology (closed 2-manifold, Euler characteristic,
// components), orientation (signed volume), distances to a mesh and inside/outside tests.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>
#include <vector>

#include "anatomy/mesh.h"

namespace sagitta::anatomy::test {

struct Topology {
  long euler = 0;  // V - E + F
  int components = 0;
  int open_edges = 0;          // edges with one triangle
  int non_manifold_edges = 0;  // edges with more than two
  int misoriented_edges = 0;   // edges used twice in the same direction
};

inline Topology topologyOf(const MeshData& m) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<int, int>> edges;  // (count, directed sum)
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    for (int c = 0; c < 3; ++c) {
      const std::uint32_t a = m.indices[t + c], b = m.indices[t + (c + 1) % 3];
      auto& e = edges[{std::min(a, b), std::max(a, b)}];
      ++e.first;
      e.second += a < b ? 1 : -1;
    }
  }
  Topology out;
  for (const auto& [key, e] : edges) {
    if (e.first == 1) ++out.open_edges;
    if (e.first > 2) ++out.non_manifold_edges;
    if (e.first == 2 && e.second != 0) ++out.misoriented_edges;
  }
  // components by union-find over the triangles' vertices
  std::vector<std::uint32_t> parent(m.positions.size());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<char> used(m.positions.size(), 0);
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    for (int c = 0; c < 3; ++c) used[m.indices[t + c]] = 1;
    parent[find(m.indices[t])] = find(m.indices[t + 1]);
    parent[find(m.indices[t + 1])] = find(m.indices[t + 2]);
  }
  long vertices = 0;
  for (std::uint32_t v = 0; v < parent.size(); ++v) {
    if (!used[v]) continue;
    ++vertices;
    if (find(v) == v) ++out.components;
  }
  out.euler = vertices - static_cast<long>(edges.size()) + static_cast<long>(m.triangleCount());
  return out;
}

inline double signedVolume(const MeshData& m) {
  double v = 0.0;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const glm::dvec3 a(m.positions[m.indices[t]]), b(m.positions[m.indices[t + 1]]),
        c(m.positions[m.indices[t + 2]]);
    v += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return v;
}

// fraction of vertices whose stored normal points the same way as the area-weighted normal of
// its triangles (outward for an outward-wound mesh)
inline double normalAgreement(const MeshData& m) {
  MeshData face = m;
  computeSmoothNormals(face);
  std::size_t agree = 0;
  for (std::size_t i = 0; i < m.normals.size(); ++i) agree += glm::dot(m.normals[i], face.normals[i]) > 0.0f;
  return m.normals.empty() ? 0.0 : double(agree) / double(m.normals.size());
}

// Distance queries against one mesh (optionally moved by a transform), with a uniform grid.
class MeshDistance {
 public:
  explicit MeshDistance(const MeshData& m, const glm::dmat4& to_world = glm::dmat4(1.0), double cell = 0.01)
      : cell_(cell) {
    for (const glm::vec3& p : m.positions)
      pos_.push_back(glm::dvec3(to_world * glm::dvec4(glm::dvec3(p), 1.0)));
    tri_.reserve(m.indices.size() / 3);
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
      tri_.push_back({m.indices[t], m.indices[t + 1], m.indices[t + 2]});
    lo_ = glm::dvec3(1e30);
    for (const glm::dvec3& p : pos_) lo_ = glm::min(lo_, p);
    for (std::uint32_t t = 0; t < tri_.size(); ++t) {
      glm::ivec3 a(1 << 30), b(-(1 << 30));
      for (int c = 0; c < 3; ++c) {
        const glm::ivec3 k = key(pos_[tri_[t][static_cast<std::size_t>(c)]]);
        a = glm::min(a, k);
        b = glm::max(b, k);
      }
      for (int x = a.x; x <= b.x; ++x) {
        for (int y = a.y; y <= b.y; ++y) {
          for (int z = a.z; z <= b.z; ++z) grid_[hash({x, y, z})].push_back(t);
        }
      }
    }
  }

  // distance from p to the surface (searches outward ring by ring)
  double distance(const glm::dvec3& p, double max_distance = 1.0) const {
    const glm::ivec3 k = key(p);
    double best = 1e30;
    const int rings = static_cast<int>(std::ceil(max_distance / cell_)) + 1;
    for (int r = 0; r <= rings; ++r) {
      if (best < (r - 1) * cell_) break;
      for (int x = -r; x <= r; ++x) {
        for (int y = -r; y <= r; ++y) {
          for (int z = -r; z <= r; ++z) {
            if (std::max({std::abs(x), std::abs(y), std::abs(z)}) != r) continue;
            const auto it = grid_.find(hash(k + glm::ivec3(x, y, z)));
            if (it == grid_.end()) continue;
            for (std::uint32_t t : it->second) {
              const auto& f = tri_[t];
              best = std::min(best, pointTriangleDistance(p, pos_[f[0]], pos_[f[1]], pos_[f[2]]));
            }
          }
        }
      }
    }
    return best;
  }

  // generalised winding number (Jacobson et al. 2013): ~1 inside a closed mesh, ~0 outside
  double winding(const glm::dvec3& p) const {
    double w = 0.0;
    for (const auto& f : tri_) {
      const glm::dvec3 a = pos_[f[0]] - p, b = pos_[f[1]] - p, c = pos_[f[2]] - p;
      const double la = glm::length(a), lb = glm::length(b), lc = glm::length(c);
      const double num = glm::dot(a, glm::cross(b, c));
      const double den = la * lb * lc + glm::dot(a, b) * lc + glm::dot(b, c) * la + glm::dot(c, a) * lb;
      w += 2.0 * std::atan2(num, den);
    }
    return w / (4.0 * 3.14159265358979323846);
  }

  const std::vector<glm::dvec3>& positions() const { return pos_; }

 private:
  glm::ivec3 key(const glm::dvec3& p) const { return glm::ivec3(glm::floor((p - lo_) / cell_)); }
  static std::int64_t hash(const glm::ivec3& k) {
    return (static_cast<std::int64_t>(k.x) * 73856093) ^ (static_cast<std::int64_t>(k.y) * 19349663) ^
           (static_cast<std::int64_t>(k.z) * 83492791);
  }
  double cell_;
  glm::dvec3 lo_{0.0};
  std::vector<glm::dvec3> pos_;
  std::vector<std::array<std::uint32_t, 3>> tri_;
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> grid_;
};

}  // namespace sagitta::anatomy::test
