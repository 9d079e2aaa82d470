#include "bone_compare.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "anatomy/mesh.h"
#include "core/image.h"

namespace sagitta::bonecheck {
namespace {

// a small deterministic generator (the same samples on every machine)
struct SplitMix {
  std::uint64_t s;
  double next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * (1.0 / 9007199254740992.0);
  }
};

// eigen-decomposition of a symmetric n x n matrix (n <= 4) by Jacobi rotations: eigenvalues in
// `w`, eigenvectors in the columns of `v`, sorted by decreasing eigenvalue
template <int N>
void jacobi(std::array<std::array<double, N>, N> a, std::array<double, N>& w,
            std::array<std::array<double, N>, N>& v) {
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) v[i][j] = i == j ? 1.0 : 0.0;
  for (int sweep = 0; sweep < 60; ++sweep) {
    double off = 0.0;
    for (int p = 0; p < N; ++p)
      for (int q = p + 1; q < N; ++q) off += a[p][q] * a[p][q];
    if (off < 1e-30) break;
    for (int p = 0; p < N; ++p) {
      for (int q = p + 1; q < N; ++q) {
        if (std::abs(a[p][q]) < 1e-300) continue;
        const double theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
        const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
        for (int k = 0; k < N; ++k) {
          const double akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < N; ++k) {
          const double apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < N; ++k) {
          const double vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  std::array<int, N> order;
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int x, int y) { return a[x][x] > a[y][y]; });
  const auto vv = v;
  for (int i = 0; i < N; ++i) {
    w[i] = a[order[i]][order[i]];
    for (int k = 0; k < N; ++k) v[k][i] = vv[k][order[i]];
  }
}

glm::dvec3 centroidOf(const std::vector<glm::dvec3>& pts) {
  glm::dvec3 c(0.0);
  for (const glm::dvec3& p : pts) c += p;
  return c / double(std::max<std::size_t>(1, pts.size()));
}

// principal axes (columns, decreasing variance, right-handed) and variances
glm::dmat3 principalAxes(const std::vector<glm::dvec3>& pts, glm::dvec3* variances = nullptr) {
  const glm::dvec3 c = centroidOf(pts);
  std::array<std::array<double, 3>, 3> cov{};
  for (const glm::dvec3& p : pts) {
    const glm::dvec3 d = p - c;
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) cov[i][j] += d[i] * d[j];
  }
  for (auto& row : cov)
    for (double& x : row) x /= double(pts.size());
  std::array<double, 3> w{};
  std::array<std::array<double, 3>, 3> v{};
  jacobi<3>(cov, w, v);
  glm::dmat3 m;
  for (int i = 0; i < 3; ++i) m[i] = glm::dvec3(v[0][i], v[1][i], v[2][i]);
  if (glm::determinant(m) < 0.0) m[2] = -m[2];
  if (variances) *variances = glm::dvec3(w[0], w[1], w[2]);
  return m;
}

// nearest neighbours among points (k-d tree)
class PointTree {
 public:
  explicit PointTree(const std::vector<glm::dvec3>& pts) : pts_(pts), idx_(pts.size()) {
    std::iota(idx_.begin(), idx_.end(), 0u);
    build(0, idx_.size(), 0);
  }
  // index of the nearest point
  std::size_t nearest(const glm::dvec3& q) const {
    std::size_t best = 0;
    double bd = std::numeric_limits<double>::max();
    search(0, idx_.size(), 0, q, best, bd);
    return best;
  }
  const glm::dvec3& at(std::size_t i) const { return pts_[i]; }

 private:
  std::vector<glm::dvec3> pts_;
  std::vector<std::uint32_t> idx_;
  void build(std::size_t lo, std::size_t hi, int axis) {
    if (hi - lo <= 1) return;
    const std::size_t mid = (lo + hi) / 2;
    std::nth_element(idx_.begin() + long(lo), idx_.begin() + long(mid), idx_.begin() + long(hi),
                     [&](std::uint32_t a, std::uint32_t b) { return pts_[a][axis] < pts_[b][axis]; });
    build(lo, mid, (axis + 1) % 3);
    build(mid + 1, hi, (axis + 1) % 3);
  }
  void search(std::size_t lo, std::size_t hi, int axis, const glm::dvec3& q, std::size_t& best,
              double& bd) const {
    if (lo >= hi) return;
    const std::size_t mid = (lo + hi) / 2;
    const glm::dvec3& p = pts_[idx_[mid]];
    const glm::dvec3 d = p - q;
    const double dd = glm::dot(d, d);
    if (dd < bd) bd = dd, best = idx_[mid];
    const double diff = q[axis] - p[axis];
    const int na = (axis + 1) % 3;
    if (diff < 0) {
      search(lo, mid, na, q, best, bd);
      if (diff * diff < bd) search(mid + 1, hi, na, q, best, bd);
    } else {
      search(mid + 1, hi, na, q, best, bd);
      if (diff * diff < bd) search(lo, mid, na, q, best, bd);
    }
  }
};

double boxDistance2(const glm::dvec3& p, const glm::dvec3& lo, const glm::dvec3& hi) {
  const glm::dvec3 d = glm::max(glm::max(lo - p, p - hi), glm::dvec3(0.0));
  return glm::dot(d, d);
}

// best rigid motion (rotation, no reflection) taking src onto dst: Horn's quaternion method
Rigid fitRigid(const std::vector<glm::dvec3>& src, const std::vector<glm::dvec3>& dst) {
  const glm::dvec3 cs = centroidOf(src), cd = centroidOf(dst);
  double s[3][3] = {};
  for (std::size_t i = 0; i < src.size(); ++i) {
    const glm::dvec3 a = src[i] - cs, b = dst[i] - cd;
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) s[r][c] += a[r] * b[c];
  }
  const double sxx = s[0][0], sxy = s[0][1], sxz = s[0][2], syx = s[1][0], syy = s[1][1], syz = s[1][2],
               szx = s[2][0], szy = s[2][1], szz = s[2][2];
  std::array<std::array<double, 4>, 4> n = {{{sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
                                             {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
                                             {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
                                             {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}}};
  std::array<double, 4> w{};
  std::array<std::array<double, 4>, 4> v{};
  jacobi<4>(n, w, v);
  const double q0 = v[0][0], qx = v[1][0], qy = v[2][0], qz = v[3][0];
  glm::dmat3 r;  // column-major: r[col][row]
  r[0] = {q0 * q0 + qx * qx - qy * qy - qz * qz, 2 * (qy * qx + q0 * qz), 2 * (qz * qx - q0 * qy)};
  r[1] = {2 * (qx * qy - q0 * qz), q0 * q0 - qx * qx + qy * qy - qz * qz, 2 * (qz * qy + q0 * qx)};
  r[2] = {2 * (qx * qz + q0 * qy), 2 * (qy * qz - q0 * qx), q0 * q0 - qx * qx - qy * qy + qz * qz};
  return Rigid{r, cd - r * cs};
}

Surface transformed(const Surface& s, const glm::dmat3& r, const glm::dvec3& t) {
  Surface out = s;
  for (glm::dvec3& p : out.v) p = r * p + t;
  if (glm::determinant(r) < 0.0)
    for (auto& f : out.f) std::swap(f[1], f[2]);
  return out;
}

// ICP from a start; returns the fit and its score (mean pooled point distance)
std::pair<Rigid, double> icp(const std::vector<glm::dvec3>& ref, const PointTree& ref_tree,
                             const std::vector<glm::dvec3>& gen, const PointTree& gen_tree, Rigid x,
                             std::size_t npts, int iterations) {
  const std::size_t sr = std::max<std::size_t>(1, ref.size() / npts),
                    sg = std::max<std::size_t>(1, gen.size() / npts);
  double score = 0.0;
  std::vector<glm::dvec3> src, dst;
  for (int it = 0; it <= iterations; ++it) {
    src.clear();
    dst.clear();
    score = 0.0;
    for (std::size_t i = 0; i < ref.size(); i += sr) {
      const glm::dvec3 p = x.apply(ref[i]);
      const glm::dvec3& g = gen_tree.at(gen_tree.nearest(p));
      src.push_back(ref[i]);
      dst.push_back(g);
      score += glm::distance(p, g);
    }
    const glm::dmat3 rinv = glm::transpose(x.r);
    for (std::size_t i = 0; i < gen.size(); i += sg) {
      const glm::dvec3 q = rinv * (gen[i] - x.t);
      const glm::dvec3& r = ref_tree.at(ref_tree.nearest(q));
      src.push_back(r);
      dst.push_back(gen[i]);
      score += glm::distance(q, r);
    }
    score /= double(src.size());
    if (it == iterations) break;
    x = fitRigid(src, dst);
  }
  return {x, score};
}

}  // namespace

Surface readObj(const std::filesystem::path& path, double to_mm) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  Surface s;
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() < 2) continue;
    std::istringstream ls(line);
    std::string tag;
    ls >> tag;
    if (tag == "v") {
      glm::dvec3 p;
      ls >> p.x >> p.y >> p.z;
      s.v.push_back(p * to_mm);
    } else if (tag == "f") {
      std::vector<std::uint32_t> poly;
      std::string tok;
      while (ls >> tok) {
        const long i = std::stol(tok.substr(0, tok.find('/')));
        poly.push_back(static_cast<std::uint32_t>(i > 0 ? i - 1 : long(s.v.size()) + i));
      }
      for (std::size_t k = 2; k < poly.size(); ++k) s.f.push_back({poly[0], poly[k - 1], poly[k]});
    }
  }
  if (s.f.empty()) throw std::runtime_error(path.string() + " holds no triangles");
  for (const auto& f : s.f)
    for (std::uint32_t i : f)
      if (i >= s.v.size()) throw std::runtime_error(path.string() + ": a face names a missing vertex");
  return s;
}

Surface cutByPlane(const Surface& s, const glm::dvec3& point, const glm::dvec3& normal) {
  Surface out;
  out.v = s.v;
  for (const auto& f : s.f) {
    const glm::dvec3 c = (s.v[f[0]] + s.v[f[1]] + s.v[f[2]]) / 3.0;
    if (glm::dot(c - point, normal) > 0.0) out.f.push_back(f);
  }
  return out;
}

std::vector<glm::dvec3> sampleSurface(const Surface& s, std::size_t count, std::uint64_t seed) {
  std::vector<double> cum;
  cum.reserve(s.f.size());
  double total = 0.0;
  for (const auto& f : s.f) {
    total += 0.5 * glm::length(glm::cross(s.v[f[1]] - s.v[f[0]], s.v[f[2]] - s.v[f[0]]));
    cum.push_back(total);
  }
  SplitMix rng{seed};
  std::vector<glm::dvec3> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double a = rng.next() * total;
    const std::size_t t = std::min<std::size_t>(
        s.f.size() - 1, static_cast<std::size_t>(std::lower_bound(cum.begin(), cum.end(), a) - cum.begin()));
    double u = rng.next(), v = rng.next();
    if (u + v > 1.0) u = 1.0 - u, v = 1.0 - v;
    const auto& f = s.f[t];
    out.push_back(s.v[f[0]] + u * (s.v[f[1]] - s.v[f[0]]) + v * (s.v[f[2]] - s.v[f[0]]));
  }
  return out;
}

double centroidSize(const std::vector<glm::dvec3>& pts) {
  const glm::dvec3 c = centroidOf(pts);
  double sum = 0.0;
  for (const glm::dvec3& p : pts) sum += glm::dot(p - c, p - c);
  return std::sqrt(sum / double(std::max<std::size_t>(1, pts.size())));
}

TriangleTree::TriangleTree(const Surface& s) {
  tris_.reserve(s.f.size());
  for (const auto& f : s.f) tris_.push_back({s.v[f[0]], s.v[f[1]], s.v[f[2]]});
  nodes_.reserve(2 * tris_.size() + 1);
  if (!tris_.empty()) build(0, static_cast<std::uint32_t>(tris_.size()));
}

std::uint32_t TriangleTree::build(std::uint32_t first, std::uint32_t count) {
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({});
  glm::dvec3 lo(std::numeric_limits<double>::max()), hi(-std::numeric_limits<double>::max());
  for (std::uint32_t i = first; i < first + count; ++i)
    for (const glm::dvec3& p : tris_[i]) lo = glm::min(lo, p), hi = glm::max(hi, p);
  nodes_[id].lo = lo;
  nodes_[id].hi = hi;
  if (count <= 4) {
    nodes_[id].first = first;
    nodes_[id].count = count;
    return id;
  }
  const glm::dvec3 ext = hi - lo;
  const int axis = ext.x > ext.y ? (ext.x > ext.z ? 0 : 2) : (ext.y > ext.z ? 1 : 2);
  const std::uint32_t mid = first + count / 2;
  std::nth_element(tris_.begin() + first, tris_.begin() + mid, tris_.begin() + first + count,
                   [axis](const auto& a, const auto& b) {
                     return a[0][axis] + a[1][axis] + a[2][axis] < b[0][axis] + b[1][axis] + b[2][axis];
                   });
  build(first, mid - first);
  const std::uint32_t right = build(mid, first + count - mid);
  nodes_[id].left = id + 1;
  nodes_[id].first = right;  // inner node: `first` holds the right child
  return id;
}

double TriangleTree::distance(const glm::dvec3& p) const {
  double best = std::numeric_limits<double>::max();
  std::vector<std::uint32_t> stack = {0};
  while (!stack.empty()) {
    const Node& n = nodes_[stack.back()];
    stack.pop_back();
    if (boxDistance2(p, n.lo, n.hi) >= best) continue;
    if (n.count > 0) {
      for (std::uint32_t i = n.first; i < n.first + n.count; ++i) {
        const glm::dvec3 d = p - anatomy::closestPointOnTriangle(p, tris_[i][0], tris_[i][1], tris_[i][2]);
        best = std::min(best, glm::dot(d, d));
      }
      continue;
    }
    const double dl = boxDistance2(p, nodes_[n.left].lo, nodes_[n.left].hi);
    const double dr = boxDistance2(p, nodes_[n.first].lo, nodes_[n.first].hi);
    if (dl < dr) {
      stack.push_back(n.first);
      stack.push_back(n.left);
    } else {
      stack.push_back(n.left);
      stack.push_back(n.first);
    }
  }
  return std::sqrt(best);
}

Comparison compare(const Surface& generated, const Surface& reference, const CompareOptions& opt) {
  const std::vector<glm::dvec3> gen = sampleSurface(generated, opt.samples, 11);
  std::vector<glm::dvec3> ref = sampleSurface(reference, opt.samples, 23);
  Comparison best;
  best.size_ratio = centroidSize(gen) / centroidSize(ref);
  best.scale = best.size_ratio;
  {
    glm::dvec3 vg, vr;
    principalAxes(gen, &vg);
    principalAxes(ref, &vr);
    best.axis_ratio = glm::sqrt(vg / vr);
  }
  for (glm::dvec3& p : ref) p *= best.scale;
  const PointTree gen_tree(gen);
  const glm::dvec3 cg = centroidOf(gen);
  const glm::dmat3 eg = principalAxes(gen);

  // starts: the principal axes of the reference (or its mirror image) onto those of the
  // generated bone, by each of the 24 proper signed permutations; a short coarse ICP from each,
  // then the best few refined with more points
  struct Start {
    double score;
    bool mirror;
    Rigid x;  // from the (mirrored) reference
  };
  std::vector<Start> starts;
  const glm::dmat3 flip(glm::dvec3(-1, 0, 0), glm::dvec3(0, 1, 0), glm::dvec3(0, 0, 1));
  std::array<std::vector<glm::dvec3>, 2> refm = {ref, ref};
  for (glm::dvec3& p : refm[1]) p = flip * p;
  std::array<PointTree, 2> ref_tree = {PointTree(refm[0]), PointTree(refm[1])};
  for (const bool mirror : {false, true}) {
    if (mirror && !opt.allow_mirror) continue;
    const std::vector<glm::dvec3>& r = refm[mirror ? 1 : 0];
    const glm::dmat3 erm = principalAxes(r);
    const glm::dvec3 crm = centroidOf(r);
    std::array<int, 3> perm = {0, 1, 2};
    do {
      for (int signs = 0; signs < 8; ++signs) {
        glm::dmat3 p(0.0);
        for (int i = 0; i < 3; ++i) p[i][perm[i]] = (signs >> i) & 1 ? -1.0 : 1.0;
        const glm::dmat3 r0 = eg * p * glm::transpose(erm);
        if (glm::determinant(r0) < 0.0) continue;
        auto [x, score] = icp(r, ref_tree[mirror ? 1 : 0], gen, gen_tree, Rigid{r0, cg - r0 * crm},
                              opt.icp_points / 3, opt.icp_iterations / 2);
        starts.push_back({score, mirror, x});
      }
    } while (std::next_permutation(perm.begin(), perm.end()));
  }
  std::sort(starts.begin(), starts.end(), [](const Start& a, const Start& b) { return a.score < b.score; });
  double best_score = std::numeric_limits<double>::max();
  for (std::size_t i = 0; i < std::min<std::size_t>(3, starts.size()); ++i) {
    const int k = starts[i].mirror ? 1 : 0;
    auto [x, score] =
        icp(refm[k], ref_tree[k], gen, gen_tree, starts[i].x, opt.icp_points, opt.icp_iterations);
    if (score < best_score) {
      best_score = score;
      best.mirrored = starts[i].mirror;
      best.reference_to_generated = Rigid{starts[i].mirror ? x.r * flip : x.r, x.t};
    }
  }

  // the metric: each sample to the other surface's triangles, both ways, pooled
  const Surface ref_aligned =
      transformed(reference, best.reference_to_generated.r * best.scale, best.reference_to_generated.t);
  const TriangleTree ref_tris(ref_aligned), gen_tris(generated);
  std::vector<double> d;
  d.reserve(2 * gen.size());
  for (const glm::dvec3& p : gen) d.push_back(ref_tris.distance(p));
  for (const glm::dvec3& p : ref) d.push_back(gen_tris.distance(best.reference_to_generated.apply(p)));
  best.mean_mm = std::accumulate(d.begin(), d.end(), 0.0) / double(d.size());
  const std::size_t k = static_cast<std::size_t>(0.95 * double(d.size() - 1));
  std::nth_element(d.begin(), d.begin() + long(k), d.end());
  best.p95_mm = d[k];
  return best;
}

std::vector<double> vertexDistances(const Surface& generated, const Surface& reference, const Comparison& c) {
  const TriangleTree tree(
      transformed(reference, c.reference_to_generated.r * c.scale, c.reference_to_generated.t));
  std::vector<double> out;
  out.reserve(generated.v.size());
  for (const glm::dvec3& p : generated.v) out.push_back(tree.distance(p));
  return out;
}

std::vector<glm::dvec3> alignedReferenceSamples(const Surface& reference, const Comparison& c,
                                                std::size_t count) {
  std::vector<glm::dvec3> pts = sampleSurface(reference, count, 29);
  for (glm::dvec3& p : pts) p = c.reference_to_generated.apply(p * c.scale);
  return pts;
}

Surface transformedForRegions(const Surface& reference, const Comparison& c) {
  return transformed(reference, c.reference_to_generated.r * c.scale, c.reference_to_generated.t);
}

Surface momentEllipsoid(const Surface& s) {
  const std::vector<glm::dvec3> pts = sampleSurface(s, 20000, 5);
  glm::dvec3 var;
  const glm::dmat3 axes = principalAxes(pts, &var);
  const glm::dvec3 c = centroidOf(pts);
  // a unit sphere (latitude-longitude), scaled until its surface moments match
  Surface unit;
  const int nu = 48, nv = 24;
  unit.v.push_back({0, 0, 1});
  for (int j = 1; j < nv; ++j)
    for (int i = 0; i < nu; ++i) {
      const double th = M_PI * j / nv, ph = 2 * M_PI * i / nu;
      unit.v.push_back({std::sin(th) * std::cos(ph), std::sin(th) * std::sin(ph), std::cos(th)});
    }
  unit.v.push_back({0, 0, -1});
  const auto ring = [&](int j, int i) { return static_cast<std::uint32_t>(1 + (j - 1) * nu + (i % nu)); };
  for (int i = 0; i < nu; ++i) unit.f.push_back({0, ring(1, i), ring(1, i + 1)});
  for (int j = 1; j + 1 < nv; ++j)
    for (int i = 0; i < nu; ++i) {
      unit.f.push_back({ring(j, i), ring(j + 1, i), ring(j + 1, i + 1)});
      unit.f.push_back({ring(j, i), ring(j + 1, i + 1), ring(j, i + 1)});
    }
  const auto last = static_cast<std::uint32_t>(unit.v.size() - 1);
  for (int i = 0; i < nu; ++i) unit.f.push_back({last, ring(nv - 1, i + 1), ring(nv - 1, i)});
  glm::dvec3 a = glm::sqrt(3.0 * var);
  Surface e;
  for (int iter = 0; iter < 6; ++iter) {
    e = unit;
    for (glm::dvec3& p : e.v) p = c + axes * (a * p);
    glm::dvec3 ve;
    principalAxes(sampleSurface(e, 20000, 7), &ve);
    a *= glm::sqrt(var / ve);
  }
  return e;
}

bool writeDistancePng(const std::filesystem::path& path, const Surface& s, const std::vector<double>& dist,
                      double max_mm, int view_px, bool bone_frame, double extent_mm) {
  const glm::dmat3 axes = principalAxes(s.v);
  const glm::dvec3 c = centroidOf(s.v);
  // three views, each as rows (screen right, screen up, toward the viewer): looking along the
  // smallest, middle and largest principal axis; or, in the bone's own frame (x anterior,
  // y superior, z lateral), lateral, medial and anterior views
  std::array<glm::dmat3, 3> views;
  if (bone_frame) {
    views = {glm::transpose(glm::dmat3(glm::dvec3(1, 0, 0), glm::dvec3(0, 1, 0), glm::dvec3(0, 0, 1))),
             glm::transpose(glm::dmat3(glm::dvec3(-1, 0, 0), glm::dvec3(0, 1, 0), glm::dvec3(0, 0, -1))),
             glm::transpose(glm::dmat3(glm::dvec3(0, 0, 1), glm::dvec3(0, 1, 0), glm::dvec3(1, 0, 0)))};
  } else {
    const std::array<std::array<int, 3>, 3> idx = {{{0, 1, 2}, {0, 2, 1}, {1, 2, 0}}};
    for (std::size_t i = 0; i < 3; ++i)
      views[i] = glm::transpose(glm::dmat3(axes[idx[i][0]], axes[idx[i][1]], axes[idx[i][2]]));
  }
  double extent = 0.0;
  for (const glm::dvec3& p : s.v) extent = std::max(extent, glm::length(p - c));
  if (extent_mm > 0.0) extent = extent_mm;
  const int w = 3 * view_px, bar = 28, h = view_px + bar;
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(std::size_t(w) * h * 4, 255);
  auto colour = [&](double d) {
    const double t = std::clamp(d / max_mm, 0.0, 1.0);
    // blue - cyan - green - yellow - red
    const glm::dvec3 stops[5] = {
        {0.15, 0.25, 0.85}, {0.1, 0.75, 0.9}, {0.2, 0.8, 0.25}, {0.95, 0.85, 0.1}, {0.85, 0.1, 0.1}};
    const double x = t * 4.0;
    const int i = std::min(3, static_cast<int>(x));
    return glm::mix(stops[i], stops[i + 1], x - i);
  };
  for (std::size_t vi = 0; vi < views.size(); ++vi) {
    const glm::dmat3& m = views[vi];
    std::vector<double> zbuf(std::size_t(view_px) * view_px, -std::numeric_limits<double>::max());
    const double scale = 0.47 * view_px / extent;
    std::vector<glm::dvec3> sp(s.v.size());
    for (std::size_t i = 0; i < s.v.size(); ++i) {
      const glm::dvec3 q = m * (s.v[i] - c);
      sp[i] = {0.5 * view_px + q[0] * scale, 0.5 * view_px - q[1] * scale, q[2]};
    }
    for (const auto& f : s.f) {
      const glm::dvec3 a = sp[f[0]], b = sp[f[1]], cc = sp[f[2]];
      const glm::dvec3 n3 = glm::cross(s.v[f[1]] - s.v[f[0]], s.v[f[2]] - s.v[f[0]]);
      const glm::dvec3 view_dir = glm::transpose(m)[2];
      const double shade = 0.35 + 0.65 * std::abs(glm::dot(glm::normalize(n3), view_dir));
      const double area = (b.x - a.x) * (cc.y - a.y) - (b.y - a.y) * (cc.x - a.x);
      if (std::abs(area) < 1e-12) continue;
      const int x0 = std::max(0, int(std::floor(std::min({a.x, b.x, cc.x}))));
      const int x1 = std::min(view_px - 1, int(std::ceil(std::max({a.x, b.x, cc.x}))));
      const int y0 = std::max(0, int(std::floor(std::min({a.y, b.y, cc.y}))));
      const int y1 = std::min(view_px - 1, int(std::ceil(std::max({a.y, b.y, cc.y}))));
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
          const double px = x + 0.5, py = y + 0.5;
          const double w0 = ((b.x - px) * (cc.y - py) - (b.y - py) * (cc.x - px)) / area;
          const double w1 = ((cc.x - px) * (a.y - py) - (cc.y - py) * (a.x - px)) / area;
          const double w2 = 1.0 - w0 - w1;
          if (w0 < 0 || w1 < 0 || w2 < 0) continue;
          const double z = w0 * a.z + w1 * b.z + w2 * cc.z;
          double& zb = zbuf[std::size_t(y) * view_px + x];
          if (z <= zb) continue;
          zb = z;
          const double d = w0 * dist[f[0]] + w1 * dist[f[1]] + w2 * dist[f[2]];
          const glm::dvec3 col = colour(d) * shade;
          std::uint8_t* px8 = &img.rgba[(std::size_t(y) * w + std::size_t(vi) * view_px + x) * 4];
          for (int k = 0; k < 3; ++k)
            px8[k] = static_cast<std::uint8_t>(std::clamp(col[k] * 255.0, 0.0, 255.0));
        }
    }
  }
  // colour bar: 0 .. max_mm left to right, ticks every millimetre
  for (int x = 0; x < w; ++x) {
    const double d = max_mm * x / (w - 1);
    const glm::dvec3 col = colour(d);
    const bool tick = std::abs(d - std::round(d)) * (w - 1) / max_mm < 0.5;
    for (int y = view_px + 4; y < h; ++y) {
      std::uint8_t* px8 = &img.rgba[(std::size_t(y) * w + x) * 4];
      for (int k = 0; k < 3; ++k)
        px8[k] = tick && y > h - 10 ? 0 : static_cast<std::uint8_t>(std::clamp(col[k] * 255.0, 0.0, 255.0));
    }
  }
  try {
    writePng(path, img);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

}  // namespace sagitta::bonecheck
