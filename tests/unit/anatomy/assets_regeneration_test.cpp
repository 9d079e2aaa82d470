// The committed assets are what the generator makes today: every shipped model (the average man
// and woman) is regenerated into a temporary folder and compared with assets/models part by part.
//
// What is compared: the parsed geometry, within 0.2 mm, and the landmarks, within 1e-6 m.
// Byte equality is also counted and reported, but not required: the generator is
// deterministic for one build, yet the remesher's discrete choices can flip on a last-bit
// floating-point difference between compilers or build types (-O0 vs -O2, sanitizers), which
// changes the triangulation without changing the surface. The geometric comparison catches a
// stale asset (any shape or landmark change moves the surface by far more than 0.2 mm) without
// failing on such noise.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "anatomy/asset_writer.h"
#include "anatomy/gltf_writer.h"
#include "anatomy/mesh_import.h"
#include "anatomy/model.h"
#include "core/paths.h"
#include "mesh_checks.h"

namespace sagitta::anatomy {
namespace {
namespace fs = std::filesystem;

std::string bytesOf(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// largest distance from a sample of a's vertices to b's surface
double oneSidedDistance(const MeshData& a, const MeshData& b) {
  const test::MeshDistance db(b, glm::dmat4(1.0), 0.004);
  double worst = 0.0;
  for (std::size_t i = 0; i < a.positions.size(); i += 5)
    worst = std::max(worst, db.distance(glm::dvec3(a.positions[i]), 0.01));
  return worst;
}

TEST(AssetsRegeneration, CommittedAssetsMatchTheGenerator) {
  const fs::path committed = paths::assetsDir() / "models";
  const fs::path fresh =
      fs::temp_directory_path() /
      ("sagitta_assets_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(fresh);
  std::size_t identical = 0, files = 0;
  std::vector<std::string> folders;
  for (const ShippedModel& shipped : shippedModels()) {
    writeBuiltinAssets(fresh, shipped.body, {}, shipped.name);
    for (Lod l : {Lod::kDefault, Lod::kLow}) folders.push_back(lodFolder(shipped.name, l));
  }
  ASSERT_EQ(folders.size(), 4u);  // default, default_low, female, female_low
  for (const std::string& folder : folders) {
    const char* lod = folder.c_str();
    const Model mine = loadModel(fresh / lod / "manifest.json");
    const Model theirs = loadModel(committed / lod / "manifest.json");
    ASSERT_EQ(mine.parts.size(), theirs.parts.size()) << lod;
    for (std::size_t i = 0; i < mine.parts.size(); ++i) {
      const ModelPart& a = mine.parts[i];
      const ModelPart& b = theirs.parts[i];
      SCOPED_TRACE(std::string(lod) + "/" + a.name);
      ASSERT_EQ(a.name, b.name);
      EXPECT_EQ(a.kind, b.kind);
      EXPECT_EQ(a.segment, b.segment);
      EXPECT_NEAR(double(a.mesh.triangleCount()), double(b.mesh.triangleCount()),
                  0.03 * double(b.mesh.triangleCount()));
      EXPECT_LT(oneSidedDistance(a.mesh, b.mesh), 0.0002);
      EXPECT_LT(oneSidedDistance(b.mesh, a.mesh), 0.0002);
      ++files;
      identical += bytesOf(fresh / lod / (a.name + ".glb")) == bytesOf(committed / lod / (a.name + ".glb"));
    }
    for (const Landmark& l : mine.skeleton.landmarks()) {
      EXPECT_LT(glm::distance(l.position, theirs.skeleton.landmark(l.name).position), 1e-6) << l.name;
    }
  }
  std::printf("[ info ] %zu of %zu regenerated part files are byte-identical to the committed ones\n",
              identical, files);
  fs::remove_all(fresh);
}

}  // namespace
}  // namespace sagitta::anatomy
