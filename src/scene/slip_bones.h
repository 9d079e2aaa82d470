// The bones of a slip as drawn: L5 trapezoidal in a dysplastic slip and the sacral dome rounded
// in the higher grades (biomech::SlipResult::l5_wedge / sacral_dome, anatomy/slip_reshape.h),
// with the discs and nuclei touching those endplates following them. Pure: model parts in,
// deformed copies out; SlipBones keeps them in a mesh library from frame to frame.
#pragma once

#include <cstdint>
#include <vector>

#include "anatomy/model.h"
#include "biomech/solution.h"
#include "scene/draw_list.h"

namespace sagitta::scene {

struct ReshapedPart {
  int part = -1;  // index into Model::parts
  anatomy::MeshData mesh;
};

// The model parts the slip's shape changes, deformed; empty when nothing changes (no wedge, no
// dome). L5 and its arch take the wedge, the sacrum the dome; the L4-L5 disc and nucleus follow
// L5's superior endplate, the L5-S1 ones the sacral dome (both in their neutral bind pose).
std::vector<ReshapedPart> reshapedSlipParts(const anatomy::Model& model, const biomech::SlipResult& slip);

// Swaps the draw items of reshaped parts to their reshaped meshes; the meshes are rebuilt only
// when the shape changes (a new slip), and kept in `library`.
class SlipBones {
 public:
  void apply(const anatomy::Model& model, const biomech::SlipResult& slip, MeshLibrary& library,
             DrawList& list, std::size_t first_item = 0);

 private:
  struct Slot {
    int part = -1;
    MeshId mesh = 0;
  };
  std::vector<Slot> slots_;
  const anatomy::Model* model_ = nullptr;
  double wedge_drop_ = 0.0, dome_drop_ = 0.0;
  std::vector<MeshId> pool_;  // library slots, reused
};

}  // namespace sagitta::scene
