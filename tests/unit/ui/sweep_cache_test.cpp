#include "ui/sweep_cache.h"

#include <gtest/gtest.h>

#include "scenario/parameters.h"

namespace sagitta::ui {
namespace {

constexpr const char* kKey = "muscles.hip_flexors.tightness";

// A stand-in for a posture solve: reports the swept value and another input, and counts calls.
struct CountingSample {
  int calls = 0;
  SweepCache::Sample fn() {
    return [this](const biomech::ModelInputs& in) {
      ++calls;
      return std::vector<float>{static_cast<float>(*scenario::getNumber(in, kKey)),
                                static_cast<float>(*scenario::getNumber(in, "slip.percent"))};
    };
  }
};

TEST(SweepCache, SamplesTheWholeRangeOfTheKeyOnce) {
  SweepCache cache;
  CountingSample sample;
  const Sweep& s = cache.get(kKey, biomech::ModelInputs{}, sample.fn());
  ASSERT_TRUE(s.valid);
  ASSERT_EQ(s.xs.size(), static_cast<std::size_t>(SweepCache::kSamples));
  const scenario::ParamInfo* info = scenario::findParameter(kKey);
  EXPECT_FLOAT_EQ(s.xs.front(), static_cast<float>(info->min));
  EXPECT_FLOAT_EQ(s.xs.back(), static_cast<float>(info->max));
  EXPECT_EQ(s.ys[0], s.xs);  // each sample was solved with the key set to its x
  EXPECT_EQ(sample.calls, SweepCache::kSamples);
}

// Regression: dragging the slider of the swept parameter solved 21 postures on every frame.
TEST(SweepCache, DraggingTheSweptSliderSolvesNothingMore) {
  SweepCache cache;
  CountingSample sample;
  biomech::ModelInputs in;
  cache.get(kKey, in, sample.fn());
  for (int frame = 1; frame <= 30; ++frame) {
    scenario::setNumber(in, kKey, frame / 30.0);
    cache.get(kKey, in, sample.fn());
  }
  EXPECT_EQ(sample.calls, SweepCache::kSamples);
  EXPECT_EQ(cache.solves(), SweepCache::kSamples);
}

TEST(SweepCache, AnotherInputOrAnotherKeySolvesAgain) {
  SweepCache cache;
  CountingSample sample;
  biomech::ModelInputs in;
  cache.get(kKey, in, sample.fn());
  scenario::setNumber(in, "slip.percent", 30.0);
  const Sweep& s = cache.get(kKey, in, sample.fn());
  EXPECT_EQ(sample.calls, 2 * SweepCache::kSamples);
  EXPECT_FLOAT_EQ(s.ys[1].front(), 30.0f);  // the new inputs were used
  cache.get("slip.percent", in, sample.fn());
  EXPECT_EQ(sample.calls, 3 * SweepCache::kSamples);
  EXPECT_EQ(cache.get("slip.percent", in, sample.fn()).key, "slip.percent");
  EXPECT_EQ(sample.calls, 3 * SweepCache::kSamples);
}

TEST(SweepCache, AKeyThatCannotBeSweptKeepsTheSweepHeld) {
  SweepCache cache;
  CountingSample sample;
  cache.get(kKey, biomech::ModelInputs{}, sample.fn());
  for (const char* key : {"no.such.key", "pose", "patient.pelvic_tilt_deg"}) {
    const Sweep& s = cache.get(key, biomech::ModelInputs{}, sample.fn());
    EXPECT_EQ(s.key, kKey) << key;
  }
  EXPECT_EQ(sample.calls, SweepCache::kSamples);
  EXPECT_FALSE(SweepCache().get("pose", biomech::ModelInputs{}, sample.fn()).valid);
}

}  // namespace
}  // namespace sagitta::ui
