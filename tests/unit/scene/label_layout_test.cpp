#include "scene/label_layout.h"

#include <random>

#include <gtest/gtest.h>

using sagitta::scene::LabelBox;
using sagitta::scene::layoutLabels;

namespace {

bool overlap(glm::vec2 amin, glm::vec2 asize, glm::vec2 bmin, glm::vec2 bsize) {
  return amin.x < bmin.x + bsize.x && bmin.x < amin.x + asize.x && amin.y < bmin.y + bsize.y &&
         bmin.y < amin.y + asize.y;
}

}  // namespace

TEST(LabelLayout, ALoneLabelSitsBesideItsAnchorWithoutALeader) {
  const auto out = layoutLabels({{{100, 100}, {60, 20}, 0, false}}, {0, 0}, {400, 300});
  ASSERT_TRUE(out[0].has_value());
  EXPECT_FALSE(out[0]->leader);
  EXPECT_LT(glm::distance(out[0]->min + glm::vec2(30, 10), glm::vec2(100, 100)), 60.0f);
}

TEST(LabelLayout, CrowdedLabelsNeverOverlapAndStayOnScreen) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> pos(150.0f, 250.0f);
  std::vector<LabelBox> labels;
  labels.reserve(25);
  for (int i = 0; i < 25; ++i) labels.push_back({{pos(rng), pos(rng)}, {70, 18}, i % 3, false});
  const glm::vec2 lo(0, 0), hi(640, 480);
  const auto out = layoutLabels(labels, lo, hi);
  int placed = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!out[i]) continue;
    ++placed;
    EXPECT_GE(out[i]->min.x, lo.x);
    EXPECT_GE(out[i]->min.y, lo.y);
    EXPECT_LE(out[i]->min.x + labels[i].size.x, hi.x);
    EXPECT_LE(out[i]->min.y + labels[i].size.y, hi.y);
    for (std::size_t j = 0; j < i; ++j) {
      if (out[j]) {
        EXPECT_FALSE(overlap(out[i]->min, labels[i].size, out[j]->min, labels[j].size)) << i << " vs " << j;
      }
    }
  }
  EXPECT_GE(placed, 20) << "there is room for most of them";
  int leaders = 0;
  for (const auto& p : out) leaders += (p && p->leader) ? 1 : 0;
  EXPECT_GT(leaders, 0) << "labels pushed away from their anchors get leader lines";
}

TEST(LabelLayout, LabelsAtTheScreenEdgeAreKeptInside) {
  const auto out =
      layoutLabels({{{2, 2}, {80, 20}, 0, false}, {{638, 478}, {80, 20}, 0, true}}, {0, 0}, {640, 480});
  ASSERT_TRUE(out[0] && out[1]);
  EXPECT_GE(out[0]->min.x, 0.0f);
  EXPECT_LE(out[1]->min.x + 80.0f, 640.0f);
  EXPECT_LE(out[1]->min.y + 20.0f, 480.0f);
}

TEST(LabelLayout, HigherPriorityWinsTheSpotNextToTheAnchor) {
  // two labels on the same anchor: the important one is placed first, closest
  const auto out =
      layoutLabels({{{200, 200}, {60, 20}, 0, false}, {{200, 200}, {60, 20}, 5, false}}, {0, 0}, {400, 400});
  ASSERT_TRUE(out[0] && out[1]);
  const float d0 = glm::distance(out[0]->min + glm::vec2(30, 10), glm::vec2(200, 200));
  const float d1 = glm::distance(out[1]->min + glm::vec2(30, 10), glm::vec2(200, 200));
  EXPECT_LE(d1, d0);
}

TEST(LabelLayout, ANonFiniteAnchorIsDropped) {
  const auto out = layoutLabels({{{std::nanf(""), 5}, {10, 10}, 0, false}}, {0, 0}, {100, 100});
  EXPECT_FALSE(out[0].has_value());
}

TEST(LabelLayout, TwoValuesAtOnePlaceAreBothShownOneOnALeader) {
  // SS and PT anchored a few pixels apart: neither measured value may disappear
  const auto out =
      layoutLabels({{{200, 150}, {60, 20}, 0, true}, {{205, 155}, {60, 20}, 0, true}}, {0, 0}, {400, 300});
  ASSERT_TRUE(out[0].has_value());
  ASSERT_TRUE(out[1].has_value());
  EXPECT_FALSE(out[0]->leader) << "the first sits on its anchor";
  EXPECT_TRUE(out[1]->leader) << "the second moves aside and points back";
  EXPECT_FALSE(overlap(out[0]->min, {60, 20}, out[1]->min, {60, 20}));
}

TEST(LabelLayout, AValueMovedAsideLeavesTheOtherValuesPointInSight) {
  // The slip films: PT, moved off its point (a named landmark there), took the first place beside
  // it, over SS's point; SS then moved aside on a leader that ended inside PT's box.
  const std::vector<LabelBox> values = {{{200, 150}, {60, 20}, 1, true}, {{240, 150}, {60, 20}, 0, true}};
  const auto out = layoutLabels(values, {0, 0}, {400, 300}, 4.0f, {{200, 150}}, 5.0f);
  ASSERT_TRUE(out[0].has_value());
  ASSERT_TRUE(out[1].has_value());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const glm::vec2 other = values[1 - i].anchor, bmin = out[i]->min, bmax = bmin + values[i].size;
    EXPECT_FALSE(other.x >= bmin.x && other.x <= bmax.x && other.y >= bmin.y && other.y <= bmax.y)
        << "value " << i << "'s box covers the other value's point";
  }
  EXPECT_TRUE(out[0]->leader) << "the first moves off the landmark";
  EXPECT_FALSE(out[1]->leader) << "the second stays on its own point";
}

TEST(LabelLayout, AValueMovedOffABodySlidesTowardItsAnglesVertex) {
  // A slip film: PT's value, at its arc, lay on the slipped L5 (a capsule it keeps clear of). Moved
  // aside it took the first free place in a fixed order of directions, inside PI's angle; with its
  // vertex (the hip axis, down and forward) as the preferred direction it slides toward that.
  const sagitta::scene::ScreenCapsule body{{190, 140}, {230, 150}, 20.0f};
  const glm::vec2 anchor(200, 150), size(44, 16), vertex_dir(-0.6f, 0.8f);
  const auto free = layoutLabels({{anchor, size, 0, true}}, {0, 0}, {400, 300}, 4.0f, {}, 0.0f, {body});
  const auto toward = layoutLabels({{anchor, size, 0, true, 120.0f * vertex_dir}}, {0, 0}, {400, 300}, 4.0f,
                                   {}, 0.0f, {body});
  // a vertex just beside the anchor: the value does not slide past it, it goes elsewhere
  const auto near_vertex =
      layoutLabels({{anchor, size, 0, true, 5.0f * vertex_dir}}, {0, 0}, {400, 300}, 4.0f, {}, 0.0f, {body});
  ASSERT_TRUE(free[0].has_value());
  ASSERT_TRUE(toward[0].has_value());
  const auto offset = [&](const sagitta::scene::PlacedLabel& p) {
    return glm::normalize(p.min + 0.5f * size - anchor);
  };
  EXPECT_LT(glm::dot(offset(*free[0]), vertex_dir), 0.9f) << "without a direction it moves elsewhere";
  EXPECT_GT(glm::dot(offset(*toward[0]), vertex_dir), 0.9f) << "with one it moves toward the vertex";
  EXPECT_TRUE(toward[0]->leader);
  const sagitta::scene::ScreenRect box{toward[0]->min, toward[0]->min + size};
  EXPECT_FALSE(sagitta::scene::capsuleHitsBox(body, box)) << "and is clear of the body";
  ASSERT_TRUE(near_vertex[0].has_value());
  EXPECT_EQ(near_vertex[0]->min, free[0]->min);
}
