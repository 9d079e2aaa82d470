// The shown document and everything derived from it, without OpenGL: scenario (model inputs)
// and view state -> posture solve -> animated pose -> draw lists and captions. The GUI,
// `sagitta render` and `sagitta record` all draw through a Session, so a scenario looks the
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
#include "scene/pose_animator.h"
#include "scene/stage.h"
#include "scene/view_state.h"

namespace sagitta::scene {

// What one frame of the 3D view shows.
struct FrameContent {
  DrawList list;
  std::optional<DrawList> compare;  // side by side: the neutral posture, drawn on the left
  Captions captions;
  std::string compare_title = "Neutral";
  std::string title;
};

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

  // The frame for a camera (labels pick the side facing it). Not const: spindle meshes are
  // rebuilt in the session's mesh library.
  FrameContent frame(const Camera& camera, const MuscleHighlight& highlight = {});
  const MeshLibrary& meshes() const { return stage_.meshes(); }

  // Camera for a named view of the document (framed on the model) or its free camera.
  Camera cameraFor(const ViewState& view, float aspect) const;
  anatomy::Bounds modelBounds() const;
  // The region a standard view frames: lumbar spine, pelvis and hips (whole legs for the
  // Thomas test and the lunge).
  anatomy::Bounds focusBounds() const;

 private:
  void addPosture(const anatomy::Pose& pose, const biomech::Solution& solution, bool ghost,
                  const Camera& camera, const MuscleHighlight& highlight, DrawList& list);

  Stage stage_;
  ModelSource model_source_;
  std::unique_ptr<biomech::PostureModel> posture_;
  std::unique_ptr<BodyMeshes> body_meshes_;
  Document shown_;
  std::uint64_t revision_ = 0;
  biomech::Solution solution_;
  biomech::Solution neutral_;
  PoseAnimator animator_;
};

}  // namespace sagitta::scene
