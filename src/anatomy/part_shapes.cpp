#include "anatomy/part_shapes.h"

#include <map>

#include "anatomy/thoracic_column.h"

namespace sagitta::anatomy {
namespace {

// Neighbouring vertebrae are generated separately, so where their processes come close (a
// superior articular process tip under the pars above, a spinous process over the lamina
// below) each is carved back from the other by a small clearance: at the neutral pose no bone
// enters another, while the facets keep their joint space.
constexpr double kClearance = 0.00045;
void carveNeighbours(std::vector<PartShape>& shapes, const BodyLayout& body) {
  const auto world = neutralWorld(body);
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"t12", "l1"}, {"l1", "l2"}, {"l2", "l3"}, {"l3", "l4"}, {"l4", "l5"}, {"l5", "sacrum"}};
  std::map<std::string, PartShape*> by_name;
  for (PartShape& s : shapes) by_name[s.name] = &s;
  std::map<std::string, sdf::NodePtr> original;
  for (const auto& [a, b] : pairs) {
    original.emplace(a, by_name.at(a)->field);
    original.emplace(b, by_name.at(b)->field);
  }
  std::map<std::string, std::vector<sdf::NodePtr>> cutters;
  for (const auto& [a, b] : pairs) {
    const PartShape& pa = *by_name.at(a);
    const PartShape& pb = *by_name.at(b);
    const glm::dmat4 wa = world[static_cast<std::size_t>(pa.segment)],
                     wb = world[static_cast<std::size_t>(pb.segment)];
    const glm::dmat4 b_in_a = glm::inverse(wa) * wb, a_in_b = glm::inverse(wb) * wa;
    cutters[a].push_back(
        sdf::moved(sdf::inflated(original.at(b), kClearance), {glm::dvec3(b_in_a[3]), glm::dmat3(b_in_a)}));
    cutters[b].push_back(
        sdf::moved(sdf::inflated(original.at(a), kClearance), {glm::dvec3(a_in_b[3]), glm::dmat3(a_in_b)}));
  }
  for (auto& [name, list] : cutters) {
    PartShape& p = *by_name.at(name);
    p.field = sdf::subtract(p.field, sdf::unite(list), 0.0);
  }
}

// The ribs run past the vertebrae they articulate with: their heads face the costal facets and
// rib 10's tubercle the transverse costal facet one joint space away (thorax_layout.cpp), but
// the oval bars are placed by their centre lines, so where a rib's neck passes close by a
// transverse process (rib 12 by the short one of T12) it could touch it. Like neighbouring
// vertebrae, each rib is carved back from T10, T11 and T12 by the same small clearance: at the
// neutral pose no rib enters a vertebra, and the joints keep their joint space.
//
// A rib's swept meshes (PartShape::swept) are carved the same way: each vertex inside what carves
// the field is moved onto its surface along its gradient (Newton steps).
void pushOut(TriMesh& mesh, const sdf::Node& cutter) {
  constexpr double kStep = 1e-5;
  for (glm::dvec3& p : mesh.positions) {
    for (int it = 0; it < 8; ++it) {
      const double d = cutter.eval(p);
      if (d >= 1e-6) break;
      const glm::dvec3 g(cutter.eval(p + glm::dvec3(kStep, 0, 0)) - cutter.eval(p - glm::dvec3(kStep, 0, 0)),
                         cutter.eval(p + glm::dvec3(0, kStep, 0)) - cutter.eval(p - glm::dvec3(0, kStep, 0)),
                         cutter.eval(p + glm::dvec3(0, 0, kStep)) - cutter.eval(p - glm::dvec3(0, 0, kStep)));
      const glm::dvec3 grad = g / (2.0 * kStep);
      const double g2 = glm::dot(grad, grad);
      if (g2 < 1e-12) break;
      p -= (d - 2e-6) * grad / g2;
    }
  }
}

void carve(PartShape& rib, std::vector<sdf::NodePtr> vertebrae) {
  const sdf::NodePtr cutter = sdf::inflated(sdf::unite(std::move(vertebrae)), kClearance);
  rib.field = sdf::subtract(rib.field, cutter, 0.0);
  if (rib.swept) {
    pushOut(rib.swept->full, *cutter);
    pushOut(rib.swept->low, *cutter);
  }
}

void carveRibs(std::vector<PartShape>& shapes) {
  std::map<std::string, PartShape*> by_name;
  for (PartShape& s : shapes) by_name[s.name] = &s;
  std::vector<sdf::NodePtr> vertebrae;  // all on the thorax segment, in its frame
  for (const char* v : {"t10", "t11", "t12"}) vertebrae.push_back(by_name.at(v)->field);
  carve(*by_name.at("ribs_r"), std::move(vertebrae));  // ribs_l is its mirror image
  // and rib k (1 .. 9, tK_rib_r) from the vertebra above its own, its own and the one below
  for (int k = 1; k <= 9; ++k) {
    std::vector<sdf::NodePtr> near;
    for (int level = k - 1; level <= k + 1; ++level)
      near.push_back(by_name.at(std::string(thoracicPartName(level)))->field);
    carve(*by_name.at("t" + std::to_string(k) + "_rib_r"), std::move(near));
  }
}

}  // namespace

std::vector<PartShape> builtinShapes(const BodyLayout& body) {
  std::vector<PartShape> out;
  for (auto* make : {&pelvisShapes, &sacrumShapes, &vertebraShapes, &discShapes, &femurShapes, &shankShapes,
                     &thoraxShapes, &outlineShapes}) {
    std::vector<PartShape> part = make(body);
    out.insert(out.end(), part.begin(), part.end());
  }
  carveNeighbours(out, body);
  carveRibs(out);
  splitAtPars(out);
  return out;
}

}  // namespace sagitta::anatomy
