// The baked-assets file the web build loads (src/web/baked_assets.h): a round trip keeps every
// model and the muscle table, damaged files are rejected with one clear sentence, and the model
// read back solves to the same posture as the one read through Assimp.
#include "web/baked_assets.h"

#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "anatomy/builtin_provider.h"
#include "biomech/posture_model.h"
#include "core/atomic_file.h"
#include "core/error.h"

namespace sagitta::web {
namespace {

using anatomy::Lod;
using anatomy::Sex;

const BakedAssets& shipped() {
  static const BakedAssets assets = [] {
    const Lod lods[] = {Lod::kDefault};
    return collectShippedAssets(lods);
  }();
  return assets;
}

const std::vector<std::byte>& shippedBytes() {
  static const std::vector<std::byte> bytes = bakeAssets(shipped());
  return bytes;
}

void expectSameModel(const anatomy::Model& a, const anatomy::Model& b) {
  EXPECT_EQ(a.skeleton.params(), b.skeleton.params());
  for (std::size_t s = 0; s < anatomy::kSegmentCount; ++s) {
    const auto seg = static_cast<anatomy::Segment>(s);
    EXPECT_EQ(a.skeleton.segment(seg).neutral_in_parent, b.skeleton.segment(seg).neutral_in_parent);
    EXPECT_EQ(a.skeleton.segment(seg).mass_kg, b.skeleton.segment(seg).mass_kg);
    EXPECT_EQ(a.skeleton.segment(seg).centre_of_mass, b.skeleton.segment(seg).centre_of_mass);
  }
  ASSERT_EQ(a.skeleton.landmarks().size(), b.skeleton.landmarks().size());
  for (std::size_t i = 0; i < a.skeleton.landmarks().size(); ++i) {
    EXPECT_EQ(a.skeleton.landmarks()[i].name, b.skeleton.landmarks()[i].name);
    EXPECT_EQ(a.skeleton.landmarks()[i].segment, b.skeleton.landmarks()[i].segment);
    EXPECT_EQ(a.skeleton.landmarks()[i].position, b.skeleton.landmarks()[i].position);
  }
  ASSERT_EQ(a.parts.size(), b.parts.size());
  for (std::size_t i = 0; i < a.parts.size(); ++i) {
    const anatomy::ModelPart& p = a.parts[i];
    const anatomy::ModelPart& q = b.parts[i];
    SCOPED_TRACE(p.name);
    EXPECT_EQ(p.name, q.name);
    EXPECT_EQ(p.kind, q.kind);
    EXPECT_EQ(p.segment, q.segment);
    EXPECT_EQ(p.mesh.name, q.mesh.name);
    ASSERT_EQ(p.mesh.positions.size(), q.mesh.positions.size());
    const anatomy::Bounds bounds = anatomy::boundsOf(p.mesh);
    const float step = glm::length(bounds.size()) / 65535.0f;  // the quantisation step's diagonal
    float worst_position = 0.0f;
    for (std::size_t v = 0; v < p.mesh.positions.size(); ++v) {
      worst_position = std::max(worst_position, glm::length(p.mesh.positions[v] - q.mesh.positions[v]));
    }
    EXPECT_LE(worst_position, 0.5f * step + 1e-6f);
    EXPECT_LT(worst_position, 30e-6f);  // 30 um: far below a pixel at 4K on the whole body
    EXPECT_EQ(p.mesh.indices, q.mesh.indices);
    ASSERT_EQ(p.mesh.normals.size(), q.mesh.normals.size());
    float worst_normal = 0.0f;
    for (std::size_t v = 0; v < p.mesh.normals.size(); ++v) {
      worst_normal = std::max(worst_normal, glm::length(p.mesh.normals[v] - q.mesh.normals[v]));
    }
    EXPECT_LT(worst_normal, 1e-4f);  // octahedral snorm16
    EXPECT_EQ(p.mesh.skin_segments, q.mesh.skin_segments);
    ASSERT_EQ(p.mesh.skin_weights.size(), q.mesh.skin_weights.size());
    for (std::size_t v = 0; v < p.mesh.skin_weights.size(); ++v) {
      EXPECT_LT(glm::length(p.mesh.skin_weights[v] - q.mesh.skin_weights[v]), 1e-4f);  // unorm16
    }
  }
}

TEST(BakedAssets, RoundTripKeepsEveryShippedModelAndTheMuscleTable) {
  const BakedAssets back = readBakedAssets(shippedBytes());
  ASSERT_EQ(back.models.size(), 2u);
  for (Sex sex : {Sex::kMale, Sex::kFemale}) {
    const BakedModel* m = back.find(Lod::kDefault, sex);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->key, sex == Sex::kFemale ? "female" : "default");
    expectSameModel(shipped().find(Lod::kDefault, sex)->model, m->model);
  }
  EXPECT_EQ(back.muscles, currentMuscleTable());
  EXPECT_NO_THROW(checkMuscleTable(back));
}

TEST(BakedAssets, IsCompactAgainstTheGlbFiles) {
  // Both shipped default models as glTF binaries are about 14.9 MB; the baked file (9.0 MB, 7.7 MB gzipped)
  // quantises positions and normals (see bakeAssets) and stores indices in 16 bits where they fit.
  std::uintmax_t glb = 0;
  for (const char* folder : {"default", "female"}) {
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(SAGITTA_SOURCE_DIR) /
                                                             "assets" / "models" / folder)) {
      glb += e.file_size();
    }
  }
  EXPECT_LT(static_cast<double>(shippedBytes().size()), 0.65 * static_cast<double>(glb));
}

TEST(BakedAssets, BakedModelSolvesTheSamePostureAsTheAssimpOne) {
  const BakedAssets back = readBakedAssets(shippedBytes());
  biomech::ModelInputs in;
  in.muscle(biomech::MuscleId::kPsoas, biomech::Side::kLeft).tightness = 0.7;
  in.muscle(biomech::MuscleId::kPsoas, biomech::Side::kRight).tightness = 0.7;
  const biomech::PostureModel from_assets(shipped().find(Lod::kDefault, Sex::kMale)->model.skeleton);
  const biomech::PostureModel from_baked(back.find(Lod::kDefault, Sex::kMale)->model.skeleton);
  const double pt_assets = from_assets.solve(in).measures.pelvic_tilt_deg;
  const double pt_baked = from_baked.solve(in).measures.pelvic_tilt_deg;
  EXPECT_EQ(pt_assets, pt_baked);
}

TEST(BakedAssets, RejectsAFileThatIsNotBaked) {
  const std::string text = "{\"schema\": \"sagitta-model\"}";
  std::vector<std::byte> bytes(text.size());
  std::memcpy(bytes.data(), text.data(), text.size());
  try {
    readBakedAssets(bytes, "x.bin");
    FAIL() << "accepted a JSON file";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "x.bin is not a Sagitta baked-assets file (no SGTBAKE header)");
  }
}

TEST(BakedAssets, RejectsAnotherFormatVersion) {
  std::vector<std::byte> bytes = shippedBytes();
  const std::uint32_t other = kBakedFormatVersion + 1;
  std::memcpy(bytes.data() + 8, &other, 4);
  try {
    readBakedAssets(bytes, "x.bin");
    FAIL() << "accepted another version";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("format version " + std::to_string(other)), std::string::npos)
        << e.what();
  }
}

TEST(BakedAssets, RejectsATruncatedFile) {
  std::vector<std::byte> bytes = shippedBytes();
  bytes.resize(bytes.size() / 2);
  EXPECT_THROW(readBakedAssets(bytes), InputError);
  bytes.resize(20);
  EXPECT_THROW(readBakedAssets(bytes), InputError);
}

TEST(BakedAssets, RejectsAFlippedByte) {
  std::vector<std::byte> bytes = shippedBytes();
  bytes[bytes.size() / 3] ^= std::byte{0x10};
  try {
    readBakedAssets(bytes, "x.bin");
    FAIL() << "accepted a corrupt file";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "x.bin is corrupt (checksum mismatch)");
  }
}

TEST(BakedAssets, RejectsAMuscleTableFromAnotherVersion) {
  BakedAssets other = readBakedAssets(shippedBytes());
  other.muscles[0].fascicles[0].max_isometric_force_N += 1.0;
  EXPECT_THROW(checkMuscleTable(other), InputError);
  other.muscles.pop_back();
  EXPECT_THROW(checkMuscleTable(other), InputError);
}

TEST(BakedAssets, InstalledAssetsAnswerLoadBuiltinModel) {
  BakedAssets marked = readBakedAssets(shippedBytes());
  for (BakedModel& m : marked.models) m.model.parts.resize(1);  // a model the assets folder cannot give
  installBakedAssets(std::move(marked));
  EXPECT_EQ(anatomy::loadBuiltinModel(Lod::kDefault, Sex::kFemale).parts.size(), 1u);
  EXPECT_EQ(anatomy::loadBuiltinModel(Lod::kLow, Sex::kMale).parts.size(), 1u);  // falls back to default
  anatomy::setBuiltinModelProvider(nullptr);
  EXPECT_GT(anatomy::loadBuiltinModel(Lod::kDefault, Sex::kFemale).parts.size(), 1u);
}

TEST(BakedAssets, TheBuildsBakedFileIsCurrent) {
  // Every native build bakes build/web-assets/sagitta-assets.bin for the web build.
  const std::filesystem::path file =
      std::filesystem::path(SAGITTA_BINARY_DIR) / "web-assets" / "sagitta-assets.bin";
  ASSERT_TRUE(std::filesystem::exists(file)) << file;
  const std::string text = readFile(file);
  std::vector<std::byte> bytes(text.size());
  std::memcpy(bytes.data(), text.data(), text.size());
  EXPECT_EQ(bytes, shippedBytes());
}

}  // namespace
}  // namespace sagitta::web
