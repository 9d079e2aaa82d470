#include "anatomy/body_layout.h"

namespace sagitta::anatomy {

BodyLayout layoutBody(const BodyParams& params) {
  BodyLayout b;
  b.dims = computeDimensions(params);
  const BodyDimensions& d = b.dims;
  b.spine = layoutSpine(d);
  b.pelvis = layoutPelvis(d, b.spine);
  b.femur = layoutFemur(d);
  b.shank = layoutShank(d);
  b.thorax = layoutThorax(d, b.spine);

  auto& n = b.neutral_in_parent;
  auto at = [&](Segment s) -> glm::dmat4& { return n[static_cast<std::size_t>(s)]; };
  // Standing: femora and shanks vertical with the hips over the ankles, soles on the floor,
  // the pelvis frame level (anterior pelvic plane vertical, as in Rajagopal2016 at zero tilt).
  const double hip_height = d.femur_length + d.shank_length + d.ankle_height;
  at(Segment::kPelvis) = translation({0.0, hip_height - d.hip_centre.y, 0.0});
  at(Segment::kSacrum) = b.spine.sacrum_in_pelvis;
  at(Segment::kL5) = b.spine.lumbar_in_parent[4];
  at(Segment::kL4) = b.spine.lumbar_in_parent[3];
  at(Segment::kL3) = b.spine.lumbar_in_parent[2];
  at(Segment::kL2) = b.spine.lumbar_in_parent[1];
  at(Segment::kL1) = b.spine.lumbar_in_parent[0];
  at(Segment::kThorax) = b.spine.thorax_in_l1;
  at(Segment::kFemurRight) = translation(d.hip_centre);
  at(Segment::kFemurLeft) = translation(mirrorZ(d.hip_centre));
  at(Segment::kShankRight) = translation({0.0, -d.femur_length, 0.0});
  at(Segment::kShankLeft) = translation({0.0, -d.femur_length, 0.0});
  return b;
}

std::array<glm::dmat4, kSegmentCount> neutralWorld(const BodyLayout& body) {
  std::array<glm::dmat4, kSegmentCount> w{};
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    const auto s = static_cast<Segment>(i);
    w[i] = s == Segment::kPelvis ? body.neutral_in_parent[i]
                                 : w[static_cast<std::size_t>(parentOf(s))] * body.neutral_in_parent[i];
  }
  return w;
}

}  // namespace sagitta::anatomy
