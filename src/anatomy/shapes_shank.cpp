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
  tibia.push_back(sdf::roundCone({-0.004 * s, plateau_y - 0.024 * s, 0.0}, {0.0, plateau_y - 0.10 * s, -0.002 * s}, 0.029 * s,
                                 0.015 * s));
  tibia.push_back(sdf::tube({{0.0, plateau_y - 0.10 * s, -0.002 * s}, {0.002 * s, -0.5 * len, -0.003 * s},
                             {0.0, -len + 0.06 * s, -0.002 * s}},
                            {0.015 * s, k.tibia_radius, 0.0135 * s}));
  tibia.push_back(sdf::flatTube({{0.012 * s, plateau_y - 0.08 * s, -0.001 * s}, {0.014 * s, -0.5 * len, -0.003 * s},
                                 {0.010 * s, -len + 0.09 * s, -0.004 * s}},
                                {0.006 * s, 0.005 * s, 0.004 * s}, {0, 0, 1}, 0.5));  // the shin's crest
  tibia.push_back(sdf::roundCone({0.0, -len + 0.06 * s, -0.002 * s}, k.tibia_bottom, 0.0135 * s, 0.019 * s));
  tibia.push_back(sdf::ovalCylinder(sdf::Frame{k.tibia_bottom + glm::dvec3(0.0, -0.008, 0.0) * s, glm::dmat3(1.0)}, 0.021 * s,
                                    0.023 * s, -0.006 * s, 0.010 * s, 0.004 * s));
  tibia.push_back(sdf::flatCone(k.tibia_bottom + glm::dvec3(0.004, 0.004, -0.014) * s,
                                k.medial_malleolus + glm::dvec3(-0.002, 0.004, 0.003) * s, 0.009 * s, 0.006 * s, {0, 0, 1}, 0.6));
  tibia.push_back(sdf::ellipsoid(sdf::frameFromAxes(k.tibial_tuberosity + glm::dvec3(-0.005, 0.0, 0.0) * s, {0, 1, 0}, {1, 0, 0}),
                                 glm::dvec3(0.012, 0.008, 0.010) * s));
  NodePtr tib = sdf::smoothUnion(std::move(tibia), 0.006 * s);
  // the plateaus are shallow bowls either side of the intercondylar eminence
  for (const glm::dvec3& c : {k.medial_plateau, k.lateral_plateau}) {
    tib = sdf::subtract(tib, sdf::sphere(c + glm::dvec3(0.0, 0.030, 0.0) * s, 0.0315 * s), 0.003 * s);
  }

  // fibula
  NodePtr fib = sdf::smoothUnion(
      {sdf::sphere(k.fibular_head, 0.0095 * s),
       sdf::tube({k.fibular_head + glm::dvec3(0.0, -0.008, 0.0) * s, {-0.012 * s, -0.5 * len, 0.032 * s},
                  k.lateral_malleolus + glm::dvec3(0.0, 0.030, 0.0) * s},
                 {0.0070 * s, 0.0060 * s, 0.0075 * s}),
       sdf::ellipsoid(sdf::frameFromAxes(k.lateral_malleolus + glm::dvec3(0.0, 0.013, -0.001) * s, {0, 1, 0}, {1, 0, 0}),
                      glm::dvec3(0.018, 0.0085, 0.0065) * s)},
      0.004 * s);

  // foot skeleton
  std::vector<NodePtr> foot;
  const double sole = k.sole_y;
  const glm::dvec3 ankle = k.ankle_centre;
  foot.push_back(sdf::ellipsoid(sdf::Frame{ankle + glm::dvec3(0.004, -0.014, 0.0) * s, glm::dmat3(1.0)},
                                glm::dvec3(0.026, 0.014, 0.018) * s));  // talus (its trochlea under the tibia)
  foot.push_back(sdf::roundBox(sdf::frameFromAxes(0.5 * (k.heel + ankle) + glm::dvec3(0.004, -0.026, 0.004) * s,
                                                  glm::dvec3(1.0, 0.28, 0.0), {0, 1, 0}),
                               glm::dvec3(0.040, 0.018, 0.016) * s, 0.010 * s));  // calcaneus
  foot.push_back(sdf::sphere(k.heel + glm::dvec3(0.014, 0.0, 0.0) * s, 0.015 * s));
  const glm::dvec3 midfoot(0.30 * b.dims.foot_length, sole + 0.030 * s, 0.004 * s);
  foot.push_back(sdf::roundBox(sdf::frameFromAxes(midfoot, {1.0, -0.25, 0.0}, {0, 1, 0}), glm::dvec3(0.030, 0.014, 0.026) * s,
                               0.009 * s));  // navicular, cuboid, cuneiforms
  std::array<glm::dvec3, 5> heads{};
  for (int i = 0; i < 5; ++i) {
    const double t = i / 4.0;
    heads[static_cast<std::size_t>(i)] = glm::mix(k.first_metatarsal_head, k.fifth_metatarsal_head, t);
  }
  for (int i = 0; i < 5; ++i) {
    const glm::dvec3 head = heads[static_cast<std::size_t>(i)];
    const glm::dvec3 base = midfoot + glm::dvec3(0.026 * s, 0.002 * s, head.z - midfoot.z);
    const double w = i == 0 ? 1.35 : 1.0;
    foot.push_back(sdf::roundCone(base, head, 0.0065 * s * w, 0.0058 * s * w));
    const glm::dvec3 toe_end = i == 0 ? k.toe_tip : head + glm::dvec3(0.040 - 0.005 * i, -0.006, 0.0) * s;
    foot.push_back(sdf::roundCone(head + glm::dvec3(0.006, 0.0, 0.0) * s, toe_end - glm::normalize(toe_end - head) * (0.004 * s),
                                  0.0048 * s * w, 0.0040 * s * w));
  }
  NodePtr ft = sdf::smoothUnion(std::move(foot), 0.004 * s);

  auto part = [&](const std::string& name, NodePtr field, double voxel) {
    PartShape p;
    p.name = name;
    p.segment = Segment::kShankRight;
    p.field = std::move(field);
    p.voxel = voxel * s;
    p.chord_error = 1.5e-4 * s;
    p.min_edge = 0.0008 * s;
    p.max_edge = 0.008 * s;
    return p;
  };
  std::vector<PartShape> out = {part("tibia_r", tib, 0.0014), part("fibula_r", fib, 0.0012), part("foot_r", ft, 0.0012)};
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
