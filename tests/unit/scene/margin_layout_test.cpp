// Textbook label layout at the window shapes a classroom meets: 16:9, 4:3 and portrait.
#include "scene/margin_layout.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

using sagitta::scene::layoutMarginLabels;
using sagitta::scene::MarginLabel;
using sagitta::scene::MarginLayoutInput;
using sagitta::scene::segmentHitsBox;
using sagitta::scene::segmentsCross;

namespace {

bool overlap(glm::vec2 amin, glm::vec2 asize, glm::vec2 bmin, glm::vec2 bsize) {
  return amin.x < bmin.x + bsize.x && bmin.x < amin.x + asize.x && amin.y < bmin.y + bsize.y &&
         bmin.y < amin.y + asize.y;
}

// A lateral lumbopelvic figure scaled into the middle of the screen: twenty landmarks, a third
// of them behind bone, three focus landmarks, PI/PT/SS lines and values, the sacrum's axis.
MarginLayoutInput figure(glm::vec2 screen, unsigned seed) {
  MarginLayoutInput in;
  in.screen_max = screen;
  const glm::vec2 c = screen * 0.5f;
  const float s = std::min(screen.x, screen.y) * 0.42f;  // figure half-size
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  for (int i = 0; i < 20; ++i) {
    MarginLabel l;
    l.anchor = c + glm::vec2(u(rng) * 0.45f, u(rng)) * s;
    l.size = {60.0f + 50.0f * (0.5f + 0.5f * u(rng)), 22.0f};
    l.priority = i % 5;
    l.hidden = i % 3 == 0;
    in.labels.push_back(l);
  }
  // the PT / SS values sit on their arcs
  in.labels.push_back({c + glm::vec2(-0.05f, 0.1f) * s, {54, 22}, 9, true, false});
  in.labels.push_back({c + glm::vec2(0.02f, 0.14f) * s, {54, 22}, 9, true, false});
  in.keep_clear = {c + glm::vec2(0.0f, 0.1f) * s, c + glm::vec2(0.1f, -0.2f) * s,
                   c + glm::vec2(-0.1f, 0.3f) * s};
  in.keep_clear_px = 12.0f;
  in.overlays = {{c + glm::vec2(-0.1f, 0.0f) * s, c + glm::vec2(0.15f, 0.35f) * s},
                 {c + glm::vec2(0.0f, -0.05f) * s, c + glm::vec2(0.0f, 0.5f) * s}};
  in.avoid = {{c + glm::vec2(0.05f, -0.1f) * s, c + glm::vec2(0.12f, 0.4f) * s}};
  return in;
}

void expectTextbookLayout(const MarginLayoutInput& in) {
  const auto out = layoutMarginLabels(in);
  ASSERT_EQ(out.size(), in.labels.size());
  int visible = 0, placed = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const MarginLabel& l = in.labels[i];
    if (l.hidden) {
      EXPECT_FALSE(out[i].has_value()) << "label " << i << " points at a hidden landmark";
      continue;
    }
    ++visible;
    if (!out[i]) continue;
    ++placed;
    const glm::vec2 bmin = out[i]->min, bmax = bmin + l.size;
    EXPECT_GE(bmin.x, in.screen_min.x);
    EXPECT_GE(bmin.y, in.screen_min.y);
    EXPECT_LE(bmax.x, in.screen_max.x);
    EXPECT_LE(bmax.y, in.screen_max.y);
    for (std::size_t j = 0; j < i; ++j) {
      if (out[j]) {
        EXPECT_FALSE(overlap(bmin, l.size, out[j]->min, in.labels[j].size)) << i << " vs " << j;
      }
    }
    if (l.pinned) continue;  // values belong on their overlay
    for (const glm::vec2& p : in.keep_clear) {
      const glm::vec2 q = glm::clamp(p, bmin, bmax);
      EXPECT_GE(glm::distance(p, q), in.keep_clear_px) << "label " << i << " covers a focus landmark";
    }
    for (const auto& o : in.overlays)
      EXPECT_FALSE(segmentHitsBox(o.a, o.b, bmin, bmax)) << "over an angle line";
    ASSERT_TRUE(out[i]->leader) << "a margin label is joined to its landmark";
    for (const auto& a : in.avoid) {
      EXPECT_FALSE(segmentsCross(l.anchor, out[i]->leader_end, a.a, a.b))
          << "leader " << i << " crosses the bone";
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (!out[j] || !out[j]->leader) continue;
      EXPECT_FALSE(segmentsCross(l.anchor, out[i]->leader_end, in.labels[j].anchor, out[j]->leader_end))
          << "leaders " << i << " and " << j << " cross";
    }
  }
  EXPECT_GE(placed, visible * 3 / 4) << "the margins hold most labels";
}

}  // namespace

TEST(MarginLayout, CrossingSegmentsAreFoundAndTouchingOnesAreNot) {
  EXPECT_TRUE(segmentsCross({0, 0}, {10, 10}, {0, 10}, {10, 0}));
  EXPECT_FALSE(segmentsCross({0, 0}, {10, 10}, {0, 0}, {10, 0})) << "shared end";
  EXPECT_FALSE(segmentsCross({0, 0}, {10, 0}, {0, 5}, {10, 5}));
  EXPECT_TRUE(segmentHitsBox({0, 5}, {20, 5}, {8, 0}, {12, 10}));
  EXPECT_FALSE(segmentHitsBox({0, 20}, {20, 20}, {8, 0}, {12, 10}));
}

TEST(MarginLayout, Widescreen16x9FollowsTheTextbookRules) {
  for (unsigned seed = 1; seed <= 5; ++seed) expectTextbookLayout(figure({1280, 720}, seed));
}

TEST(MarginLayout, Classic4x3FollowsTheTextbookRules) {
  for (unsigned seed = 1; seed <= 5; ++seed) expectTextbookLayout(figure({1024, 768}, seed));
}

TEST(MarginLayout, PortraitFollowsTheTextbookRules) {
  for (unsigned seed = 1; seed <= 5; ++seed) expectTextbookLayout(figure({720, 1280}, seed));
}

TEST(MarginLayout, NameLabelsSitInTheMarginsBesideTheFigure) {
  MarginLayoutInput in = figure({1280, 720}, 3);
  const auto out = layoutMarginLabels(in);
  float lo = 1e9f, hi = -1e9f;
  for (const auto& l : in.labels) {
    if (l.hidden) continue;
    lo = std::min(lo, l.anchor.x);
    hi = std::max(hi, l.anchor.x);
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!out[i] || in.labels[i].pinned) continue;
    const bool left_margin = out[i]->min.x + in.labels[i].size.x <= lo;
    const bool right_margin = out[i]->min.x >= hi;
    EXPECT_TRUE(left_margin || right_margin) << "label " << i << " sits over the figure";
  }
}

TEST(MarginLayout, AHiddenLandmarkIsNotLabelledEvenWhenAloneOnScreen) {
  MarginLayoutInput in;
  in.screen_max = {800, 600};
  in.labels = {{{400, 300}, {80, 20}, 5, false, true}, {{420, 320}, {80, 20}, 1, false, false}};
  const auto out = layoutMarginLabels(in);
  EXPECT_FALSE(out[0].has_value());
  EXPECT_TRUE(out[1].has_value());
}
