// The mesh pipeline on shapes whose answers are known: marching tetrahedra then adaptive
// remeshing must give closed, outward, manifold meshes of the right topology on the surface.
#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "anatomy/isosurface.h"
#include "anatomy/sdf.h"
#include "mesh_checks.h"

namespace sagitta::anatomy {
namespace {

MeshData make(const sdf::NodePtr& field, double voxel, RemeshOptions opt = {}) {
  TriMesh t = polygonise(*field, field->bounds(), voxel);
  remesh(t, *field, opt);
  return toMeshData(t, *field, 1e-4);
}

TEST(MeshPipeline, SphereIsAClosedOutwardSphereOnTheSurface) {
  const double r = 0.02;
  const sdf::NodePtr sphere = sdf::sphere({0.01, -0.02, 0.03}, r);
  const MeshData m = make(sphere, 0.0015);
  const test::Topology t = test::topologyOf(m);
  EXPECT_EQ(t.open_edges, 0);
  EXPECT_EQ(t.non_manifold_edges, 0);
  EXPECT_EQ(t.misoriented_edges, 0);
  EXPECT_EQ(t.components, 1);
  EXPECT_EQ(t.euler, 2);
  // inscribed polyhedron: a little under the sphere's volume, within 1%
  const double v = 4.0 / 3.0 * 3.14159265358979 * r * r * r;
  EXPECT_GT(test::signedVolume(m), 0.99 * v);
  EXPECT_LT(test::signedVolume(m), v);
  for (const glm::vec3& p : m.positions) ASSERT_LT(std::abs(sphere->eval(glm::dvec3(p))), 2e-6);
  EXPECT_EQ(test::normalAgreement(m), 1.0);
}

TEST(MeshPipeline, RingHasGenusOneAndSeparateShapesStaySeparate) {
  std::vector<glm::dvec3> ring;
  for (int i = 0; i <= 24; ++i)
    ring.emplace_back(0.03 * std::cos(i * 3.14159265358979 / 12), 0.0,
                      0.03 * std::sin(i * 3.14159265358979 / 12));
  const MeshData torus = make(sdf::tube(ring, std::vector<double>(ring.size(), 0.008)), 0.0015);
  EXPECT_EQ(test::topologyOf(torus).euler, 0);
  const MeshData two =
      make(sdf::unite({sdf::sphere({0, 0, 0}, 0.01), sdf::sphere({0.03, 0, 0}, 0.01)}), 0.001);
  EXPECT_EQ(test::topologyOf(two).components, 2);
  EXPECT_EQ(test::topologyOf(two).euler, 4);
}

TEST(MeshPipeline, FlatFacesStayFlatAndEdgesFollowTheCurvature) {
  const sdf::NodePtr disc = sdf::ovalCylinder(sdf::Frame{}, 0.02, 0.015, 0.0, 0.01, 0.0015);
  RemeshOptions opt;
  opt.chord_error = 5e-5;
  opt.min_length = 5e-4;
  opt.max_length = 5e-3;
  const MeshData m = make(disc, 0.001, opt);
  int on_cap = 0;
  std::vector<double> lengths;
  double rim_len = 0.0, cap_len = 0.0;
  int rim_n = 0, cap_n = 0;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    for (int c = 0; c < 3; ++c) {
      const glm::dvec3 a(m.positions[m.indices[t + c]]), b(m.positions[m.indices[t + (c + 1) % 3]]);
      const double l = glm::distance(a, b);
      lengths.push_back(l);
      const glm::dvec3 mid = 0.5 * (a + b);
      if (mid.y > 0.0099 && glm::length(glm::dvec2(mid.x / 0.02, mid.z / 0.015)) < 0.6) {
        cap_len += l;
        ++cap_n;
      } else if (std::abs(mid.y - 0.01) < 0.001 &&
                 glm::length(glm::dvec2(mid.x / 0.02, mid.z / 0.015)) > 0.95) {
        rim_len += l;
        ++rim_n;
      }
    }
  }
  for (const glm::vec3& p : m.positions) {
    if (p.y > 0.0095f && glm::length(glm::vec2(p.x / 0.02f, p.z / 0.015f)) < 0.8f) {
      ++on_cap;
      ASSERT_NEAR(p.y, 0.01f, 2e-6f);  // the top face is a plane
    }
  }
  EXPECT_GT(on_cap, 10);
  // edge lengths keep to the bounds (a few short ones may remain where a collapse would fold)
  std::sort(lengths.begin(), lengths.end());
  EXPECT_GT(lengths[lengths.size() / 100], 0.5 * opt.min_length);
  EXPECT_LT(lengths.back(), 1.55 * opt.max_length);
  ASSERT_GT(rim_n, 0);
  ASSERT_GT(cap_n, 0);
  EXPECT_GT(cap_len / cap_n, 2.0 * rim_len / rim_n);  // small triangles round the rim, large ones on the flat
}

TEST(MeshPipeline, SmoothCurvePassesThroughItsControlPointsWithoutElbows) {
  // a quarter circle given by four points: the curve must hit them and bend evenly between them
  std::vector<glm::dvec3> ctrl;
  for (int i = 0; i < 4; ++i) {
    const double a = 0.5 * M_PI * double(i) / 3.0;
    ctrl.push_back({0.1 * std::cos(a), 0.1 * std::sin(a), 0.0});
  }
  const std::vector<glm::dvec3> c = sdf::smoothCurve(ctrl, 8);
  ASSERT_EQ(c.size(), 3u * 8u + 1u);
  for (std::size_t i = 0; i < ctrl.size(); ++i) EXPECT_LT(glm::distance(c[8 * i], ctrl[i]), 1e-12);
  double worst_turn = 0.0, worst_radius_error = 0.0;
  // the middle span (the end spans straighten toward their extrapolated end tangents)
  for (std::size_t i = 9; i + 9 < c.size(); ++i) {
    const double turn = std::acos(
        std::clamp(glm::dot(glm::normalize(c[i] - c[i - 1]), glm::normalize(c[i + 1] - c[i])), -1.0, 1.0));
    worst_turn = std::max(worst_turn, turn);
    worst_radius_error = std::max(worst_radius_error, std::abs(glm::length(c[i]) - 0.1));
  }
  // 90 degrees over 24 pieces is 3.75 degrees a joint; a polyline of the controls turns 30
  EXPECT_LT(worst_turn, 5.0 * M_PI / 180.0);
  EXPECT_LT(worst_radius_error, 0.0005);
}

TEST(MeshPipeline, FlatBarHasItsOvalSectionAllAlong) {
  // a bent bar, 5 mm radius, flattened to 0.5 across the bend (like a rib): the section's two
  // half-axes must hold at every angle, joints included
  std::vector<glm::dvec3> ctrl;
  for (int i = 0; i <= 6; ++i) ctrl.push_back({0.1 * std::cos(0.25 * i), 0.1 * std::sin(0.25 * i), 0.0});
  const std::vector<glm::dvec3> pts = sdf::smoothCurve(ctrl, 6);
  std::vector<double> radii(pts.size(), 0.005);
  std::vector<glm::dvec3> axes;
  axes.reserve(pts.size());
  for (const glm::dvec3& p : pts) axes.push_back(glm::normalize(glm::dvec3(p.x, p.y, 0.0)));
  const sdf::NodePtr bar = sdf::flatBar(pts, radii, axes, 0.5);
  for (int k = 0; k <= 60; ++k) {
    const double a = 0.2 + 1.1 * double(k) / 60.0;
    const glm::dvec3 centre(0.1 * std::cos(a), 0.1 * std::sin(a), 0.0), out(std::cos(a), std::sin(a), 0.0);
    auto crossing = [&](const glm::dvec3& dir) {
      double lo = 0.0, hi = 0.02;
      for (int it = 0; it < 50; ++it)
        (bar->eval(centre + dir * (0.5 * (lo + hi))) < 0.0 ? lo : hi) = 0.5 * (lo + hi);
      return lo;
    };
    // thickness across the bend (the spline strays ~0.1 mm from the true circle, so the two
    // half-thicknesses are summed) and width along the plane normal
    EXPECT_NEAR(crossing(out) + crossing(-out), 0.005, 1e-4) << a;
    EXPECT_NEAR(crossing({0, 0, 1}), 0.005, 1e-4) << a;
  }
  const test::Topology t = test::topologyOf(make(bar, 0.0008));
  EXPECT_EQ(t.open_edges, 0);
  EXPECT_EQ(t.misoriented_edges, 0);
  EXPECT_EQ(t.euler, 2);
}

TEST(MeshPipeline, IsDeterministic) {
  const sdf::NodePtr f = sdf::smoothUnion(
      {sdf::sphere({0, 0, 0}, 0.01), sdf::roundCone({0, 0, 0}, {0.02, 0.01, 0}, 0.006, 0.003)}, 0.004);
  const MeshData a = make(f, 0.001), b = make(f, 0.001);
  ASSERT_EQ(a.positions.size(), b.positions.size());
  EXPECT_EQ(a.positions, b.positions);
  EXPECT_EQ(a.indices, b.indices);
}

}  // namespace
}  // namespace sagitta::anatomy
