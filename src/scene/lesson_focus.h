// Focus: a lesson preset shows only what it is about. The bones and muscles of the lesson stay
// as they are; the rest of the skeleton is faded and other muscles are hidden, so the pelvis
// is no longer behind muscles that have nothing to do with the lesson. `view.show_all` shows
// everything again in one click. The landmarks and the bone axis of the lesson also go into
// the draw list, so that labels keep clear of them (scene/margin_layout.h). Pure, no OpenGL.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "anatomy/model.h"
#include "biomech/solution.h"
#include "biomech/types.h"
#include "scene/draw_list.h"
#include "scene/model_ids.h"

namespace sagitta::scene {

enum class Lesson : std::uint8_t {
  kAll,            // no lesson: everything shown
  kAlignment,      // neutral standing: pelvis, lumbar spine, femur, the muscles that balance them
  kAnteriorTilt,   // pelvis, lumbar spine, femur, the near-side hip flexors, PT / SS
  kPosteriorTilt,  // pelvis, lumbar spine, femur, hamstrings, gluteus maximus, rectus abdominis
  kSlip,           // lumbar spine, sacrum, pelvis, the nerve root (muscles hidden)
  kHipFlexors,     // Thomas test, stretch, sitting: pelvis, spine, whole leg, the hip flexors
};

// "all", "alignment", "anterior-tilt", "posterior-tilt", "slip", "hip-flexors"
std::string_view lessonName(Lesson l);
std::optional<Lesson> lessonFromName(std::string_view name);

// Opacity of a bone outside the lesson: enough to keep the whole skeleton in mind.
inline constexpr float kFadedBoneOpacity = 0.22f;

// Whether a lesson keeps a segment's bones and a muscle as they are.
bool lessonShowsSegment(Lesson l, anatomy::Segment s);
bool lessonShowsMuscle(Lesson l, biomech::MuscleId m);

// Fades bones outside the lesson and hides its other muscles (and their labels), on both
// sides; the near-side / far-side choice of the frame builder is left as it is. `parts` are the
// model's parts (DrawItem::part indexes them).
void applyLessonFocus(Lesson lesson, const std::vector<anatomy::ModelPart>& parts, DrawList& list);

// The landmarks labels must keep clear of and the bone axes leader lines must not cross, from
// the posed skeleton (world transforms per segment) and the side facing the camera. `ids` were
// resolved on `skeleton` when the model was loaded.
void addFocusGeometry(Lesson lesson, const anatomy::Skeleton& skeleton, const ModelIds& ids,
                      const std::array<glm::dmat4, anatomy::kSegmentCount>& world, anatomy::Side near,
                      DrawList& list);

// The muscles an anterior-tilt or hip-flexor lesson is about (lessonShowsMuscle), on side `near`, as
// segments along their drawn paths (DrawList::focus_muscles); none for the other lessons.
void addFocusMuscles(Lesson lesson, std::span<const biomech::FascicleResult> fascicles, anatomy::Side near,
                     DrawList& list);

}  // namespace sagitta::scene
