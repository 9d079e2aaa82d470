// The slip's bone shapes (anatomy/slip_reshape.h): the trapezoidal L5 reaches the lumbar index it
// is asked for, the sacral dome rounds the front of S1 and keeps its back, and the deformed
// built-in meshes stay closed, finite and unfolded.
#include "anatomy/slip_reshape.h"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/model.h"
#include "mesh_checks.h"

namespace sagitta::anatomy {
namespace {

const Model& model() {
  static const Model m = loadBuiltinModel(Lod::kDefault);
  return m;
}
const ModelPart& part(const std::string& name) {
  for (const ModelPart& p : model().parts) {
    if (p.name == name) return p;
  }
  throw std::out_of_range("no part " + name);
}
glm::dvec3 mark(const std::string& name) {
  return model().skeleton.landmark(name).position;
}

BodyCorners l5Corners() {
  return {mark("l5_superior_endplate_anterior"), mark("l5_superior_endplate_posterior"),
          mark("l5_inferior_endplate_anterior"), mark("l5_inferior_endplate_posterior")};
}

// no triangle turns over (its normal keeps pointing the same way) and every vertex is finite
void expectUnfolded(const MeshData& before, const MeshData& after) {
  ASSERT_EQ(before.positions.size(), after.positions.size());
  for (const glm::vec3& v : after.positions) ASSERT_TRUE(std::isfinite(v.x + v.y + v.z));
  int flipped = 0;
  for (std::size_t t = 0; t + 2 < before.indices.size(); t += 3) {
    auto normal = [&](const MeshData& m) {
      const glm::dvec3 a(m.positions[m.indices[t]]), b(m.positions[m.indices[t + 1]]),
          c(m.positions[m.indices[t + 2]]);
      return glm::cross(b - a, c - a);
    };
    flipped += glm::dot(normal(before), normal(after)) <= 0.0;
  }
  EXPECT_EQ(flipped, 0);
  const test::Topology t0 = test::topologyOf(before), t1 = test::topologyOf(after);
  EXPECT_EQ(t1.open_edges, t0.open_edges);
  EXPECT_EQ(t1.open_edges, 0);
  EXPECT_EQ(t1.euler, t0.euler);
  EXPECT_GT(test::signedVolume(after), 0.0);
  EXPECT_GT(test::normalAgreement(after), 0.99);
}

TEST(SlipReshape, TheWedgeGivesTheLumbarIndexAskedFor) {
  const BodyCorners l5 = l5Corners();
  const double neutral = lumbarIndex(l5);
  EXPECT_GT(neutral, 0.75);  // a normal L5 is nearly rectangular in the sagittal plane
  EXPECT_LT(neutral, 1.2);
  double last = neutral;
  for (double target : {neutral - 0.03, neutral - 0.08, neutral - 0.15, neutral - 0.25}) {
    BodyWedge w{l5, wedgeDropFor(l5, target)};
    BodyCorners drawn = l5;
    drawn.superior_posterior = wedgePoint(w, l5.superior_posterior);
    drawn.superior_anterior = wedgePoint(w, l5.superior_anterior);
    drawn.inferior_posterior = wedgePoint(w, l5.inferior_posterior);
    drawn.inferior_anterior = wedgePoint(w, l5.inferior_anterior);
    EXPECT_NEAR(lumbarIndex(drawn), target, 1e-9);
    EXPECT_LT(lumbarIndex(drawn), last);
    last = lumbarIndex(drawn);
    // the inferior endplate (the slip's interface) and the anterior wall do not move
    EXPECT_LT(glm::length(drawn.inferior_posterior - l5.inferior_posterior), 1e-12);
    EXPECT_LT(glm::length(drawn.superior_anterior - l5.superior_anterior), 1e-12);
  }
  // asking for a rounder body than it is changes nothing
  EXPECT_EQ(wedgeDropFor(l5, neutral + 0.1), 0.0);
}

TEST(SlipReshape, TheWedgedL5AndItsArchStayClosedAndUnfolded) {
  BodyWedge w{l5Corners(), wedgeDropFor(l5Corners(), 0.65)};
  ASSERT_GT(w.drop_m, 0.003);
  for (const char* name : {"l5", "l5_arch"}) {
    SCOPED_TRACE(name);
    MeshData m = part(name).mesh;
    deformMesh(m, glm::dmat4(1.0), glm::dmat4(1.0), [&](const glm::dvec3& p) { return wedgePoint(w, p); });
    expectUnfolded(part(name).mesh, m);
  }
  // the posterior wall of the body is now shorter: the highest body point near the posterior
  // superior corner came down by about the drop
  const glm::dvec3 sp = l5Corners().superior_posterior;
  EXPECT_NEAR(glm::length(wedgePoint(w, sp) - sp), w.drop_m, 1e-9);
}

TEST(SlipReshape, TheSacralDomeRoundsTheFrontOfS1AndStaysClosed) {
  SacralDome d;
  d.posterior = mark("s1_endplate_posterior");
  d.anterior = mark("s1_endplate_anterior");
  const double length = glm::length(d.anterior - d.posterior);
  d.drop_m = 0.163 * length;  // high grade minus controls, SDSG doming index (Spine 2007)
  // the posterior corner stays, the anterior edge sinks by the drop, the middle by less
  EXPECT_LT(glm::length(domePoint(d, d.posterior) - d.posterior), 1e-12);
  EXPECT_NEAR(glm::length(domePoint(d, d.anterior) - d.anterior), d.drop_m, 1e-9);
  const glm::dvec3 mid = 0.5 * (d.posterior + d.anterior);
  const double mid_drop = glm::length(domePoint(d, mid) - mid);
  EXPECT_GT(mid_drop, 0.0);
  EXPECT_LT(mid_drop, 0.25 * d.drop_m);  // a rounded front, not a tilted endplate
  MeshData m = part("sacrum").mesh;
  deformMesh(m, glm::dmat4(1.0), glm::dmat4(1.0), [&](const glm::dvec3& p) { return domePoint(d, p); });
  expectUnfolded(part("sacrum").mesh, m);
}

}  // namespace
}  // namespace sagitta::anatomy
