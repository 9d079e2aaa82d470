#include "scene/model_ids.h"

#include <stdexcept>
#include <string>

#include "anatomy/thoracic_column.h"
#include "biomech/types.h"

namespace sagitta::scene {

ModelIds resolveModelIds(const anatomy::Model& model) {
  const anatomy::Skeleton& skeleton = model.skeleton;
  auto landmark = [&](const std::string& name) {
    if (const auto i = skeleton.landmarkIndex(name)) return *i;
    throw std::invalid_argument("the model lacks the landmark " + name +
                                ", which the picture needs (labels, lesson focus, radiograph lines)");
  };
  auto pair = [&](const std::string& base) { return SidePair{landmark(base + "_l"), landmark(base + "_r")}; };
  ModelIds ids;
  ids.posterior_arch.assign(model.parts.size(), false);
  for (std::size_t i = 0; i < model.parts.size(); ++i) {
    const std::string& name = model.parts[i].name;
    if (name == "os_coxae_l") ids.hip_bone[0] = static_cast<int>(i);
    if (name == "os_coxae_r") ids.hip_bone[1] = static_cast<int>(i);
    // the arch split off through the pars ("l4_arch", "l5_arch"; docs/anatomy.md)
    ids.posterior_arch[i] = name.size() > 5 && name.ends_with("_arch");
  }
  ids.asis = pair("asis");
  ids.psis = pair("psis");
  ids.greater_trochanter = pair("greater_trochanter");
  ids.ischial_tuberosity = pair("ischial_tuberosity");
  ids.femoral_head_centre = pair("femoral_head_centre");
  ids.knee_centre = pair("knee_centre");
  ids.toe_tip = pair("toe_tip");
  ids.iliac_crest_top = pair("iliac_crest_top");
  ids.pubic_symphysis = landmark("pubic_symphysis");
  ids.sacral_promontory = landmark("sacral_promontory");
  ids.coccyx_tip = landmark("coccyx_tip");
  ids.median_sacral_crest = landmark("median_sacral_crest");
  ids.sacral_hiatus = landmark("sacral_hiatus");
  ids.s1_endplate_anterior = landmark("s1_endplate_anterior");
  ids.s1_endplate_posterior = landmark("s1_endplate_posterior");
  for (int k = 0; k < kLumbarCount; ++k) {
    const std::string v = "l" + std::to_string(k + 1);
    const auto i = static_cast<std::size_t>(k);
    ids.superior_endplate_anterior[i] = landmark(v + "_superior_endplate_anterior");
    ids.inferior_endplate_anterior[i] = landmark(v + "_inferior_endplate_anterior");
    ids.spinous_tip[i] = landmark(v + "_spinous_tip");
    ids.pars[i] = pair(v + "_pars");
  }
  try {
    ids.measures = biomech::resolveMeasureLandmarks(skeleton);
  } catch (const std::out_of_range& e) {
    throw std::invalid_argument(std::string("the model cannot be measured: ") + e.what());
  }
  const anatomy::ThoracicColumn column = anatomy::thoracicColumn(skeleton.params());
  ids.c7_anterior = 0.5 * (column.superior_anterior[0] + column.inferior_anterior[0]);
  return ids;
}

glm::vec3 landmarkWorld(const anatomy::Skeleton& skeleton, LandmarkId id,
                        const std::array<glm::dmat4, anatomy::kSegmentCount>& world) {
  return glm::vec3(anatomy::worldPosition(skeleton.landmarks()[id], world));
}

glm::vec3 lumbarBodyFront(const anatomy::Skeleton& skeleton, const ModelIds& ids, std::size_t k,
                          const std::array<glm::dmat4, anatomy::kSegmentCount>& world) {
  return 0.5f * (landmarkWorld(skeleton, ids.superior_endplate_anterior[k], world) +
                 landmarkWorld(skeleton, ids.inferior_endplate_anterior[k], world));
}

}  // namespace sagitta::scene
