#include "anatomy/sdf.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace sagitta::anatomy::sdf {
namespace {

double dot2(const glm::dvec3& v) {
  return glm::dot(v, v);
}

// rounded intersection of two distances: the corner becomes a quarter circle of radius r
double roundedMax(double a, double b, double r) {
  const glm::dvec2 q(std::max(a + r, 0.0), std::max(b + r, 0.0));
  return glm::length(q) + std::min(std::max(a + r, b + r), 0.0) - r;
}

class Sphere final : public Node {
 public:
  Sphere(const glm::dvec3& c, double r) : c_(c), r_(r) {
    bounds_ = Box{c - glm::dvec3(r), c + glm::dvec3(r)};
  }
  double eval(const glm::dvec3& p) const override { return glm::length(p - c_) - r_; }

 private:
  glm::dvec3 c_;
  double r_;
};

// Inigo Quilez's exact round cone (capsule with unequal radii)
class RoundCone final : public Node {
 public:
  RoundCone(const glm::dvec3& a, const glm::dvec3& b, double ra, double rb) : a_(a), b_(b), ra_(ra), rb_(rb) {
    const glm::dvec3 ba = b - a;
    l2_ = glm::dot(ba, ba);
    rr_ = ra - rb;
    a2_ = l2_ - rr_ * rr_;
    degenerate_ = a2_ <= 1e-16;  // one cap swallows the other
    bounds_ = Box{glm::min(a - glm::dvec3(ra), b - glm::dvec3(rb)),
                  glm::max(a + glm::dvec3(ra), b + glm::dvec3(rb))};
  }
  double eval(const glm::dvec3& p) const override {
    if (degenerate_) return ra_ >= rb_ ? glm::length(p - a_) - ra_ : glm::length(p - b_) - rb_;
    const glm::dvec3 ba = b_ - a_;
    const double il2 = 1.0 / l2_;
    const glm::dvec3 pa = p - a_;
    const double y = glm::dot(pa, ba);
    const double z = y - l2_;
    const double x2 = dot2(pa * l2_ - ba * y);
    const double y2 = y * y * l2_;
    const double z2 = z * z * l2_;
    const double k = (rr_ > 0.0 ? 1.0 : (rr_ < 0.0 ? -1.0 : 0.0)) * rr_ * rr_ * x2;
    const double sz = z > 0.0 ? 1.0 : (z < 0.0 ? -1.0 : 0.0);
    const double sy = y > 0.0 ? 1.0 : (y < 0.0 ? -1.0 : 0.0);
    if (sz * a2_ * z2 > k) return std::sqrt(x2 + z2) * il2 - rb_;
    if (sy * a2_ * y2 < k) return std::sqrt(x2 + y2) * il2 - ra_;
    return (std::sqrt(x2 * a2_ * il2) + y * rr_) * il2 - ra_;
  }

 private:
  glm::dvec3 a_, b_;
  double ra_, rb_, l2_ = 0.0, rr_ = 0.0, a2_ = 0.0;
  bool degenerate_ = false;
};

// A child evaluated in a frame squashed along one axis; the result is scaled back by the
// squash so it stays a (conservative) distance bound.
class Squashed final : public Node {
 public:
  Squashed(NodePtr child, const glm::dvec3& centre, const glm::dvec3& axis, double factor)
      : child_(std::move(child)), centre_(centre), axis_(glm::normalize(axis)), factor_(factor) {
    // bounds: squash the child's box corners
    const Box& b = child_->bounds();
    for (int i = 0; i < 8; ++i) {
      const glm::dvec3 corner((i & 1) ? b.hi.x : b.lo.x, (i & 2) ? b.hi.y : b.lo.y,
                              (i & 4) ? b.hi.z : b.lo.z);
      bounds_.add(squash(corner));
    }
  }
  double eval(const glm::dvec3& p) const override { return child_->eval(unsquash(p)) * factor_; }

 private:
  glm::dvec3 squash(const glm::dvec3& p) const {
    const glm::dvec3 q = p - centre_;
    const double along = glm::dot(q, axis_);
    return centre_ + q - axis_ * along * (1.0 - factor_);
  }
  glm::dvec3 unsquash(const glm::dvec3& p) const {
    const glm::dvec3 q = p - centre_;
    const double along = glm::dot(q, axis_);
    return centre_ + q + axis_ * along * (1.0 / factor_ - 1.0);
  }
  NodePtr child_;
  glm::dvec3 centre_, axis_;
  double factor_;
};

// A bar piece with an oval section whose flat axis turns from axis_a at a to axis_b at b:
// neighbouring pieces of a bent bar share the section at their joint, so no seam shows.
// The value is the oval's radial excess scaled by `flatten` (a lower bound on the distance).
class BarSegment final : public Node {
 public:
  BarSegment(const glm::dvec3& a, const glm::dvec3& b, double ra, double rb, const glm::dvec3& axis_a,
             const glm::dvec3& axis_b, double flatten)
      : a_(a), b_(b), ra_(ra), rb_(rb), axis_a_(axis_a), axis_b_(axis_b), flatten_(flatten) {
    const glm::dvec3 ba = b - a;
    l2_ = std::max(glm::dot(ba, ba), 1e-24);
    bounds_ = Box{glm::min(a - glm::dvec3(ra), b - glm::dvec3(rb)),
                  glm::max(a + glm::dvec3(ra), b + glm::dvec3(rb))};
  }
  double eval(const glm::dvec3& p) const override {
    const double t = std::clamp(glm::dot(p - a_, b_ - a_) / l2_, 0.0, 1.0);
    const glm::dvec3 c = a_ + (b_ - a_) * t;
    const double r = ra_ + (rb_ - ra_) * t;
    // not re-orthogonalised against this piece: at a joint both pieces then see the same
    // section (the callers' axes are already across the bar)
    glm::dvec3 ax = axis_a_ + (axis_b_ - axis_a_) * t;
    const double al = glm::length(ax);
    const glm::dvec3 d = p - c;
    if (al < 1e-12) return glm::length(d) - r;
    ax /= al;
    const double u = glm::dot(d, ax);
    const glm::dvec3 w = d - ax * u;
    const double e = std::sqrt(u * u / (flatten_ * flatten_) + glm::dot(w, w));
    return (e - r) * flatten_;
  }

 private:
  glm::dvec3 a_, b_;
  double ra_, rb_;
  glm::dvec3 axis_a_, axis_b_;
  double flatten_, l2_ = 1.0;
};

class Ellipsoid final : public Node {
 public:
  Ellipsoid(const Frame& f, const glm::dvec3& r) : f_(f), r_(r) {
    for (int i = 0; i < 8; ++i) {
      bounds_.add(f.toParent(glm::dvec3((i & 1) ? r.x : -r.x, (i & 2) ? r.y : -r.y, (i & 4) ? r.z : -r.z)));
    }
  }
  double eval(const glm::dvec3& p) const override {
    const glm::dvec3 q = f_.toLocal(p);
    const double k0 = glm::length(q / r_);
    const double k1 = glm::length(q / (r_ * r_));
    if (k1 < 1e-12) return -std::min(r_.x, std::min(r_.y, r_.z));
    return k0 * (k0 - 1.0) / k1;
  }

 private:
  Frame f_;
  glm::dvec3 r_;
};

class RoundBox final : public Node {
 public:
  RoundBox(const Frame& f, const glm::dvec3& half, double r) : f_(f), half_(half), r_(r) {
    for (int i = 0; i < 8; ++i) {
      bounds_.add(f.toParent(
          glm::dvec3((i & 1) ? half.x : -half.x, (i & 2) ? half.y : -half.y, (i & 4) ? half.z : -half.z)));
    }
  }
  double eval(const glm::dvec3& p) const override {
    const glm::dvec3 q = glm::abs(f_.toLocal(p)) - (half_ - glm::dvec3(r_));
    return glm::length(glm::max(q, glm::dvec3(0.0))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0) - r_;
  }

 private:
  Frame f_;
  glm::dvec3 half_;
  double r_;
};

class HalfSpace final : public Node {
 public:
  HalfSpace(const glm::dvec3& p, const glm::dvec3& n) : p_(p), n_(glm::normalize(n)) {
    bounds_ = Box{glm::dvec3(-1e9), glm::dvec3(1e9)};
  }
  double eval(const glm::dvec3& p) const override { return glm::dot(p - p_, n_); }

 private:
  glm::dvec3 p_, n_;
};

class OvalCylinder final : public Node {
 public:
  OvalCylinder(const Frame& f, double rx, double rz, double y0, double y1, double r)
      : f_(f), rx_(rx), rz_(rz), y0_(y0), y1_(y1), r_(r) {
    for (int i = 0; i < 8; ++i) {
      bounds_.add(f.toParent(glm::dvec3((i & 1) ? rx : -rx, (i & 2) ? y1 : y0, (i & 4) ? rz : -rz)));
    }
  }
  double eval(const glm::dvec3& p) const override {
    const glm::dvec3 q = f_.toLocal(p);
    const glm::dvec2 e(q.x / rx_, q.z / rz_);
    const glm::dvec2 e2(q.x / (rx_ * rx_), q.z / (rz_ * rz_));
    const double k0 = glm::length(e), k1 = glm::length(e2);
    const double d_oval = k1 < 1e-12 ? -std::min(rx_, rz_) : k0 * (k0 - 1.0) / k1;
    const double d_slab = std::max(y0_ - q.y, q.y - y1_);
    return roundedMax(d_oval, d_slab, r_);
  }

 private:
  Frame f_;
  double rx_, rz_, y0_, y1_, r_;
};

constexpr double kPlateScale = 0.1;  // the cubic runs on u/0.1 m, v/0.1 m for conditioning

std::array<double, 10> monomials(double u, double v) {
  return {1.0, u, v, u * u, u * v, v * v, u * u * u, u * u * v, u * v * v, v * v * v};
}

// A polygon's edges, precomputed once: edge i runs from point i back to point i - 1.
struct PolygonEdge {
  glm::dvec2 start, dir;  // point i, point i - 1 minus point i
  double dir2 = 0.0;      // |dir|^2
  double end_y = 0.0;     // y of point i - 1
};

std::vector<PolygonEdge> polygonEdges(const std::vector<glm::dvec2>& poly) {
  std::vector<PolygonEdge> out;
  const std::size_t n = poly.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i, ++i) {
    const glm::dvec2 e = poly[j] - poly[i];
    out.push_back({poly[i], e, glm::dot(e, e), poly[j].y});
  }
  return out;
}

// signed distance to a closed polygon (Inigo Quilez's sdPolygon)
double polygonDistance(const std::vector<PolygonEdge>& edges, const glm::dvec2& p) {
  double d = glm::dot(p - edges[0].start, p - edges[0].start);
  double s = 1.0;
  for (const PolygonEdge& ed : edges) {
    const glm::dvec2 e = ed.dir;
    const glm::dvec2 w = p - ed.start;
    const glm::dvec2 b = w - e * std::clamp(glm::dot(w, e) / ed.dir2, 0.0, 1.0);
    d = std::min(d, glm::dot(b, b));
    const bool c1 = p.y >= ed.start.y, c2 = p.y<ed.end_y, c3 = e.x * w.y> e.y * w.x;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s;
  }
  return s * std::sqrt(d);
}

std::vector<glm::dvec2> chaikin(const std::vector<glm::dvec2>& poly, int passes) {
  std::vector<glm::dvec2> p = poly;
  for (int k = 0; k < passes; ++k) {
    std::vector<glm::dvec2> q;
    q.reserve(p.size() * 2);
    for (std::size_t i = 0; i < p.size(); ++i) {
      const glm::dvec2& a = p[i];
      const glm::dvec2& b = p[(i + 1) % p.size()];
      q.push_back(0.75 * a + 0.25 * b);
      q.push_back(0.25 * a + 0.75 * b);
    }
    p = std::move(q);
  }
  return p;
}

class Plate final : public Node {
 public:
  explicit Plate(PlateSpec spec) : s_(std::move(spec)) {
    s_.outline = chaikin(s_.outline, s_.rounding_passes);
    edges_ = polygonEdges(s_.outline);
    glm::dvec2 lo(1e30), hi(-1e30);
    for (const glm::dvec2& v : s_.outline) {
      lo = glm::min(lo, v);
      hi = glm::max(hi, v);
    }
    // sample the mid-surface over the outline's box for the bounds
    for (int i = 0; i <= 16; ++i) {
      for (int j = 0; j <= 16; ++j) {
        const double u = lo.x + (hi.x - lo.x) * i / 16.0, v = lo.y + (hi.y - lo.y) * j / 16.0;
        const double t = thickness(u, v) + 0.001, h = height(u, v) + s_.grow_side * (t - 0.001 - s_.t_min);
        bounds_.add(s_.frame.toParent({u, v, h - t}));
        bounds_.add(s_.frame.toParent({u, v, h + t}));
      }
    }
  }
  double eval(const glm::dvec3& p) const override {
    const glm::dvec3 q = s_.frame.toLocal(p);
    const double t = thickness(q.x, q.y);
    // distance to the mid-surface, to first order
    const double u = q.x / kPlateScale, v = q.y / kPlateScale;
    const std::vector<double>& c = s_.height;
    const double hu = c[1] + 2 * c[3] * u + c[4] * v + 3 * c[6] * u * u + 2 * c[7] * u * v + c[8] * v * v;
    const double hv = c[2] + c[4] * u + 2 * c[5] * v + c[7] * u * u + 2 * c[8] * u * v + 3 * c[9] * v * v;
    const double grad2 = (hu * hu + hv * hv) / (kPlateScale * kPlateScale);
    const double mid = height(q.x, q.y) + s_.grow_side * (t - s_.t_min);
    const double d_surface = std::abs(q.z - mid) / std::sqrt(1.0 + grad2) - t;
    const double d_outline = polygonDistance(edges_, {q.x, q.y});
    return roundedMax(d_surface, d_outline, 0.9 * t);
  }

 private:
  double height(double x, double y) const {
    const auto m = monomials(x / kPlateScale, y / kPlateScale);
    double h = 0.0;
    for (std::size_t i = 0; i < 10; ++i) h += s_.height[i] * m[i];
    return h;
  }
  double thickness(double x, double y) const { return std::max(s_.t_min, s_.t0 + s_.tu * x + s_.tv * y); }
  PlateSpec s_;
  std::vector<PolygonEdge> edges_;
};

class Union final : public Node {
 public:
  Union(std::vector<NodePtr> c, double k) : c_(std::move(c)), k_(k) {
    boxes_.reserve(c_.size());
    raw_.reserve(c_.size());
    for (const NodePtr& n : c_) {
      bounds_.add(n->bounds());
      boxes_.push_back(n->bounds());
      raw_.push_back(n.get());
    }
    bounds_ = bounds_.expanded(0.25 * k_);
  }
  double eval(const glm::dvec3& p) const override {
    // The children's boxes are kept side by side (no pointer chase to skip a child) and compared
    // by squared distance (no square root): the union is evaluated millions of times per bone.
    double d = 1e30;
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
      const double reach = d + k_;
      if (reach < 0.0) continue;  // a box distance is never negative: cannot lower the result
      const glm::dvec3 q = glm::max(glm::max(boxes_[i].lo - p, p - boxes_[i].hi), glm::dvec3(0.0));
      if (glm::dot(q, q) > reach * reach) continue;  // farther than reach: cannot lower the result
      const double v = raw_[i]->eval(p);
      d = k_ > 0.0 ? smin(d, v, k_) : std::min(d, v);
    }
    if (d > 1e29) d = bounds_.distance(p) + 1e-3;  // nothing near: a safe lower bound
    return d;
  }

 private:
  std::vector<NodePtr> c_;  // owns the children
  std::vector<Box> boxes_;
  std::vector<const Node*> raw_;
  double k_;
};

class Subtract final : public Node {
 public:
  Subtract(NodePtr a, NodePtr b, double k) : a_(std::move(a)), b_(std::move(b)), k_(k) {
    bounds_ = a_->bounds();
  }
  double eval(const glm::dvec3& p) const override {
    const double da = a_->eval(p);
    // b can only cut where it is within reach: -b <= -boxdist(b)
    if (da >= -b_->bounds().distance(p) + k_) return da;
    const double db = b_->eval(p);
    return k_ > 0.0 ? smax(da, -db, k_) : std::max(da, -db);
  }

 private:
  NodePtr a_, b_;
  double k_;
};

class Intersect final : public Node {
 public:
  Intersect(NodePtr a, NodePtr b, double k) : a_(std::move(a)), b_(std::move(b)), k_(k) {
    const Box& ba = a_->bounds();
    const Box& bb = b_->bounds();
    bounds_ = Box{glm::max(ba.lo, bb.lo), glm::min(ba.hi, bb.hi)};
  }
  double eval(const glm::dvec3& p) const override {
    const double da = a_->eval(p), db = b_->eval(p);
    return k_ > 0.0 ? smax(da, db, k_) : std::max(da, db);
  }

 private:
  NodePtr a_, b_;
  double k_;
};

class Mirror final : public Node {
 public:
  explicit Mirror(NodePtr a) : a_(std::move(a)) {
    const Box& b = a_->bounds();
    bounds_ = Box{{b.lo.x, b.lo.y, -b.hi.z}, {b.hi.x, b.hi.y, -b.lo.z}};
  }
  double eval(const glm::dvec3& p) const override { return a_->eval({p.x, p.y, -p.z}); }

 private:
  NodePtr a_;
};

class Moved final : public Node {
 public:
  Moved(NodePtr a, const Frame& f) : a_(std::move(a)), f_(f) {
    const Box& b = a_->bounds();
    for (int i = 0; i < 8; ++i) {
      bounds_.add(
          f.toParent({(i & 1) ? b.hi.x : b.lo.x, (i & 2) ? b.hi.y : b.lo.y, (i & 4) ? b.hi.z : b.lo.z}));
    }
  }
  double eval(const glm::dvec3& p) const override { return a_->eval(f_.toLocal(p)); }

 private:
  NodePtr a_;
  Frame f_;
};

class Inflated final : public Node {
 public:
  Inflated(NodePtr a, double r) : a_(std::move(a)), r_(r) {
    bounds_ = a_->bounds().expanded(std::max(r, 0.0));
  }
  double eval(const glm::dvec3& p) const override { return a_->eval(p) - r_; }

 private:
  NodePtr a_;
  double r_;
};

class Scaled final : public Node {
 public:
  Scaled(NodePtr a, double f) : a_(std::move(a)), f_(f) {
    if (!a_->bounds().empty()) bounds_ = {a_->bounds().lo * f, a_->bounds().hi * f};
  }
  double eval(const glm::dvec3& p) const override { return f_ * a_->eval(p / f_); }

 private:
  NodePtr a_;
  double f_;
};

}  // namespace

double smin(double a, double b, double k) {
  const double h = std::max(k - std::abs(a - b), 0.0) / k;
  return std::min(a, b) - h * h * k * 0.25;
}
double smax(double a, double b, double k) {
  return -smin(-a, -b, k);
}

Frame frameFromAxes(const glm::dvec3& origin, const glm::dvec3& x_dir, const glm::dvec3& y_hint) {
  const glm::dvec3 x = glm::normalize(x_dir);
  glm::dvec3 y = y_hint - glm::dot(y_hint, x) * x;
  if (glm::length(y) < 1e-9)
    y = std::abs(x.y) < 0.9 ? glm::dvec3(0, 1, 0) - x.y * x : glm::dvec3(1, 0, 0) - x.x * x;
  y = glm::normalize(y);
  const glm::dvec3 z = glm::cross(x, y);
  return Frame{origin, glm::dmat3(x, y, z)};
}

std::vector<glm::dvec3> smoothCurve(const std::vector<glm::dvec3>& pts, int per_span) {
  const std::size_t n = pts.size();
  if (n < 3 || per_span < 2) return pts;
  auto at = [&](std::ptrdiff_t i) {
    // reflected end points keep the end tangents along the first and last spans
    if (i < 0) return 2.0 * pts[0] - pts[1];
    if (i >= std::ptrdiff_t(n)) return 2.0 * pts[n - 1] - pts[n - 2];
    return pts[std::size_t(i)];
  };
  std::vector<glm::dvec3> out;
  out.reserve((n - 1) * std::size_t(per_span) + 1);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const std::ptrdiff_t k = std::ptrdiff_t(i);
    const glm::dvec3 p0 = at(k - 1), p1 = at(k), p2 = at(k + 1), p3 = at(k + 2);
    // centripetal knots (Yuksel et al. 2011): no cusps or self-intersections within a span
    const double t0 = 0.0;
    const double t1 = t0 + std::sqrt(std::max(glm::length(p1 - p0), 1e-12));
    const double t2 = t1 + std::sqrt(std::max(glm::length(p2 - p1), 1e-12));
    const double t3 = t2 + std::sqrt(std::max(glm::length(p3 - p2), 1e-12));
    for (int j = 0; j < per_span; ++j) {
      const double t = t1 + (t2 - t1) * double(j) / double(per_span);
      const glm::dvec3 a1 = ((t1 - t) * p0 + (t - t0) * p1) / (t1 - t0);
      const glm::dvec3 a2 = ((t2 - t) * p1 + (t - t1) * p2) / (t2 - t1);
      const glm::dvec3 a3 = ((t3 - t) * p2 + (t - t2) * p3) / (t3 - t2);
      const glm::dvec3 b1 = ((t2 - t) * a1 + (t - t0) * a2) / (t2 - t0);
      const glm::dvec3 b2 = ((t3 - t) * a2 + (t - t1) * a3) / (t3 - t1);
      out.push_back(((t2 - t) * b1 + (t - t1) * b2) / (t2 - t1));
    }
  }
  out.push_back(pts[n - 1]);
  return out;
}

glm::dvec3 snapToSurface(const Node& f, glm::dvec3 p, double h) {
  for (int i = 0; i < 16; ++i) {
    const double d = f.eval(p);
    if (std::abs(d) < 1e-7) break;
    const glm::dvec3 g(f.eval(p + glm::dvec3(h, 0, 0)) - f.eval(p - glm::dvec3(h, 0, 0)),
                       f.eval(p + glm::dvec3(0, h, 0)) - f.eval(p - glm::dvec3(0, h, 0)),
                       f.eval(p + glm::dvec3(0, 0, h)) - f.eval(p - glm::dvec3(0, 0, h)));
    const double g2 = glm::dot(g, g) / (4.0 * h * h);
    if (g2 < 1e-12) break;
    // a Newton step, but never further than the distance itself allows (a point on a medial
    // axis has a vanishing gradient and would otherwise be thrown far away)
    glm::dvec3 step = d * g / (2.0 * h) / g2;
    const double len = glm::length(step), cap = 1.2 * std::abs(d) + 1e-5;
    if (len > cap) step *= cap / len;
    p -= step;
  }
  return p;
}

NodePtr sphere(const glm::dvec3& c, double r) {
  return std::make_shared<Sphere>(c, r);
}
NodePtr roundCone(const glm::dvec3& a, const glm::dvec3& b, double ra, double rb) {
  return std::make_shared<RoundCone>(a, b, ra, rb);
}
NodePtr flatCone(const glm::dvec3& a, const glm::dvec3& b, double ra, double rb, const glm::dvec3& flat_axis,
                 double flatten) {
  // squash across the cone only (the flat axis made perpendicular to it), so its ends stay put
  const glm::dvec3 mid = 0.5 * (a + b);
  const glm::dvec3 d = b - a;
  glm::dvec3 axis = flat_axis;
  if (glm::dot(d, d) > 0.0) axis -= d * (glm::dot(flat_axis, d) / glm::dot(d, d));
  if (glm::length(axis) < 1e-9) return roundCone(a, b, ra, rb);
  return std::make_shared<Squashed>(roundCone(a, b, ra, rb), mid, axis, flatten);
}
NodePtr tube(const std::vector<glm::dvec3>& pts, const std::vector<double>& radii) {
  std::vector<NodePtr> parts;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i)
    parts.push_back(roundCone(pts[i], pts[i + 1], radii[i], radii[i + 1]));
  return unite(std::move(parts));
}
NodePtr flatTube(const std::vector<glm::dvec3>& pts, const std::vector<double>& radii,
                 const glm::dvec3& flat_axis, double flatten) {
  std::vector<NodePtr> parts;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    parts.push_back(flatCone(pts[i], pts[i + 1], radii[i], radii[i + 1], flat_axis, flatten));
  }
  return unite(std::move(parts));
}
NodePtr flatBar(const std::vector<glm::dvec3>& pts, const std::vector<double>& radii,
                const std::vector<glm::dvec3>& flat_axes, double flatten) {
  std::vector<NodePtr> parts;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    parts.push_back(std::make_shared<BarSegment>(pts[i], pts[i + 1], radii[i], radii[i + 1], flat_axes[i],
                                                 flat_axes[i + 1], flatten));
  }
  return unite(std::move(parts));
}
NodePtr ellipsoid(const Frame& f, const glm::dvec3& r) {
  return std::make_shared<Ellipsoid>(f, r);
}
NodePtr roundBox(const Frame& f, const glm::dvec3& half, double r) {
  return std::make_shared<RoundBox>(f, half, r);
}
NodePtr halfSpace(const glm::dvec3& p, const glm::dvec3& n) {
  return std::make_shared<HalfSpace>(p, n);
}
NodePtr ovalCylinder(const Frame& f, double rx, double rz, double y0, double y1, double r) {
  return std::make_shared<OvalCylinder>(f, rx, rz, y0, y1, r);
}
NodePtr plate(const PlateSpec& spec) {
  return std::make_shared<Plate>(spec);
}

std::vector<double> fitHeight(const std::vector<glm::dvec3>& pts) {
  // normal equations with a small ridge on the quadratic and cubic terms
  std::array<std::array<double, 11>, 10> m{};
  for (const glm::dvec3& p : pts) {
    const auto b = monomials(p.x / kPlateScale, p.y / kPlateScale);
    for (std::size_t i = 0; i < 10; ++i) {
      for (std::size_t j = 0; j < 10; ++j) m[i][j] += b[i] * b[j];
      m[i][10] += b[i] * p.z;
    }
  }
  for (std::size_t i = 3; i < 10; ++i) m[i][i] += i < 6 ? 1e-4 : 1e-3;
  // Gauss-Jordan with partial pivoting
  for (std::size_t c = 0; c < 10; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < 10; ++r) {
      if (std::abs(m[r][c]) > std::abs(m[piv][c])) piv = r;
    }
    std::swap(m[c], m[piv]);
    const double d = m[c][c];
    if (std::abs(d) < 1e-18) continue;
    for (std::size_t j = c; j < 11; ++j) m[c][j] /= d;
    for (std::size_t r = 0; r < 10; ++r) {
      if (r == c) continue;
      const double f = m[r][c];
      for (std::size_t j = c; j < 11; ++j) m[r][j] -= f * m[c][j];
    }
  }
  std::vector<double> out(10);
  for (std::size_t i = 0; i < 10; ++i) out[i] = m[i][10];
  return out;
}

NodePtr unite(std::vector<NodePtr> c) {
  return std::make_shared<Union>(std::move(c), 0.0);
}
NodePtr smoothUnion(std::vector<NodePtr> c, double k) {
  return std::make_shared<Union>(std::move(c), k);
}
NodePtr subtract(NodePtr a, NodePtr b, double k) {
  return std::make_shared<Subtract>(std::move(a), std::move(b), k);
}
NodePtr intersect(NodePtr a, NodePtr b, double k) {
  return std::make_shared<Intersect>(std::move(a), std::move(b), k);
}
NodePtr mirrorZ(NodePtr a) {
  return std::make_shared<Mirror>(std::move(a));
}
NodePtr moved(NodePtr a, const Frame& frame) {
  return std::make_shared<Moved>(std::move(a), frame);
}
NodePtr inflated(NodePtr a, double r) {
  return std::make_shared<Inflated>(std::move(a), r);
}
NodePtr scaled(NodePtr a, double factor) {
  return std::make_shared<Scaled>(std::move(a), factor);
}

}  // namespace sagitta::anatomy::sdf
