// The built-in model follows the scenario's body: shipped average man and woman, a stature that
// is not shipped generated once and cached, mass changing only the skeleton's segment masses.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/model.h"
#include "core/error.h"
#include "scene/default_model.h"
#include "scene/session.h"
#include "scene/timeline.h"

namespace sagitta::scene {
namespace {
namespace fs = std::filesystem;

// A session on the shipped man at the low level of detail (fast) whose model source also loads
// the low level, counting the models it made.
struct CountingSource {
  int made = 0;
  ModelSource source() {
    return [this](const anatomy::BodyParams& b) {
      ++made;
      return builtinModelFor(b, anatomy::Lod::kLow);
    };
  }
};

Document withBody(const Document& d, double stature_m, double mass_kg, anatomy::Sex sex) {
  Document out = d;
  out.scenario.inputs.body = {stature_m, mass_kg, sex};
  return out;
}

TEST(BodyModel, TheSessionStartsWithTheBodyOfItsModel) {
  Session s(anatomy::loadBuiltinModel(anatomy::Lod::kLow, anatomy::Sex::kFemale));
  EXPECT_EQ(s.shown().scenario.inputs.body.sex, anatomy::Sex::kFemale);
  EXPECT_DOUBLE_EQ(s.shown().scenario.inputs.body.stature_m, 1.63);
  EXPECT_TRUE(s.solution().warnings.empty());
}

TEST(BodyModel, ChangingTheSexLoadsTheShippedWomanAndBack) {
  CountingSource counter;
  Session s(anatomy::loadBuiltinModel(anatomy::Lod::kLow), counter.source());
  const double man_width = glm::distance(s.model().skeleton.landmark("ischial_tuberosity_l").position,
                                         s.model().skeleton.landmark("ischial_tuberosity_r").position);
  const anatomy::BodyParams woman = anatomy::averageWoman();
  s.show(withBody(s.shown(), woman.stature_m, woman.mass_kg, anatomy::Sex::kFemale));
  EXPECT_EQ(counter.made, 1);
  EXPECT_EQ(s.model().skeleton.params(), woman);
  EXPECT_TRUE(s.solution().warnings.empty()) << s.solution().warnings.front();
  EXPECT_TRUE(s.neutral().warnings.empty());
  const double woman_width = glm::distance(s.model().skeleton.landmark("ischial_tuberosity_l").position,
                                           s.model().skeleton.landmark("ischial_tuberosity_r").position);
  EXPECT_GT(woman_width, man_width);
  // the drawn meshes are the woman's: a frame draws from the new library
  const FrameContent f = s.frame(s.cameraFor(s.shown().view, 1.5f));
  EXPECT_FALSE(f.list.items.empty());
  // muscles unchanged: no new model
  Document tighter = s.shown();
  tighter.scenario.inputs.muscles[0][0].tightness = 0.7;
  s.show(tighter);
  EXPECT_EQ(counter.made, 1);
  s.show(withBody(s.shown(), 1.75, 75.0, anatomy::Sex::kMale));
  EXPECT_EQ(counter.made, 2);
  EXPECT_EQ(s.model().skeleton.params().sex, anatomy::Sex::kMale);
}

TEST(BodyModel, MassAloneKeepsTheMeshesAndRebuildsTheMasses) {
  const anatomy::Model heavy = builtinModelFor({1.75, 95.0, anatomy::Sex::kMale, 40.0}, anatomy::Lod::kLow);
  const anatomy::Model shipped = anatomy::loadBuiltinModel(anatomy::Lod::kLow);
  EXPECT_DOUBLE_EQ(heavy.skeleton.params().mass_kg, 95.0);
  ASSERT_EQ(heavy.parts.size(), shipped.parts.size());
  EXPECT_EQ(heavy.parts.front().mesh.positions, shipped.parts.front().mesh.positions);
  double heavy_mass = 0.0, shipped_mass = 0.0;
  for (std::size_t i = 0; i < anatomy::kSegmentCount; ++i) {
    heavy_mass += heavy.skeleton.segment(static_cast<anatomy::Segment>(i)).mass_kg;
    shipped_mass += shipped.skeleton.segment(static_cast<anatomy::Segment>(i)).mass_kg;
  }
  EXPECT_NEAR(heavy_mass / shipped_mass, 95.0 / 75.0, 0.01);
}

TEST(BodyModel, AnInvalidBodyChangesNothing) {
  CountingSource counter;
  Session s(anatomy::loadBuiltinModel(anatomy::Lod::kLow), counter.source());
  EXPECT_THROW(s.show(withBody(s.shown(), 2.9, 75.0, anatomy::Sex::kMale)), InputError);
  EXPECT_EQ(counter.made, 0);
  EXPECT_DOUBLE_EQ(s.shown().scenario.inputs.body.stature_m, 1.75);
  EXPECT_THROW(builtinModelFor({1.2, 75.0, anatomy::Sex::kMale, 40.0}), InputError);
}

TEST(BodyModel, WithoutASourceTheModelStaysAndTheSolutionWarns) {
  Session s(anatomy::loadBuiltinModel(anatomy::Lod::kLow));  // as for a user's manifest
  s.show(withBody(s.shown(), 1.63, 65.0, anatomy::Sex::kFemale));
  EXPECT_EQ(s.model().skeleton.params().sex, anatomy::Sex::kMale);
  ASSERT_FALSE(s.solution().warnings.empty());
  EXPECT_NE(s.solution().warnings.front().find("body.sex"), std::string::npos);
}

// About 10-30 s on two cores: the whole skeleton is generated for a 1.90 m man.
TEST(BodyModel, AStatureNotShippedIsGeneratedOnceAndCached) {
  const fs::path cache =
      fs::temp_directory_path() /
      ("sagitta_cache_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(cache);
  ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
  const anatomy::BodyParams tall{1.90, 90.0, anatomy::Sex::kMale, 40.0};
  const anatomy::Model first = builtinModelFor(tall, anatomy::Lod::kLow);
  EXPECT_EQ(first.skeleton.params(), tall);
  const fs::path folder = modelCacheFolder(tall);
  EXPECT_EQ(folder.parent_path(), cache / "sagitta" / "models");
  ASSERT_TRUE(fs::exists(folder / "model_low" / "manifest.json"));
  ASSERT_TRUE(fs::exists(folder / "model" / "manifest.json"));
  // taller than the shipped man: the lumbar spine is longer (LMG: spine height is an affine
  // regression on stature (Taylor), so it grows a little faster than stature itself)
  const anatomy::Model shipped = anatomy::loadBuiltinModel(anatomy::Lod::kLow);
  auto lumbar = [](const anatomy::Model& m) {
    return glm::distance(m.skeleton.landmark("l1_superior_endplate_anterior").position,
                         m.skeleton.landmark("l5_inferior_endplate_anterior").position);
  };
  EXPECT_GT(lumbar(first) / lumbar(shipped), 1.90 / 1.75 - 0.01);
  EXPECT_LT(lumbar(first) / lumbar(shipped), 1.90 / 1.75 + 0.05);
  // the second time it comes from the cache: same meshes, and a file stamp that did not move
  const auto stamp = fs::last_write_time(folder / "model_low" / "manifest.json");
  const anatomy::Model second = builtinModelFor({1.90, 80.0, anatomy::Sex::kMale, 40.0}, anatomy::Lod::kLow);
  EXPECT_EQ(fs::last_write_time(folder / "model_low" / "manifest.json"), stamp);
  ASSERT_EQ(second.parts.size(), first.parts.size());
  EXPECT_EQ(second.parts.front().mesh.positions, first.parts.front().mesh.positions);
  EXPECT_DOUBLE_EQ(second.skeleton.params().mass_kg, 80.0);
  // a broken cache is generated again, not trusted
  { std::ofstream(folder / "model_low" / "manifest.json") << "{ broken"; }
  const anatomy::Model third = builtinModelFor(tall, anatomy::Lod::kLow);
  EXPECT_EQ(third.parts.size(), first.parts.size());
  ::unsetenv("XDG_CACHE_HOME");
  fs::remove_all(cache);
}

TEST(BodyModel, ATimelineKeepsOneBody) {
  const char* bad = R"({"schema": "sagitta.timeline", "version": 1, "duration_s": 4, "keyframes": [
    {"time_s": 0, "set": {"body.sex": "female"}},
    {"time_s": 2, "set": {"body.stature_m": 1.8}}]})";
  try {
    parseTimeline(bad, "clip.json");
    FAIL() << "a body change at 2 s was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("body.stature_m cannot change during a clip"), std::string::npos)
        << e.what();
  }
  const char* good = R"({"schema": "sagitta.timeline", "version": 1, "duration_s": 4, "keyframes": [
    {"time_s": 0, "set": {"body.sex": "female"}}, {"time_s": 2, "set": {"muscles.psoas.tightness": 0.5}}]})";
  const Timeline t = parseTimeline(good, "clip.json");
  EXPECT_EQ(t.evaluate(3.0).scenario.inputs.body.sex, anatomy::Sex::kFemale);
}

}  // namespace
}  // namespace sagitta::scene
