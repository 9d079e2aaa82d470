// Textbook label layout: name labels sit in the margins left and right of the figure, each
// joined to its landmark by a leader line, as in an anatomy atlas. Leader lines do not cross
// one another or the bone of interest; no name label covers a focus landmark or an angle
// overlay; labels whose landmark is hidden behind bone, or outside the picture, are not drawn;
// leaders avoid the angle lines where they can, pass no other landmark's dot and are never
// steep. Measured values (pinned labels) stay on their overlay. Pure geometry in pixels (y down),
// unit-tested without a window.
#pragma once

#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/screen_rect.h"

namespace sagitta::scene {

struct MarginLabel {
  glm::vec2 anchor{0.0f};  // pixel the label refers to
  glm::vec2 size{0.0f};    // text box size in pixels (padding included)
  int priority = 0;        // higher is placed first when space is short
  bool pinned = false;     // a value on an overlay: centred on its anchor, no margin
  bool hidden = false;     // its landmark is behind bone from this view: not labelled
  float depth = 0.0f;      // distance from the eye along the view, metres; 0: unknown
  // Place in a named series (L1 = 1 ... L5 = 5), -1 for none. A series in one margin column reads
  // in order down it where that names as many labels: a spine lying on a couch, its levels' dots
  // at about one height, was labelled by height alone (L4, L2, L1, L3).
  int sequence = -1;
  // A value of an angle (pinned): the offset on screen from its anchor to the angle's vertex,
  // where it tries first when it must move (LabelBox::toward); zero for none.
  glm::vec2 toward{0.0f};
};

struct MarginLayoutInput {
  std::vector<MarginLabel> labels;
  glm::vec2 screen_min{0.0f}, screen_max{0.0f};  // usable area
  // Points no name label may cover (focus landmarks), with the clearance radius in pixels.
  std::vector<glm::vec2> keep_clear;
  float keep_clear_px = 10.0f;
  // Points no measured value (pinned label) may cover, by keep_clear_px: the lesson's named points
  // (a value centred over L5's dot left L5 unlabelled). A value over one moves aside on a leader.
  std::vector<glm::vec2> value_clear;
  // Angle overlay lines: no name label box may lie over them.
  std::vector<ScreenSegment> overlays;
  // The bone of interest as segments (e.g. the sacrum's axis): leader lines do not cross them.
  std::vector<ScreenSegment> avoid;
  // No name label box comes closer than this to the bone of interest's axes (`avoid`): the
  // bone, and the muscles on it, are thicker than their axis.
  float avoid_clear_px = 0.0f;
  // The lesson's muscles as segments with their drawn radius (the desk sitter's hip flexors
  // across the thigh): no name label box comes closer than that radius to one, nor a value box
  // where it has room (else it stays on its overlay: a value is never dropped); leader lines may
  // cross them, as an atlas's leaders cross the muscles they pass.
  std::vector<ScreenCapsule> muscles;
  float gap_px = 4.0f;
  // The figure's extent on screen (the region the view frames); labels go beside it. Empty
  // (min > max): the extent of the anchors, focus points and overlays.
  glm::vec2 figure_min{1.0f}, figure_max{0.0f};
};

struct MarginPlacement {
  glm::vec2 min{0.0f};         // top-left corner of the box
  bool leader = false;         // draw a line from the anchor to `leader_end`
  glm::vec2 leader_end{0.0f};  // where the leader meets the box (its inner edge)
};

// A leader passes no other name label's landmark dot closer than this (pixels; a dot is 2-3 px
// in radius, ui/view_composer.cpp), or it would seem to name that landmark.
inline constexpr float kLeaderClearOfDotsPx = 5.0f;
// A leader climbs or falls by at most its run across plus this many label heights: a steep leader
// reaching far up or down the figure reads as pointing at whatever it passes (the Thomas test's
// "Sacrum", its only free place high in the left margin, ran 400 px at 53 degrees across the
// raised thigh). Such a label is left out instead, as one with no room. A series (MarginLabel::
// sequence) placed as one ordered block is exempt: its leaders fan out from the block; a member
// placed on its own is not.
inline constexpr float kLeaderRiseOverRunRows = 1.0f;
// No leader is longer than this fraction of the picture's diagonal (366 px at 1280x720): a label
// so far from its landmark reads as naming what its leader passes (ASIS named from the foot of the
// far margin, on a 444 px leader across the pelvis and the hip of a slip film; the longest leaders
// of the 60 preset pictures at 1280x720 are 335 px). Such a label is left out, as one with no room.
inline constexpr float kLeaderMaxOfDiagonal = 0.25f;
// A landmark this close to a bone axis (pixels) is on that bone (L3 on the lumbar column): its
// leader starts on the axis and may leave it on either side.
inline constexpr float kLeaderOnAxisPx = 4.0f;

// A landmark whose dot lies this close (pixels) to another named landmark's dot, and at least
// kBehindDepth further from the eye, is behind it (the coccyx behind the pubic symphysis seen
// from the front, through the pubic arch): it is not labelled, it would name the same spot.
inline constexpr float kSameSpotPx = 15.0f;
inline constexpr float kBehindDepth = 0.03f;  // metres (MarginLabel::depth)

// One result per input label (same order); nullopt: not drawn (hidden landmark, or no room
// without breaking a rule above).
std::vector<std::optional<MarginPlacement>> layoutMarginLabels(const MarginLayoutInput& input);

// Geometry shared with the tests (and segmentHitsBox, scene/screen_rect.h).
bool segmentsCross(glm::vec2 a0, glm::vec2 a1, glm::vec2 b0, glm::vec2 b1);

}  // namespace sagitta::scene
