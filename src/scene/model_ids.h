// The parts and landmarks the frame builder reads, resolved ONCE when a model is loaded (as
// MuJoCo compiles names to ids): every frame reads them by index, never by name. A model whose
// skeleton lacks a landmark the frame needs is refused here, with its name, instead of drawing
// a frame without it. Parts are optional (a model may bring no meshes, or a user's L5 without
// its separate posterior arch): a missing part is kNoPart and is simply not drawn.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/model.h"
#include "biomech/measures.h"

namespace sagitta::scene {

inline constexpr int kNoPart = -1;
inline constexpr int kLumbarCount = 5;  // L1..L5

// An index into Skeleton::landmarks().
using LandmarkId = std::size_t;
// Per side, by biomech::sideIndex (0 = left, 1 = right).
using SidePair = std::array<LandmarkId, 2>;

struct ModelIds {
  // parts (indices into Model::parts, DrawItem::part), kNoPart when the model has none
  std::array<int, 2> hip_bone{kNoPart, kNoPart};  // os_coxae_l, os_coxae_r
  std::vector<bool> posterior_arch;               // per part: a vertebra's posterior arch (l4_arch, l5_arch)

  // landmarks the labels, the lesson focus and the framing read
  SidePair asis{}, psis{}, greater_trochanter{}, ischial_tuberosity{}, femoral_head_centre{}, knee_centre{},
      iliac_crest_top{}, toe_tip{};
  // the sacrum's posterior midline at S2 and at its hiatus (the "Sacrum" label sits between them)
  LandmarkId median_sacral_crest = 0, sacral_hiatus = 0;
  LandmarkId pubic_symphysis = 0, sacral_promontory = 0, coccyx_tip = 0, s1_endplate_anterior = 0,
             s1_endplate_posterior = 0;
  // index 0 = L1
  std::array<LandmarkId, kLumbarCount> superior_endplate_anterior{}, inferior_endplate_anterior{},
      spinous_tip{};
  // each lumbar vertebra's pars interarticularis (where an isthmic defect splits it), index 0 = L1
  std::array<SidePair, kLumbarCount> pars{};
  // what the radiograph overlays and the measures panel measure
  biomech::MeasureLandmarkIds measures;
  // the front of C7's body (its label), on the upper thoracic column: thorax frame at the
  // neutral pose, drawn through PosedSkeleton::upper_thorax (anatomy/thoracic_column.h)
  glm::dvec3 c7_anterior{0.0};
};

// Throws std::invalid_argument naming the first landmark the model lacks.
ModelIds resolveModelIds(const anatomy::Model& model);

// World position of a landmark for a pose's segment transforms.
glm::vec3 landmarkWorld(const anatomy::Skeleton& skeleton, LandmarkId id,
                        const std::array<glm::dmat4, anatomy::kSegmentCount>& world);

// The front of lumbar vertebra `k`'s body (0 = L1), midway between its endplates' anterior
// corners: where its name points, and a point no measured value covers (scene/lesson_focus.cpp).
glm::vec3 lumbarBodyFront(const anatomy::Skeleton& skeleton, const ModelIds& ids, std::size_t k,
                          const std::array<glm::dmat4, anatomy::kSegmentCount>& world);

}  // namespace sagitta::scene
