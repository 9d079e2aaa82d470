#include "anatomy/mesh_import.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"

namespace fs = std::filesystem;
using sagitta::InputError;
using sagitta::IoError;
using sagitta::anatomy::importMesh;

namespace {

const fs::path kStandIn = fs::path(SAGITTA_TEST_DATA_DIR) / "meshes" / "standin.obj";

fs::path tempFile(const std::string& name, const std::string& bytes) {
  fs::path p = fs::temp_directory_path() / ("sagitta_import_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

// A binary STL with `declared` triangles in its header but only `present` written.
std::string binaryStl(std::uint32_t declared, std::uint32_t present) {
  std::string s(80, ' ');
  s.append(reinterpret_cast<const char*>(&declared), 4);
  for (std::uint32_t t = 0; t < present; ++t) {
    const float f[12] = {0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, static_cast<float>(t)};
    s.append(reinterpret_cast<const char*>(f), sizeof(f));
    s.append(2, '\0');
  }
  return s;
}

void expectErrorNaming(const fs::path& p, const std::string& fragment = "") {
  try {
    importMesh(p);
    FAIL() << "expected an error for " << p;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos) << e.what();
    if (!fragment.empty()) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  }
}

}  // namespace

TEST(MeshImport, AGoodObjLoadsWithSmoothUnitNormals) {
  const auto mesh = importMesh(kStandIn);
  EXPECT_GT(mesh.triangleCount(), 1000u);
  ASSERT_EQ(mesh.normals.size(), mesh.positions.size());
  for (const glm::vec3& n : mesh.normals) EXPECT_NEAR(glm::length(n), 1.0f, 1e-3f);
  const auto b = sagitta::anatomy::boundsOf(mesh);
  EXPECT_NEAR(b.max.y, 1.185f, 0.001f);
}

TEST(MeshImport, UnitScaleConvertsMillimetres) {
  sagitta::anatomy::ImportOptions mm;
  mm.scale_to_m = 0.001f;
  const auto mesh = importMesh(kStandIn, mm);
  EXPECT_NEAR(sagitta::anatomy::boundsOf(mesh).max.y, 0.001185f, 1e-6f);
}

TEST(MeshImport, AValidBinaryStlLoads) {
  const fs::path p = tempFile("ok.stl", binaryStl(3, 3));
  EXPECT_EQ(importMesh(p).triangleCount(), 3u);
  fs::remove(p);
}

TEST(MeshImport, ATruncatedStlIsRejectedNamingTheFile) {
  const fs::path p = tempFile("truncated.stl", binaryStl(1000, 10));
  expectErrorNaming(p);
  fs::remove(p);
}

TEST(MeshImport, AFileThatIsNotAMeshIsRejected) {
  const fs::path p = tempFile("notamesh.ply", std::string("\x89PNG\r\n\x1a\n this is an image, not a mesh"));
  expectErrorNaming(p);
  fs::remove(p);
}

TEST(MeshImport, AnObjWithoutTrianglesIsRejected) {
  const fs::path p = tempFile("points.obj", "# only vertices\nv 0 0 0\nv 1 0 0\nv 0 1 0\n");
  expectErrorNaming(p, "no triangles");
  fs::remove(p);
}

TEST(MeshImport, AnEmptyFileIsRejected) {
  const fs::path p = tempFile("empty.obj", "");
  expectErrorNaming(p, "empty");
  fs::remove(p);
}

// a missing file is bad input (exit 2), like a missing --model or --scenario
TEST(MeshImport, AMissingFileIsBadInput) {
  EXPECT_THROW(importMesh("/nonexistent/sagitta/pelvis.stl"), InputError);
}

TEST(MeshImport, ANonPositiveScaleIsRejected) {
  sagitta::anatomy::ImportOptions bad;
  bad.scale_to_m = -1.0f;
  EXPECT_THROW(importMesh(kStandIn, bad), InputError);
}

// Issue 11, bug 6: a FIFO as a manifest's mesh blocked forever (Assimp waited for a writer).
TEST(MeshImport, AFifoIsRefusedInsteadOfBlocking) {
  const fs::path p =
      fs::temp_directory_path() / ("sagitta_import_" + std::to_string(::getpid()) + "_pipe.obj");
  fs::remove(p);
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  expectErrorNaming(p, "FIFO");
  fs::remove(p);
}

// Issue 11, bug 9: a NaN vertex in an OBJ said "No meshes remaining".
TEST(MeshImport, ANanVertexIsNamedAsSuch) {
  const fs::path p = tempFile("nan.obj", "v 0 0 0\nv 1 0 0\nv nan 1 0\nf 1 2 3\n");
  expectErrorNaming(p, "not a finite number");
  fs::remove(p);
}
