// `sagitta render` end to end, on the built-in model.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "core/image.h"
#include "gl_fixture.h"
#include "process.h"

namespace fs = std::filesystem;
using sagitta::testing::runSagitta;

namespace {

fs::path freshDir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("sagitta_cli_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST(RenderCommand, WritesAPngOfTheRequestedSizeAndNothingElse) {
  const fs::path d = freshDir("size");
  const auto r = runSagitta("render --out " + (d / "shot.png").string() + " --width 640 --height 360");
  ASSERT_EQ(r.code, 0) << r.out;
  const sagitta::Image img = sagitta::readImage(d / "shot.png");
  EXPECT_EQ(img.width, 640);
  EXPECT_EQ(img.height, 360);
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 1)
      << "no temporary files left";
  // the model is in the picture: a good share of bright, bone-coloured pixels
  const double bone =
      sagitta::testing::fraction(img, [](const std::uint8_t* p) { return p[0] > 120 && p[0] >= p[2]; });
  EXPECT_GT(bone, 0.01);
}

TEST(RenderCommand, LateralAndAnteriorPicturesDiffer) {
  const fs::path d = freshDir("views");
  ASSERT_EQ(
      runSagitta("render --out " + (d / "lat.png").string() + " --width 320 --height 240 --view lateral")
          .code,
      0);
  ASSERT_EQ(
      runSagitta("render --out " + (d / "ant.png").string() + " --width 320 --height 240 --view anterior")
          .code,
      0);
  EXPECT_GT(
      sagitta::testing::meanAbsDiff(sagitta::readImage(d / "lat.png"), sagitta::readImage(d / "ant.png")),
      1.0);
}

TEST(RenderCommand, TransparentBackgroundLeavesCornersClear) {
  const fs::path d = freshDir("clear");
  ASSERT_EQ(runSagitta("render --out " + (d / "t.png").string() +
                       " --width 320 --height 240 --transparent --no-grid --no-shadows")
                .code,
            0);
  const sagitta::Image img = sagitta::readImage(d / "t.png");
  EXPECT_EQ(img.pixel(0, 0)[3], 0);
  EXPECT_EQ(img.pixel(319, 239)[3], 0);
}

TEST(RenderCommand, AFailedRenderLeavesThePreviousFileUntouched) {
  const fs::path d = freshDir("keep");
  std::ofstream(d / "shot.png") << "previous";
  const auto r =
      runSagitta("render --out " + (d / "shot.png").string() + " --scenario /nonexistent/scenario.json");
  EXPECT_NE(r.code, 0);
  std::ifstream in(d / "shot.png");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "previous");
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 1);
}

TEST(RenderCommand, AModelManifestIsUsedAndItsProblemsAreNamed) {
  const fs::path d = freshDir("model");
  // a malformed manifest: a one-line error naming the file, exit 2, nothing written
  const auto broken = runSagitta("render --out " + (d / "a.png").string() +
                                 " --model " SAGITTA_TEST_DATA_DIR "/anatomy/broken_manifest.json");
  EXPECT_EQ(broken.code, 2) << broken.out;
  EXPECT_NE(broken.out.find("broken_manifest.json"), std::string::npos) << broken.out;
  EXPECT_FALSE(fs::exists(d / "a.png"));
  // a part whose file is not a mesh: the built-in bone stays, the warning names the file
  std::ofstream(d / "model.json") << R"({"schema": "sagitta.model", "schema_version": 1, "base": "builtin",
    "parts": [{"name": "femur_r", "file": ")" SAGITTA_TEST_DATA_DIR
                                     R"(/anatomy/not_a_mesh.obj", "unit": "mm"}]})";
  const auto r = runSagitta("render --width 320 --height 240 --out " + (d / "b.png").string() + " --model " +
                            (d / "model.json").string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("not_a_mesh.obj"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(d / "b.png"));
  const auto missing =
      runSagitta("render --out " + (d / "c.png").string() + " --model /nonexistent/model.json");
  EXPECT_EQ(missing.code, 2) << missing.out;
}
