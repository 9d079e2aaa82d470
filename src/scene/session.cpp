#include "scene/session.h"

#include <cmath>

#include "biomech/measures.h"

namespace sagitta::scene {
namespace {

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

}  // namespace

Session::Session(anatomy::Model model, ModelSource source)
    : stage_(std::move(model)), model_source_(std::move(source)) {
  // the document describes the body shown
  const anatomy::BodyParams& body = stage_.model().skeleton.params();
  shown_.scenario.inputs.body = {body.stature_m, body.mass_kg, body.sex};
  posture_ = std::make_unique<biomech::PostureModel>(stage_.model().skeleton);
  scratch_ = std::make_unique<FrameScratch>(stage_.meshes());
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
    std::optional<Stage> stage;
    std::unique_ptr<biomech::PostureModel> posture;
    if (new_body) {
      stage.emplace(model_source_(body));  // throws: nothing changes
      posture = std::make_unique<biomech::PostureModel>(stage->model().skeleton);
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
    if (stage) {
      stage_ = std::move(*stage);
      posture_ = std::move(posture);
      scratch_ = std::make_unique<FrameScratch>(stage_.meshes());
    }
    solution_ = std::move(solved);
  }
  shown_ = std::move(document);
  ++revision_;
}

void Session::update(double dt_s) {
  const anatomy::Pose before = animator_.current();
  const anatomy::Pose& now = animator_.update(solution_.pose, dt_s);
  if (now != before) ++pose_revision_;
}

void Session::settle() {
  animator_.reset(solution_.pose);
  ++pose_revision_;
}

biomech::ClinicalMeasures Session::shownMeasures() const {
  // At rest the shown pose is the solved one, so its measures are the solver's: exactly what
  // `sagitta report` prints. In motion every measure is taken on the pose being drawn, the upper
  // thoracic column included (anatomy::Pose::upper_thorax).
  if (!animator_.moving()) return solution_.measures;
  return biomech::measure(biomech::measureLandmarks(stage_.ids().measures, stage_.model().skeleton,
                                                    animator_.current(), shown_.scenario.inputs.slip.level));
}

anatomy::Bounds Session::modelBounds() const {
  // like focusBounds: "frame all" pressed while the posture animates frames where it ends
  return scene::modelBounds(inputsAt(solution_.pose, Camera{}, {}, glm::ivec2(0)));
}

anatomy::Bounds Session::focusBounds() const {
  // the pose drawn now framed the previous posture when a scenario opened: the page's view sat
  // 4 px to the side of the native render of the same scenario (docs/web.md)
  return scene::focusBounds(inputsAt(solution_.pose, Camera{}, {}, glm::ivec2(0)));
}

FrameInputs Session::frameInputs(const Camera& camera, const MuscleHighlight& highlight,
                                 glm::ivec2 viewport) const {
  return inputsAt(animator_.current(), camera, highlight, viewport);
}

FrameInputs Session::inputsAt(const anatomy::Pose& pose, const Camera& camera,
                              const MuscleHighlight& highlight, glm::ivec2 viewport) const {
  return FrameInputs{.model = stage_.model(),
                     .ids = stage_.ids(),
                     .part_meshes = stage_.partMeshes(),
                     .meshes = stage_.meshes(),
                     .posture = *posture_,
                     .inputs = shown_.scenario.inputs,
                     .view = shown_.view,
                     .pose = pose,
                     .solution = solution_,
                     .neutral = neutral_,
                     .camera = camera,
                     .highlight = highlight,
                     .revision = revision_,
                     .pose_revision = pose_revision_,
                     .viewport = viewport};
}

FrameContent Session::frame(const Camera& camera, const MuscleHighlight& highlight) {
  return buildFrame(frameInputs(camera, highlight), *scratch_);
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

}  // namespace sagitta::scene
