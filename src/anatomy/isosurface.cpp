#include "anatomy/isosurface.h"

#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace sagitta::anatomy {
namespace {

constexpr int kBlock = 4;  // cells per block edge for the narrow-band pass

// Kuhn subdivision: the 6 tetrahedra of a unit cube are the monotone paths 000 -> 111; every
// cube splits its faces along the same diagonals, so neighbouring cubes agree.
constexpr std::array<std::array<int, 3>, 6> kAxisOrders = {
    {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}};

struct Grid {
  glm::dvec3 lo{0.0};
  double voxel = 0.0;
  int nx = 0, ny = 0, nz = 0;
  std::size_t index(int i, int j, int k) const {
    return (static_cast<std::size_t>(k) * static_cast<std::size_t>(ny) + static_cast<std::size_t>(j)) *
               static_cast<std::size_t>(nx) +
           static_cast<std::size_t>(i);
  }
  glm::dvec3 point(int i, int j, int k) const { return lo + glm::dvec3(i, j, k) * voxel; }
};

class Builder {
 public:
  Builder(const sdf::Node& field, const Grid& grid) : field_(field), g_(grid) {
    values_.assign(
        static_cast<std::size_t>(g_.nx) * static_cast<std::size_t>(g_.ny) * static_cast<std::size_t>(g_.nz),
        std::numeric_limits<double>::quiet_NaN());
  }

  void run() {
    bx_ = (g_.nx - 1 + kBlock - 1) / kBlock;
    by_ = (g_.ny - 1 + kBlock - 1) / kBlock;
    bz_ = (g_.nz - 1 + kBlock - 1) / kBlock;
    done_.assign(
        static_cast<std::size_t>(bx_) * static_cast<std::size_t>(by_) * static_cast<std::size_t>(bz_), false);
    const double reach = 2.0 * (kBlock * g_.voxel * std::sqrt(3.0) * 0.5) + g_.voxel;  // Lipschitz margin 2
    std::vector<glm::ivec3> work;
    for (int k = 0; k < bz_; ++k) {
      for (int j = 0; j < by_; ++j) {
        for (int i = 0; i < bx_; ++i) {
          const glm::dvec3 centre =
              g_.lo + (glm::dvec3(i, j, k) * double(kBlock) + glm::dvec3(0.5 * kBlock)) * g_.voxel;
          if (std::abs(field_.eval(centre)) <= reach) work.emplace_back(i, j, k);
        }
      }
    }
    // Process blocks; if the surface leaves a block through a face into a block that was
    // skipped (the field was not as Lipschitz as assumed), process that one too, so the mesh
    // never has a hole at a block boundary.
    for (std::size_t w = 0; w < work.size(); ++w) {
      const glm::ivec3 b = work[w];
      std::vector<bool>::reference done = done_[blockIndex(b)];
      if (done) continue;
      done = true;
      block(b.x * kBlock, b.y * kBlock, b.z * kBlock);
      for (int axis = 0; axis < 3; ++axis) {
        for (int side = 0; side < 2; ++side) {
          glm::ivec3 nb = b;
          nb[axis] += side == 0 ? -1 : 1;
          if (nb.x < 0 || nb.y < 0 || nb.z < 0 || nb.x >= bx_ || nb.y >= by_ || nb.z >= bz_) continue;
          if (!done_[blockIndex(nb)] && faceCrosses(b, axis, side)) work.push_back(nb);
        }
      }
    }
  }

  TriMesh take() { return std::move(mesh_); }

 private:
  double value(int i, int j, int k) {
    double& v = values_[g_.index(i, j, k)];
    if (std::isnan(v)) {
      v = field_.eval(g_.point(i, j, k));
      if (v == 0.0) v = 1e-12;  // no vertex exactly on the surface: the level set stays regular
    }
    return v;
  }

  void block(int i0, int j0, int k0) {
    for (int k = k0; k < std::min(k0 + kBlock, g_.nz - 1); ++k) {
      for (int j = j0; j < std::min(j0 + kBlock, g_.ny - 1); ++j) {
        for (int i = i0; i < std::min(i0 + kBlock, g_.nx - 1); ++i) cell(i, j, k);
      }
    }
  }

  void cell(int i, int j, int k) {
    std::array<double, 8> v{};
    bool any_in = false, any_out = false;
    for (int c = 0; c < 8; ++c) {
      v[static_cast<std::size_t>(c)] = value(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1));
      (v[static_cast<std::size_t>(c)] < 0.0 ? any_in : any_out) = true;
    }
    if (!any_in || !any_out) return;
    for (const auto& order : kAxisOrders) {
      std::array<int, 4> corner{};
      int bits = 0;
      corner[0] = 0;
      for (int s = 0; s < 3; ++s) {
        bits |= 1 << order[static_cast<std::size_t>(s)];
        corner[static_cast<std::size_t>(s) + 1] = bits;
      }
      tetra(i, j, k, corner, v);
    }
  }

  std::uint32_t edgeVertex(const glm::ivec3& a, const glm::ivec3& b, double va, double vb) {
    const std::uint64_t ia = g_.index(a.x, a.y, a.z), ib = g_.index(b.x, b.y, b.z);
    const std::uint64_t key = ia < ib ? (ia << 32) | ib : (ib << 32) | ia;
    auto [it, inserted] = edges_.try_emplace(key, static_cast<std::uint32_t>(mesh_.positions.size()));
    if (inserted) {
      const double t = va / (va - vb);
      mesh_.positions.push_back(g_.point(a.x, a.y, a.z) +
                                (g_.point(b.x, b.y, b.z) - g_.point(a.x, a.y, a.z)) * t);
    }
    return it->second;
  }

  // Orientation is decided on the midpoints of the grid edges the vertices lie on: exact and
  // never degenerate, while the interpolated vertices may nearly coincide.
  struct EdgeVertex {
    std::uint32_t index;
    glm::dvec3 midpoint;
  };
  void emit(const EdgeVertex& a, const EdgeVertex& b, const EdgeVertex& c, const glm::dvec3& outward) {
    const glm::dvec3 n = glm::cross(b.midpoint - a.midpoint, c.midpoint - a.midpoint);
    if (glm::dot(n, outward) >= 0.0) {
      mesh_.triangles.emplace_back(a.index, b.index, c.index);
    } else {
      mesh_.triangles.emplace_back(a.index, c.index, b.index);
    }
  }

  void tetra(int i, int j, int k, const std::array<int, 4>& corner, const std::array<double, 8>& v) {
    std::array<glm::ivec3, 4> p{};
    std::array<double, 4> val{};
    std::array<int, 4> in{}, out{};
    int n_in = 0, n_out = 0;
    for (std::size_t t = 0; t < 4; ++t) {
      const int c = corner[t];
      p[t] = glm::ivec3(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1));
      val[t] = v[static_cast<std::size_t>(c)];
      if (val[t] < 0.0) {
        in[static_cast<std::size_t>(n_in++)] = static_cast<int>(t);
      } else {
        out[static_cast<std::size_t>(n_out++)] = static_cast<int>(t);
      }
    }
    if (n_in == 0 || n_out == 0) return;
    glm::dvec3 cin(0.0), cout(0.0);
    for (int t = 0; t < n_in; ++t)
      cin += glm::dvec3(p[static_cast<std::size_t>(in[static_cast<std::size_t>(t)])]);
    for (int t = 0; t < n_out; ++t)
      cout += glm::dvec3(p[static_cast<std::size_t>(out[static_cast<std::size_t>(t)])]);
    const glm::dvec3 outward = cout / double(n_out) - cin / double(n_in);
    auto ev = [&](int a, int b) {
      const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
      return EdgeVertex{edgeVertex(p[ua], p[ub], val[ua], val[ub]), 0.5 * glm::dvec3(p[ua] + p[ub])};
    };
    if (n_in == 1 || n_out == 1) {
      const int lone = n_in == 1 ? in[0] : out[0];
      const auto& others = n_in == 1 ? out : in;
      emit(ev(lone, others[0]), ev(lone, others[1]), ev(lone, others[2]), outward);
    } else {
      const EdgeVertex ac = ev(in[0], out[0]), ad = ev(in[0], out[1]), bd = ev(in[1], out[1]),
                       bc = ev(in[1], out[0]);
      emit(ac, ad, bd, outward);
      emit(ac, bd, bc, outward);
    }
  }

  std::size_t blockIndex(const glm::ivec3& b) const {
    return (static_cast<std::size_t>(b.z) * static_cast<std::size_t>(by_) + static_cast<std::size_t>(b.y)) *
               static_cast<std::size_t>(bx_) +
           static_cast<std::size_t>(b.x);
  }

  // does the level set cross the block's face (grid points on it have both signs)?
  bool faceCrosses(const glm::ivec3& b, int axis, int side) {
    const int u = (axis + 1) % 3, v = (axis + 2) % 3;
    glm::ivec3 p;
    p[axis] = std::min(b[axis] * kBlock + (side == 0 ? 0 : kBlock), axis == 0   ? g_.nx - 1
                                                                    : axis == 1 ? g_.ny - 1
                                                                                : g_.nz - 1);
    const int nu = u == 0 ? g_.nx : u == 1 ? g_.ny : g_.nz, nv = v == 0 ? g_.nx : v == 1 ? g_.ny : g_.nz;
    bool in = false, out = false;
    for (int a = b[u] * kBlock; a <= std::min(b[u] * kBlock + kBlock, nu - 1); ++a) {
      for (int c = b[v] * kBlock; c <= std::min(b[v] * kBlock + kBlock, nv - 1); ++c) {
        p[u] = a;
        p[v] = c;
        (value(p.x, p.y, p.z) < 0.0 ? in : out) = true;
      }
    }
    return in && out;
  }

  const sdf::Node& field_;
  Grid g_;
  int bx_ = 0, by_ = 0, bz_ = 0;
  std::vector<bool> done_;
  std::vector<double> values_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
  TriMesh mesh_;
};

}  // namespace

TriMesh polygonise(const sdf::Node& field, const sdf::Box& box, double voxel) {
  Grid g;
  g.voxel = voxel;
  g.lo = box.lo - glm::dvec3(2.0 * voxel);
  const glm::dvec3 size = box.hi - box.lo + glm::dvec3(4.0 * voxel);
  g.nx = static_cast<int>(std::ceil(size.x / voxel)) + 1;
  g.ny = static_cast<int>(std::ceil(size.y / voxel)) + 1;
  g.nz = static_cast<int>(std::ceil(size.z / voxel)) + 1;
  Builder b(field, g);
  b.run();
  TriMesh m = b.take();
  compact(m);
  return m;
}

void compact(TriMesh& mesh) {
  std::vector<std::uint32_t> remap(mesh.positions.size(), std::numeric_limits<std::uint32_t>::max());
  std::vector<glm::dvec3> pos;
  pos.reserve(mesh.positions.size());
  for (glm::uvec3& t : mesh.triangles) {
    for (int c = 0; c < 3; ++c) {
      std::uint32_t& r = remap[t[c]];
      if (r == std::numeric_limits<std::uint32_t>::max()) {
        r = static_cast<std::uint32_t>(pos.size());
        pos.push_back(mesh.positions[t[c]]);
      }
      t[c] = r;
    }
  }
  mesh.positions = std::move(pos);
}

MeshData toMeshData(const TriMesh& mesh, const sdf::Node& field, double h) {
  MeshData out;
  out.positions.reserve(mesh.positions.size());
  out.normals.reserve(mesh.positions.size());
  for (const glm::dvec3& p : mesh.positions) {
    out.positions.emplace_back(glm::vec3(p));
    const glm::dvec3 g(field.eval(p + glm::dvec3(h, 0, 0)) - field.eval(p - glm::dvec3(h, 0, 0)),
                       field.eval(p + glm::dvec3(0, h, 0)) - field.eval(p - glm::dvec3(0, h, 0)),
                       field.eval(p + glm::dvec3(0, 0, h)) - field.eval(p - glm::dvec3(0, 0, h)));
    const double len = glm::length(g);
    out.normals.emplace_back(len > 1e-12 ? glm::vec3(g / len) : glm::vec3(0.0f));
  }
  out.indices.reserve(mesh.triangles.size() * 3);
  for (const glm::uvec3& t : mesh.triangles) {
    out.indices.push_back(t.x);
    out.indices.push_back(t.y);
    out.indices.push_back(t.z);
  }
  // where the gradient vanishes (a crease), fall back to the triangles' normals
  MeshData face = out;
  computeSmoothNormals(face);
  for (std::size_t i = 0; i < out.normals.size(); ++i) {
    if (glm::dot(out.normals[i], out.normals[i]) < 0.5f || glm::dot(out.normals[i], face.normals[i]) < 0.0f) {
      out.normals[i] = face.normals[i];
    }
  }
  return out;
}

}  // namespace sagitta::anatomy
