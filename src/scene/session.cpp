#include "scene/session.h"

#include <cmath>

#include "anatomy/skeleton.h"
#include "biomech/measures.h"
#include "biomech/muscle_table.h"
#include "scene/label_visibility.h"
#include "scene/lesson_focus.h"
#include "scene/radiograph_overlay.h"

namespace sagitta::scene {
namespace {

constexpr glm::vec3 kGhostColour{0.45f, 0.72f, 1.0f};
constexpr float kGhostOpacity = 0.28f;

glm::vec3 toWorld(const glm::dmat4& m, const glm::dvec3& p) {
  return glm::vec3(m * glm::dvec4(p, 1.0));
}

// Room around the framed region for the label columns beside it (about a quarter of the
// picture height each) and for the badges above and the caption below.
anatomy::Bounds withLabelRoom(anatomy::Bounds b, const Camera& camera) {
  if (!b.valid) return b;
  const glm::vec3 c = b.centre(), r = camera.right(), u = camera.up();
  float half_w = 0.0f, half_h = 0.0f;
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 d =
        glm::vec3((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z) - c;
    half_w = std::max(half_w, std::abs(glm::dot(d, r)));
    half_h = std::max(half_h, std::abs(glm::dot(d, u)));
  }
  const float side = half_w + 0.55f * half_h;
  b.add(c + r * side);
  b.add(c - r * side);
  b.add(c + u * (half_h * 1.1f));
  b.add(c - u * (half_h * 1.1f));
  return b;
}

// Lesson focus, the landmarks labels keep clear of, and which labelled landmarks are behind
// bone, for a draw list just built from the stage's current pose.
void finishForTeaching(const ViewState& view, const Stage& stage, const Camera& camera,
                       const anatomy::Bounds& focus, DrawList& list) {
  list.focus_bounds = focus;
  const Lesson lesson = lessonFromName(view.focus).value_or(Lesson::kAll);
  if (!view.show_all) applyLessonFocus(lesson, stage.model().parts, list);
  const anatomy::Side near = camera.eye().z < camera.target.z ? anatomy::Side::kLeft : anatomy::Side::kRight;
  addFocusGeometry(lesson, stage.model().skeleton, stage.posed().world, near, list);
  if (!list.labels.empty()) markHiddenLabels(list, stage.meshes(), camera);
}

std::string capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

Session::Session(anatomy::Model model, ModelSource source)
    : stage_(std::move(model)), model_source_(std::move(source)) {
  // the document describes the body shown
  const anatomy::BodyParams& body = stage_.model().skeleton.params();
  shown_.scenario.inputs.body = {body.stature_m, body.mass_kg, body.sex};
  posture_ = std::make_unique<biomech::PostureModel>(stage_.model().skeleton);
  body_meshes_ = std::make_unique<BodyMeshes>(stage_.meshes());
  solution_ = posture_->solve(shown_.scenario.inputs);
  neutral_ = solution_;
  animator_.reset(solution_.pose);
}

void Session::show(Document document) {
  if (document == shown_) return;  // shown once a frame: nothing changed, nothing to solve
  const biomech::ModelInputs& in = document.scenario.inputs;
  const bool inputs_changed = !(in == shown_.scenario.inputs);
  const anatomy::BodyParams body = in.body.params();
  const bool new_body = model_source_ && !(in.body == shown_.scenario.inputs.body) &&
                        !(stage_.model().skeleton.params() == body);
  const bool pose_changed =
      new_body || in.pose != shown_.scenario.inputs.pose || in.pose_side != shown_.scenario.inputs.pose_side;
  if (inputs_changed) {
    in.validate();  // throws InputError before any model is made: nothing changes
    std::optional<anatomy::Model> model;
    std::unique_ptr<biomech::PostureModel> posture;
    if (new_body) {
      model = model_source_(body);  // throws: nothing changes
      posture = std::make_unique<biomech::PostureModel>(model->skeleton);
    }
    const biomech::PostureModel& solver = posture ? *posture : *posture_;
    biomech::Solution solved = solver.solve(in);  // throws InputError: nothing changes
    if (pose_changed) {
      biomech::ModelInputs plain;  // the same pose and body with default muscles, no slip, no patient data
      plain.pose = in.pose;
      plain.pose_side = in.pose_side;
      plain.body = in.body;
      neutral_ = solver.solve(plain);
    }
    if (model) {
      stage_ = Stage(std::move(*model));
      posture_ = std::move(posture);
      body_meshes_ = std::make_unique<BodyMeshes>(stage_.meshes());
    }
    solution_ = std::move(solved);
  }
  shown_ = std::move(document);
  ++revision_;
}

void Session::update(double dt_s) {
  animator_.update(solution_.pose, dt_s);
}

void Session::settle() {
  animator_.reset(solution_.pose);
}

biomech::ClinicalMeasures Session::shownMeasures() const {
  return biomech::measure(biomech::measureLandmarks(stage_.model().skeleton, animator_.current(),
                                                    shown_.scenario.inputs.slip.level));
}

anatomy::Bounds Session::modelBounds() const {
  Stage& stage = const_cast<Stage&>(stage_);  // posing the stage is a cache, not a change
  stage.setPose(animator_.current());
  LayerOptions layers;
  layers.body_outline = false;
  return stage.drawList(layers).bounds;
}

anatomy::Bounds Session::focusBounds() const {
  // standing and sitting: the lumbopelvic region from L1 to the upper thighs, where tilt,
  // lordosis and slip happen; the Thomas test and the lunge need the whole legs
  const CameraFocus focus = shown_.view.camera_focus;
  const biomech::PoseKind pose = shown_.scenario.inputs.pose;
  const bool whole = focus == CameraFocus::kWhole ||
                     (focus == CameraFocus::kAuto &&
                      (pose == biomech::PoseKind::kThomas || pose == biomech::PoseKind::kLunge));
  if (whole) return modelBounds();
  const bool lumbosacral = focus == CameraFocus::kLumbosacral ||
                           (focus == CameraFocus::kAuto && shown_.scenario.inputs.slip.percent > 0.0);
  const anatomy::Skeleton& skeleton = stage_.model().skeleton;
  const auto world = anatomy::worldTransforms(skeleton, animator_.current());
  anatomy::Bounds b;
  auto add = [&](const std::string& name) {
    if (const anatomy::Landmark* l = skeleton.findLandmark(name))
      b.add(glm::vec3(anatomy::worldPosition(*l, world)));
  };
  if (lumbosacral) {
    // a slip: the two levels around it, close enough to read the grade
    const bool l5s1 = shown_.scenario.inputs.slip.level == biomech::SlipLevel::kL5S1;
    for (const char* name : {"l3_superior_endplate_anterior", "l3_spinous_tip", "s1_endplate_anterior",
                             "sacral_promontory", "coccyx_tip", "l5_spinous_tip"}) {
      add(name);
    }
    if (!l5s1) add("l2_superior_endplate_anterior");
    const glm::vec3 grow = b.size() * 0.15f;
    b.add(b.min - grow);
    b.add(b.max + grow);
    if (b.valid) return b;
  }
  for (const char* name :
       {"l1_superior_endplate_anterior", "l1_spinous_tip", "asis_l", "asis_r", "psis_l", "psis_r",
        "pubic_symphysis", "ischial_tuberosity_l", "ischial_tuberosity_r", "greater_trochanter_l",
        "greater_trochanter_r", "coccyx_tip", "iliac_crest_top_l", "iliac_crest_top_r"}) {
    if (const anatomy::Landmark* l = skeleton.findLandmark(name))
      b.add(glm::vec3(anatomy::worldPosition(*l, world)));
  }
  for (const char* side : {"_l", "_r"}) {
    const anatomy::Landmark* head = skeleton.findLandmark(std::string("femoral_head_centre") + side);
    const anatomy::Landmark* knee = skeleton.findLandmark(std::string("knee_centre") + side);
    if (head && knee) {
      b.add(glm::vec3(
          glm::mix(anatomy::worldPosition(*head, world), anatomy::worldPosition(*knee, world), 0.3)));
    }
  }
  if (!b.valid) return modelBounds();
  const glm::vec3 grow = b.size() * 0.12f;  // a little context around the region
  b.add(b.min - grow);
  b.add(b.max + grow);
  return b;
}

Camera Session::cameraFor(const ViewState& view, float aspect) const {
  Camera camera = view.camera;
  if (view.xray) camera.projection = Projection::kOrthographic;  // a film has no perspective
  if (const auto preset = viewPresetOf(view.camera_view)) {
    camera.setView(*preset);
    camera.frame(withLabelRoom(focusBounds(), camera), aspect);
  }
  return camera;
}

void Session::addPosture(const anatomy::Pose& pose, const biomech::Solution& solution, bool ghost,
                         const Camera& camera, const MuscleHighlight& highlight, DrawList& list) {
  const ViewState& view = shown_.view;
  const anatomy::Skeleton& skeleton = stage_.model().skeleton;
  stage_.setPose(pose);
  LayerOptions layers;
  layers.bones = view.bones;
  layers.discs = view.discs;
  layers.body_outline = view.body_outline && !ghost;
  DrawList posed = stage_.drawList(layers);
  if (!ghost) body_meshes_->reshapeSlipBones(stage_.model(), solution.slip, posed);
  const auto& shown_world = stage_.posed().world;

  // isthmic slip: the posterior arch of the slipping vertebra stays behind with the one below
  // (the pars gap); follow the lower vertebra as it is shown
  const biomech::SlipResult& slip = solution.slip;
  if (!ghost && slip.pars_defect) {
    const auto lower = static_cast<std::size_t>(slip.lower);
    const glm::dmat4 arch =
        shown_world[lower] * glm::inverse(solution.world[lower]) * slip.posterior_arch_world;
    for (DrawItem& item : posed.items) {
      if (item.part < 0) continue;
      const anatomy::ModelPart& p = stage_.model().parts[static_cast<std::size_t>(item.part)];
      if (p.segment == slip.slipping && p.name.find("arch") != std::string::npos)
        item.model = glm::mat4(arch);
    }
  }
  if (ghost) {
    for (DrawItem& item : posed.items) {
      item.colour = kGhostColour;
      item.opacity = kGhostOpacity;
      item.material = Material::kPlain;
      item.flags = 0;
    }
    list.items.insert(list.items.end(), posed.items.begin(), posed.items.end());
    list.skins.insert(list.skins.end(), posed.skins.begin(), posed.skins.end());
    for (std::size_t i = list.items.size() - posed.items.size(); i < list.items.size(); ++i) {
      if (list.items[i].skin >= 0)
        list.items[i].skin += static_cast<int>(list.skins.size() - posed.skins.size());
    }
    return;
  }
  list.items = std::move(posed.items);
  list.skins = std::move(posed.skins);
  list.bounds = posed.bounds;

  // in a lateral view the near hip bone hides the sacrum and the hip axis the angles are drawn
  // on: show it see-through, as a radiograph does (a teaching choice, docs/ui.md)
  const bool lateral = std::abs(camera.forward().z) > std::cos(glm::radians(30.0f));
  const anatomy::Side near = camera.eye().z < camera.target.z ? anatomy::Side::kLeft : anatomy::Side::kRight;
  const std::string near_hip = near == anatomy::Side::kLeft ? "os_coxae_l" : "os_coxae_r";
  if (lateral && (view.pelvic_angles || view.meyerding) && !view.xray && !view.cutaway) {
    for (DrawItem& item : list.items) {
      if (item.part >= 0 && stage_.model().parts[static_cast<std::size_t>(item.part)].name == near_hip) {
        item.opacity = 0.3f;
        item.flags = kTwoSided;
      }
    }
  }

  // what moves with the target posture is carried along to the shown one
  auto carried = [&](anatomy::Segment s) {
    const auto i = static_cast<std::size_t>(s);
    return shown_world[i] * glm::inverse(solution.world[i]);
  };
  std::vector<biomech::FascicleResult> fascicles = posture_->fascicleStates(pose, shown_.scenario.inputs);
  // in a lateral view the far side's muscles are behind the skeleton: leave them out
  if (lateral) std::erase_if(fascicles, [&](const biomech::FascicleResult& f) { return f.side != near; });
  if (view.muscles) body_meshes_->addMuscles(fascicles, highlight, list);
  if (view.nerves) {
    biomech::SlipResult moved = slip;
    const glm::dmat4 m = carried(slip.slipping);
    for (biomech::NerveRoot& root : moved.nerve_roots) {
      for (glm::dvec3& p : root.points) p = glm::dvec3(m * glm::dvec4(p, 1.0));
    }
    body_meshes_->addNerves(moved, list);
  }
  if (view.shear_arrow && !view.xray) {
    biomech::ForceArrow arrow = solution.l5s1_shear;
    const glm::dmat4 m = carried(anatomy::Segment::kSacrum);
    arrow.origin = glm::dvec3(m * glm::dvec4(arrow.origin, 1.0));
    arrow.direction = glm::dvec3(m * glm::dvec4(arrow.direction, 0.0));
    body_meshes_->addShearArrow(arrow, list);
    if (arrow.magnitude_N > 1.0 && view.labels) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "L5–S1 shear %.0f N", arrow.magnitude_N);
      const std::string text = showsNumbers(view) ? std::string(buf) : std::string("Forward pull on L5");
      list.labels.push_back(
          {glm::vec3(arrow.origin + arrow.direction * 0.08), text, {1.0f, 0.45f, 0.3f, 1.0f}, 6, false});
    }
  }
  body_meshes_->addSupport(solution.support, list);

  // radiograph overlays, measured on the shown pose; they are drawn in the sagittal plane, so
  // only when the view is within 30° of lateral (elsewhere they would be misread)
  const bool lateral_view = lateral;
  const biomech::SlipLevel level = shown_.scenario.inputs.slip.level;
  const biomech::MeasureLandmarks ml = biomech::measureLandmarks(skeleton, pose, level);
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
  const anatomy::SegmentDef& thorax = skeleton.segment(anatomy::Segment::kThorax);
  rp.plumb_top =
      toWorld(shown_world[static_cast<std::size_t>(anatomy::Segment::kThorax)], thorax.centre_of_mass);
  RadiographValues rv;
  rv.pelvic_incidence_deg = measures.pelvic_incidence_deg;
  rv.pelvic_tilt_deg = measures.pelvic_tilt_deg;
  rv.sacral_slope_deg = measures.sacral_slope_deg;
  rv.lumbar_lordosis_deg = measures.lumbar_lordosis_deg;
  rv.slip_percent = measures.slip_percent;
  rv.meyerding_grade = measures.meyerding_grade;
  rv.slip_level = std::string(biomech::slipLevelName(level));
  RadiographOptions ro;
  ro.pelvic_angles = view.pelvic_angles;
  ro.lordosis = view.lordosis;
  ro.plumb_line = view.plumb_line;
  ro.meyerding = view.meyerding;
  ro.values = showsNumbers(view);
  ro.light_background = view.background == BackgroundChoice::kLight;
  ro.line_width_px = view.mode == Mode::kClassroom ? 4.0f : 2.5f;
  // lift the lines toward the camera's side of the sagittal plane
  ro.toward_viewer = glm::vec3(0.0f, 0.0f, camera.eye().z < camera.target.z ? -1.0f : 1.0f);
  if (lateral_view) addRadiographOverlay(rp, rv, ro, list);

  if (!view.labels) return;
  // labels: bones and landmarks on the side facing the camera
  const std::string near_side = camera.eye().z < camera.target.z ? "_l" : "_r";
  const glm::vec4 bone_colour(1.0f), landmark_colour(0.55f, 0.85f, 1.0f, 1.0f),
      muscle_colour(1.0f, 0.62f, 0.55f, 1.0f);
  auto at = [&](const std::string& name) -> std::optional<glm::vec3> {
    const anatomy::Landmark* l = skeleton.findLandmark(name);
    if (l == nullptr) return std::nullopt;
    return glm::vec3(anatomy::worldPosition(*l, shown_world));
  };
  auto label = [&](const std::string& landmark, const char* text, glm::vec4 colour, int priority) {
    if (const auto p = at(landmark)) list.labels.push_back({*p, text, colour, priority, false});
  };
  const bool expert = view.mode == Mode::kExpert;
  label("asis" + near_side, "ASIS", landmark_colour, 5);
  label("psis" + near_side, "PSIS", landmark_colour, 5);
  label("pubic_symphysis", "Pubic symphysis", landmark_colour, 3);
  label("sacral_promontory", "Sacral promontory", landmark_colour, 4);
  if (expert) {
    label("greater_trochanter" + near_side, "Greater trochanter", landmark_colour, 2);
    label("ischial_tuberosity" + near_side, "Ischial tuberosity", landmark_colour, 2);
    label("coccyx_tip", "Coccyx", bone_colour, 1);
  }
  for (int k = 1; k <= 5; ++k) {
    const std::string v = "l" + std::to_string(k);
    const auto a = at(v + "_superior_endplate_anterior"), b = at(v + "_inferior_endplate_anterior");
    if (a && b) list.labels.push_back({(*a + *b) * 0.5f, "L" + std::to_string(k), bone_colour, 4, false});
  }
  if (const auto s1 = at("s1_endplate_anterior"), tip = at("coccyx_tip"); s1 && tip) {
    list.labels.push_back({glm::mix(*s1, *tip, 0.35f), "Sacrum", bone_colour, 3, false});
  }
  if (const auto head = at("femoral_head_centre" + near_side), knee = at("knee_centre" + near_side);
      head && knee) {
    list.labels.push_back({glm::mix(*head, *knee, 0.45f), "Femur", bone_colour, 3, false});
  }
  if (const auto crest = at("iliac_crest_top" + near_side))
    list.labels.push_back({*crest, "Ilium", bone_colour, 3, false});
  if (view.muscles) {
    const anatomy::Side side = near_side == "_l" ? anatomy::Side::kLeft : anatomy::Side::kRight;
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
      done[m] = true;
      const auto path = f.path();
      const glm::vec3 mid(path[path.size() / 2 - (path.size() % 2 == 0 ? 1 : 0)] * 0.5 +
                          path[path.size() / 2] * 0.5);
      std::string name = f.muscle == MuscleId::kBicepsFemoris ? "Hamstrings"
                         : f.muscle == MuscleId::kIliocostalis
                             ? "Erector spinae"
                             : capitalised(biomech::muscleDef(f.muscle).display_name);
      const bool flexor = biomech::groupOf(f.muscle) == biomech::MuscleGroup::kHipFlexors;
      list.labels.push_back(
          {mid, name, muscle_colour, flexor ? 4 : 2, false, false, musclePickId(f.muscle, f.side)});
    }
  }
  // classroom: large type read from the back of the room; only the names the lesson is about
  if (view.mode == Mode::kClassroom) {
    std::erase_if(list.labels, [](const Label& l) { return !l.pinned && l.priority < 3; });
  }
}

FrameContent Session::frame(const Camera& camera, const MuscleHighlight& highlight) {
  FrameContent out;
  const ViewState& view = shown_.view;
  body_meshes_->beginFrame();
  addPosture(animator_.current(), solution_, false, camera, highlight, out.list);
  finishForTeaching(view, stage_, camera, focusBounds(), out.list);
  const biomech::ClinicalMeasures now = shownMeasures();
  if (view.ghost == Ghost::kOverlay) {
    addPosture(neutral_.pose, neutral_, true, camera, {}, out.list);
    out.captions.badges = changeBadges(now, neutral_.measures, solution_);
  } else if (view.ghost == Ghost::kSideBySide) {
    DrawList left;
    addPosture(neutral_.pose, neutral_, false, camera, {}, left);
    finishForTeaching(view, stage_, camera, focusBounds(), left);
    out.compare = std::move(left);
    out.captions.badges = changeBadges(now, neutral_.measures, solution_);
    out.title = "Current";
  }
  if (view.mode == Mode::kPatient) {
    Captions patient = patientCaptions(shown_.scenario.inputs, solution_, neutral_, view.show_numbers);
    // numbers are hidden in patient mode unless asked for
    if (view.show_numbers) patient.badges = std::move(out.captions.badges);
    out.captions = std::move(patient);
  }
  if (!view.caption.empty()) out.captions.caption = view.caption;
  stage_.setPose(animator_.current());
  return out;
}

}  // namespace sagitta::scene
