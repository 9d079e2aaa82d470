#include "scene/margin_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "scene/label_layout.h"
#include "scene/screen_rect.h"

namespace sagitta::scene {
namespace {

float cross2(glm::vec2 a, glm::vec2 b) {
  return a.x * b.y - a.y * b.x;
}

bool finite(glm::vec2 p) {
  return std::isfinite(p.x) && std::isfinite(p.y);
}

float distanceToSegment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 d = b - a;
  const float len2 = glm::dot(d, d);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, d) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + t * d));
}

constexpr float kOnAxisPx = kLeaderOnAxisPx;
constexpr float kDotPx = kLeaderClearOfDotsPx;

}  // namespace

bool segmentsCross(glm::vec2 a0, glm::vec2 a1, glm::vec2 b0, glm::vec2 b1) {
  // proper crossings only: segments that merely touch at an end (two leaders from one
  // landmark) do not cross
  const float d1 = cross2(a1 - a0, b0 - a0), d2 = cross2(a1 - a0, b1 - a0);
  const float d3 = cross2(b1 - b0, a0 - b0), d4 = cross2(b1 - b0, a1 - b0);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

// Choosing between the two margins, each pixel a leader climbs or falls counts this much more
// than its length (MarginLayout's margin choice).
constexpr float kLeaderSlantCost = 1.0f;
// How far (in rows) a series' block may stand off its dots to keep its leaders clear of them.
constexpr int kSeriesShiftRows = 4;
// A series kept in order may lengthen the other labels' leaders, in all, by this factor at most.
constexpr float kSeriesLeaderGrowth = 1.25f;

std::vector<std::optional<MarginPlacement>> layoutMarginLabels(const MarginLayoutInput& in) {
  const std::size_t n = in.labels.size();
  const float gap = in.gap_px;
  // what is placed so far: one result per label, the boxes and the leader lines
  struct State {
    std::vector<std::optional<MarginPlacement>> out;
    std::vector<ScreenRect> boxes;
    std::vector<ScreenSegment> leaders;
  };
  State start{std::vector<std::optional<MarginPlacement>>(n), {}, {}};

  // a name points at something in the picture: a landmark outside the usable area (above the
  // frame, or under the caption) is not labelled, or its leader would run off the edge
  auto onScreen = [&](glm::vec2 p) {
    return p.x >= in.screen_min.x && p.x <= in.screen_max.x && p.y >= in.screen_min.y &&
           p.y <= in.screen_max.y;
  };
  auto behindAnother = [&](const MarginLabel& l) {
    if (l.depth <= 0.0f) return false;
    return std::any_of(in.labels.begin(), in.labels.end(), [&](const MarginLabel& o) {
      return !o.pinned && !o.hidden && o.depth > 0.0f && finite(o.anchor) &&
             o.depth < l.depth - kBehindDepth && glm::length(o.anchor - l.anchor) < kSameSpotPx;
    });
  };
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < n; ++i) {
    const MarginLabel& l = in.labels[i];
    if (!l.pinned && !l.hidden && finite(l.anchor) && onScreen(l.anchor) && !behindAnother(l))
      order.push_back(i);
  }
  // measured values first, on their overlay (the general layout keeps them apart), but off the
  // lesson's named points (value_clear) and, where they have room, its muscles
  std::vector<LabelBox> pinned;
  std::vector<std::size_t> pinned_index;
  for (std::size_t i = 0; i < n; ++i) {
    const MarginLabel& l = in.labels[i];
    if (!l.pinned || !finite(l.anchor)) continue;
    pinned.push_back({l.anchor, l.size, l.priority, true, l.toward});
    pinned_index.push_back(i);
  }
  const auto pinned_out =
      layoutLabels(pinned, in.screen_min, in.screen_max, gap, in.value_clear, in.keep_clear_px, in.muscles);
  for (std::size_t k = 0; k < pinned_out.size(); ++k) {
    if (!pinned_out[k]) continue;
    const std::size_t i = pinned_index[k];
    MarginPlacement p;
    p.min = pinned_out[k]->min;
    p.leader = pinned_out[k]->leader;
    p.leader_end = glm::clamp(in.labels[i].anchor, p.min, p.min + in.labels[i].size);
    start.out[i] = p;
    start.boxes.push_back({p.min, p.min + in.labels[i].size});
    if (p.leader) start.leaders.push_back({in.labels[i].anchor, p.leader_end});
  }

  // the figure's extent across the screen: the landmarks and overlays the labels point into
  float fig_lo = in.screen_max.x, fig_hi = in.screen_min.x;
  auto widen = [&](glm::vec2 p) {
    if (!finite(p)) return;
    fig_lo = std::min(fig_lo, p.x);
    fig_hi = std::max(fig_hi, p.x);
  };
  std::vector<glm::vec2> clear = in.keep_clear;
  std::vector<glm::vec2> dots;  // the landmark dots of the name labels
  for (const MarginLabel& l : in.labels) {
    if (l.hidden || !finite(l.anchor)) continue;
    widen(l.anchor);
    clear.push_back(l.anchor);  // no label covers another label's landmark dot
    if (!l.pinned) dots.push_back(l.anchor);
  }
  for (const glm::vec2& p : in.keep_clear) widen(p);
  for (const ScreenSegment& s : in.overlays) {
    widen(s.a);
    widen(s.b);
  }
  if (in.figure_min.x <= in.figure_max.x) {
    fig_lo = std::min(fig_lo, in.figure_min.x);
    fig_hi = std::max(fig_hi, in.figure_max.x);
  }
  if (fig_lo > fig_hi) return start.out;
  const float mid = 0.5f * (fig_lo + fig_hi);
  const float margin = 3.0f * gap + 6.0f;  // between the figure and a label column

  // important labels choose first; ties by height on screen for a calm top-to-bottom order
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (in.labels[a].priority != in.labels[b].priority) return in.labels[a].priority > in.labels[b].priority;
    return in.labels[a].anchor.y < in.labels[b].anchor.y;
  });

  // where a leader meets its box: the box's edge facing the figure, at mid-height
  auto leaderEnd = [](const ScreenRect& b, bool left) {
    return glm::vec2(left ? b.max.x : b.min.x, 0.5f * (b.min.y + b.max.y));
  };
  // Whether label `l` may sit in box `b` of the left or right margin, given the boxes and leaders
  // placed so far. `strict`: the leader also crosses no angle line (a leader through the PI / PT
  // lines reads as part of the measurement). `in_block`: a member of a series placed with the
  // rest of its block (below), whose leaders may fan out.
  // A label names the bone an axis runs through when its landmark lies on that axis (L3 on the
  // lumbar column, the coccyx at the sacrum's end): its leader may start on it, and its box clears
  // it by the gap only
  const auto onOwnAxis = [](const MarginLabel& l, const ScreenSegment& o) {
    return distanceToSegment(l.anchor, o.a, o.b) <= kOnAxisPx;
  };
  const float longest_leader = kLeaderMaxOfDiagonal * glm::length(in.screen_max - in.screen_min);
  auto fits = [&](const MarginLabel& l, const ScreenRect& b, bool left, const std::vector<ScreenRect>& boxes,
                  const std::vector<ScreenSegment>& leaders, bool strict, bool in_block) {
    if (!b.inside(in.screen_min, in.screen_max)) return false;
    if (std::any_of(boxes.begin(), boxes.end(), [&](const ScreenRect& o) { return o.overlaps(b, gap); }))
      return false;
    if (std::any_of(clear.begin(), clear.end(), [&](glm::vec2 p) { return b.near(p, in.keep_clear_px); }))
      return false;
    // the angle lines by the gap, the bone axes by their clearance, the muscles by their radius
    if (std::any_of(in.overlays.begin(), in.overlays.end(), [&](const ScreenSegment& o) {
          return capsuleHitsBox({o.a, o.b, gap}, b);
        })) {
      return false;
    }
    // (the bone a label names, its landmark on the axis, only by the gap: the clearance's round
    // cap reached past the coccyx's tip over the near margin column, and "Coccyx" was named from
    // the far margin on a leader across the hip)
    if (std::any_of(in.avoid.begin(), in.avoid.end(), [&](const ScreenSegment& o) {
          return capsuleHitsBox({o.a, o.b, onOwnAxis(l, o) ? gap : in.avoid_clear_px}, b);
        })) {
      return false;
    }
    if (std::any_of(in.muscles.begin(), in.muscles.end(),
                    [&](const ScreenCapsule& o) { return capsuleHitsBox(o, b); })) {
      return false;
    }
    const glm::vec2 end = leaderEnd(b, left);
    // (a series' block reads in order by construction: its leaders may fan out more steeply; a
    // member placed on its own may not: L5 alone at the foot of the other margin, its leader
    // running 400 px down across the figure, read in order as a column of one)
    if (!in_block &&
        std::abs(end.y - l.anchor.y) > std::abs(end.x - l.anchor.x) + kLeaderRiseOverRunRows * l.size.y)
      return false;
    if (glm::length(end - l.anchor) > longest_leader) return false;
    auto crosses = [&](const ScreenSegment& o) { return segmentsCross(l.anchor, end, o.a, o.b); };
    if (std::any_of(leaders.begin(), leaders.end(), crosses)) return false;
    // the bone of interest: a label naming that bone (its landmark on the axis) may start on it
    if (std::any_of(in.avoid.begin(), in.avoid.end(),
                    [&](const ScreenSegment& o) { return !onOwnAxis(l, o) && crosses(o); })) {
      return false;
    }
    if (strict && std::any_of(in.overlays.begin(), in.overlays.end(), crosses)) return false;
    // a leader passing through another landmark's dot would seem to name it
    if (std::any_of(dots.begin(), dots.end(), [&](glm::vec2 p) {
          return glm::length(p - l.anchor) > kDotPx && distanceToSegment(p, l.anchor, end) < kDotPx;
        })) {
      return false;
    }
    // the new leader passes no other box, and no earlier leader passes the new box
    if (std::any_of(boxes.begin(), boxes.end(),
                    [&](const ScreenRect& o) { return segmentHitsBox(l.anchor, end, o.min, o.max); }))
      return false;
    return std::none_of(leaders.begin(), leaders.end(),
                        [&](const ScreenSegment& o) { return segmentHitsBox(o.a, o.b, b.min, b.max); });
  };
  // a label's box in the left or right margin column starts at this x
  const auto columnX = [&](const MarginLabel& l, bool left) {
    return left ? std::max(in.screen_min.x, fig_lo - margin - l.size.x)
                : std::min(in.screen_max.x - l.size.x, fig_hi + margin);
  };
  // label `i` placed in box `b`, joined to its landmark
  const auto place = [&](std::vector<std::optional<MarginPlacement>>& out, std::vector<ScreenRect>& boxes,
                         std::vector<ScreenSegment>& leaders, std::size_t i, const ScreenRect& b, bool left) {
    MarginPlacement p;
    p.min = b.min;
    p.leader = true;
    p.leader_end = leaderEnd(b, left);
    out[i] = p;
    boxes.push_back(b);
    leaders.push_back({in.labels[i].anchor, p.leader_end});
  };
  // One greedy pass in `order` from the values' state: each label takes the best place left.
  auto greedy = [&](const std::vector<std::size_t>& pass_order, State st) {
    std::vector<std::optional<MarginPlacement>>& out = st.out;
    std::vector<ScreenRect>& boxes = st.boxes;
    std::vector<ScreenSegment>& leaders = st.leaders;
    for (const std::size_t i : pass_order) {
      const MarginLabel& l = in.labels[i];
      const bool prefer_left = l.anchor.x < mid;
      // The nearest free height to the landmark's own in one margin column (alternating above and
      // below), or nothing; strict first (no angle line crossed), then without that preference
      auto firstFree = [&](bool left, bool strict) -> std::optional<ScreenRect> {
        const float x = columnX(l, left);
        const float y0 = l.anchor.y - 0.5f * l.size.y;
        const float step = std::max(2.0f, 0.25f * l.size.y);
        const int steps = static_cast<int>((in.screen_max.y - in.screen_min.y) / step) + 1;
        for (int s = 0; s <= 2 * steps; ++s) {
          const int rung = (s + 1) / 2;  // 0, 1, 1, 2, 2, ...: each distance once above, once below
          const float dy = static_cast<float>(rung) * step * (s % 2 == 1 ? -1.0f : 1.0f);
          const ScreenRect b{{x, y0 + dy}, {x + l.size.x, y0 + dy + l.size.y}};
          if (fits(l, b, left, boxes, leaders, strict, false)) return b;
        }
        return std::nullopt;
      };
      // both margins are tried and the cheaper leader wins (the landmark's own side on a tie): a
      // label pushed far up or down its own side, with a long slanting leader across the figure,
      // reads worse than one straight across in the other margin. Its climb or fall counts
      // kLeaderSlantCost times over: an atlas's leaders run across, and a slanting one crosses
      // the figure's bones (L5 of the lateral anatomy picture, named 83 px below its dot in the
      // near margin on a leader across the ilium, 138 px, rather than straight across, 145 px)
      const auto cost = [&](const ScreenRect& b, bool left_side) {
        const glm::vec2 d = leaderEnd(b, left_side) - l.anchor;
        return glm::length(d) + kLeaderSlantCost * std::abs(d.y);
      };
      std::optional<ScreenRect> near_side = firstFree(prefer_left, true);
      std::optional<ScreenRect> far_side = firstFree(!prefer_left, true);
      if (!near_side && !far_side) {
        near_side = firstFree(prefer_left, false);
        far_side = firstFree(!prefer_left, false);
      }
      bool left = prefer_left;
      std::optional<ScreenRect> chosen = near_side;
      if (far_side && (!near_side || cost(*far_side, !prefer_left) < cost(*near_side, prefer_left))) {
        chosen = far_side;
        left = !prefer_left;
      }
      if (!chosen) continue;
      place(out, boxes, leaders, i, *chosen, left);
    }
    return st;
  };
  // A greedy pass can let a label take the only place a neighbour had (the shear value at the
  // ASIS's height, the ASIS then unlabelled): the labels left out go first in another pass,
  // kept where it places more (then more important) labels. A few passes at most.
  auto score = [&](const State& st) {
    int count = 0, weight = 0;
    for (const std::size_t i : order) {
      if (!st.out[i]) continue;
      ++count;
      weight += in.labels[i].priority;
    }
    return std::pair(count, weight);
  };
  // the greedy passes from a state: the labels left out go first in another pass
  const auto passes = [&](const std::vector<std::size_t>& labels, const State& from) {
    State best = greedy(labels, from);
    constexpr int kPasses = 3;
    for (int pass = 1; pass < kPasses; ++pass) {
      std::vector<std::size_t> missed, rest;
      for (const std::size_t i : labels) (best.out[i] ? rest : missed).push_back(i);
      if (missed.empty()) break;
      missed.insert(missed.end(), rest.begin(), rest.end());
      State tried = greedy(missed, from);
      if (score(tried) <= score(best)) break;
      best = std::move(tried);
    }
    return best;
  };
  State best = passes(order, start);

  // A series (the lumbar levels) in one column reads in order down it. Placed by height alone,
  // dots at about one height (a spine lying on a couch) gave L4, L2, L1, L3: then the series is
  // placed first as one block above or below its dots, in the order that keeps its leaders
  // apart (so it reads in order by construction), and the other labels around it. Kept if it
  // names as many labels and the other labels' leaders are not much longer in all (a calm figure).
  const auto isLeft = [](const MarginPlacement& p) { return p.leader_end.x > p.min.x; };
  const auto readsInOrder = [&](const State& st) {
    for (const bool left : {true, false}) {
      std::vector<std::pair<float, int>> column;
      for (const std::size_t i : order) {
        const auto& p = st.out[i];
        if (p && in.labels[i].sequence >= 0 && isLeft(*p) == left)
          column.emplace_back(p->min.y, in.labels[i].sequence);
      }
      std::sort(column.begin(), column.end());
      bool up = true, down = true;
      for (std::size_t k = 1; k < column.size(); ++k) {
        up = up && column[k].second > column[k - 1].second;
        down = down && column[k].second < column[k - 1].second;
      }
      if (!up && !down) return false;
    }
    return true;
  };
  // Whether the labels outside the series that both states name have leaders not much longer in
  // `tried` than in `before`, in all (a label `tried` names besides may need a long one)
  const auto calm = [&](const State& tried, const State& before) {
    float was = 0.0f, now = 0.0f;
    for (const std::size_t i : order) {
      if (!tried.out[i] || !before.out[i] || in.labels[i].sequence >= 0) continue;
      was += glm::length(before.out[i]->leader_end - in.labels[i].anchor);
      now += glm::length(tried.out[i]->leader_end - in.labels[i].anchor);
    }
    return now <= kSeriesLeaderGrowth * was + 1.0f;
  };
  if (!readsInOrder(best)) {
    // the series: every member that can be named, in sequence order (at least two: a column
    // reads out of order)
    std::vector<std::size_t> members;
    for (const std::size_t i : order) {
      if (in.labels[i].sequence >= 0) members.push_back(i);
    }
    std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      return in.labels[a].sequence < in.labels[b].sequence;
    });
    float dots_top = in.screen_max.y, dots_bottom = in.screen_min.y, block = 0.0f, dots_x = 0.0f;
    for (const std::size_t i : members) {
      dots_top = std::min(dots_top, in.labels[i].anchor.y);
      dots_bottom = std::max(dots_bottom, in.labels[i].anchor.y);
      dots_x += in.labels[i].anchor.x / static_cast<float>(members.size());
      block += in.labels[i].size.y + gap;
    }
    const bool left = dots_x < mid;  // the column beside the series
    const float clearance = std::max(gap, in.keep_clear_px);
    const float row = in.labels[members.front()].size.y + gap;
    std::vector<std::size_t> others;
    for (const std::size_t i : order) {
      if (in.labels[i].sequence < 0) others.push_back(i);
    }
    std::optional<State> found;
    // farther from the dots the leaders are steeper and clear the neighbouring levels' dots
    for (int shift = 0; shift <= kSeriesShiftRows && !found; ++shift) {
      for (const bool above : {true, false}) {
        for (const bool ascending : {true, false}) {
          std::vector<std::size_t> o = members;  // top to bottom
          if (!ascending) std::reverse(o.begin(), o.end());
          State st = start;
          const float away = static_cast<float>(shift) * row;
          float y = above ? dots_top - clearance - block + gap - away : dots_bottom + clearance + away;
          bool all = true;
          for (const std::size_t i : o) {
            const MarginLabel& l = in.labels[i];
            const float x = columnX(l, left);
            const ScreenRect b{{x, y}, {x + l.size.x, y + l.size.y}};
            y += l.size.y + gap;
            if (!fits(l, b, left, st.boxes, st.leaders, false, true)) {
              all = false;
              break;
            }
            place(st.out, st.boxes, st.leaders, i, b, left);
          }
          if (!all) continue;
          State tried = passes(others, st);
          if (score(tried).first >= score(best).first && calm(tried, best) &&
              (!found || score(tried) > score(*found)))
            found = std::move(tried);
        }
      }
    }
    if (found) best = std::move(*found);
  }
  return best.out;
}

}  // namespace sagitta::scene
