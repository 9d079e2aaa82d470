#include "scene/label_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "scene/screen_rect.h"

namespace sagitta::scene {
namespace {

// Candidate offsets of the box centre from the anchor, nearest first: right, left, above,
// below and the diagonals, at growing distances.
constexpr std::array<glm::vec2, 8> kDirections = {glm::vec2(1, 0), glm::vec2(-1, 0), glm::vec2(0, -1),
                                                  glm::vec2(0, 1), glm::vec2(1, -1), glm::vec2(-1, -1),
                                                  glm::vec2(1, 1), glm::vec2(-1, 1)};

// How far (in rings of the search below) a label with a preferred direction looks along it alone.
constexpr int kTowardRings = 4;

}  // namespace

std::vector<std::optional<PlacedLabel>> layoutLabels(const std::vector<LabelBox>& labels,
                                                     glm::vec2 screen_min, glm::vec2 screen_max, float gap_px,
                                                     const std::vector<glm::vec2>& keep_clear,
                                                     float keep_clear_px,
                                                     const std::vector<ScreenCapsule>& keep_clear_capsules) {
  std::vector<std::optional<PlacedLabel>> out(labels.size());
  std::vector<std::size_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  // pinned labels first (they cannot move), then by priority; stable for determinism
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (labels[a].pinned != labels[b].pinned) return labels[a].pinned;
    return labels[a].priority > labels[b].priority;
  });

  std::vector<ScreenRect> placed;
  for (const std::size_t i : order) {
    const LabelBox& l = labels[i];
    if (!std::isfinite(l.anchor.x) || !std::isfinite(l.anchor.y)) continue;
    auto fits = [&](const ScreenRect& r, bool clear_of_capsules) {
      if (!r.inside(screen_min, screen_max)) return false;
      if (std::any_of(keep_clear.begin(), keep_clear.end(),
                      [&](glm::vec2 p) { return r.near(p, keep_clear_px); })) {
        return false;
      }
      if (clear_of_capsules && std::any_of(keep_clear_capsules.begin(), keep_clear_capsules.end(),
                                           [&](const ScreenCapsule& c) { return capsuleHitsBox(c, r); })) {
        return false;
      }
      return std::none_of(placed.begin(), placed.end(),
                          [&](const ScreenRect& p) { return p.overlaps(r, gap_px); });
    };
    // a value's box leaves the other values' points in sight: over one, that value would move
    // aside on a leader ending inside this box (the slip films' SS point inside PT's box). Two
    // points closer than half a box's height cannot both be seen apart: there the first value
    // sits on them and the other points back from beside it.
    auto coversAValue = [&](const ScreenRect& r) {
      return l.pinned && std::any_of(labels.begin(), labels.end(), [&](const LabelBox& o) {
               return &o != &l && o.pinned && r.near(o.anchor, gap_px) &&
                      glm::distance(o.anchor, l.anchor) >= 0.5f * l.size.y;
             });
    };
    // clear of the capsules first; without that only where nothing else has room
    for (const bool clear_of_capsules : {true, false}) {
      if (out[i]) break;
      if (!clear_of_capsules && keep_clear_capsules.empty()) break;
      if (l.pinned) {
        ScreenRect r{l.anchor - l.size * 0.5f, l.anchor + l.size * 0.5f};
        // a pinned label at the screen edge slides inside rather than disappearing
        const glm::vec2 shift =
            glm::max(screen_min - r.min, glm::vec2(0.0f)) - glm::max(r.max - screen_max, glm::vec2(0.0f));
        r.min += shift;
        r.max += shift;
        if (!coversAValue(r) && fits(r, clear_of_capsules)) {
          placed.push_back(r);
          out[i] = PlacedLabel{r.min, false};
          break;
        }
        // another value sits there (SS beside PT at a steep sacrum), a landmark the lesson names
        // (L5 under PT in a slip) or the lesson's muscle (SS on the desk sitter's psoas): a
        // measured value is never dropped, it moves aside on a leader like a name label
      }
      // near the anchor first, then further out: `ring` steps along direction `d`, the box's edge
      // (not its centre) that far from the anchor
      const float step = std::max(l.size.y, 8.0f);
      const glm::vec2 half = l.size * 0.5f;
      auto centreAt = [&](glm::vec2 d, int ring) {
        const float dist = step * (0.6f + static_cast<float>(ring) * 0.9f);
        return l.anchor + glm::vec2(d.x * (half.x + dist), d.y * (half.y + dist));
      };
      auto place = [&](glm::vec2 d, int ring) {
        const glm::vec2 centre = centreAt(d, ring);
        const ScreenRect r{centre - half, centre + half};
        if (coversAValue(r) || !fits(r, clear_of_capsules)) return false;
        placed.push_back(r);
        out[i] = PlacedLabel{r.min, ring > 0 || l.pinned};
        return true;
      };
      // toward the label's preferred direction first (a value toward its angle's vertex), as far
      // as kTowardRings and never past its end, then every direction ring by ring
      if (l.toward != glm::vec2(0.0f)) {
        const glm::vec2 d = glm::normalize(l.toward);
        for (int ring = 0; ring < kTowardRings && !out[i]; ++ring) {
          if (glm::length(centreAt(d, ring) - l.anchor) > glm::length(l.toward) || place(d, ring)) break;
        }
      }
      for (int ring = 0; ring < 12 && !out[i]; ++ring) {
        for (const glm::vec2& d : kDirections) {
          if (place(d, ring)) break;
        }
      }
    }
  }
  return out;
}

}  // namespace sagitta::scene
