#include "scene/frame_builder.h"

#include <array>
#include <cmath>
#include <cstdio>

#include "biomech/measures.h"
#include "biomech/muscle_table.h"
#include "scene/lesson_focus.h"
#include "scene/radiograph_overlay.h"

namespace sagitta::scene {
namespace {

constexpr glm::vec3 kGhostColour{0.45f, 0.72f, 1.0f};
constexpr float kGhostOpacity = 0.28f;

glm::vec3 toWorld(const glm::dmat4& m, const glm::dvec3& p) {
  return glm::vec3(m * glm::dvec4(p, 1.0));
}

// The side of the body facing the camera (labels and see-through bones are on it).
anatomy::Side nearSide(const Camera& camera) {
  return camera.eye().z < camera.target.z ? anatomy::Side::kLeft : anatomy::Side::kRight;
}

// Within 30° of a lateral view: the radiograph overlays are drawn in the sagittal plane, so
// only there (elsewhere they would be misread), and the far side is behind the skeleton.
bool lateralView(const Camera& camera) {
  return std::abs(camera.forward().z) > std::cos(glm::radians(30.0f));
}

// The point a fraction of the way along a muscle's path (by length, from its origin).
glm::dvec3 pathPointAt(std::span<const glm::dvec3> path, double fraction) {
  double total = 0.0;
  for (std::size_t i = 1; i < path.size(); ++i) total += glm::length(path[i] - path[i - 1]);
  double left = fraction * total;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const double len = glm::length(path[i] - path[i - 1]);
    if (left <= len && len > 0.0) return glm::mix(path[i - 1], path[i], left / len);
    left -= len;
  }
  return path.back();
}

// Where along its path (a fraction of its length from the origin) a muscle's name points; none:
// the middle of its path points. The middle of the psoas lies where it passes under the inguinal
// ligament, in front of the hip, under rectus femoris and sartorius, and from the side its dot
// named those (issue 16 review, the Thomas test). An atlas names it in a side view on its belly,
// beside the lower lumbar bodies. (The iliacus's middle has the same fault; on its own fan, in the
// iliac fossa, its label crowded the pubic symphysis's onto the sitting thigh: not yet solved.)
// Rectus femoris and the hamstrings cross the knee: the middle of their path points lay by the
// knee, below the picture of a standing lesson, and neither was named in any of the 45 preset
// pictures (review, stop 36); their upper bellies are named instead.
std::optional<double> muscleLabelFraction(biomech::MuscleId m) {
  switch (m) {
    case biomech::MuscleId::kPsoas:
    case biomech::MuscleId::kRectusFemoris:
    case biomech::MuscleId::kBicepsFemoris:
      return 0.3;
    default:
      return std::nullopt;
  }
}

std::string capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// What moves with the target posture is carried along to the shown one.
glm::dmat4 carried(const PosedSkeleton& posed, const biomech::Solution& solution, anatomy::Segment s) {
  const auto i = static_cast<std::size_t>(s);
  return posed.world[i] * glm::inverse(solution.world[i]);
}

// The muscle fascicles drawn: in a lateral view the far side's are behind the skeleton.
std::vector<biomech::FascicleResult> shownFascicles(const FrameInputs& in, const anatomy::Pose& pose) {
  std::vector<biomech::FascicleResult> fascicles = in.posture.fascicleStates(pose, in.inputs);
  const anatomy::Side near = nearSide(in.camera);
  if (lateralView(in.camera))
    std::erase_if(fascicles, [&](const biomech::FascicleResult& f) { return f.side != near; });
  return fascicles;
}

// The side whose bones are labelled: the one facing the camera, or, where the cutaway removes
// that half (renderSettingsFor), the half that stays.
anatomy::Side boneSide(const FrameInputs& in) {
  const anatomy::Side side = nearSide(in.camera);
  if (in.view.xray || !cutawayRemovesNearHalf(in.view, in.camera)) return side;
  return side == anatomy::Side::kLeft ? anatomy::Side::kRight : anatomy::Side::kLeft;
}

// Lesson focus, the landmarks labels keep clear of, and which labelled landmarks are behind
// bone, for a draw list of a posture just built.
void finishForTeaching(const FrameInputs& in, const PosedSkeleton& posed, const anatomy::Bounds& focus,
                       int slot, FrameScratch& scratch, DrawList& list) {
  list.focus_bounds = focus;
  const Lesson lesson = lessonFromName(in.view.focus).value_or(Lesson::kAll);
  if (!in.view.show_all) applyLessonFocus(lesson, in.model.parts, list);
  addFocusGeometry(lesson, in.model.skeleton, in.ids, posed.world, boneSide(in), list);
  // a film is a projection through the whole body: no bone hides another there, and a
  // radiologist names L4 and L5 over the iliac wings (review, stop 37: the slip films left L4, L5
  // and the sacrum unnamed, as behind the hip bone)
  if (!list.labels.empty() && !in.view.xray) {
    const VisibilityKey key{
        in.revision, in.pose_revision, in.camera, in.viewport, cutawayPlane(in.view, in.camera), slot};
    scratch.visibility.mark(list, in.meshes, key);
  }
}

// The slipping vertebra as a lumbar index, 0 = L1 .. 4 = L5 (the segments run L5 .. L1 up from
// the sacrum); outside 0-4 for a level that is not lumbar.
int slippingLumbar(const biomech::SlipResult& slip) {
  return static_cast<int>(anatomy::Segment::kL1) - static_cast<int>(slip.slipping);
}

// The defect a spondylolysis or an isthmic slip is about: the pars interarticularis of the
// slipping vertebra, where its body parts from its arch (review: the spondylolysis lesson showed
// no gap and named none). On the side whose bones are labelled, at the body's side of the gap.
void addParsLabel(const FrameInputs& in, const PosedSkeleton& posed, const biomech::Solution& solution,
                  DrawList& list) {
  if (!solution.slip.pars_defect) return;
  const int lumbar = slippingLumbar(solution.slip);
  if (lumbar < 0 || lumbar >= kLumbarCount) return;
  const auto k = static_cast<std::size_t>(lumbar);
  const LandmarkId id = in.ids.pars[k][biomech::sideIndex(boneSide(in))];
  const glm::vec3 at = landmarkWorld(in.model.skeleton, id, posed.world);
  // no value box covers the defect (PT's sat on it in the grade IV slip in classroom mode, and
  // its name had nowhere to start), also in a picture without names: values sit the same with
  // names on and off
  list.value_clear_points.push_back(at);
  if (!in.view.labels) return;
  const std::string level = "L" + std::to_string(k + 1);
  Label l{at,
          in.view.mode == Mode::kPatient ? "Crack in the bone bridge (pars) of " + level
                                         : level + " pars defect (spondylolysis)",
          {1.0f, 0.78f, 0.35f, 1.0f},
          5,
          false};
  l.bone_landmark = true;
  list.labels.push_back(std::move(l));
}

// The slip's two vertebral bodies as capsules no value box covers (DrawList::focus_bodies): the
// slipping body from its posterior wall's middle to its anterior wall's middle, as thick as the
// body is tall, and the top of the body below along its superior endplate.
void addSlipBodies(const FrameInputs& in, const PosedSkeleton& posed, const biomech::Solution& solution,
                   DrawList& list) {
  if (solution.slip.input_percent <= 0.0) return;
  const int lumbar = slippingLumbar(solution.slip);
  if (lumbar < 0 || lumbar >= kLumbarCount) return;
  const auto k = static_cast<std::size_t>(lumbar);
  const biomech::MeasureLandmarkIds& m = in.ids.measures;
  auto at = [&](LandmarkId id) { return landmarkWorld(in.model.skeleton, id, posed.world); };
  const glm::vec3 sa = at(m.superior_anterior[k]), sp = at(m.superior_posterior[k]);
  const glm::vec3 ia = at(m.inferior_anterior[k]), ip = at(m.inferior_posterior[k]);
  const glm::vec3 front = 0.5f * (sa + ia), back = 0.5f * (sp + ip);
  const float half_height = 0.25f * (glm::distance(sa, ia) + glm::distance(sp, ip));
  list.focus_bodies.push_back({back, front, half_height});
  // the lower body: the sacrum's S1, or the next lumbar vertebra down
  const glm::vec3 la = k + 1 < kLumbarCount ? at(m.superior_anterior[k + 1]) : at(m.s1_anterior);
  const glm::vec3 lp = k + 1 < kLumbarCount ? at(m.superior_posterior[k + 1]) : at(m.s1_posterior);
  list.focus_bodies.push_back({lp, la, 0.5f * half_height});
}

// One posture, as drawn in full: the contents of the frame, in order.
void addPosture(const FrameInputs& in, const anatomy::Pose& pose, const biomech::Solution& solution,
                FrameScratch& scratch, DrawList& list) {
  const PosedSkeleton posed = poseSkeleton(in.model.skeleton, pose);
  const std::size_t first_bone = list.items.size();
  addBones(in, posed, false, list);
  scratch.meshes.reshapeSlipBones(in.model, solution.slip, list, first_bone);  // the slip's shape
  addParsArch(in, posed, solution, list);
  const std::vector<biomech::FascicleResult> fascicles = shownFascicles(in, pose);
  if (in.view.muscles) {
    addMuscles(in, fascicles, scratch, list);
    addFocusMuscles(lessonFromName(in.view.focus).value_or(Lesson::kAll), fascicles, boneSide(in), list);
  }
  if (in.view.nerves) addNerves(in, posed, solution, scratch, list);
  addLoads(in, posed, solution, scratch, list);
  addSupport(solution, scratch, list);
  addRadiograph(in, pose, posed, list);
  addLabels(in, posed, fascicles, list);
  addParsLabel(in, posed, solution, list);
  addSlipBodies(in, posed, solution, list);
}

// A posture as a see-through ghost over the shown one: its bones only.
void addGhost(const FrameInputs& in, const anatomy::Pose& pose, DrawList& list) {
  addBones(in, poseSkeleton(in.model.skeleton, pose), true, list);
}

}  // namespace

void addBones(const FrameInputs& in, const PosedSkeleton& posed, bool ghost, DrawList& list) {
  const ViewState& view = in.view;
  LayerOptions layers;
  layers.bones = view.bones;
  layers.discs = view.discs;
  layers.body_outline = view.body_outline && !ghost;
  DrawList bones;
  addModel(in.model, in.part_meshes, in.meshes, posed, layers, bones);
  const std::size_t first_item = list.items.size();
  const int skin_offset = static_cast<int>(list.skins.size());
  list.items.insert(list.items.end(), bones.items.begin(), bones.items.end());
  list.skins.insert(list.skins.end(), bones.skins.begin(), bones.skins.end());
  for (std::size_t i = first_item; i < list.items.size(); ++i) {
    if (list.items[i].skin >= 0) list.items[i].skin += skin_offset;
  }
  if (ghost) {
    for (std::size_t i = first_item; i < list.items.size(); ++i) {
      DrawItem& item = list.items[i];
      item.colour = kGhostColour;
      item.opacity = kGhostOpacity;
      item.material = Material::kPlain;
      item.flags = 0;
    }
    return;  // a ghost does not change the framing
  }
  list.bounds = bones.bounds;
  // in a lateral view the near hip bone hides the sacrum and the hip axis the angles are drawn
  // on: show it see-through, as a radiograph does (a teaching choice, docs/ui.md)
  const int near_hip = in.ids.hip_bone[biomech::sideIndex(nearSide(in.camera))];
  if (near_hip != kNoPart && lateralView(in.camera) && (view.pelvic_angles || view.meyerding) && !view.xray &&
      !view.cutaway) {
    for (std::size_t i = first_item; i < list.items.size(); ++i) {
      if (list.items[i].part != near_hip) continue;
      list.items[i].opacity = 0.3f;
      list.items[i].flags = kTwoSided;
    }
  }
}

void addParsArch(const FrameInputs& in, const PosedSkeleton& posed, const biomech::Solution& solution,
                 DrawList& list) {
  // isthmic slip: the posterior arch of the slipping vertebra stays behind with the one below
  // (the pars gap); follow the lower vertebra as it is shown
  const biomech::SlipResult& slip = solution.slip;
  if (!slip.pars_defect) return;
  const auto lower = static_cast<std::size_t>(slip.lower);
  const glm::dmat4 arch =
      posed.world[lower] * glm::inverse(solution.world[lower]) * slip.posterior_arch_world;
  for (DrawItem& item : list.items) {
    if (item.part < 0) continue;
    const auto part = static_cast<std::size_t>(item.part);
    if (in.ids.posterior_arch[part] && in.model.parts[part].segment == slip.slipping)
      item.model = glm::mat4(arch);
  }
}

void addMuscles(const FrameInputs& in, std::span<const biomech::FascicleResult> fascicles,
                FrameScratch& scratch, DrawList& list) {
  scratch.meshes.addMuscles(fascicles, in.highlight, list);
}

void addNerves(const FrameInputs&, const PosedSkeleton& posed, const biomech::Solution& solution,
               FrameScratch& scratch, DrawList& list) {
  biomech::SlipResult moved = solution.slip;
  const glm::dmat4 m = carried(posed, solution, moved.slipping);
  for (biomech::NerveRoot& root : moved.nerve_roots) {
    for (glm::dvec3& p : root.points) p = glm::dvec3(m * glm::dvec4(p, 1.0));
  }
  scratch.meshes.addNerves(moved, list);
}

void addLoads(const FrameInputs& in, const PosedSkeleton& posed, const biomech::Solution& solution,
              FrameScratch& scratch, DrawList& list) {
  const ViewState& view = in.view;
  if (!view.shear_arrow || view.xray) return;
  biomech::ForceArrow arrow = solution.l5s1_shear;
  const glm::dmat4 m = carried(posed, solution, anatomy::Segment::kSacrum);
  arrow.origin = glm::dvec3(m * glm::dvec4(arrow.origin, 1.0));
  arrow.direction = glm::dvec3(m * glm::dvec4(arrow.direction, 0.0));
  scratch.meshes.addShearArrow(arrow, list);
  if (arrow.magnitude_N > 1.0 && view.labels) {
    // the arrow shows the direction; the words must agree with it: lying on the Thomas couch the
    // load above L5-S1 can push L5 backward (l5s1_shear_N < 0), and "forward pull" was wrong there
    const bool backward = solution.l5s1_shear_N < 0.0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "L5–S1 shear %.0f N%s", arrow.magnitude_N, backward ? " backward" : "");
    const std::string text = showsNumbers(view) ? std::string(buf)
                             : backward         ? std::string("Backward push on L5")
                                                : std::string("Forward pull on L5");
    // the dot on the arrow's head, halfway along it (a fixed 8 cm put it past the head of any
    // force under 670 N, on whatever lay beyond)
    const double head_middle = 0.5 * (1.0 + static_cast<double>(kShearArrowHeadStart));
    const double along = head_middle * static_cast<double>(shearArrowLengthMetres(arrow.magnitude_N));
    list.labels.push_back(
        {glm::vec3(arrow.origin + arrow.direction * along), text, {1.0f, 0.45f, 0.3f, 1.0f}, 6, false});
  }
}

void addSupport(const biomech::Solution& solution, FrameScratch& scratch, DrawList& list) {
  scratch.meshes.addSupport(solution.support, list);
}

void addRadiograph(const FrameInputs& in, const anatomy::Pose& pose, const PosedSkeleton&, DrawList& list) {
  // measured on the shown pose, drawn in the sagittal plane: only within 30° of lateral
  if (!lateralView(in.camera)) return;
  const ViewState& view = in.view;
  // measuring lines are read through their values: where the numbers are hidden (patient mode,
  // unless asked), the angle lines, plumb line and quarter ticks alone are coloured lines a
  // patient is told nothing about (review, patient pictures); so the overlay always carries them
  if (!showsNumbers(view)) return;
  const anatomy::Skeleton& skeleton = in.model.skeleton;
  const biomech::SlipLevel level = in.inputs.slip.level;
  const biomech::MeasureLandmarks ml = biomech::measureLandmarks(in.ids.measures, skeleton, pose, level);
  const biomech::ClinicalMeasures measures = biomech::measure(ml);
  const glm::dmat4& root = pose.root;
  RadiographPoints rp;
  rp.hip_left = toWorld(root, ml.hip_centre[0]);
  rp.hip_right = toWorld(root, ml.hip_centre[1]);
  rp.s1_anterior = toWorld(root, ml.s1_anterior);
  rp.s1_posterior = toWorld(root, ml.s1_posterior);
  rp.l1_anterior = toWorld(root, ml.superior_anterior[0]);
  rp.l1_posterior = toWorld(root, ml.superior_posterior[0]);
  rp.lower_anterior = toWorld(root, ml.lower_superior_anterior);
  rp.lower_posterior = toWorld(root, ml.lower_superior_posterior);
  rp.upper_posterior_inferior = toWorld(root, ml.upper_inferior_posterior);
  rp.lower_posterior_wall = toWorld(root, ml.lower_posterior_wall);
  rp.plumb_top = toWorld(root, ml.c7_centroid);  // the C7 plumb line SVA is measured from
  RadiographValues rv;
  rv.pelvic_incidence_deg = measures.pelvic_incidence_deg;
  rv.pelvic_tilt_deg = measures.pelvic_tilt_deg;
  rv.sacral_slope_deg = measures.sacral_slope_deg;
  rv.lumbar_lordosis_deg = measures.lumbar_lordosis_deg;
  rv.slip_percent = measures.slip_percent;
  rv.meyerding_grade = measures.meyerding_grade;
  rv.slip_level = std::string(biomech::slipLevelName(level));
  rv.sagittal_vertical_axis_mm = measures.sagittal_vertical_axis_mm;
  RadiographOptions ro;
  ro.pelvic_angles = view.pelvic_angles;
  ro.lordosis = view.lordosis;
  ro.plumb_line = view.plumb_line;
  ro.meyerding = view.meyerding;
  ro.light_background = view.background == BackgroundChoice::kLight;
  ro.line_width_px = view.mode == Mode::kClassroom ? 4.0f : 2.5f;
  addRadiographOverlay(rp, rv, ro, list);
}

void addLabels(const FrameInputs& in, const PosedSkeleton& posed,
               std::span<const biomech::FascicleResult> fascicles, DrawList& list) {
  const ViewState& view = in.view;
  if (!view.labels) return;
  // bones and landmarks on the side facing the camera
  const ModelIds& ids = in.ids;
  const anatomy::Side side = nearSide(in.camera);
  // the cutaway removes the half facing the camera (renderSettingsFor): the bones of that side
  // are gone, so their landmarks (ASIS, PSIS, ilium...) are labelled on the half that stays
  const anatomy::Side bone_side = boneSide(in);
  const std::size_t near = biomech::sideIndex(bone_side);
  const glm::vec4 bone_colour(1.0f), landmark_colour(0.55f, 0.85f, 1.0f, 1.0f),
      muscle_colour(1.0f, 0.62f, 0.55f, 1.0f);
  auto at = [&](LandmarkId id) { return landmarkWorld(in.model.skeleton, id, posed.world); };
  auto label = [&](LandmarkId id, const char* text, glm::vec4 colour, int priority) {
    list.labels.push_back({at(id), text, colour, priority, false});
    list.labels.back().bone_landmark = true;
  };
  const bool expert = view.mode == Mode::kExpert;
  // a patient is told where things are in plain words (review, stop 34: "ASIS", "PSIS" and
  // "Pubic symphysis" meant nothing to one); the lumbar levels keep their names, which their
  // reports use
  const bool patient = view.mode == Mode::kPatient;
  auto termFor = [&](const char* anatomical, const char* plain) { return patient ? plain : anatomical; };
  label(ids.asis[near], termFor("ASIS", "Front hip point"), landmark_colour, 5);
  label(ids.psis[near], termFor("PSIS", "Back hip point"), landmark_colour, 5);
  label(ids.pubic_symphysis, termFor("Pubic symphysis", "Pubic joint"), landmark_colour, 3);
  label(ids.sacral_promontory, termFor("Sacral promontory", "Top of the sacrum"), landmark_colour, 4);
  if (expert) {
    label(ids.greater_trochanter[near], "Greater trochanter", landmark_colour, 2);
    label(ids.ischial_tuberosity[near], "Ischial tuberosity", landmark_colour, 2);
    label(ids.coccyx_tip, "Coccyx", bone_colour, 1);
  }
  // the vertebra that slips is what a slip is about: its name goes before the other levels'
  // (a grade IV slip's L5 gave way to the sacrum's and the coccyx's names, stop 35)
  const biomech::SlipResult& slip = in.solution.slip;
  const bool slips = slip.input_percent > 0.0 || slip.pars_defect;
  const int slipping = slippingLumbar(slip);
  for (std::size_t k = 0; k < kLumbarCount; ++k) {
    const glm::vec3 mid = lumbarBodyFront(in.model.skeleton, ids, k, posed.world);
    const int priority = slips && static_cast<int>(k) == slipping ? 5 : 4;
    list.labels.push_back({mid, "L" + std::to_string(k + 1), bone_colour, priority, false});
    list.labels.back().bone_landmark = true;
    list.labels.back().sequence = static_cast<int>(k) + 1;  // read in order down a margin column
  }
  // Where the sacrum is seen. Without muscles: on its back, the posterior midline between the
  // median crest (S2) and the hiatus, a chord of the convex back, so just under the surface; the
  // chord in front, from the S1 corner toward the coccyx, crosses the hollow of the pelvic surface,
  // and in a high-grade slip's deeply curved sacrum it pointed at empty space (review, grades III
  // and IV, drawn without muscles). With muscles, gluteus maximus covers that back: the front chord,
  // seen through the pelvis.
  const glm::vec3 sacrum_at = view.muscles
                                  ? glm::mix(at(ids.s1_endplate_anterior), at(ids.coccyx_tip), 0.35f)
                                  : glm::mix(at(ids.median_sacral_crest), at(ids.sacral_hiatus), 0.5f);
  list.labels.push_back({sacrum_at, "Sacrum", bone_colour, 3, false});
  // C7, where the plumb line of the sagittal vertical axis hangs from (on the upper thoracic
  // column): named where that line is drawn or the lesson shows the chest, not on a faded thorax
  const Lesson lesson = lessonFromName(view.focus).value_or(Lesson::kAll);
  if (view.show_all || lessonShowsSegment(lesson, anatomy::Segment::kThorax) ||
      (view.plumb_line && lateralView(in.camera))) {
    list.labels.push_back({toWorld(posed.upper_thorax, ids.c7_anterior), "C7", bone_colour, 4, false});
  }
  list.labels.push_back({glm::mix(at(ids.femoral_head_centre[near]), at(ids.knee_centre[near]), 0.45f),
                         termFor("Femur", "Thigh bone"), bone_colour, 3, false});
  // the dot is the crest's summit (its outer lip, on the surface): named for that, not for the whole
  // ilium, whose summit, seen from the side, lies over L4's arch (review, stop 36: "Ilium" read as
  // naming L4; the summit level with L4 is the supracristal line clinicians palpate)
  list.labels.push_back(
      {at(ids.iliac_crest_top[near]), termFor("Iliac crest", "Top of the hip bone"), bone_colour, 3, false});
  // a film names bones, not muscles: they are faint soft-tissue shadows on it (review, stop 37:
  // seven muscle names crowded the neutral film, the psoas's dot beside L4's on one body)
  if (view.muscles && !view.xray) {
    std::array<bool, biomech::kMuscleCount> done{};
    for (const biomech::FascicleResult& f : fascicles) {
      const std::size_t m = biomech::muscleIndex(f.muscle);
      if (f.side != side || done[m] || f.point_count < 2) continue;
      // hamstrings are one label; semitendinosus and semimembranosus lie under biceps femoris;
      // the erector spinae is one label; smaller muscles only in expert mode
      using biomech::MuscleId;
      if (f.muscle == MuscleId::kSemimembranosus || f.muscle == MuscleId::kSemitendinosus ||
          f.muscle == MuscleId::kLongissimus) {
        continue;
      }
      const bool minor = f.muscle == MuscleId::kSartorius || f.muscle == MuscleId::kTfl ||
                         f.muscle == MuscleId::kExternalOblique || f.muscle == MuscleId::kInternalOblique ||
                         f.muscle == MuscleId::kMultifidus;
      if (minor) continue;  // hovering their slider highlights them instead
      // psoas and iliacus lie in front of the spine and inside the pelvis: seen from behind
      // (within 60 deg of posterior) the spine, the ilium and the back muscles are over them, and
      // the psoas's dot beside L3-L5 fell on the erector spinae (review, stop 34)
      const bool deep_front = f.muscle == MuscleId::kPsoas || f.muscle == MuscleId::kIliacus;
      if (deep_front && in.camera.forward().x > 0.5f) continue;
      done[m] = true;
      const auto path = f.path();
      const std::optional<double> along = muscleLabelFraction(f.muscle);
      const glm::vec3 mid(along ? pathPointAt(path, *along)
                                : path[path.size() / 2 - (path.size() % 2 == 0 ? 1 : 0)] * 0.5 +
                                      path[path.size() / 2] * 0.5);
      std::string name = f.muscle == MuscleId::kBicepsFemoris ? "Hamstrings"
                         : f.muscle == MuscleId::kIliocostalis
                             ? "Erector spinae"
                             : capitalised(biomech::muscleDef(f.muscle).display_name);
      // the muscles a lesson is about are named as its bones are, also in classroom mode (which
      // keeps priority 3 and up): the posterior tilt's hamstrings went unnamed at priority 2; the
      // whole body and the alignment lesson are about the hip flexors
      const bool flexor = biomech::groupOf(f.muscle) == biomech::MuscleGroup::kHipFlexors;
      const bool lesson_muscle = lesson == Lesson::kAll || lesson == Lesson::kAlignment
                                     ? flexor
                                     : lessonShowsMuscle(lesson, f.muscle);
      list.labels.push_back(
          {mid, name, muscle_colour, lesson_muscle ? 4 : 2, false, false, musclePickId(f.muscle, f.side)});
    }
  }
  // classroom: large type read from the back of the room; only the names the lesson is about
  if (view.mode == Mode::kClassroom) {
    std::erase_if(list.labels, [](const Label& l) { return !l.pinned && l.priority < 3; });
  }
}

FrameContent buildFrame(const FrameInputs& in, FrameScratch& scratch) {
  FrameContent out;
  const ViewState& view = in.view;
  scratch.meshes.beginFrame();
  // labels sit beside the lumbopelvic figure, also where the view frames the whole legs: beside
  // the legs, the leaders of the Thomas test and the lunge ran across the picture
  const anatomy::Bounds focus = labelFigureBounds(in);
  addPosture(in, in.pose, in.solution, scratch, out.list);
  finishForTeaching(in, poseSkeleton(in.model.skeleton, in.pose), focus, 0, scratch, out.list);
  const biomech::ClinicalMeasures now = biomech::measure(
      biomech::measureLandmarks(in.ids.measures, in.model.skeleton, in.pose, in.inputs.slip.level));
  if (view.ghost == Ghost::kOverlay) {
    addGhost(in, in.neutral.pose, out.list);
    out.captions.badges = changeBadges(now, in.neutral.measures, in.solution);
  } else if (view.ghost == Ghost::kSideBySide) {
    DrawList left;
    FrameInputs neutral = in;  // the neutral posture with no highlight
    neutral.highlight = {};
    addPosture(neutral, in.neutral.pose, in.neutral, scratch, left);
    finishForTeaching(neutral, poseSkeleton(in.model.skeleton, in.neutral.pose), focus, 1, scratch, left);
    out.compare = std::move(left);
    out.captions.badges = changeBadges(now, in.neutral.measures, in.solution);
    out.title = "Current";
  }
  if (view.mode == Mode::kPatient) {
    Captions patient = patientCaptions(in.inputs, in.solution, in.neutral, view.show_numbers);
    // numbers are hidden in patient mode unless asked for
    if (view.show_numbers) patient.badges = std::move(out.captions.badges);
    out.captions = std::move(patient);
  }
  if (!view.caption.empty()) out.captions.caption = view.caption;
  return out;
}

glm::vec4 cutawayPlane(const ViewState& view, const Camera& camera) {
  if (!view.cutaway) return glm::vec4(0.0f);
  // The midsagittal section is a view from the side. Seen from the front, the back or above, the
  // cut runs along the line of sight and shows half a skeleton, its near-side nerves hanging in
  // the air (review, grade IV from the front): there the section is not made. Between, the plane
  // slides out to the side, so an orbiting camera sees the near half come back rather than pop.
  const glm::vec3 to_eye = camera.eye() - camera.target;
  const float distance = glm::length(to_eye);
  const float side = distance > 0.0f ? std::abs(to_eye.z) / distance : 1.0f;  // cos(angle from lateral)
  const float out = 1.0f - glm::smoothstep(kCutawayGoneCos, kCutawayWholeCos, side);
  if (out >= 1.0f) return glm::vec4(0.0f);
  return {0.0f, 0.0f, camera.eye().z < camera.target.z ? 1.0f : -1.0f, out * kCutawaySlide_m};
}

bool cutawayRemovesNearHalf(const ViewState& view, const Camera& camera) {
  const glm::vec4 cut = cutawayPlane(view, camera);
  return cut != glm::vec4(0.0f) && cut.w < kCutawayNearHalf_m;
}

anatomy::Bounds modelBounds(const FrameInputs& in) {
  LayerOptions layers;
  layers.body_outline = false;
  DrawList list;
  addModel(in.model, in.part_meshes, in.meshes, poseSkeleton(in.model.skeleton, in.pose), layers, list);
  return list.bounds;
}

anatomy::Bounds focusBounds(const FrameInputs& in) {
  const biomech::PoseKind pose = in.inputs.pose;
  return regionBounds(in, pose == biomech::PoseKind::kThomas || pose == biomech::PoseKind::kLunge);
}

anatomy::Bounds labelFigureBounds(const FrameInputs& in) {
  return regionBounds(in, false);
}

anatomy::Bounds regionBounds(const FrameInputs& in, bool whole_legs) {
  // standing and sitting: the lumbopelvic region from L1 to the upper thighs, where tilt,
  // lordosis and slip happen; the Thomas test and the lunge need the whole legs, but not the
  // chest: the whole model lying on the couch left the pelvis small at the figure's edge
  const CameraFocus focus = in.view.camera_focus;
  if (focus == CameraFocus::kWhole) return modelBounds(in);
  const bool legs = focus == CameraFocus::kAuto && whole_legs;
  const bool lumbosacral = focus == CameraFocus::kLumbosacral;
  // a slip, shown automatically: the whole lumbar spine and pelvis (PI and PT are measured to the
  // hip centres) with only the femoral heads and necks, so the slipped level is as large as that
  // allows; the junction alone cut L1, the hips and the femur off the figure
  const bool slip = focus == CameraFocus::kAuto && in.inputs.slip.percent > 0.0;
  const anatomy::Skeleton& skeleton = in.model.skeleton;
  const ModelIds& ids = in.ids;
  const auto world = anatomy::worldTransforms(skeleton, in.pose);
  anatomy::Bounds b;
  auto add = [&](LandmarkId id) { b.add(landmarkWorld(skeleton, id, world)); };
  if (lumbosacral) {
    // a slip: the two levels around it, close enough to read the grade
    const bool l5s1 = in.inputs.slip.level == biomech::SlipLevel::kL5S1;
    for (const LandmarkId id :
         {ids.superior_endplate_anterior[2], ids.spinous_tip[2], ids.s1_endplate_anterior,
          ids.sacral_promontory, ids.coccyx_tip, ids.spinous_tip[4]}) {
      add(id);
    }
    if (!l5s1) add(ids.superior_endplate_anterior[1]);
    const glm::vec3 grow = b.size() * 0.15f;
    b.add(b.min - grow);
    b.add(b.max + grow);
    if (b.valid) return b;
  }
  for (const LandmarkId id : {ids.superior_endplate_anterior[0], ids.spinous_tip[0], ids.asis[0], ids.asis[1],
                              ids.psis[0], ids.psis[1], ids.pubic_symphysis, ids.ischial_tuberosity[0],
                              ids.ischial_tuberosity[1], ids.greater_trochanter[0], ids.greater_trochanter[1],
                              ids.coccyx_tip, ids.iliac_crest_top[0], ids.iliac_crest_top[1]}) {
    add(id);
  }
  for (std::size_t side = 0; side < 2; ++side) {
    const glm::dvec3 head =
        anatomy::worldPosition(skeleton.landmarks()[ids.femoral_head_centre[side]], world);
    const glm::dvec3 knee = anatomy::worldPosition(skeleton.landmarks()[ids.knee_centre[side]], world);
    b.add(glm::vec3(glm::mix(head, knee, slip ? 0.1 : 0.3)));
    if (legs) {
      // the knee and the upper shank (the knee's bend reads the rectus femoris), not the feet:
      // framed to the toes of the held leg, the pelvis of the Thomas test was small
      b.add(glm::vec3(knee));
      const glm::dvec3 ankle =
          anatomy::worldPosition(skeleton.landmarks()[ids.measures.ankle_centre[side]], world);
      b.add(glm::vec3(glm::mix(knee, ankle, 0.35)));
    }
  }
  if (!b.valid) return modelBounds(in);
  const glm::vec3 grow = b.size() * 0.12f;  // a little context around the region
  b.add(b.min - grow);
  b.add(b.max + grow);
  return b;
}

}  // namespace sagitta::scene
