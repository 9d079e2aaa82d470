// The shown document and what is derived from it, without OpenGL: scenario (model inputs) and
// view state -> posture solve -> animated pose. The frame itself is built from these by the
// pure frame builder (scene/frame_builder.h): the GUI, `sagitta render` and `sagitta record` all
// call buildFrame(session.frameInputs(...), session.frameScratch()), so a scenario looks the
// same in every one of them. A Session holds no edited document and no undo history: whoever
// plays (the GUI's edited document, an A ⇄ B cycle, a timeline) tells it what to show.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

#include "anatomy/model.h"
#include "biomech/posture_model.h"
#include "scene/body_draw.h"
#include "scene/camera.h"
#include "scene/captions.h"
#include "scene/default_model.h"
#include "scene/document.h"
#include "scene/frame_builder.h"
#include "scene/pose_animator.h"
#include "scene/stage.h"
#include "scene/view_state.h"

namespace sagitta::scene {

class Session {
 public:
  // `source` makes the model for a new body when the document's body (stature, mass, sex)
  // changes (modelSourceFor). Without one (a user's manifest) the model stays and the solution
  // warns that the body differs.
  // Throws std::invalid_argument when the model's skeleton lacks what the posture model needs.
  // The document shown starts with the model's body.
  explicit Session(anatomy::Model model, ModelSource source = {});

  const Document& shown() const { return shown_; }
  // Shows `document`, re-solving when the model inputs changed; a changed body takes a new
  // model from the model source (the pose animates on from where it was). Throws InputError for
  // invalid inputs and IoError for a model that cannot be made, leaving the session as it was.
  void show(Document document);
  // Counts changes of the shown document (and so of the model, solution and view): a redraw is
  // needed when it differs from the one last drawn, as OpenSim Creator's CachedDecorationState
  // compares versions instead of the state itself. Showing an equal document keeps it.
  std::uint64_t revision() const { return revision_; }

  const biomech::Solution& solution() const { return solution_; }
  const biomech::Solution& neutral() const { return neutral_; }
  const biomech::PostureModel& postureModel() const { return *posture_; }
  const anatomy::Model& model() const { return stage_.model(); }

  // Animation toward the solved posture (critically damped, ~0.6 s).
  void update(double dt_s);
  void settle();  // jump to the solved posture (headless pictures, tests)
  bool animating() const { return animator_.moving(); }
  void setAnimationTime(double seconds) { animator_.setSettleTime(seconds); }
  const anatomy::Pose& shownPose() const { return animator_.current(); }
  // Measures taken on the pose being shown (what the overlays draw), not the target.
  biomech::ClinicalMeasures shownMeasures() const;

  // Counts changes of the animated pose (each update that moves it, settle, show): with
  // revision() and the camera, what the labels-behind-bone cache is keyed by.
  std::uint64_t poseRevision() const { return pose_revision_; }

  // What the frame builder reads for this camera (labels pick the side facing it): the model
  // and its ids, the shown document, the solution and the animated pose. `viewport`: the
  // picture's size in pixels (a cache key only).
  FrameInputs frameInputs(const Camera& camera, const MuscleHighlight& highlight = {},
                          glm::ivec2 viewport = glm::ivec2(0)) const;
  // Where the frame builder puts per-frame meshes (spindles, nerve tubes) of this session's
  // model and caches which labels are behind bone.
  FrameScratch& frameScratch() { return *scratch_; }
  // Shorthand: buildFrame(frameInputs(camera, highlight), frameScratch()).
  FrameContent frame(const Camera& camera, const MuscleHighlight& highlight = {});
  const MeshLibrary& meshes() const { return stage_.meshes(); }

  // Camera for a named view of the document (framed on the model) or its free camera.
  Camera cameraFor(const ViewState& view, float aspect) const;
  // The whole model (legs and thorax too; the GUI's "frame all"), in the solved posture.
  anatomy::Bounds modelBounds() const;
  // The region a standard view frames: lumbar spine, pelvis and hips (whole legs for the
  // Thomas test and the lunge), in the solved posture, where the animation ends: a view framed
  // as a scenario opens (its animation just starting from the previous posture) frames what
  // `sagitta render` frames for it.
  anatomy::Bounds focusBounds() const;

 private:
  // frameInputs with the given pose in place of the animated one
  FrameInputs inputsAt(const anatomy::Pose& pose, const Camera& camera, const MuscleHighlight& highlight,
                       glm::ivec2 viewport) const;
  Stage stage_;
  ModelSource model_source_;
  std::unique_ptr<biomech::PostureModel> posture_;
  std::unique_ptr<FrameScratch> scratch_;  // tied to stage_'s mesh library
  Document shown_;
  std::uint64_t revision_ = 0;
  std::uint64_t pose_revision_ = 0;
  biomech::Solution solution_;
  biomech::Solution neutral_;
  PoseAnimator animator_;
};

}  // namespace sagitta::scene
