#include "scene/timeline.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/log.h"
#include "scenario/parameters.h"

using namespace sagitta;
using scene::Timeline;

namespace {

const char* kClip = R"({
  "schema": "sagitta.timeline", "version": 1, "title": "test",
  "scenario": {"view": {"labels": false}},
  "duration_s": 6,
  "keyframes": [
    {"time_s": 0, "set": {"muscles.hip_flexors.tightness": 0, "camera.yaw_deg": 0, "view.xray": false}},
    {"time_s": 2, "ease": "linear", "set": {"muscles.hip_flexors.tightness": 0.8, "camera.yaw_deg": 40}},
    {"time_s": 3, "ease": "hold", "set": {"view.xray": true, "captions.custom": "X-ray"}},
    {"time_s": 5, "ease": "ease-in-out", "set": {"muscles.hip_flexors.tightness": 0.2}}
  ]})";

double flexors(const scene::Document& d) {
  return *scenario::getNumber(d.scenario.inputs, "muscles.hip_flexors.tightness");
}

}  // namespace

TEST(Timeline, NumbersFollowTheirEasing) {
  const Timeline t = scene::parseTimeline(kClip, "clip.json");
  EXPECT_DOUBLE_EQ(t.duration_s, 6.0);
  EXPECT_NEAR(flexors(t.evaluate(0.0)), 0.0, 1e-9);
  EXPECT_NEAR(flexors(t.evaluate(1.0)), 0.4, 1e-9) << "linear: half way at half time";
  EXPECT_NEAR(flexors(t.evaluate(2.0)), 0.8, 1e-9);
  // ease-in-out from 0.8 (t=2) to 0.2 (t=5): slow start, half way at the middle
  EXPECT_NEAR(flexors(t.evaluate(3.5)), 0.5, 1e-9);
  EXPECT_GT(flexors(t.evaluate(2.3)), 0.8 - 0.6 * 0.1) << "eases in: moved less than linear";
  EXPECT_NEAR(flexors(t.evaluate(5.5)), 0.2, 1e-9) << "holds after the last keyframe";
  EXPECT_NEAR(t.evaluate(1.0).view.camera.yaw_rad, glm::radians(20.0f), 1e-5);
  EXPECT_FALSE(t.evaluate(1.0).view.labels) << "the base scenario applies";
}

TEST(Timeline, SwitchesAndTextChangeWhenReached) {
  const Timeline t = scene::parseTimeline(kClip, "clip.json");
  EXPECT_FALSE(t.evaluate(2.99).view.xray);
  EXPECT_TRUE(t.evaluate(3.0).view.xray);
  EXPECT_EQ(t.evaluate(3.0).view.caption, "X-ray");
  EXPECT_EQ(t.evaluate(2.0).view.caption, "");
}

TEST(Timeline, EvaluationIsDeterministicAndClamped) {
  const Timeline t = scene::parseTimeline(kClip, "clip.json");
  EXPECT_EQ(t.evaluate(1.234), t.evaluate(1.234));
  EXPECT_EQ(t.evaluate(-3.0), t.evaluate(0.0));
  EXPECT_EQ(t.evaluate(99.0), t.evaluate(6.0));
  EXPECT_EQ(t.evaluate(std::nan("")), t.evaluate(0.0));
}

TEST(Timeline, RoundTripsThroughJson) {
  const Timeline t = scene::parseTimeline(kClip, "clip.json");
  const Timeline back = scene::parseTimeline(scene::timelineToJson(t), "back.json");
  ASSERT_EQ(back.keyframes.size(), t.keyframes.size());
  for (double s : {0.0, 0.7, 2.5, 3.0, 4.2, 6.0}) EXPECT_EQ(back.evaluate(s), t.evaluate(s)) << s;
}

TEST(Timeline, AKeyframeFromTheCurrentStateReproducesIt) {
  scene::Document d;
  scenario::setNumber(d.scenario.inputs, "muscles.psoas.right.tightness", 0.6);
  scenario::setChoice(d.scenario.inputs, "pose", "sitting");
  d.view.xray = true;
  Timeline t;
  t.setKeyframe({0.0, scene::Ease::kLinear, {}});
  t.setKeyframe({1.0, scene::Ease::kLinear, scene::snapshotKeys(d)});
  const scene::Document at = t.evaluate(1.0);
  EXPECT_EQ(at.scenario.inputs, d.scenario.inputs);
  EXPECT_TRUE(at.view.xray);
}

TEST(Timeline, BadFilesNameTheLineAndKey) {
  auto error = [](const std::string& text) {
    try {
      scene::parseTimeline(text, "bad.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error("{\"schema\": \"sagitta.timeline\", \"version\": 1,\n \"keyframes\": [\n {\"time_s\": 0, "
                  "\"set\": {\"muscles.hip_flexers.tightness\": 1}}]}")
                .find("bad.json:3"),
            std::string::npos);
  EXPECT_NE(error("{\"schema\": \"sagitta.timeline\", \"version\": 1, \"keyframes\": [{\"time_s\": 2}, "
                  "{\"time_s\": 1}]}")
                .find("increase"),
            std::string::npos);
  EXPECT_NE(error("{\"schema\": \"sagitta.timeline\", \"version\": 1, \"keyframes\": [{\"time_s\": 0}, "
                  "{\"time_s\": 1, \"ease\": \"bouncy\"}]}")
                .find("bouncy"),
            std::string::npos);
  EXPECT_NE(error("{\"schema\": \"sagitta.timeline\", \"version\": 9, \"keyframes\": [{\"time_s\": 1}]}")
                .find("newer"),
            std::string::npos);
  EXPECT_NE(error("{\"schema\": \"sagitta.timeline\", \"version\": 1, \"keyframes\": [{\"time_s\": 0, "
                  "\"set\": {\"slip.percent\": 900}}]}")
                .find("slip.percent"),
            std::string::npos);
  EXPECT_NE(error("{\"schema\": \"sagitta.timeline\", \"version\": 1, \"keyframes\": [{\"time_s\": 0}]}")
                .find("no time"),
            std::string::npos);
  EXPECT_NE(error("{\"schema\": \"sagitta.timeline\", \"keyframes\": [").find("bad.json:1"),
            std::string::npos);
  EXPECT_NE(error("{\"schema\": \"sagitta.scenario\", \"version\": 1}").find("not a Sagitta timeline"),
            std::string::npos);
}

namespace {

std::string timelineError(const std::string& text) {
  try {
    scene::parseTimeline(text, "clip.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

// Issue 11, bug 4: a non-string schema or title, or 1e400, gave "unexpected error: [json.exception…]"
// and exit 1; they are bad input (InputError: exit 2) naming FILE:LINE.
TEST(Timeline, NonStringSchemaOrTitleOrHugeNumberIsBadInputWithFileAndLine) {
  const std::string schema =
      timelineError("{\n\"schema\": 5, \"version\": 1, \"keyframes\": [{\"time_s\": 1}]}");
  EXPECT_EQ(schema.rfind("clip.json:2: ", 0), 0u) << schema;
  const std::string title = timelineError(
      "{\"schema\": \"sagitta.timeline\", \"version\": 1,\n\"title\": [1], \"keyframes\": [{\"time_s\": "
      "1}]}");
  EXPECT_EQ(title.rfind("clip.json:2: ", 0), 0u) << title;
  EXPECT_NE(title.find("title must be text"), std::string::npos) << title;
  const std::string huge = timelineError(
      "{\"schema\": \"sagitta.timeline\", \"version\": 1, \"keyframes\": [\n{\"time_s\": 1e400}]}");
  EXPECT_EQ(huge.rfind("clip.json:2: ", 0), 0u) << huge;
  EXPECT_NE(huge.find("not a finite number"), std::string::npos) << huge;
}

// Issue 11, bug 8: "version": 4294967297 was read as 1; a negative version was accepted.
TEST(Timeline, VersionsThatWouldWrapOrAreNegativeAreRefused) {
  for (const char* version : {"4294967297", "18446744073709551615", "-1", "0"}) {
    const std::string message =
        timelineError(std::string("{\"schema\": \"sagitta.timeline\", \"version\": ") + version +
                      ", \"keyframes\": [{\"time_s\": 1}]}");
    EXPECT_NE(message.find("version"), std::string::npos) << version << ": " << message;
  }
}

// Issue 11, bug 9: a binary timeline echoed raw parser text and bytes.
TEST(Timeline, ABinaryTimelineGivesAPrintableMessage) {
  const std::string message = timelineError(std::string("\x1f\x8b\x08\0\xff\xfe{\"a\n", 10));
  EXPECT_EQ(message.rfind("clip.json:1: malformed JSON", 0), 0u) << message;
  for (const char c : message) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << message;
}

// Issue 11, bug 9: a bad keyframe value named neither its line nor the keyframe.
TEST(Timeline, ABadKeyframeValueNamesItsLineAndKeyframe) {
  const std::string message = timelineError(
      "{\"schema\": \"sagitta.timeline\", \"version\": 1, \"keyframes\": [\n{\"time_s\": 0},\n"
      "{\"time_s\": 1, \"set\": {\n\"view.xray\": 3}}]}");
  EXPECT_EQ(message.rfind("clip.json:4: keyframes[1]: view.xray", 0), 0u) << message;
}

// Issue 11, bug 3: deep nesting is refused before the parser sees it.
TEST(Timeline, DeeplyNestedJsonIsRefusedQuickly) {
  const std::string message = timelineError(std::string(100000, '[') + std::string(100000, ']'));
  EXPECT_NE(message.find("limit of 64 levels"), std::string::npos) << message;
}

// Issue 12: a timeline written when tone was called "strength" still plays, each old key read as
// tone, with one note for its keyframes and one for its scenario, each naming the file.
TEST(Timeline, AnOldTimelineWithStrengthIsReadAsToneWithANote) {
  const std::filesystem::path path = SAGITTA_TEST_DATA_DIR "/legacy/timeline_with_strength.json";
  std::vector<std::string> warnings;
  log::setSink([&](log::Level level, std::string_view m) {
    if (level == log::Level::kWarning) warnings.emplace_back(m);
  });
  const Timeline t = scene::loadTimeline(path);
  log::setSink(nullptr);
  ASSERT_EQ(t.keys(), std::vector<std::string>{"muscles.abdominals.tone"});
  const scene::Document mid = t.evaluate(1.0);
  EXPECT_DOUBLE_EQ(*scenario::getNumber(mid.scenario.inputs, "muscles.abdominals.tone"), 0.5);
  EXPECT_EQ(*scenario::getNumber(mid.scenario.inputs, "muscles.gluteus_maximus.tone"), 0.55);
  ASSERT_EQ(warnings.size(), 2u);
  for (const std::string& w : warnings) {
    EXPECT_EQ(w.rfind(path.string(), 0), 0u) << w;
    EXPECT_NE(w.find("is now called \"tone\""), std::string::npos) << w;
  }
  EXPECT_EQ(scene::timelineToJson(t).find("strength\""), std::string::npos) << "saving writes tone";
}
