#include "scene/slip_bones.h"

#include <string_view>

#include "anatomy/slip_reshape.h"

namespace sagitta::scene {
namespace {

bool nameIs(const anatomy::ModelPart& p, std::string_view name) {
  return p.name == name;
}

}  // namespace

std::vector<ReshapedPart> reshapedSlipParts(const anatomy::Model& model, const biomech::SlipResult& slip) {
  std::vector<ReshapedPart> out;
  const bool wedge = slip.l5_wedge.drop_m > 0.0;
  const bool dome = slip.sacral_dome.drop_m > 0.0;
  if (!wedge && !dome) return out;
  const auto neutral = anatomy::worldTransforms(model.skeleton, anatomy::Pose{});
  const glm::dmat4& l5_world = neutral[static_cast<std::size_t>(anatomy::Segment::kL5)];
  const glm::dmat4& sacrum_world = neutral[static_cast<std::size_t>(anatomy::Segment::kSacrum)];
  const glm::dmat4 identity(1.0);
  auto by_wedge = [&](const glm::dvec3& p) { return anatomy::wedgePoint(slip.l5_wedge, p); };
  auto by_dome = [&](const glm::dvec3& p) { return anatomy::domePoint(slip.sacral_dome, p); };
  for (std::size_t i = 0; i < model.parts.size(); ++i) {
    const anatomy::ModelPart& p = model.parts[i];
    ReshapedPart r{static_cast<int>(i), p.mesh};
    if (wedge && (nameIs(p, "l5") || nameIs(p, "l5_arch"))) {
      anatomy::deformMesh(r.mesh, identity, identity, by_wedge);
    } else if (wedge && (nameIs(p, "disc_l4_l5") || nameIs(p, "nucleus_l4_l5")) && p.mesh.skinned()) {
      anatomy::deformMesh(r.mesh, glm::inverse(l5_world), l5_world, by_wedge);
    } else if (dome && nameIs(p, "sacrum")) {
      anatomy::deformMesh(r.mesh, identity, identity, by_dome);
    } else if (dome && (nameIs(p, "disc_l5_s1") || nameIs(p, "nucleus_l5_s1")) && p.mesh.skinned()) {
      anatomy::deformMesh(r.mesh, glm::inverse(sacrum_world), sacrum_world, by_dome);
    } else {
      continue;
    }
    out.push_back(std::move(r));
  }
  return out;
}

void SlipBones::apply(const anatomy::Model& model, const biomech::SlipResult& slip, MeshLibrary& library,
                      DrawList& list, std::size_t first_item) {
  const double wedge = slip.l5_wedge.drop_m, dome = slip.sacral_dome.drop_m;
  if (&model != model_ || wedge != wedge_drop_ || dome != dome_drop_) {
    model_ = &model;
    wedge_drop_ = wedge;
    dome_drop_ = dome;
    slots_.clear();
    std::size_t used = 0;
    for (ReshapedPart& r : reshapedSlipParts(model, slip)) {
      if (used == pool_.size()) pool_.push_back(library.add(anatomy::MeshData{}));
      library.replace(pool_[used], std::move(r.mesh));
      slots_.push_back({r.part, pool_[used]});
      ++used;
    }
  }
  for (std::size_t i = first_item; i < list.items.size(); ++i) {
    DrawItem& item = list.items[i];
    for (const Slot& s : slots_) {
      if (item.part == s.part) item.mesh = s.mesh;
    }
  }
}

}  // namespace sagitta::scene
