// The frame builder: what one frame of the 3D view shows, built from plain inputs, as MuJoCo's
// mjv_addGeoms builds its scene (src/engine/engine_vis_visualize.c). parameters -> solve
// (Session) -> animated pose -> buildFrame -> draw list -> renderer -> pixels. It keeps no state
// of its own: everything it reads is in FrameInputs (const), and everything it writes is the
// returned FrameContent plus the FrameScratch it is handed (the reused slots of per-frame meshes
// such as muscle spindles, and the cache of which labels are behind bone). Same inputs, same
// frame. No OpenGL: unit-tested without a window (tests/unit/scene/frame_builder_test.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "anatomy/model.h"
#include "biomech/posture_model.h"
#include "scene/body_draw.h"
#include "scene/camera.h"
#include "scene/captions.h"
#include "scene/draw_list.h"
#include "scene/label_visibility.h"
#include "scene/model_ids.h"
#include "scene/model_scene.h"
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

// Everything a frame is built from. Session::frameInputs fills it from the shown document.
struct FrameInputs {
  const anatomy::Model& model;
  const ModelIds& ids;             // resolved when the model was loaded
  const ModelMeshes& part_meshes;  // the model's parts in `meshes`
  const MeshLibrary& meshes;       // bone meshes (labels behind bone are found on them)
  const biomech::PostureModel& posture;
  const biomech::ModelInputs& inputs;  // the shown scenario's model inputs
  const ViewState& view;               // the shown view options
  const anatomy::Pose& pose;           // the animated pose shown
  const biomech::Solution& solution;   // the solved posture the pose moves toward
  const biomech::Solution& neutral;    // the same pose with default muscles (ghost, compare)
  Camera camera;
  MuscleHighlight highlight;
  // What the labels-behind-bone result is cached by: the shown document's revision, the
  // animated pose's revision and the viewport size (with the camera). Zero is a valid key.
  std::uint64_t revision = 0;
  std::uint64_t pose_revision = 0;
  glm::ivec2 viewport{0};
};

// What buildFrame writes besides its result: meshes rebuilt each frame go into reused slots of
// the model's mesh library, and the labels-behind-bone result is kept until its key changes.
struct FrameScratch {
  explicit FrameScratch(MeshLibrary& library) : meshes(library) {}
  BodyMeshes meshes;
  LabelVisibilityCache visibility;
};

// The frame: the shown posture (and the neutral one as a ghost or side by side), labels and
// captions. Throws nothing for valid inputs.
FrameContent buildFrame(const FrameInputs& in, FrameScratch& scratch);

// The contents, in the order buildFrame adds them to a draw list for one posture.
// Bones, discs and the body outline; in a lateral view the near hip bone is see-through.
void addBones(const FrameInputs& in, const PosedSkeleton& posed, bool ghost, DrawList& list);
// An isthmic slip: the slipping vertebra's posterior arch stays behind with the one below.
void addParsArch(const FrameInputs& in, const PosedSkeleton& posed, const biomech::Solution& solution,
                 DrawList& list);
void addMuscles(const FrameInputs& in, std::span<const biomech::FascicleResult> fascicles,
                FrameScratch& scratch, DrawList& list);
void addNerves(const FrameInputs& in, const PosedSkeleton& posed, const biomech::Solution& solution,
               FrameScratch& scratch, DrawList& list);
// The L5-S1 shear arrow and its label.
void addLoads(const FrameInputs& in, const PosedSkeleton& posed, const biomech::Solution& solution,
              FrameScratch& scratch, DrawList& list);
// The couch or chair the pose rests on.
void addSupport(const biomech::Solution& solution, FrameScratch& scratch, DrawList& list);
// Radiograph lines (PI, PT, SS, lordosis, plumb line, Meyerding) in a lateral view.
void addRadiograph(const FrameInputs& in, const anatomy::Pose& pose, const PosedSkeleton& posed,
                   DrawList& list);
// Bone, landmark and muscle names on the side facing the camera.
void addLabels(const FrameInputs& in, const PosedSkeleton& posed,
               std::span<const biomech::FascicleResult> fascicles, DrawList& list);

// The region a standard view frames (lumbar spine, pelvis and hips; whole legs for the
// Thomas test and the lunge), for the shown pose.
anatomy::Bounds focusBounds(const FrameInputs& in);
// The lumbopelvic region (L1, the pelvis, the upper thighs) with or without the whole legs: what
// focusBounds frames, and what labels sit beside (DrawList::focus_bounds, without the legs).
anatomy::Bounds regionBounds(const FrameInputs& in, bool whole_legs);
anatomy::Bounds labelFigureBounds(const FrameInputs& in);

// The cutaway's plane (n, d) for render::RenderSettings::clip_plane: the midsagittal cut removes
// the half of the body nearer the camera (z < 0 seen from the left); zero without a cutaway.
// A section is a view from the side: within 60 deg of a lateral view it is midsagittal; as the
// camera turns on toward the front, the back or the top, the plane slides out to the near side
// (d up to kCutawaySlide_m, past the greater trochanter) and by 75 deg no section is made (zero).
inline constexpr float kCutawayWholeCos = 0.5f;     // cos 60 deg: the whole midsagittal section
inline constexpr float kCutawayGoneCos = 0.2588f;   // cos 75 deg: no section
inline constexpr float kCutawaySlide_m = 0.35f;     // how far out the plane slides
inline constexpr float kCutawayNearHalf_m = 0.10f;  // inside this the near ASIS and hip are gone
glm::vec4 cutawayPlane(const ViewState& view, const Camera& camera);
// True when the cutaway takes away the near half's bones (the plane within kCutawayNearHalf_m of
// the midline): their landmarks are labelled on the far half.
bool cutawayRemovesNearHalf(const ViewState& view, const Camera& camera);
// Bounds of the whole model (outline excluded) in the shown pose.
anatomy::Bounds modelBounds(const FrameInputs& in);

}  // namespace sagitta::scene
