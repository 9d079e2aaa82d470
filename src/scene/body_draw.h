// Draw items for what the posture solve adds to the bones: muscles as spindles coloured by
// length change, the nerve root at the slip level, the L5-S1 shear arrow, and the couch or
// chair the pose rests on. Pure functions of the solver's plain data.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "biomech/solution.h"
#include "scene/draw_list.h"
#include "scene/muscle_mesh.h"
#include "scene/slip_bones.h"

namespace sagitta::scene {

// pick_id of a muscle's draw items: 1 + 2 * muscle index + side index (0 = nothing).
std::uint32_t musclePickId(biomech::MuscleId muscle, anatomy::Side side);

// Which muscles to emphasise (hover in the muscle panel): a mask per muscle and side.
struct MuscleHighlight {
  std::array<std::array<bool, biomech::kSideCount>, biomech::kMuscleCount> on{};
  bool any() const;
};

// The L5-S1 shear arrow: 500 N draws 6 cm long, its head the last 28 %. Its label points at
// the head (frame_builder.cpp), so the dot lies on the arrow however short the force draws it.
inline constexpr float kShearArrow_m_per_N = 0.00012f;
inline constexpr float kShearArrowHeadStart = 0.72f;  // of the length, from the tail
float shearArrowLengthMetres(double magnitude_N);

// Meshes reused from frame to frame (spindles change shape with the pose).
class BodyMeshes {
 public:
  explicit BodyMeshes(MeshLibrary& library);
  void addMuscles(std::span<const biomech::FascicleResult> fascicles, const MuscleHighlight& highlight,
                  DrawList& list);
  void addNerves(const biomech::SlipResult& slip, DrawList& list);
  void addShearArrow(const biomech::ForceArrow& shear, DrawList& list);
  void addSupport(const biomech::Support& support, DrawList& list);
  // Draws L5, the sacrum and the discs between them in the slip's shape (scene/slip_bones.h),
  // for the items of `list` from `first_item` on.
  void reshapeSlipBones(const anatomy::Model& model, const biomech::SlipResult& slip, DrawList& list,
                        std::size_t first_item) {
    slip_bones_.apply(model, slip, library_, list, first_item);
  }

 private:
  // The spindle (or nerve tube) of `path` in the next reused library slot; nothing for a
  // degenerate path. A slot that held the same spindle last frame keeps its mesh and version, so
  // a frame where only the camera moved re-tessellates and re-uploads nothing (issue 16).
  std::optional<MeshId> placeSpindle(std::vector<glm::vec3> path, const SpindleShape& shape);
  struct SpindleKey {
    std::vector<glm::vec3> path;
    SpindleShape shape;
  };
  MeshLibrary& library_;
  std::vector<MeshId> dynamic_;   // spindles and nerve tubes, reused in order each frame
  std::vector<SpindleKey> keys_;  // what each slot of dynamic_ holds
  std::size_t used_ = 0;
  MeshId arrow_;
  MeshId box_;
  SlipBones slip_bones_;

 public:
  void beginFrame() { used_ = 0; }
};

// Drawing radius of a muscle belly from its maximal force: PCSA = Fmax / 60 N/cm², the specific
// tension of Rajagopal et al. 2016 (IEEE TBME 63:2068), in metres. A drawing size, not a model
// quantity.
float bellyRadius(double max_isometric_force_N);
// Muscles are drawn at 60 % of that thickness so the bones stay visible (a drawing choice).
inline constexpr float kDrawnBellyScale = 0.6f;
// The spindle a fascicle is drawn as (its belly at the neutral length).
SpindleShape muscleSpindle(const biomech::FascicleResult& f);
// The radius its belly is drawn with at its present length: its volume kept, so a shortened
// muscle is thicker (spindleBelly).
float drawnBellyRadius(const biomech::FascicleResult& f);

}  // namespace sagitta::scene
