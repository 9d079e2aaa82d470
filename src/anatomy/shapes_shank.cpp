// Lower leg and foot (right, mirrored for the left) in the shank frame (origin at the knee
// centre), simplified: a tibia with its plateau, intercondylar eminence, tuberosity, shin crest
// and medial malleolus; a fibula from its head to the lateral malleolus; and a foot skeleton of
// talus, calcaneus, midfoot, five metatarsals and five toes. Control points: ShankLayout.
#include <array>
#include <cmath>

#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {

std::vector<PartShape> shankShapes(const BodyLayout& b) {
  const ShankLayout& k = b.shank;
  const double s = b.dims.opensim_scale;
  const double len = b.dims.shank_length;
  using sdf::NodePtr;

  // tibia
  std::vector<NodePtr> tibia;
  const double plateau_y = 0.5 * (k.medial_plateau.y + k.lateral_plateau.y);
  tibia.push_back(sdf::ovalCylinder(sdf::Frame{{-0.004 * s, 0.0, 0.0}, glm::dmat3(1.0)}, 0.025 * s, 0.037 * s,
                                    plateau_y - 0.022 * s, plateau_y, 0.004 * s));
  tibia.push_back(sdf::roundCone({-0.004 * s, plateau_y - 0.024 * s, 0.0},
                                 {0.0, plateau_y - 0.10 * s, -0.002 * s}, 0.029 * s, 0.015 * s));
  tibia.push_back(sdf::tube({{0.0, plateau_y - 0.10 * s, -0.002 * s},
                             {0.002 * s, -0.5 * len, -0.003 * s},
                             {0.0, -len + 0.06 * s, -0.002 * s}},
                            {0.015 * s, k.tibia_radius, 0.0135 * s}));
  tibia.push_back(sdf::flatTube({{0.012 * s, plateau_y - 0.08 * s, -0.001 * s},
                                 {0.014 * s, -0.5 * len, -0.003 * s},
                                 {0.010 * s, -len + 0.09 * s, -0.004 * s}},
                                {0.006 * s, 0.005 * s, 0.004 * s}, {0, 0, 1}, 0.5));  // the shin's crest
  tibia.push_back(sdf::roundCone({0.0, -len + 0.06 * s, -0.002 * s}, k.tibia_bottom, 0.0135 * s, 0.019 * s));
  tibia.push_back(
      sdf::ovalCylinder(sdf::Frame{k.tibia_bottom + glm::dvec3(0.0, -0.008, 0.0) * s, glm::dmat3(1.0)},
                        0.021 * s, 0.023 * s, -0.006 * s, 0.010 * s, 0.004 * s));
  tibia.push_back(sdf::flatCone(k.tibia_bottom + glm::dvec3(0.004, 0.004, -0.014) * s,
                                k.medial_malleolus + glm::dvec3(-0.002, 0.004, 0.003) * s, 0.009 * s,
                                0.006 * s, {0, 0, 1}, 0.6));
  tibia.push_back(sdf::ellipsoid(
      sdf::frameFromAxes(k.tibial_tuberosity + glm::dvec3(-0.005, 0.0, 0.0) * s, {0, 1, 0}, {1, 0, 0}),
      glm::dvec3(0.012, 0.008, 0.010) * s));
  NodePtr tib = sdf::smoothUnion(std::move(tibia), 0.006 * s);
  // the plateaus are shallow bowls either side of the intercondylar eminence
  for (const glm::dvec3& c : {k.medial_plateau, k.lateral_plateau}) {
    tib = sdf::subtract(tib, sdf::sphere(c + glm::dvec3(0.0, 0.030, 0.0) * s, 0.0315 * s), 0.003 * s);
  }

  // fibula
  NodePtr fib = sdf::smoothUnion(
      {sdf::sphere(k.fibular_head, 0.0095 * s),
       sdf::tube({k.fibular_head + glm::dvec3(0.0, -0.008, 0.0) * s,
                  {-0.012 * s, -0.5 * len, 0.032 * s},
                  k.lateral_malleolus + glm::dvec3(0.0, 0.030, 0.0) * s},
                 {0.0070 * s, 0.0060 * s, 0.0075 * s}),
       sdf::ellipsoid(
           sdf::frameFromAxes(k.lateral_malleolus + glm::dvec3(0.0, 0.013, -0.001) * s, {0, 1, 0}, {1, 0, 0}),
           glm::dvec3(0.018, 0.0085, 0.0065) * s)},
      0.004 * s);

  // foot skeleton: talus under the tibia, calcaneus behind and below it, navicular and cuboid,
  // cuneiforms, five metatarsals fanning to their heads and five toes (proportions [U])
  std::vector<NodePtr> foot;
  const double sole = k.sole_y;
  const glm::dvec3 ankle = k.ankle_centre;
  const double fl = b.dims.foot_length;
  foot.push_back(sdf::ellipsoid(sdf::Frame{ankle + glm::dvec3(0.012, -0.013, 0.0) * s, glm::dmat3(1.0)},
                                glm::dvec3(0.031, 0.0145, 0.0175) * s));  // talus with its head
  foot.push_back(sdf::roundBox(
      sdf::frameFromAxes({k.heel.x + 0.040 * s, sole + 0.024 * s, 0.004 * s}, {1.0, 0.22, 0.0}, {0, 1, 0}),
      glm::dvec3(0.042, 0.017, 0.015) * s, 0.011 * s));                                 // calcaneus
  foot.push_back(sdf::sphere(k.heel + glm::dvec3(0.013, 0.002, 0.0) * s, 0.0155 * s));  // its tuberosity
  const glm::dvec3 navicular(0.20 * fl, sole + 0.036 * s, 0.002 * s);
  const glm::dvec3 cuneiform(0.31 * fl, sole + 0.031 * s, 0.002 * s);
  foot.push_back(sdf::roundBox(sdf::frameFromAxes(navicular, {1.0, -0.15, 0.0}, {0, 1, 0}),
                               glm::dvec3(0.015, 0.014, 0.025) * s, 0.008 * s));
  foot.push_back(sdf::roundBox(sdf::frameFromAxes(cuneiform, {1.0, -0.25, 0.0}, {0, 1, 0}),
                               glm::dvec3(0.013, 0.012, 0.024) * s, 0.007 * s));
  for (int i = 0; i < 5; ++i) {
    const double t = i / 4.0;
    const glm::dvec3 head = glm::mix(k.first_metatarsal_head, k.fifth_metatarsal_head, t);
    const glm::dvec3 base(cuneiform.x + 0.010 * s - 0.010 * s * t, cuneiform.y - 0.002 * s,
                          -0.018 * s + 0.036 * s * t);
    const double w = i == 0 ? 1.35 : 1.0;
    foot.push_back(sdf::roundCone(base, head, 0.0058 * s * w, 0.0040 * s * w));
    foot.push_back(sdf::sphere(head, 0.0058 * s * w));
    const glm::dvec3 toe_end = i == 0 ? k.toe_tip : head + glm::dvec3(0.040 - 0.005 * i, -0.006, 0.0) * s;
    foot.push_back(sdf::roundCone(head + glm::dvec3(0.006, 0.0, 0.0) * s,
                                  toe_end - glm::normalize(toe_end - head) * (0.004 * s), 0.0046 * s * w,
                                  0.0038 * s * w));
  }
  NodePtr ft = sdf::smoothUnion(std::move(foot), 0.004 * s);

  auto part = [&](const std::string& name, NodePtr field, double voxel) {
    PartShape p;
    p.name = name;
    p.segment = Segment::kShankRight;
    p.field = std::move(field);
    p.voxel = voxel * s;
    p.chord_error = 2.1e-4 * s;
    p.min_edge = 0.0008 * s;
    p.max_edge = 0.008 * s;
    return p;
  };
  std::vector<PartShape> out = {part("tibia_r", tib, 0.0014), part("fibula_r", fib, 0.0012),
                                part("foot_r", ft, 0.0012)};
  for (std::size_t i = 0, n = out.size(); i < n; ++i) {
    PartShape left = out[i];
    left.name = left.name.substr(0, left.name.size() - 2) + "_l";
    left.segment = Segment::kShankLeft;
    left.field = nullptr;
    left.mirror_of = out[i].name;
    out.push_back(left);
  }
  return out;
}

}  // namespace sagitta::anatomy
