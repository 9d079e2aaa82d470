// Adaptive isotropic remeshing onto a signed distance field (Botsch & Kobbelt 2004, "A remeshing
// approach to multiresolution modeling"): split long edges, collapse short ones, flip toward
// valence 6, relax tangentially and project every vertex back onto the zero level set. The target
// edge length follows the field's curvature, L = sqrt(6e/k - 3e^2) for a chord error e, so small
// processes get small triangles and flat endplates large ones. Every operation keeps the mesh a
// closed, oriented 2-manifold of the same topology (link condition, no folded triangles).
#include <algorithm>
#include <cmath>
#include <limits>

#include "anatomy/isosurface.h"

namespace sagitta::anatomy {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

inline std::uint32_t nextHe(std::uint32_t h) {
  return h - h % 3 + (h + 1) % 3;
}
inline std::uint32_t prevHe(std::uint32_t h) {
  return h - h % 3 + (h + 2) % 3;
}

class Remesher {
 public:
  Remesher(TriMesh& mesh, const sdf::Node& field, const RemeshOptions& opt) : m_(mesh), f_(field), opt_(opt) {
    pos_ = mesh.positions;
    const std::size_t nf = mesh.triangles.size();
    to_.resize(nf * 3);
    twin_.assign(nf * 3, kNone);
    face_alive_.assign(nf, 1);
    vert_alive_.assign(pos_.size(), 1);
    out_.assign(pos_.size(), kNone);
    // twins: sort the half-edges by their undirected edge, so each edge's two halves sit side
    // by side (one sort, no search per half-edge)
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
    keys.reserve(nf * 3);
    for (std::uint32_t t = 0; t < nf; ++t) {
      for (std::uint32_t c = 0; c < 3; ++c) {
        const std::uint32_t from = mesh.triangles[t][c], to = mesh.triangles[t][(c + 1) % 3];
        to_[3 * t + c] = to;
        out_[from] = 3 * t + c;
        const std::uint32_t lo = std::min(from, to), hi = std::max(from, to);
        keys.emplace_back((std::uint64_t(lo) << 32) | hi, 3 * t + c);
      }
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < keys.size();) {
      std::size_t j = i;
      while (j < keys.size() && keys[j].first == keys[i].first) ++j;
      // each half-edge's twin: the first (lowest numbered) half-edge running the other way
      for (std::size_t a = i; a < j; ++a) {
        const std::uint32_t h = keys[a].second;
        for (std::size_t b = i; b < j; ++b) {
          const std::uint32_t g = keys[b].second;
          if (to_[g] == from(h) && to_[h] == from(g)) {
            twin_[h] = g;
            break;
          }
        }
      }
      i = j;
    }
  }

  void run() {
    for (int it = 0; it < opt_.iterations; ++it) {
      updateSizing();
      splitLong();
      collapseShort();
      equalizeValences();
      if (it > 0) relax();  // the first pass mostly thins out the fine input; relax what is left
    }
    for (std::uint32_t v = 0; v < pos_.size(); ++v) {
      if (vert_alive_[v]) pos_[v] = project(pos_[v]);
    }
    finish();
  }

 private:
  std::uint32_t from(std::uint32_t h) const { return to_[prevHe(h)]; }
  double length(std::uint32_t h) const { return glm::distance(pos_[from(h)], pos_[to_[h]]); }
  double target(std::uint32_t h) const { return 0.5 * (size_[from(h)] + size_[to_[h]]); }

  glm::dvec3 gradient(const glm::dvec3& p, double h) const {
    return {f_.eval(p + glm::dvec3(h, 0, 0)) - f_.eval(p - glm::dvec3(h, 0, 0)),
            f_.eval(p + glm::dvec3(0, h, 0)) - f_.eval(p - glm::dvec3(0, h, 0)),
            f_.eval(p + glm::dvec3(0, 0, h)) - f_.eval(p - glm::dvec3(0, 0, h))};
  }

  glm::dvec3 project(glm::dvec3 p) const {
    const double h = 0.25 * opt_.min_length;
    for (int i = 0; i < 3; ++i) {
      const double d = f_.eval(p);
      if (std::abs(d) < 2e-7) break;  // well under a micrometre
      const glm::dvec3 g = gradient(p, h) / (2.0 * h);
      const double g2 = glm::dot(g, g);
      if (g2 < 1e-12) break;
      glm::dvec3 step = d * g / g2;
      const double len = glm::length(step);
      if (len > opt_.max_length) step *= opt_.max_length / len;
      p -= step;
    }
    return p;
  }

  // target length at each vertex from the field's curvature (|Laplacian of d| ~ the larger
  // principal curvature on the tubes and plates bones are made of)
  void updateSizing() {
    size_.assign(pos_.size(), opt_.max_length);
    const double h = 0.5 * opt_.min_length;
    const double e = opt_.chord_error;
    for (std::uint32_t v = 0; v < pos_.size(); ++v) {
      if (!vert_alive_[v]) continue;
      const glm::dvec3& p = pos_[v];
      const double c = f_.eval(p);
      double lap = 0.0;
      for (int a = 0; a < 3; ++a) {
        glm::dvec3 d(0.0);
        d[a] = h;
        lap += f_.eval(p + d) + f_.eval(p - d) - 2.0 * c;
      }
      const double k = std::abs(lap) / (h * h);
      const double l =
          k * 6.0 * e > 1e-12 ? std::sqrt(std::max(6.0 * e / k - 3.0 * e * e, 0.0)) : opt_.max_length;
      size_[v] = std::clamp(l, opt_.min_length, opt_.max_length);
    }
    // neighbours may not differ too much: smooth the field once toward its ring minimum
    std::vector<double> s = size_;
    for (std::uint32_t v = 0; v < pos_.size(); ++v) {
      if (!vert_alive_[v]) continue;
      double lo = size_[v];
      forRing(v, [&](std::uint32_t he) { lo = std::min(lo, size_[to_[he]]); });
      s[v] = std::min(size_[v], 1.5 * lo);
    }
    size_ = std::move(s);
  }

  template <class F>
  void forRing(std::uint32_t v, F&& fn) const {  // outgoing half-edges of v
    const std::uint32_t start = out_[v];
    std::uint32_t h = start;
    int guard = 0;
    do {
      fn(h);
      h = twin_[prevHe(h)];
    } while (h != start && ++guard < 1000);
  }

  int valence(std::uint32_t v) const {
    int n = 0;
    forRing(v, [&](std::uint32_t) { ++n; });
    return n;
  }

  std::uint32_t newFace() {
    const auto f = static_cast<std::uint32_t>(face_alive_.size());
    face_alive_.push_back(1);
    to_.resize(to_.size() + 3, kNone);
    twin_.resize(twin_.size() + 3, kNone);
    return f;
  }
  void link(std::uint32_t a, std::uint32_t b) {
    twin_[a] = b;
    twin_[b] = a;
  }

  void split(std::uint32_t h) {
    const std::uint32_t t = twin_[h];
    const std::uint32_t a = from(h), b = to_[h], c = to_[nextHe(h)], d = to_[nextHe(t)];
    const std::uint32_t x = twin_[nextHe(h)], y = twin_[nextHe(t)];  // outer twins of b->c and a->d
    const auto m = static_cast<std::uint32_t>(pos_.size());
    pos_.push_back(project(0.5 * (pos_[a] + pos_[b])));
    size_.push_back(0.5 * (size_[a] + size_[b]));
    vert_alive_.push_back(1);
    out_.push_back(kNone);
    const std::uint32_t f2 = newFace(), f3 = newFace();
    // F0: (a, m, c) in h's slots; F2: (m, b, c)
    to_[h] = m;
    to_[nextHe(h)] = c;
    to_[3 * std::size_t{f2}] = b;
    to_[3 * std::size_t{f2} + 1] = c;
    to_[3 * std::size_t{f2} + 2] = m;
    // F1: (b, m, d) in t's slots; F3: (m, a, d)
    to_[t] = m;
    to_[nextHe(t)] = d;
    to_[3 * std::size_t{f3}] = a;
    to_[3 * std::size_t{f3} + 1] = d;
    to_[3 * std::size_t{f3} + 2] = m;
    link(h, 3 * f3);              // a->m / m->a
    link(3 * f2, t);              // m->b / b->m
    link(nextHe(h), 3 * f2 + 2);  // m->c / c->m
    link(nextHe(t), 3 * f3 + 2);  // m->d / d->m
    link(3 * f2 + 1, x);          // b->c
    link(3 * f3 + 1, y);          // a->d
    out_[m] = 3 * f2;
    out_[a] = h;
    out_[b] = t;
    out_[c] = prevHe(h);
    out_[d] = prevHe(t);
  }

  void splitLong() {
    const auto n = static_cast<std::uint32_t>(to_.size());
    for (std::uint32_t h = 0; h < n; ++h) {
      if (!face_alive_[h / 3] || h > twin_[h]) continue;
      if (length(h) > 4.0 / 3.0 * target(h)) split(h);
    }
  }

  glm::dvec3 normalOf(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c) const {
    return glm::cross(b - a, c - a);
  }

  // Can half-edge h (a -> b) collapse, moving b to p? Checks topology and geometry.
  bool canCollapse(std::uint32_t h, const glm::dvec3& p, double new_size) {
    const std::uint32_t t = twin_[h];
    const std::uint32_t a = from(h), b = to_[h], c = to_[nextHe(h)], d = to_[nextHe(t)];
    if (c == d || valence(c) <= 3 || valence(d) <= 3) return false;
    ring_a_.clear();
    ring_b_.clear();
    forRing(a, [&](std::uint32_t e) { ring_a_.push_back(to_[e]); });
    forRing(b, [&](std::uint32_t e) { ring_b_.push_back(to_[e]); });
    std::sort(ring_a_.begin(), ring_a_.end());
    std::sort(ring_b_.begin(), ring_b_.end());
    common_.clear();
    std::set_intersection(ring_a_.begin(), ring_a_.end(), ring_b_.begin(), ring_b_.end(),
                          std::back_inserter(common_));
    if (common_.size() != 2) return false;  // link condition
    if (ring_a_.size() + ring_b_.size() - 4 < 3) return false;
    // faces around a and b (except the two that vanish) must not fold or grow long edges
    for (std::uint32_t v : {a, b}) {
      bool ok = true;
      forRing(v, [&](std::uint32_t e) {
        if (!ok) return;
        const std::uint32_t face = e / 3;
        if (face == h / 3 || face == t / 3) return;
        const std::uint32_t e1 = nextHe(e), e2 = prevHe(e);
        const glm::dvec3 p0 = pos_[v], p1 = pos_[to_[e]], p2 = pos_[to_[e1]];
        (void)e2;
        const glm::dvec3 n0 = normalOf(p0, p1, p2), n1 = normalOf(p, p1, p2);
        const double l0 = glm::length(n0), l1 = glm::length(n1);
        if (l1 < 1e-20 || (l0 > 1e-20 && glm::dot(n0, n1) < 0.2 * l0 * l1)) ok = false;
        // no edge of the merged vertex may become long for its own target length
        if (glm::distance(p, p1) > 4.0 / 3.0 * 0.5 * (new_size + size_[to_[e]])) ok = false;
      });
      if (!ok) return false;
    }
    return true;
  }

  // collapse h (a -> b): a disappears, b moves to p
  void collapse(std::uint32_t h, const glm::dvec3& p) {
    const std::uint32_t t = twin_[h];
    const std::uint32_t a = from(h), b = to_[h], c = to_[nextHe(h)], d = to_[nextHe(t)];
    const std::uint32_t x = twin_[nextHe(h)];  // c -> b
    const std::uint32_t z = twin_[prevHe(h)];  // a -> c
    const std::uint32_t y = twin_[nextHe(t)];  // d -> a
    const std::uint32_t w = twin_[prevHe(t)];  // b -> d
    // every half-edge arriving at a now arrives at b
    forRing(a, [&](std::uint32_t e) { to_[prevHe(e)] = b; });
    link(x, z);
    link(y, w);
    face_alive_[h / 3] = 0;
    face_alive_[t / 3] = 0;
    vert_alive_[a] = 0;
    pos_[b] = p;
    out_[b] = z;
    out_[c] = x;
    out_[d] = y;
  }

  void collapseShort() {
    const auto n = static_cast<std::uint32_t>(to_.size());
    for (std::uint32_t h = 0; h < n; ++h) {
      if (!face_alive_[h / 3] || h > twin_[h]) continue;
      const double l = target(h);
      if (length(h) >= 0.8 * l) continue;
      const std::uint32_t a = from(h), b = to_[h];
      const glm::dvec3 mid = 0.5 * (pos_[a] + pos_[b]);
      const double merged = std::min(size_[a], size_[b]);
      if (canCollapse(h, mid, merged)) {
        collapse(h, mid);
        size_[b] = merged;
      }
    }
  }

  void equalizeValences() {
    const auto n = static_cast<std::uint32_t>(to_.size());
    for (std::uint32_t h = 0; h < n; ++h) {
      if (!face_alive_[h / 3] || h > twin_[h]) continue;
      const std::uint32_t t = twin_[h];
      const std::uint32_t a = from(h), b = to_[h], c = to_[nextHe(h)], d = to_[nextHe(t)];
      if (c == d) continue;
      const int va = valence(a), vb = valence(b), vc = valence(c), vd = valence(d);
      if (va <= 3 || vb <= 3) continue;
      const int before = std::abs(va - 6) + std::abs(vb - 6) + std::abs(vc - 6) + std::abs(vd - 6);
      const int after = std::abs(va - 7) + std::abs(vb - 7) + std::abs(vc - 5) + std::abs(vd - 5);
      if (after >= before) continue;
      // the new edge c-d must not exist yet
      bool exists = false;
      forRing(c, [&](std::uint32_t e) { exists = exists || to_[e] == d; });
      if (exists) continue;
      // both new triangles keep the orientation of the old pair and do not get much thinner
      const glm::dvec3 pa = pos_[a], pb = pos_[b], pc = pos_[c], pd = pos_[d];
      const glm::dvec3 n_old = normalOf(pa, pb, pc) + normalOf(pb, pa, pd);
      const glm::dvec3 n1 = normalOf(pa, pd, pc), n2 = normalOf(pd, pb, pc);
      const double lo = glm::length(n_old);
      if (glm::dot(n1, n_old) < 0.3 * glm::length(n1) * lo ||
          glm::dot(n2, n_old) < 0.3 * glm::length(n2) * lo)
        continue;
      flip(h);
    }
  }

  void flip(std::uint32_t h) {
    const std::uint32_t t = twin_[h];
    const std::uint32_t f0 = h / 3, f1 = t / 3;
    const std::uint32_t a = from(h), b = to_[h], c = to_[nextHe(h)], d = to_[nextHe(t)];
    const std::uint32_t x = twin_[nextHe(h)];  // of b -> c
    const std::uint32_t z = twin_[prevHe(h)];  // of c -> a
    const std::uint32_t y = twin_[nextHe(t)];  // of a -> d
    const std::uint32_t w = twin_[prevHe(t)];  // of d -> b
    // F0 = (a, d, c), F1 = (d, b, c)
    const std::uint32_t h0 = 3 * f0, h1 = 3 * f1;
    to_[h0] = d;
    to_[h0 + 1] = c;
    to_[h0 + 2] = a;
    to_[h1] = b;
    to_[h1 + 1] = c;
    to_[h1 + 2] = d;
    link(h0, y);
    link(h0 + 1, h1 + 2);
    link(h0 + 2, z);
    link(h1, w);
    link(h1 + 1, x);
    out_[a] = h0;
    out_[d] = h1;
    out_[b] = h1 + 1;
    out_[c] = h0 + 2;
  }

  void relax() {
    std::vector<glm::dvec3> moved = pos_;
    const double g = 0.25 * opt_.min_length;
    for (std::uint32_t v = 0; v < pos_.size(); ++v) {
      if (!vert_alive_[v]) continue;
      glm::dvec3 sum(0.0);
      double wsum = 0.0;
      forRing(v, [&](std::uint32_t e) {
        // weight neighbours by the area of the face after the edge (area-weighted centroid)
        const glm::dvec3& q = pos_[to_[e]];
        const double wgt = glm::length(normalOf(pos_[v], q, pos_[to_[nextHe(e)]])) + 1e-30;
        sum += wgt * q;
        wsum += wgt;
      });
      const glm::dvec3 c = sum / wsum;
      glm::dvec3 n = gradient(pos_[v], g);
      const double nl = glm::length(n);
      if (nl < 1e-12) continue;
      n /= nl;
      const glm::dvec3 delta = c - pos_[v];
      moved[v] = project(pos_[v] + delta - n * glm::dot(delta, n));
    }
    pos_ = std::move(moved);
  }

  void finish() {
    m_.positions = pos_;
    m_.triangles.clear();
    for (std::uint32_t f = 0; f < face_alive_.size(); ++f) {
      if (face_alive_[f])
        m_.triangles.emplace_back(to_[3 * std::size_t{f} + 2], to_[3 * std::size_t{f}],
                                  to_[3 * std::size_t{f} + 1]);
    }
    compact(m_);
  }

  TriMesh& m_;
  const sdf::Node& f_;
  RemeshOptions opt_;
  std::vector<glm::dvec3> pos_;
  std::vector<double> size_;
  std::vector<std::uint32_t> to_, twin_, out_;
  std::vector<char> face_alive_, vert_alive_;
  std::vector<std::uint32_t> ring_a_, ring_b_, common_;
};

}  // namespace

void remesh(TriMesh& mesh, const sdf::Node& field, const RemeshOptions& options) {
  Remesher r(mesh, field, options);
  r.run();
}

}  // namespace sagitta::anatomy
