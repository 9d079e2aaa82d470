// The real window under Xvfb: it opens, draws the model, keeps its layout file in the user's
// config folder and remembers its size.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/image.h"
#include "gl_fixture.h"
#include "process.h"

namespace fs = std::filesystem;
using sagitta::testing::runSagitta;

TEST(GuiSmoke, TheWindowOpensDrawsTheModelAndSavesSettingsInTheConfigFolder) {
  const fs::path home = fs::temp_directory_path() / ("sagitta_gui_" + std::to_string(::getpid()));
  fs::remove_all(home);
  fs::create_directories(home / "work");
  const fs::path shot = home / "window.png";
  const auto r = runSagitta("--exit-after-frames 4 --window-screenshot " + shot.string(),
                            "cd " + (home / "work").string() + " && XDG_CONFIG_HOME=" + home.string());
  ASSERT_EQ(r.code, 0) << r.out;
  const sagitta::Image img = sagitta::readImage(shot);
  EXPECT_EQ(img.width, 1600);
  EXPECT_EQ(img.height, 900);
  const double bone = sagitta::testing::fraction(img, [](const std::uint8_t* p) { return p[0] > 120 && p[0] >= p[2]; });
  EXPECT_GT(bone, 0.01) << "the model is drawn in the window";
  EXPECT_TRUE(fs::exists(home / "sagitta" / "settings.json"));
  EXPECT_TRUE(fs::exists(home / "sagitta" / "imgui.ini")) << "the layout lives in the config folder";
  EXPECT_FALSE(fs::exists(home / "work" / "imgui.ini")) << "never in the working directory";
  fs::remove_all(home);
}
