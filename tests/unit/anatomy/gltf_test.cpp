// The glTF writer's files read back through Assimp with the same geometry, landmark nodes and
// skin, and are well-formed GLB.
#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "anatomy/gltf_writer.h"
#include "anatomy/isosurface.h"
#include "anatomy/mesh_import.h"
#include "anatomy/sdf.h"

namespace sagitta::anatomy {
namespace {
namespace fs = std::filesystem;

MeshData ball() {
  const sdf::NodePtr f = sdf::sphere({0.01, 0.02, -0.005}, 0.015);
  TriMesh t = polygonise(*f, f->bounds(), 0.0015);
  remesh(t, *f, {});
  return toMeshData(t, *f, 1e-4);
}

fs::path write(const std::vector<std::uint8_t>& bytes, const std::string& name) {
  fs::path p = fs::temp_directory_path() / name;
  std::ofstream(p, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return p;
}

TEST(Gltf, RigidPartReadsBackWithItsLandmarkNodes) {
  const MeshData m = ball();
  GlbPart part;
  part.name = "test_bone";
  part.mesh = &m;
  part.landmarks = {{"tip", {0.0123456789, -0.5, 0.25}}, {"other_r", {0.0, 0.0, 0.1}}};
  const std::vector<std::uint8_t> bytes = writeGlb(part);
  // GLB header: magic, version 2, total length; then a JSON chunk
  std::uint32_t header[5];
  std::memcpy(header, bytes.data(), sizeof(header));
  EXPECT_EQ(header[0], 0x46546C67u);
  EXPECT_EQ(header[1], 2u);
  EXPECT_EQ(header[2], bytes.size());
  EXPECT_EQ(header[4], 0x4E4F534Au);
  const auto doc = nlohmann::json::parse(std::string(bytes.begin() + 20, bytes.begin() + 20 + header[3]));
  EXPECT_EQ(doc["asset"]["version"], "2.0");
  EXPECT_EQ(doc["asset"]["extras"]["units"], "metres");

  const fs::path path = write(bytes, "sagitta_gltf_rigid.glb");
  const ImportedScene s = importScene(path);
  ASSERT_EQ(s.meshes.size(), 1u);
  const MeshData& back = s.meshes[0];
  ASSERT_EQ(back.triangleCount(), m.triangleCount());
  ASSERT_EQ(back.positions.size(), m.positions.size());
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    ASSERT_LT(glm::distance(back.positions[i], m.positions[i]), 1e-7f);
    ASSERT_GT(glm::dot(back.normals[i], m.normals[i]), 0.9999f);
  }
  bool tip = false;
  for (const ImportedNode& n : s.nodes) {
    if (n.name == "landmark:tip") {
      tip = true;
      EXPECT_NEAR(n.global[3].x, 0.0123456789, 1e-7);
      EXPECT_NEAR(n.global[3].y, -0.5, 1e-7);
    }
  }
  EXPECT_TRUE(tip);
  fs::remove(path);
}

TEST(Gltf, SkinnedPartKeepsItsSegmentWeights) {
  MeshData m = ball();
  m.skin_segments.assign(m.positions.size(), glm::u8vec4(static_cast<std::uint8_t>(Segment::kL5),
                                                         static_cast<std::uint8_t>(Segment::kL4), 0, 0));
  m.skin_weights.resize(m.positions.size());
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    const float t = static_cast<float>(i % 10) / 10.0f;
    m.skin_weights[i] = glm::vec4(1.0f - t, t, 0.0f, 0.0f);
  }
  const Skeleton sk = buildSkeleton();
  GlbPart part;
  part.name = "disc_test";
  part.mesh = &m;
  part.skeleton = &sk;
  const fs::path path = write(writeGlb(part), "sagitta_gltf_skinned.glb");
  const ImportedScene s = importScene(path);
  ASSERT_EQ(s.meshes.size(), 1u);
  const MeshData& back = s.meshes[0];
  ASSERT_TRUE(back.skinned());
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    // the strongest influence comes first; weights sum to one
    const glm::vec4 w = back.skin_weights[i];
    ASSERT_NEAR(w.x + w.y + w.z + w.w, 1.0f, 1e-5f);
    float l5 = 0.0f, l4 = 0.0f;
    for (int k = 0; k < 4; ++k) {
      if (back.skin_segments[i][k] == static_cast<std::uint8_t>(Segment::kL5)) l5 += w[k];
      if (back.skin_segments[i][k] == static_cast<std::uint8_t>(Segment::kL4)) l4 += w[k];
    }
    ASSERT_NEAR(l5, m.skin_weights[i].x, 1e-5f);
    ASSERT_NEAR(l4, m.skin_weights[i].y, 1e-5f);
  }
  bool joint = false;
  for (const ImportedNode& n : s.nodes) joint = joint || n.name == "segment:l4";
  EXPECT_TRUE(joint);
  fs::remove(path);
}

TEST(Gltf, RefusesAnEmptyMesh) {
  MeshData empty;
  GlbPart part;
  part.name = "nothing";
  part.mesh = &empty;
  EXPECT_THROW((void)writeGlb(part), std::invalid_argument);
}

}  // namespace
}  // namespace sagitta::anatomy
