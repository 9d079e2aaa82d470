#include "scene/muscle_mesh.h"

#include <map>

#include <gtest/gtest.h>

using namespace sagitta;

namespace {

double signedVolume(const anatomy::MeshData& m) {
  double v = 0.0;
  for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
    const glm::dvec3 a = m.positions[m.indices[i]], b = m.positions[m.indices[i + 1]],
                     c = m.positions[m.indices[i + 2]];
    v += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return v;
}

bool closed(const anatomy::MeshData& m) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
  for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
    for (int k = 0; k < 3; ++k) {
      const auto a = m.indices[i + k], b = m.indices[i + (k + 1) % 3];
      ++edges[{std::min(a, b), std::max(a, b)}];
    }
  }
  for (const auto& [e, n] : edges) {
    if (n != 2) return false;
  }
  return true;
}

}  // namespace

TEST(MuscleMesh, ASpindleIsClosedAndOutwardFacing) {
  const auto m = scene::spindleMesh({{0, 0, 0}, {0, 0.1f, 0.02f}, {0, 0.2f, 0}}, {});
  ASSERT_FALSE(m.empty());
  EXPECT_TRUE(closed(m));
  EXPECT_GT(signedVolume(m), 0.0);
}

// The moving frame draws a spindle's coarser list: every second ring of the same vertices, so a
// closed, outward surface of about half the triangles and nearly the same volume (issue 16).
TEST(MuscleMesh, TheMovingFramesListIsEverySecondRingOfTheSameSpindle) {
  for (const int rings : {28, 27}) {
    scene::SpindleShape shape;
    shape.rings = rings;
    anatomy::MeshData m = scene::spindleMesh({{0, 0, 0}, {0, 0.1f, 0.02f}, {0, 0.2f, 0}}, shape);
    ASSERT_FALSE(m.low_indices.empty());
    for (const std::uint32_t i : m.low_indices) ASSERT_LT(i, m.positions.size());
    const std::size_t caps = 2 * static_cast<std::size_t>(shape.sides);
    EXPECT_EQ(m.low_indices.size() / 3 - caps, 2 * static_cast<std::size_t>(shape.sides) * ((rings + 1) / 2))
        << rings << " rings";
    const double full = signedVolume(m);
    m.indices = m.low_indices;
    EXPECT_TRUE(closed(m)) << rings << " rings";
    EXPECT_NEAR(signedVolume(m) / full, 1.0, 0.03) << rings << " rings";
  }
}

TEST(MuscleMesh, VolumeIsConservedAsTheMuscleShortensOrLengthens) {
  scene::SpindleShape shape;
  shape.neutral_length_m = 0.2f;
  const double neutral = signedVolume(scene::spindleMesh({{0, 0, 0}, {0, 0.2f, 0}}, shape));
  const double shorter = signedVolume(scene::spindleMesh({{0, 0, 0}, {0, 0.16f, 0}}, shape));
  const double longer = signedVolume(scene::spindleMesh({{0, 0, 0}, {0, 0.25f, 0}}, shape));
  EXPECT_NEAR(shorter / neutral, 1.0, 0.01);
  EXPECT_NEAR(longer / neutral, 1.0, 0.01);
}

TEST(MuscleMesh, AShortenedMuscleIsThicker) {
  scene::SpindleShape shape;
  auto widest = [](const anatomy::MeshData& m) {
    float r = 0.0f;
    for (const glm::vec3& p : m.positions) r = std::max(r, glm::length(glm::vec2(p.x, p.z)));
    return r;
  };
  EXPECT_GT(widest(scene::spindleMesh({{0, 0, 0}, {0, 0.15f, 0}}, shape)),
            widest(scene::spindleMesh({{0, 0, 0}, {0, 0.2f, 0}}, shape)) * 1.1f);
}

TEST(MuscleMesh, ADegeneratePathGivesNothing) {
  EXPECT_TRUE(scene::spindleMesh({{0, 0, 0}}, {}).empty());
  EXPECT_TRUE(scene::spindleMesh({{1, 1, 1}, {1, 1, 1}}, {}).empty());
  EXPECT_TRUE(scene::spindleMesh({{0, 0, 0}, {0, std::nanf(""), 0}}, {}).empty());
}

TEST(MuscleMesh, StrainColoursRunFromWarmShortToCoolLong) {
  const glm::vec3 s = scene::strainColour(-0.1f), n = scene::strainColour(0.0f),
                  l = scene::strainColour(0.1f);
  EXPECT_GT(s.g, n.g + 0.2f) << "shortened muscles turn orange and stand out";
  EXPECT_GT(l.b, n.b + 0.5f) << "lengthened muscles turn blue";
  EXPECT_EQ(scene::strainColour(-5.0f), s) << "saturates";
  // monotone toward each end
  EXPECT_GT(scene::strainColour(-0.05f).g, n.g);
  EXPECT_LT(scene::strainColour(-0.05f).g, s.g);
}
