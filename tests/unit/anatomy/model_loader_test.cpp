// Bring your own mesh: a user manifest replaces a built-in bone with a mesh file in its own unit
// and frame; bad files and bad manifests are reported naming the file and the field, and the
// built-in bone stays.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "anatomy/model.h"
#include "anatomy/model_manifest.h"
#include "core/error.h"

namespace sagitta::anatomy {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kData = fs::path(SAGITTA_TEST_DATA_DIR) / "anatomy";

class UserManifest : public ::testing::Test {
 protected:
  void SetUp() override {
    // the process id too: two runs at once (the sanitizer build's and the normal one, or two
    // checkouts on one machine) would otherwise write each other's bad.json
    dir_ = fs::temp_directory_path() /
           ("sagitta_byo_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
            "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static const Model& builtin() {
    static const Model m = loadBuiltinModel();
    return m;
  }
  static const ModelPart& part(const Model& m, const std::string& name) {
    for (const ModelPart& p : m.parts) {
      if (p.name == name) return p;
    }
    throw std::out_of_range(name);
  }

  // the built-in right os coxae, written as a CT-style OBJ: millimetres, shifted by `offset_mm`
  fs::path writePelvisObj(const glm::dvec3& offset_mm) const {
    fs::path path = dir_ / "pelvis_ct.obj";
    std::ofstream out(path);
    const MeshData& m = part(builtin(), "os_coxae_r").mesh;
    for (const glm::vec3& p : m.positions) {
      const glm::dvec3 q = glm::dvec3(p) * 1000.0 + offset_mm;
      out << "v " << q.x << ' ' << q.y << ' ' << q.z << '\n';
    }
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      out << "f " << m.indices[t] + 1 << ' ' << m.indices[t + 1] + 1 << ' ' << m.indices[t + 2] + 1 << '\n';
    }
    return path;
  }

  // built-in parts written together as one OBJ in metres (their segment frame)
  fs::path writeObj(const std::string& file, const std::vector<std::string>& parts) const {
    fs::path path = dir_ / file;
    std::ofstream out(path);
    std::size_t base = 1;
    for (const std::string& name : parts) {
      const MeshData& m = part(builtin(), name).mesh;
      for (const glm::vec3& p : m.positions) out << "v " << p.x << ' ' << p.y << ' ' << p.z << '\n';
      for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        out << "f " << m.indices[t] + base << ' ' << m.indices[t + 1] + base << ' ' << m.indices[t + 2] + base
            << '\n';
      }
      base += m.positions.size();
    }
    return path;
  }

  json landmarksMm(const std::vector<std::string>& names, const glm::dvec3& offset_mm) const {
    json j = json::object();
    for (const std::string& n : names) {
      const glm::dvec3 p = builtin().skeleton.landmark(n).position * 1000.0 + offset_mm;
      j[n] = {p.x, p.y, p.z};
    }
    return j;
  }

  fs::path writeManifest(const json& parts) const {
    const json j = {
        {"schema", "sagitta.model"}, {"schema_version", 1}, {"base", "builtin"}, {"parts", parts}};
    fs::path path = dir_ / "model.json";
    std::ofstream(path) << j.dump(2);
    return path;
  }

  fs::path dir_;
};

const std::vector<std::string> kPelvisMarks = {"asis_r", "psis_r", "acetabulum_centre_r", "pubic_tubercle_r",
                                               "ischial_tuberosity_r"};

TEST_F(UserManifest, ReplacesABuiltinBoneWithAMeshInMillimetresAndItsOwnFrame) {
  const glm::dvec3 offset(100.0, -40.0, 25.0);  // the scan's origin is elsewhere
  writePelvisObj(offset);
  json marks = landmarksMm(kPelvisMarks, offset);
  marks["asis_r"][0] = marks["asis_r"][0].get<double>() + 3.0;  // the user's own ASIS, 3 mm forward
  const Model m =
      loadModel(writeManifest(json::array({{{"name", "os_coxae_r"},
                                            {"file", "pelvis_ct.obj"},
                                            {"unit", "mm"},
                                            {"transform", {{"translation", {-0.100, 0.040, -0.025}}}},
                                            {"landmarks", marks}}})));
  EXPECT_TRUE(m.warnings.empty()) << m.warnings.front();
  const MeshData& mine = part(m, "os_coxae_r").mesh;
  const MeshData& original = part(builtin(), "os_coxae_r").mesh;
  ASSERT_EQ(mine.positions.size(), original.positions.size());
  EXPECT_LT(glm::distance(glm::dvec3(mine.positions[0]), glm::dvec3(original.positions[0])), 1e-6);
  const glm::dvec3 asis = m.skeleton.landmark("asis_r").position;
  EXPECT_NEAR(asis.x, builtin().skeleton.landmark("asis_r").position.x + 0.003, 1e-6);
  EXPECT_EQ(part(m, "os_coxae_l").mesh.positions.size(), part(builtin(), "os_coxae_l").mesh.positions.size());
}

TEST_F(UserManifest, AUserVertebraIsTheWholeBoneSoTheBuiltinArchGoes) {
  // a scanned L5 is one mesh, body and arch together
  writeObj("l5_scan.obj", {"l5", "l5_arch"});
  json marks = json::object();
  for (const char* n : {"l5_superior_endplate_anterior", "l5_superior_endplate_posterior",
                        "l5_inferior_endplate_anterior", "l5_inferior_endplate_posterior"}) {
    const glm::dvec3 p = builtin().skeleton.landmark(n).position;
    marks[n] = {p.x, p.y, p.z};
  }
  const Model m = loadModel(
      writeManifest(json::array({{{"name", "l5"}, {"file", "l5_scan.obj"}, {"landmarks", marks}}})));
  EXPECT_TRUE(m.warnings.empty()) << m.warnings.front();
  EXPECT_EQ(part(m, "l5").mesh.positions.size(),
            part(builtin(), "l5").mesh.positions.size() + part(builtin(), "l5_arch").mesh.positions.size());
  EXPECT_THROW((void)part(m, "l5_arch"), std::out_of_range);
  EXPECT_NO_THROW((void)part(m, "l4_arch"));  // L4 is still the built-in one, in two pieces
  EXPECT_EQ(m.parts.size(), builtin().parts.size() - 1);
  // the arch's landmarks keep their built-in positions
  EXPECT_EQ(m.skeleton.landmark("l5_spinous_tip").position,
            builtin().skeleton.landmark("l5_spinous_tip").position);

  // given both pieces, both are the user's
  writeObj("l5_body.obj", {"l5"});
  writeObj("l5_arch.obj", {"l5_arch"});
  const Model both =
      loadModel(writeManifest(json::array({{{"name", "l5"}, {"file", "l5_body.obj"}, {"landmarks", marks}},
                                           {{"name", "l5_arch"}, {"file", "l5_arch.obj"}}})));
  EXPECT_TRUE(both.warnings.empty()) << both.warnings.front();
  EXPECT_EQ(both.parts.size(), builtin().parts.size());
  EXPECT_EQ(part(both, "l5_arch").mesh.positions.size(), part(builtin(), "l5_arch").mesh.positions.size());
  EXPECT_EQ(part(both, "l5_arch").segment, Segment::kL5);
}

TEST_F(UserManifest, WrongUnitKeepsTheBuiltinBoneAndSaysWhy) {
  const fs::path obj = writePelvisObj({});
  const Model m = loadModel(writeManifest(json::array({{{"name", "os_coxae_r"},
                                                        {"file", "pelvis_ct.obj"},
                                                        {"unit", "m"},
                                                        {"landmarks", landmarksMm(kPelvisMarks, {})}}})));
  ASSERT_EQ(m.warnings.size(), 1u);
  EXPECT_NE(m.warnings[0].find(obj.string()), std::string::npos) << m.warnings[0];
  EXPECT_NE(m.warnings[0].find("\"unit\""), std::string::npos) << m.warnings[0];
  EXPECT_NE(m.warnings[0].find("built-in os_coxae_r"), std::string::npos);
  EXPECT_EQ(part(m, "os_coxae_r").mesh.positions.size(), part(builtin(), "os_coxae_r").mesh.positions.size());
}

TEST_F(UserManifest, MissingRequiredLandmarkIsNamed) {
  writePelvisObj({});
  std::vector<std::string> some = kPelvisMarks;
  some.erase(some.begin());  // no asis_r
  const Model m = loadModel(writeManifest(json::array({{{"name", "os_coxae_r"},
                                                        {"file", "pelvis_ct.obj"},
                                                        {"unit", "mm"},
                                                        {"landmarks", landmarksMm(some, {})}}})));
  ASSERT_EQ(m.warnings.size(), 1u);
  EXPECT_NE(m.warnings[0].find("landmarks.asis_r"), std::string::npos) << m.warnings[0];
  EXPECT_NE(m.warnings[0].find("pelvis_ct.obj"), std::string::npos) << m.warnings[0];
}

TEST_F(UserManifest, BrokenFilesKeepTheBuiltinBones) {
  const json parts = json::array({{{"name", "os_coxae_r"}, {"file", (kData / "not_a_mesh.obj").string()}},
                                  {{"name", "sacrum"}, {"file", (kData / "truncated.glb").string()}},
                                  {{"name", "l5"}, {"file", (kData / "empty.stl").string()}},
                                  {{"name", "l4"}, {"file", (dir_ / "does_not_exist.ply").string()}}});
  const Model m = loadModel(writeManifest(parts));
  ASSERT_EQ(m.warnings.size(), 4u);
  const std::vector<std::string> files = {"not_a_mesh.obj", "truncated.glb", "empty.stl",
                                          "does_not_exist.ply"};
  for (std::size_t i = 0; i < files.size(); ++i)
    EXPECT_NE(m.warnings[i].find(files[i]), std::string::npos) << m.warnings[i];
  for (const char* name : {"os_coxae_r", "sacrum", "l5", "l4", "l5_arch", "l4_arch"}) {
    EXPECT_EQ(part(m, name).mesh.positions.size(), part(builtin(), name).mesh.positions.size()) << name;
  }
}

TEST_F(UserManifest, MalformedJsonNamesFileAndLine) {
  try {
    (void)loadModel(kData / "broken_manifest.json");
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("broken_manifest.json"), std::string::npos) << what;
    EXPECT_NE(what.find("broken_manifest.json:7: "), std::string::npos) << what;
  }
}

TEST_F(UserManifest, BadFieldsAreNamed) {
  auto error = [&](const json& j) -> std::string {
    const fs::path path = dir_ / "bad.json";
    std::ofstream(path) << j.dump();
    try {
      (void)loadModel(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(error({{"schema", "sagitta.model"}, {"schema_version", 9}, {"parts", json::array()}})
                .find("schema_version"),
            std::string::npos);
  EXPECT_NE(error({{"schema", "something.else"}, {"schema_version", 1}, {"parts", json::array()}})
                .find("\"schema\""),
            std::string::npos);
  EXPECT_NE(error({{"schema", "sagitta.model"}, {"schema_version", 1}}).find("\"parts\""), std::string::npos);
  // a part that is not a built-in one has nothing to fall back on: its errors are fatal
  EXPECT_NE(error({{"schema", "sagitta.model"},
                   {"schema_version", 1},
                   {"base", "builtin"},
                   {"parts", json::array({{{"name", "my_implant"}, {"file", "implant.stl"}}})}})
                .find("\"kind\""),
            std::string::npos);
  EXPECT_NE(error({{"schema", "sagitta.model"},
                   {"schema_version", 1},
                   {"body", {{"stature_m", 4.0}}},
                   {"parts", json::array()}})
                .find("stature_m"),
            std::string::npos);
}

// Issue 11, bug 5: finite vertices were checked before the transform, so "scale": 1e308 (or a
// zero or huge matrix) drew a part with infinite vertices, exit 0.
TEST_F(UserManifest, ATransformThatMakesTheMeshNonFiniteIsRefused) {
  writeObj("implant.obj", {"l5"});
  auto error = [&](const json& transform) -> std::string {
    const fs::path path = writeManifest(json::array({{{"name", "my_implant"},
                                                      {"kind", "bone"},
                                                      {"segment", "l5"},
                                                      {"file", "implant.obj"},
                                                      {"transform", transform}}}));
    try {
      (void)loadModel(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  std::vector<double> zero(16, 0.0), huge(16, 0.0);
  for (std::size_t i = 0; i < 4; ++i) huge[i * 5] = 1e300;
  huge[15] = 1.0;
  for (const json& t : {json{{"scale", 1e308}}, json{{"matrix", zero}}, json{{"matrix", huge}},
                        json{{"translation", {1e308, 0, 0}}, {"scale", 1e10}}}) {
    const std::string message = error(t);
    EXPECT_NE(message.find("\"transform"), std::string::npos) << t.dump() << ": " << message;
  }
  // a sane transform still loads
  EXPECT_EQ(error({{"scale", 1.0}, {"translation", {0.01, 0, 0}}}), "");
}

// Issue 11, bug 4: a manifest holding 1e400 gave "unexpected error: [json.exception…]", exit 1.
TEST_F(UserManifest, AManifestHoldingAHugeNumberIsBadInputWithFileAndLine) {
  const fs::path path = dir_ / "huge.json";
  std::ofstream(path)
      << "{\"schema\": \"sagitta.model\",\n\"schema_version\": 1,\n\"body\": {\"mass_kg\": 1e400},\n"
         "\"parts\": []}";
  try {
    (void)loadModel(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("huge.json:3: "), std::string::npos) << e.what();
  }
}

// Issue 11, bug 8: "schema_version": 4294967297 was read as 1 and accepted.
TEST_F(UserManifest, ASchemaVersionThatWouldWrapIsRefused) {
  for (const char* version : {"4294967297", "-4294967295", "18446744073709551617"}) {
    const fs::path path = dir_ / "wrap.json";
    std::ofstream(path) << "{\"schema\": \"sagitta.model\", \"schema_version\": " << version
                        << ", \"parts\": []}";
    EXPECT_THROW((void)loadModel(path), InputError) << version;
  }
}

// Issue 11, bug 3: deep nesting in a manifest is refused with a clear error.
TEST_F(UserManifest, DeeplyNestedJsonIsRefusedQuickly) {
  const fs::path path = dir_ / "deep.json";
  std::ofstream(path) << std::string(100000, '[') << std::string(100000, ']');
  try {
    (void)loadModel(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("limit of 64 levels"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sagitta::anatomy
