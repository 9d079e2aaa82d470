#include "scene/lesson_focus.h"

#include <algorithm>
#include <array>
#include <string>

#include "anatomy/skeleton.h"
#include "scene/body_draw.h"

namespace sagitta::scene {
namespace {

using anatomy::Segment;
using biomech::MuscleId;

constexpr std::array<std::pair<std::string_view, Lesson>, 6> kLessons = {
    {{"all", Lesson::kAll},
     {"alignment", Lesson::kAlignment},
     {"anterior-tilt", Lesson::kAnteriorTilt},
     {"posterior-tilt", Lesson::kPosteriorTilt},
     {"slip", Lesson::kSlip},
     {"hip-flexors", Lesson::kHipFlexors}}};

bool isMusclePick(std::uint32_t pick_id) {
  return pick_id >= 1 && pick_id <= 2 * biomech::kMuscleCount;
}
MuscleId muscleOfPick(std::uint32_t pick_id) {
  return static_cast<MuscleId>((pick_id - 1) / 2);
}

}  // namespace

std::string_view lessonName(Lesson l) {
  for (const auto& [name, lesson] : kLessons) {
    if (lesson == l) return name;
  }
  return "all";
}

std::optional<Lesson> lessonFromName(std::string_view name) {
  for (const auto& [n, lesson] : kLessons) {
    if (n == name) return lesson;
  }
  return std::nullopt;
}

bool lessonShowsSegment(Lesson l, Segment s) {
  switch (l) {
    case Lesson::kAll:
      return true;
    case Lesson::kHipFlexors:
      // the Thomas test reads the knee too
      return s != Segment::kThorax;
    case Lesson::kAlignment:
    case Lesson::kAnteriorTilt:
    case Lesson::kPosteriorTilt:
    case Lesson::kSlip:
      return s != Segment::kThorax && s != Segment::kShankLeft && s != Segment::kShankRight;
  }
  return true;
}

bool lessonShowsMuscle(Lesson l, MuscleId m) {
  switch (l) {
    case Lesson::kAll:
      return true;
    case Lesson::kAlignment:
      // the big muscles around the pelvis; the small ones and the layers under them stay hidden
      return m != MuscleId::kSartorius && m != MuscleId::kTfl && m != MuscleId::kExternalOblique &&
             m != MuscleId::kInternalOblique && m != MuscleId::kMultifidus;
    case Lesson::kAnteriorTilt:
    case Lesson::kHipFlexors:
      return biomech::groupOf(m) == biomech::MuscleGroup::kHipFlexors;
    case Lesson::kPosteriorTilt:
      return m == MuscleId::kBicepsFemoris || m == MuscleId::kSemimembranosus ||
             m == MuscleId::kSemitendinosus || m == MuscleId::kGluteusMaximus ||
             m == MuscleId::kRectusAbdominis;
    case Lesson::kSlip:
      return false;
  }
  return true;
}

void applyLessonFocus(Lesson lesson, const std::vector<anatomy::ModelPart>& parts, DrawList& list) {
  if (lesson == Lesson::kAll) return;
  for (DrawItem& item : list.items) {
    if (item.material == Material::kMuscle) {
      if (isMusclePick(item.pick_id) && !lessonShowsMuscle(lesson, muscleOfPick(item.pick_id)))
        item.opacity = 0.0f;
      continue;
    }
    if (item.part < 0 || static_cast<std::size_t>(item.part) >= parts.size()) continue;
    const anatomy::ModelPart& part = parts[static_cast<std::size_t>(item.part)];
    // rigid parts: bone, and the cartilage fixed to it (the costal cartilages of the ribs)
    const bool rigid = part.kind == anatomy::PartKind::kBone || part.kind == anatomy::PartKind::kCartilage;
    if (!rigid || lessonShowsSegment(lesson, part.segment)) continue;
    // faded, not gone: the ribs and legs still say where the pelvis sits in the body
    item.opacity = std::min(item.opacity, kFadedBoneOpacity);
    item.flags &= ~static_cast<std::uint32_t>(kCastsShadow);
  }
  std::erase_if(list.labels, [&](const Label& l) {
    return isMusclePick(l.pick_id) && !lessonShowsMuscle(lesson, muscleOfPick(l.pick_id));
  });
}

void addFocusGeometry(Lesson lesson, const anatomy::Skeleton& skeleton, const ModelIds& ids,
                      const std::array<glm::dmat4, anatomy::kSegmentCount>& world, anatomy::Side near,
                      DrawList& list) {
  const std::size_t side = biomech::sideIndex(near);
  auto at = [&](LandmarkId id) { return landmarkWorld(skeleton, id, world); };
  auto point = [&](LandmarkId id) { list.focus_points.push_back(at(id)); };
  auto axis = [&](LandmarkId a, LandmarkId b) { list.focus_axes.push_back({at(a), at(b)}); };
  // the landmarks PI, PT and SS are measured on, in every lesson: the hip centre and S1
  point(ids.femoral_head_centre[side]);
  point(ids.s1_endplate_anterior);
  point(ids.s1_endplate_posterior);
  // the bone of interest: the sacrum's front, the lumbar column through its vertebral bodies'
  // centres down to the middle of the S1 endplate (a leader from the front of the spine to a
  // label behind it, or the other way, would cross it), and the femur's neck and shaft
  axis(ids.s1_endplate_anterior, ids.coccyx_tip);
  const biomech::MeasureLandmarkIds& m = ids.measures;
  std::optional<glm::vec3> above;
  for (std::size_t k = 0; k < kLumbarCount; ++k) {
    const glm::vec3 centre = 0.25f * (at(m.superior_anterior[k]) + at(m.superior_posterior[k]) +
                                      at(m.inferior_anterior[k]) + at(m.inferior_posterior[k]));
    if (above) list.focus_axes.push_back({*above, centre});
    above = centre;
    // a slip is read on the vertebral bodies' step: no value box covers a body's centre
    if (lesson == Lesson::kSlip) list.value_clear_points.push_back(centre);
  }
  list.focus_axes.push_back({*above, 0.5f * (at(m.s1_anterior) + at(m.s1_posterior))});
  // the front of each vertebral body, where its name points (frame_builder.cpp, addLabels): no
  // value box covers it, in every lesson and also in a picture without names (a value over L5's
  // dot left L5 unlabelled: its leader could not leave through the box; the desk sitter's SS)
  for (std::size_t k = 0; k < kLumbarCount; ++k)
    list.value_clear_points.push_back(lumbarBodyFront(skeleton, ids, k, world));
  // and the spinous processes' tips: LL's value, between the Cobb lines' posterior ends, lay on
  // those of L2 and L3 in the lateral lessons (review, stop 36)
  for (const LandmarkId id : ids.spinous_tip) list.value_clear_points.push_back(at(id));
  if (lesson == Lesson::kSlip) {
    for (const LandmarkId id : ids.inferior_endplate_anterior) point(id);
    axis(ids.superior_endplate_anterior[3], ids.s1_endplate_anterior);
  }
  // the femur in every lesson: its neck (head to greater trochanter) and shaft (the head to the
  // knee); in the slip presets the ischial tuberosity's leader ran across the femoral neck
  axis(ids.femoral_head_centre[side], ids.greater_trochanter[side]);
  axis(ids.femoral_head_centre[side], ids.knee_centre[side]);
  // the Thomas test, the lunge and sitting read both legs (the hanging and the held one, the
  // kneeling and the front one): thighs, shanks and feet are bone of interest
  if (lesson == Lesson::kHipFlexors) {
    for (std::size_t s = 0; s < 2; ++s) {
      if (s != side) axis(ids.femoral_head_centre[s], ids.knee_centre[s]);
      axis(ids.knee_centre[s], ids.measures.ankle_centre[s]);
      axis(ids.measures.ankle_centre[s], ids.toe_tip[s]);
    }
  }
}

void addFocusMuscles(Lesson lesson, std::span<const biomech::FascicleResult> fascicles, anatomy::Side near,
                     DrawList& list) {
  // (alignment shows the big muscles as context; a slip, none. A posterior tilt's rectus abdominis
  // runs up the front of the trunk where the margin column beside the spine is: kept clear, it
  // left L5, the ASIS and its own name unplaced, and L1-L4 on long leaders across it)
  if (lesson != Lesson::kAnteriorTilt && lesson != Lesson::kHipFlexors) return;
  for (const biomech::FascicleResult& f : fascicles) {
    if (f.side != near || !lessonShowsMuscle(lesson, f.muscle)) continue;
    const auto path = f.path();
    const float radius = drawnBellyRadius(f);
    for (std::size_t i = 1; i < path.size(); ++i)
      list.focus_muscles.push_back({glm::vec3(path[i - 1]), glm::vec3(path[i]), radius});
  }
}

}  // namespace sagitta::scene
