// Signed distance fields for building bone shapes: a few primitives and smooth blends.
// Negative inside, positive outside, metres. Each node knows a box outside of which it is
// positive, so unions skip children that cannot matter at a point (bones have hundreds of
// primitives and are sampled at millions of points).
#pragma once

#include <memory>
#include <vector>

#include <glm/glm.hpp>

namespace sagitta::anatomy::sdf {

struct Box {
  glm::dvec3 lo{1e30}, hi{-1e30};
  bool empty() const { return lo.x > hi.x; }
  void add(const glm::dvec3& p) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  void add(const Box& b) {
    if (!b.empty()) {
      add(b.lo);
      add(b.hi);
    }
  }
  Box expanded(double r) const { return {lo - glm::dvec3(r), hi + glm::dvec3(r)}; }
  // distance from p to the box (0 inside)
  double distance(const glm::dvec3& p) const {
    const glm::dvec3 q = glm::max(glm::max(lo - p, p - hi), glm::dvec3(0.0));
    return glm::length(q);
  }
};

class Node {
 public:
  virtual ~Node() = default;
  virtual double eval(const glm::dvec3& p) const = 0;
  const Box& bounds() const { return bounds_; }

 protected:
  Box bounds_;
};
using NodePtr = std::shared_ptr<const Node>;

// An orthonormal frame: columns are the local x, y, z axes in the parent frame.
struct Frame {
  glm::dvec3 origin{0.0};
  glm::dmat3 axes{1.0};
  glm::dvec3 toLocal(const glm::dvec3& p) const { return glm::transpose(axes) * (p - origin); }
  glm::dvec3 toParent(const glm::dvec3& q) const { return origin + axes * q; }
};
// A frame whose local x runs along `x_dir` and whose local y is as close as possible to `y_hint`.
Frame frameFromAxes(const glm::dvec3& origin, const glm::dvec3& x_dir, const glm::dvec3& y_hint);

// primitives
NodePtr sphere(const glm::dvec3& centre, double radius);
// A cone with spherical caps: radius ra at a, rb at b (exact).
NodePtr roundCone(const glm::dvec3& a, const glm::dvec3& b, double ra, double rb);
// The same, squashed by `flatten` (< 1) along `flat_axis` (perpendicular to b - a): an oval section.
NodePtr flatCone(const glm::dvec3& a, const glm::dvec3& b, double ra, double rb, const glm::dvec3& flat_axis,
                 double flatten);
// Round cones through a polyline (radius per point).
NodePtr tube(const std::vector<glm::dvec3>& points, const std::vector<double>& radii);
NodePtr flatTube(const std::vector<glm::dvec3>& points, const std::vector<double>& radii,
                 const glm::dvec3& flat_axis, double flatten);
// An oval bar along a polyline: radius and flat axis (squashed by `flatten`) per point, the
// section turning smoothly along the bar (ribs). The axes must be across the bar (orthogonal to
// its tangent at each point). Ends are half-ellipsoid caps.
NodePtr flatBar(const std::vector<glm::dvec3>& points, const std::vector<double>& radii,
                const std::vector<glm::dvec3>& flat_axes, double flatten);
NodePtr ellipsoid(const Frame& frame, const glm::dvec3& radii);
// A box in `frame` with half extents `half`, its edges rounded by `rounding` (inside `half`).
NodePtr roundBox(const Frame& frame, const glm::dvec3& half, double rounding);
// Everything behind the plane through `point` (the side opposite `normal`).
NodePtr halfSpace(const glm::dvec3& point, const glm::dvec3& normal);
// An elliptic cylinder along local y of `frame` between y = y0 and y = y1, radii (rx, rz),
// its rims rounded by `rounding`.
NodePtr ovalCylinder(const Frame& frame, double rx, double rz, double y0, double y1, double rounding);

// A curved plate: mid-surface w = h(u, v) (cubic in frame-local u = x, v = y; w = z), half
// thickness t(u, v) = t0 + tu*u + tv*v, cut to a polygon outline in (u, v) with rounded rims.
struct PlateSpec {
  Frame frame;
  std::vector<double> height;  // 10 cubic coefficients: 1 u v uu uv vv uuu uuv uvv vvv
  std::vector<glm::dvec2> outline;
  double t0 = 0.002, tu = 0.0, tv = 0.0;
  double t_min = 0.0005;  // the half thickness never falls below this
  // the mid-surface moves toward +z by grow_side * (t - t_min): 0 thickens both faces alike, 1
  // keeps the -z face where it is and thickens toward +z only
  double grow_side = 0.0;
  int rounding_passes = 0;  // Chaikin corner cutting of the outline: rounder corners
};
NodePtr plate(const PlateSpec& spec);
// Least-squares cubic through points given in the frame (x, y -> z), lightly regularised.
std::vector<double> fitHeight(const std::vector<glm::dvec3>& local_points);

// operations
NodePtr unite(std::vector<NodePtr> children);
NodePtr smoothUnion(std::vector<NodePtr> children, double k);
NodePtr subtract(NodePtr a, NodePtr b, double k);   // a without b, edge blended over k
NodePtr intersect(NodePtr a, NodePtr b, double k);  // a and b, edge blended over k
// The shape mirrored through z = 0 (left side from right side, in frames with z to the right).
NodePtr mirrorZ(NodePtr a);
// The shape moved rigidly: `a` is given in `frame`'s local coordinates.
NodePtr moved(NodePtr a, const Frame& frame);
// The shape grown by r (shrunk for r < 0).
NodePtr inflated(NodePtr a, double r);
// The shape scaled uniformly about the origin by factor > 0 (still a distance: f * a(p / f)).
NodePtr scaled(NodePtr a, double factor);

// A smooth curve through control points (centripetal Catmull-Rom, `per_span` pieces per span,
// ends extrapolated): polylines of few points become bars without elbows.
std::vector<glm::dvec3> smoothCurve(const std::vector<glm::dvec3>& points, int per_span);

// The point on the zero level set nearest to p (a few Newton steps along the gradient).
glm::dvec3 snapToSurface(const Node& field, glm::dvec3 p, double step = 1e-4);

double smin(double a, double b, double k);
double smax(double a, double b, double k);

}  // namespace sagitta::anatomy::sdf
