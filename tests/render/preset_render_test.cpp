// `sagitta render --preset / --mode / --view xray / --list-presets`, end to end: every preset
// in the modes a teacher or clinician uses, checked by image statistics a wrong picture fails.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include <gtest/gtest.h>
#include <unistd.h>

#include "core/image.h"
#include "gl_fixture.h"
#include "process.h"
#include "scene/presets.h"
#include "scene/session.h"

namespace fs = std::filesystem;
using sagitta::Image;
using sagitta::testing::fraction;
using sagitta::testing::meanAbsDiff;
using sagitta::testing::runSagitta;

namespace {

constexpr int kW = 480, kH = 270;

fs::path dir() {
  static const fs::path d = [] {
    const fs::path p = fs::temp_directory_path() / ("sagitta_presets_" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
  }();
  return d;
}

// small pictures for the postures; text needs more pixels to be measured
Image render(const std::string& name, const std::string& args, int w = kW, int h = kH) {
  const fs::path out = dir() / (name + ".png");
  const auto r = runSagitta("render --width " + std::to_string(w) + " --height " + std::to_string(h) +
                            " --out " + out.string() + " " + args);
  EXPECT_EQ(r.code, 0) << args << "\n" << r.out;
  if (r.code != 0) return {};
  Image img = sagitta::readImage(out);
  sagitta::testing::dumpIfRequested(img, "preset_" + name);
  return img;
}

fs::path scenario(const std::string& name, const std::string& json) {
  const fs::path p = dir() / (name + ".json");
  std::ofstream(p) << json;
  return p;
}

// the chair seat's wood (scene::BodyMeshes::addSupport, linear (0.35, 0.27, 0.2), lit): in the
// desk sitter at 720x1280 it was two thirds of the "bone" pixels (126,074 of 189,408), and a label
// box on the seat counted as covered bone
bool chairLike(const std::uint8_t* p) {
  const int r = p[0], g = p[1], b = p[2];
  return r > 120 && r <= 150 && 100 * g >= 86 * r && 1000 * g <= 935 * r && 100 * b >= 74 * r &&
         100 * b <= 86 * r;
}
bool boneLike(const std::uint8_t* p) {
  return p[0] > 120 && p[0] >= p[2] && p[1] > 100 && !chairLike(p);
}
int saturation(const std::uint8_t* p) {
  return std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]});
}
// bright text on the dark label and caption boxes
bool brightText(const std::uint8_t* p) {
  return p[0] > 180 && p[1] > 180 && p[2] > 180 && saturation(p) < 30;
}

double fractionIn(const Image& img, double x0, double x1, double y0, double y1,
                  const std::function<bool(const std::uint8_t*)>& pred) {
  std::size_t n = 0, all = 0;
  for (int y = static_cast<int>(y0 * img.height); y < static_cast<int>(y1 * img.height); ++y) {
    for (int x = static_cast<int>(x0 * img.width); x < static_cast<int>(x1 * img.width); ++x, ++all) {
      n += pred(img.pixel(x, y)) ? 1 : 0;
    }
  }
  return all == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(all);
}

// the PI / PT / SS lines and arcs: yellow, cyan and pink, colours no bone or muscle has
bool overlayColour(const std::uint8_t* p) {
  const int r = p[0], g = p[1], b = p[2];
  const bool yellow = r > 200 && g > 170 && b < 120;
  const bool cyan = r < 150 && g > 170 && b > 200;
  const bool pink = r > 200 && g < 140 && b > 180;
  return yellow || cyan || pink;
}

}  // namespace

TEST(PresetRender, ListPresetsNamesEveryPresetAndAnUnknownOneIsAClearError) {
  const auto r = runSagitta("render --list-presets");
  ASSERT_EQ(r.code, 0) << r.out;
  for (const sagitta::scene::Preset& p : sagitta::scene::presets()) {
    EXPECT_NE(r.out.find(p.name), std::string::npos) << p.name;
  }
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) n += line.empty() ? 0 : 1;
  EXPECT_EQ(n, static_cast<int>(sagitta::scene::presets().size()));

  const auto bad = runSagitta("render --preset no-such-thing --out " + (dir() / "x.png").string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("unknown preset no-such-thing"), std::string::npos) << bad.out;
  EXPECT_FALSE(fs::exists(dir() / "x.png"));
  const auto both = runSagitta("render --preset neutral --scenario " + scenario("s", "{}").string() +
                               " --out " + (dir() / "y.png").string());
  EXPECT_EQ(both.code, 2) << "a preset and a scenario at once is ambiguous";
}

TEST(PresetRender, EveryPresetRendersAndShowsItsOwnPosture) {
  const Image neutral = render("neutral", "--preset neutral");
  ASSERT_FALSE(neutral.rgba.empty());
  EXPECT_GT(fraction(neutral, boneLike), 0.02);
  for (const sagitta::scene::Preset& p : sagitta::scene::presets()) {
    if (p.name == "neutral") continue;
    SCOPED_TRACE(p.name);
    const Image img = render(p.name, "--preset " + p.name);
    ASSERT_FALSE(img.rgba.empty());
    EXPECT_GT(fraction(img, boneLike), 0.01) << "the skeleton is in the picture";
    EXPECT_GT(meanAbsDiff(img, neutral), 1.0) << "a preset shows something other than neutral";
  }
}

TEST(PresetRender, ModesChangeThePictureTheWayTheySay) {
  const Image expert = render("tilt_expert", "--preset anterior-pelvic-tilt --mode expert", 960, 540);
  const Image patient = render("tilt_patient", "--preset anterior-pelvic-tilt --mode patient", 960, 540);
  const Image classroom =
      render("tilt_classroom", "--preset anterior-pelvic-tilt --mode classroom", 960, 540);
  ASSERT_FALSE(expert.rgba.empty() || patient.rgba.empty() || classroom.rgba.empty());
  // patient mode: a plain-language caption across the bottom, left of the legs (where the
  // expert picture has only background)
  EXPECT_GT(fractionIn(patient, 0.2, 0.4, 0.9, 1.0, brightText), 0.003);
  EXPECT_LT(fractionIn(expert, 0.2, 0.4, 0.9, 1.0, brightText), 0.001);
  // classroom: thicker angle lines, so more overlayColour overlay pixels
  EXPECT_GT(fraction(classroom, overlayColour), 1.2 * fraction(expert, overlayColour));
  EXPECT_GT(meanAbsDiff(classroom, expert), 0.5);
}

TEST(PresetRender, OverlaysAppearInLateralViewsAndOnlyThere) {
  // the tilt scenario with or without its overlays, rendered with `flags`
  auto tilt = [](const std::string& name, bool overlays, const std::string& flags = "") {
    const std::string view =
        overlays ? ""
                 : R"(, "pelvic_angles": false, "lordosis": false, "meyerding": false, "shear_arrow": false)";
    const std::string text = R"({"schema": "sagitta.scenario", "version": 1,
      "muscles": {"hip_flexors": {"tightness": 0.8}}, "view": {"labels": false, "muscles": false)" +
                             view + "}}";
    return render(name, flags + "--scenario " + scenario(name, text).string());
  };
  const Image with = tilt("overlays_on", true);
  const Image without = tilt("overlays_off", false);
  ASSERT_FALSE(with.rgba.empty() || without.rgba.empty());
  // the angle lines and arcs are saturated colours the skeleton does not have
  EXPECT_GT(fraction(with, overlayColour), 0.0008);
  EXPECT_LT(fraction(without, overlayColour), 0.2 * fraction(with, overlayColour));
  // seen from the front the sagittal angles would be misread: none are drawn
  const Image front_on = tilt("front_on", true, "--view anterior ");
  const Image front_off = tilt("front_off", false, "--view anterior ");
  EXPECT_LT(std::abs(fraction(front_on, overlayColour) - fraction(front_off, overlayColour)), 0.0002);
}

TEST(PresetRender, XrayLooksLikeAFilmAndDiffersFromTheShadedView) {
  const Image shaded = render("slip_shaded", "--preset isthmic-l5s1-grade-2 --view lateral");
  const Image xray = render("slip_xray", "--preset isthmic-l5s1-grade-2 --view xray");
  ASSERT_FALSE(shaded.rgba.empty() || xray.rgba.empty());
  EXPECT_GT(meanAbsDiff(shaded, xray), 8.0);
  // grey film: the bones carry no colour (overlays and labels still do)
  auto greyBright = [](const std::uint8_t* p) { return p[0] > 90 && saturation(p) < 12; };
  EXPECT_GT(fraction(xray, greyBright), 2.0 * fraction(shaded, greyBright));
  // a film's background is dark all over, with no floor grid or gradient
  const double corner = sagitta::testing::meanLuma(xray, 0.0, 0.0, 0.08, 0.08);
  EXPECT_LT(corner, 30.0);
}

// Regression (issue 13 review): the slip presets keep the cutaway on, and the film clipped the
// bones with it; a clipped closed surface adds its far face alone and the lumbar column burned
// out white, hiding the slip. A film is a projection: the cutaway must not change it.
TEST(PresetRender, TheCutawayDoesNotBurnOutTheFilm) {
  auto slip = [](bool cut) {
    return std::string(R"({"schema": "sagitta.scenario", "version": 1,
      "slip": {"level": "L5-S1", "type": "isthmic", "percent": 40},
      "view": {"muscles": false, "nerves": true, "focus": "slip", "shear_arrow": false, "cutaway": )") +
           (cut ? "true" : "false") + "}}";
  };
  const Image cut = render("film_cut", "--view xray --scenario " + scenario("film_cut", slip(true)).string());
  const Image whole =
      render("film_whole", "--view xray --scenario " + scenario("film_whole", slip(false)).string());
  ASSERT_FALSE(cut.rgba.empty() || whole.rgba.empty());
  EXPECT_LT(meanAbsDiff(cut, whole), 1.0);
  // and the bones read grey, not burnt out: few near-white grey pixels
  auto burnt = [](const std::uint8_t* p) { return p[0] > 230 && p[1] > 230 && saturation(p) < 12; };
  EXPECT_LT(fraction(cut, burnt), 1.5 * fraction(whole, burnt) + 0.002);
}

// Regression (issue 13 review): the cutaway clipped the near side's nerve roots and the far ones
// hid behind the sacrum, so a slip preset showed no root at all (nerves on and off drew the same
// picture). The cutaway cuts the bones, not the nerves. Framed on the lumbosacral junction, as
// when the bound below was measured (a slip's auto framing now shows L1 to the hips).
TEST(PresetRender, TheCutawayShowsTheNerveRoots) {
  auto slip = [](bool nerves) {
    return std::string(R"({"schema": "sagitta.scenario", "version": 1,
      "camera": {"focus": "lumbosacral"},
      "slip": {"level": "L5-S1", "type": "isthmic", "percent": 40},
      "view": {"muscles": false, "focus": "slip", "shear_arrow": false, "cutaway": true,
               "pelvic_angles": false, "nerves": )") +
           (nerves ? "true" : "false") + "}}";
  };
  const Image on = render("roots_on", "--scenario " + scenario("roots_on", slip(true)).string(), 960, 540);
  const Image off =
      render("roots_off", "--scenario " + scenario("roots_off", slip(false)).string(), 960, 540);
  ASSERT_FALSE(on.rgba.empty() || off.rgba.empty());
  // roots are yellow to red (free to pinched); bone, discs and the dark background are not
  auto rootColour = [](const std::uint8_t* p) {
    return p[0] > 170 && p[2] < 110 && p[0] - p[2] > 90 && p[1] > 60;
  };
  const double extra = (fraction(on, rootColour) - fraction(off, rootColour)) * 960.0 * 540.0;
  EXPECT_GT(extra, 60.0) << "root-coloured pixels added by the nerves";  // before the fix 20, after 150
}

TEST(PresetRender, TheGhostShowsTheNeutralSkeletonOverTheTiltedOne) {
  const std::string base = R"({"schema": "sagitta.scenario", "version": 1,
    "muscles": {"hip_flexors": {"tightness": 1.0}}, "view": {"labels": false, "muscles": false, "ghost": )";
  const Image ghost =
      render("ghost_on", "--scenario " + scenario("g1", base + R"("overlay"}})").string(), 960, 540);
  const Image plain =
      render("ghost_off", "--scenario " + scenario("g0", base + R"("off"}})").string(), 960, 540);
  ASSERT_FALSE(ghost.rgba.empty() || plain.rgba.empty());
  EXPECT_GT(meanAbsDiff(ghost, plain), 0.5) << "the ghost adds a visible second skeleton";
  // and three change badges (text) in the top left corner
  auto badgeText = [&](const Image& img) {
    std::size_t n = 0;
    for (int y = 0; y < img.height / 4; ++y) {
      for (int x = 0; x < img.width / 4; ++x) n += brightText(img.pixel(x, y)) ? 1 : 0;
    }
    return n;
  };
  EXPECT_GT(badgeText(ghost), badgeText(plain) + 20);
}

namespace {

// Issue 16: labels sat on the sacrum and the hip. A preset's document rendered with and
// without name labels at w×h: the labels may change almost none of the bone the lesson is about.
void expectFocusBonesUnobstructed(const std::string& name, const sagitta::scene::Document& doc, int w,
                                  int h) {
  sagitta::scene::Document with = doc, without = doc;
  without.view.labels = false;
  const Image on =
      render(name + "_labels",
             "--scenario " + scenario(name + "_on", sagitta::scene::documentToJson(with)).string(), w, h);
  const Image off =
      render(name + "_nolabels",
             "--scenario " + scenario(name + "_off", sagitta::scene::documentToJson(without)).string(), w, h);
  ASSERT_FALSE(on.rgba.empty());
  ASSERT_FALSE(off.rgba.empty());
  ASSERT_EQ(on.rgba.size(), off.rgba.size());
  auto differs = [&](int x, int y) {
    const std::uint8_t *a = on.pixel(x, y), *b = off.pixel(x, y);
    return std::max({std::abs(a[0] - b[0]), std::abs(a[1] - b[1]), std::abs(a[2] - b[2])}) > 40;
  };
  // a label box is solid: a pixel is under one when its whole 7×7 neighbourhood changed
  // (a leader line or a landmark dot is thinner than that and may lie on the bone)
  auto underBox = [&](int x, int y) {
    for (int dy = -3; dy <= 3; ++dy) {
      for (int dx = -3; dx <= 3; ++dx) {
        const int u = x + dx, v = y + dy;
        if (u < 0 || v < 0 || u >= off.width || v >= off.height || !differs(u, v)) return false;
      }
    }
    return true;
  };
  std::size_t bone = 0, covered = 0, changed = 0;
  for (int y = 0; y < off.height; ++y) {
    for (int x = 0; x < off.width; ++x) {
      const bool d = differs(x, y);
      changed += d ? 1 : 0;
      if (!boneLike(off.pixel(x, y))) continue;
      ++bone;
      covered += d && underBox(x, y) ? 1 : 0;
    }
  }
  ASSERT_GT(bone, 5000u) << "the bones are in the picture";
  if (doc.view.labels) {
    EXPECT_GT(changed, 800u) << "the preset has labels to place";
  }
  EXPECT_LT(static_cast<double>(covered) / static_cast<double>(bone), 0.005)
      << covered << " of " << bone << " bone pixels under labels";
}

}  // namespace

TEST(PresetRender, EveryPresetKeepsItsFocusBonesUnobstructedByLabels) {
  for (const sagitta::scene::Preset& p : sagitta::scene::presets()) {
    SCOPED_TRACE(p.name);
    expectFocusBonesUnobstructed(p.name, p.document, 1280, 720);
  }
}

// The presets the issue 16 review found labels on (the desk sitter's thigh, the lunge's and the
// Thomas test's legs, the high-grade slip's sacrum) in the two other modes, whose larger type
// (classroom) and caption (patient) leave less room, and at a 4:3 and a portrait window.
TEST(PresetRender, CrowdedPresetsKeepTheirFocusBonesUnobstructedInEveryModeAndShape) {
  using sagitta::scene::Mode;
  for (const char* name :
       {"desk-sitter", "kneeling-hip-flexor-stretch", "thomas-positive", "isthmic-l5s1-grade-4"}) {
    const sagitta::scene::Preset* p = sagitta::scene::findPreset(name);
    ASSERT_NE(p, nullptr) << name;
    for (const auto& [mode, tag] :
         {std::pair{Mode::kClassroom, "classroom"}, std::pair{Mode::kPatient, "patient"}}) {
      SCOPED_TRACE(std::string(name) + " " + tag);
      sagitta::scene::Document d = p->document;
      d.view.mode = mode;
      expectFocusBonesUnobstructed(std::string(name) + "_" + tag, d, 1280, 720);
    }
    SCOPED_TRACE(std::string(name) + " 4:3 and portrait");
    expectFocusBonesUnobstructed(std::string(name) + "_4x3", p->document, 1024, 768);
    expectFocusBonesUnobstructed(std::string(name) + "_portrait", p->document, 720, 1280);
  }
}
