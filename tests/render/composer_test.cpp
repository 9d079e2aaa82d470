// The 2D overlay drawn over the 3D view: labels, pinned values and captions appear where they
// should and never leave the picture.
#include <gtest/gtest.h>
#include <imgui.h>

#include "gl_fixture.h"
#include "render/gl.h"
#include "ui/view_composer.h"

using namespace sagitta;
using sagitta::testing::GlTest;

namespace {

bool magenta(const std::uint8_t* p) {
  return p[0] > 200 && p[1] < 90 && p[2] > 200;
}

}  // namespace

class ComposerTest : public GlTest {
 protected:
  void SetUp() override {
    renderer_ = std::make_unique<render::Renderer>();
    composer_ = std::make_unique<ui::ViewComposer>();
  }
  Image compose(const sagitta::testing::TestScene& s, const ui::OverlayText& text, int w, int h) {
    render::RenderTarget target(w, h, 4);
    ui::OverlayStyle style;
    style.scale = static_cast<float>(h) / 360.0f;
    render::RenderSettings settings;
    settings.shadows = false;
    composer_->compose(*renderer_, s.list, s.meshes, s.camera, settings, text, style, target);
    Image img;
    img.width = w;
    img.height = h;
    img.rgba = target.readPixels();
    return img;
  }
  std::unique_ptr<render::Renderer> renderer_;
  std::unique_ptr<ui::ViewComposer> composer_;
};

TEST_F(ComposerTest, LabelsAreDrawnInTheirColourAndStayInsideTheFrame) {
  auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 16.0f / 9.0f);
  const Image plain = compose(s, {}, 640, 360);
  EXPECT_EQ(sagitta::testing::fraction(plain, magenta), 0.0);
  // one label in the middle, one anchored far outside the view to the right
  s.list.labels.push_back({glm::vec3(0.0f, 0.5f, 0.0f), "ASIS", glm::vec4(1, 0, 1, 1), 1, false});
  s.list.labels.push_back(
      {s.camera.target + s.camera.right() * 0.36f, "edge label", glm::vec4(1, 0, 1, 1), 0, false});
  const Image labelled = compose(s, {}, 640, 360);
  sagitta::testing::dumpIfRequested(labelled, "composer_labels");
  EXPECT_GT(sagitta::testing::fraction(labelled, magenta) * 640 * 360, 60.0) << "label text is drawn";
  // the two outermost columns hold no label text: labels are kept inside the frame
  for (int y = 0; y < 360; ++y) {
    EXPECT_FALSE(magenta(labelled.pixel(639, y)));
    EXPECT_FALSE(magenta(labelled.pixel(0, y)));
  }
  EXPECT_EQ(render::takeGlErrors(), "");
}

TEST_F(ComposerTest, ACaptionAppearsAtTheBottom) {
  const auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 16.0f / 9.0f);
  const Image plain = compose(s, {}, 640, 360);
  ui::OverlayText text;
  text.caption = "Your hip flexors are tight, so they pull the front of your pelvis down.";
  text.caption_note = "The picture shows mechanics, not a diagnosis.";
  const Image captioned = compose(s, text, 640, 360);
  sagitta::testing::dumpIfRequested(captioned, "composer_caption");
  const double bottom = std::abs(sagitta::testing::meanLuma(captioned, 0.2, 0.8, 0.8, 1.0) -
                                 sagitta::testing::meanLuma(plain, 0.2, 0.8, 0.8, 1.0));
  const double top = std::abs(sagitta::testing::meanLuma(captioned, 0.0, 0.0, 1.0, 0.2) -
                              sagitta::testing::meanLuma(plain, 0.0, 0.0, 1.0, 0.2));
  EXPECT_GT(bottom, 2.0) << "the caption changes the bottom of the picture";
  EXPECT_LT(top, 0.5) << "and not the top";
}

TEST_F(ComposerTest, ThePictureLooksTheSameAtTwiceTheSize) {
  auto s = sagitta::testing::cubeScene(scene::ViewPreset::kLateralLeft, 16.0f / 9.0f);
  s.list.labels.push_back({glm::vec3(0.0f, 0.5f, 0.0f), "L5", glm::vec4(1, 0, 1, 1), 1, false});
  const Image small = compose(s, {}, 480, 270);
  const Image large = compose(s, {}, 960, 540);
  // label ink scales with the picture: 4× the pixels at 2× the size (within antialiasing)
  const double a = sagitta::testing::fraction(small, magenta), b = sagitta::testing::fraction(large, magenta);
  EXPECT_GT(a, 0.0);
  EXPECT_NEAR(b / a, 1.0, 0.35);
}

// The overlay rasterises only the font sizes a picture needs (the whole ladder's atlas cost the
// browser's first frame a quarter of a second to upload): what it picks must not change.
TEST(FontLadder, PicksAsTheWholeLadderWouldUpToTheSizeItWasAskedFor) {
  ImFontAtlas whole_atlas, atlas;
  ui::FontLadder whole, ladder;
  ASSERT_TRUE(whole.ensure(&whole_atlas, 1000.0f));
  EXPECT_EQ(whole.rungs(), 9u);
  const auto samePicks = [&](float up_to) {
    for (float px = 6.0f; px <= up_to; px += 0.25f) {
      for (const bool bold : {false, true}) {
        ASSERT_FLOAT_EQ(ladder.pick(px, bold)->FontSize, whole.pick(px, bold)->FontSize) << px << " px";
      }
    }
  };
  ASSERT_TRUE(ladder.ensure(&atlas, 22.1f));  // 17 px × 1.3: the title at 100 %
  EXPECT_EQ(ladder.rungs(), 4u);              // 12, 15, 19, 24
  samePicks(22.1f);
  int w = 0, h = 0, big_w = 0, big_h = 0;
  unsigned char* pixels = nullptr;
  atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
  whole_atlas.GetTexDataAsAlpha8(&pixels, &big_w, &big_h);
  EXPECT_LT(w * h * 4, big_w * big_h);         // under a quarter of the whole ladder's texture
  EXPECT_FALSE(ladder.ensure(&atlas, 20.0f));  // already there: the atlas is kept
  ASSERT_TRUE(ladder.ensure(&atlas, 57.5f));   // a 4K screenshot's title adds rungs
  EXPECT_EQ(ladder.rungs(), 8u);
  samePicks(57.5f);
}
