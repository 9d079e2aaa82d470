#include "scene/body_draw.h"

#include <cmath>
#include <numbers>
#include <string>

#include <glm/gtc/matrix_transform.hpp>

#include "biomech/muscle_table.h"
#include "biomech/slip_classification.h"
#include "scene/muscle_mesh.h"

namespace sagitta::scene {
namespace {

constexpr float kSpecificTension_N_per_m2 = 60.0f * 1e4f;  // 60 N/cm² (Rajagopal 2016)
constexpr float kNerveRadius_m = 0.0025f;                  // a lumbar root is ~5 mm across (drawing size)

// A unit arrow along +Y from the origin: shaft radius 1, head radius 2.2, total length 1.
anatomy::MeshData unitArrow() {
  anatomy::MeshData m;
  constexpr int kSides = 16;
  const float head_start = kShearArrowHeadStart;
  auto ring = [&](float y, float r, bool normals_out, float ny) {
    for (int i = 0; i < kSides; ++i) {
      const float a = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / kSides;
      m.positions.emplace_back(std::cos(a) * r, y, std::sin(a) * r);
      m.normals.push_back(normals_out ? glm::normalize(glm::vec3(std::cos(a), ny, std::sin(a)))
                                      : glm::vec3(0, -1, 0));
    }
  };
  ring(0.0f, 1.0f, false, 0.0f);        // 0: base cap
  ring(0.0f, 1.0f, true, 0.0f);         // 1: shaft bottom
  ring(head_start, 1.0f, true, 0.0f);   // 2: shaft top
  ring(head_start, 2.2f, false, 0.0f);  // 3: head base (faces down)
  ring(head_start, 2.2f, true, 0.45f);  // 4: cone
  const auto tip = static_cast<std::uint32_t>(m.positions.size());
  m.positions.emplace_back(0.0f, 1.0f, 0.0f);
  m.normals.emplace_back(0.0f, 1.0f, 0.0f);
  const auto base_centre = static_cast<std::uint32_t>(m.positions.size());
  m.positions.emplace_back(0.0f, 0.0f, 0.0f);
  m.normals.emplace_back(0.0f, -1.0f, 0.0f);
  const auto head_centre = static_cast<std::uint32_t>(m.positions.size());
  m.positions.emplace_back(0.0f, head_start, 0.0f);
  m.normals.emplace_back(0.0f, -1.0f, 0.0f);
  auto at = [](int r, int i) { return static_cast<std::uint32_t>(r * kSides + (i % kSides)); };
  for (int i = 0; i < kSides; ++i) {
    m.indices.insert(m.indices.end(), {base_centre, at(0, i), at(0, i + 1)});
    m.indices.insert(m.indices.end(), {at(1, i), at(2, i + 1), at(1, i + 1)});
    m.indices.insert(m.indices.end(), {at(1, i), at(2, i), at(2, i + 1)});
    m.indices.insert(m.indices.end(), {head_centre, at(3, i), at(3, i + 1)});
    m.indices.insert(m.indices.end(), {at(4, i), tip, at(4, i + 1)});
  }
  return m;
}

anatomy::MeshData unitBox() {
  anatomy::MeshData m;
  const glm::vec3 n[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (const glm::vec3& normal : n) {
    const glm::vec3 u = std::abs(normal.y) > 0.5f ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
    const glm::vec3 v = glm::cross(normal, u);
    const auto base = static_cast<std::uint32_t>(m.positions.size());
    for (const glm::vec2 c : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
      m.positions.push_back((normal + u * c.x + v * c.y) * 0.5f);
      m.normals.push_back(normal);
    }
    m.indices.insert(m.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
  return m;
}

// Rotation taking +Y onto `dir` (unit).
glm::mat4 alignY(const glm::vec3& dir) {
  const glm::vec3 y(0, 1, 0);
  const float c = glm::dot(y, dir);
  if (c > 0.9999f) return glm::mat4(1.0f);
  if (c < -0.9999f) return glm::rotate(glm::mat4(1.0f), std::numbers::pi_v<float>, glm::vec3(1, 0, 0));
  const glm::vec3 axis = glm::normalize(glm::cross(y, dir));
  return glm::rotate(glm::mat4(1.0f), std::acos(c), axis);
}

}  // namespace

std::uint32_t musclePickId(biomech::MuscleId muscle, anatomy::Side side) {
  return 1u + 2u * static_cast<std::uint32_t>(biomech::muscleIndex(muscle)) +
         static_cast<std::uint32_t>(biomech::sideIndex(side));
}

bool MuscleHighlight::any() const {
  for (const auto& m : on) {
    if (m[0] || m[1]) return true;
  }
  return false;
}

float bellyRadius(double max_isometric_force_N) {
  const float area = static_cast<float>(std::max(max_isometric_force_N, 1.0)) / kSpecificTension_N_per_m2;
  return std::sqrt(area / std::numbers::pi_v<float>);
}

SpindleShape muscleSpindle(const biomech::FascicleResult& f) {
  const biomech::FascicleDef& def = biomech::muscleDef(f.muscle).fascicles[f.fascicle];
  SpindleShape shape;
  shape.belly_radius_m = kDrawnBellyScale * bellyRadius(def.max_isometric_force_N);
  shape.neutral_length_m = static_cast<float>(f.neutral_length_m);
  return shape;
}

float drawnBellyRadius(const biomech::FascicleResult& f) {
  return spindleBelly(muscleSpindle(f), static_cast<float>(f.length_m));
}

BodyMeshes::BodyMeshes(MeshLibrary& library)
    : library_(library), arrow_(library.add(unitArrow())), box_(library.add(unitBox())) {}

std::optional<MeshId> BodyMeshes::placeSpindle(std::vector<glm::vec3> path, const SpindleShape& shape) {
  const std::size_t index = used_;
  if (index < keys_.size() && keys_[index].shape == shape && keys_[index].path == path) {
    ++used_;
    return dynamic_[index];
  }
  anatomy::MeshData mesh = spindleMesh(path, shape);
  if (mesh.empty()) return std::nullopt;
  ++used_;
  while (dynamic_.size() <= index) dynamic_.push_back(library_.add(anatomy::MeshData{}));
  library_.replace(dynamic_[index], std::move(mesh));
  if (keys_.size() <= index) keys_.resize(index + 1);
  keys_[index] = {std::move(path), shape};
  return dynamic_[index];
}

void BodyMeshes::addMuscles(std::span<const biomech::FascicleResult> fascicles,
                            const MuscleHighlight& highlight, DrawList& list) {
  for (const biomech::FascicleResult& f : fascicles) {
    std::vector<glm::vec3> path;
    for (const glm::dvec3& p : f.path()) path.emplace_back(p);
    const std::optional<MeshId> id = placeSpindle(std::move(path), muscleSpindle(f));
    if (!id) continue;
    DrawItem item;
    item.mesh = *id;
    item.material = Material::kMuscle;
    const double strain = f.neutral_length_m > 0.0 ? f.length_m / f.neutral_length_m - 1.0 : 0.0;
    item.colour = strainColour(static_cast<float>(strain));
    item.pick_id = musclePickId(f.muscle, f.side);
    const bool lit = highlight.on[biomech::muscleIndex(f.muscle)][biomech::sideIndex(f.side)];
    item.highlight = lit ? 0.85f : 0.0f;
    // when some muscles are emphasised, the others step back
    if (highlight.any() && !lit) item.opacity = 0.35f;
    list.items.push_back(item);
  }
}

namespace {

// Where the most compressed root is pinched, in a few plain words (nothing when none is).
std::string pinchLabel(const biomech::NerveRoot& root) {
  const std::string name(root.name);
  if (root.where == "foramen") return name + " nerve pinched in its exit hole (foramen)";
  if (root.where == "lateral_recess") return name + " nerve pinched in the side channel (lateral recess)";
  if (root.where == "canal") {
    if (root.narrowing_pct < biomech::kCompressedNarrowingPct)
      return "Sacral nerves stretched over the sacrum";
    return "Nerves squeezed in the spinal canal";
  }
  return {};
}

}  // namespace

void BodyMeshes::addNerves(const biomech::SlipResult& slip, DrawList& list) {
  if (!slip.nerve_roots.empty()) {
    const biomech::NerveRoot& worst = slip.nerve_roots[slip.most_compressed];
    const std::string text = pinchLabel(worst);
    // at the pinch: the foramen (exiting), the recess or the dome (traversing), the disc (canal)
    if (!text.empty()) {
      Label pinch{glm::vec3(worst.points[2]), text, {1.0f, 0.45f, 0.35f, 1.0f}, 6, false};
      pinch.inside_bone = true;  // the root runs inside the canal and foramen: the point of the picture
      list.labels.push_back(pinch);
      // and no value box covers the roots the picture is about (PT's sat on the pinched L5
      // root in the grade II slip, hiding where the slipped vertebra meets the sacrum)
      for (const biomech::NerveRoot& root : slip.nerve_roots)
        for (const glm::dvec3& p : root.points) list.value_clear_points.emplace_back(p);
    }
  }
  for (const biomech::NerveRoot& root : slip.nerve_roots) {
    std::vector<glm::vec3> path;
    for (const glm::dvec3& p : root.points) path.emplace_back(p);
    SpindleShape shape;
    shape.tube = true;
    shape.belly_radius_m =
        root.midline ? 2.0f * kNerveRadius_m : kNerveRadius_m;  // the cauda equina: a bundle
    shape.sides = 10;
    shape.rings = 24;
    const std::optional<MeshId> id = placeSpindle(std::move(path), shape);
    if (!id) continue;
    DrawItem item;
    item.mesh = *id;
    item.material = Material::kNerve;
    // free roots yellow, compressed or stretched ones toward red
    const auto c = static_cast<float>(root.compression);
    item.colour = glm::mix(glm::vec3(0.95f, 0.78f, 0.18f), glm::vec3(0.92f, 0.10f, 0.06f), c);
    list.items.push_back(item);
  }
}

float shearArrowLengthMetres(double magnitude_N) {
  return static_cast<float>(magnitude_N) * kShearArrow_m_per_N;
}

void BodyMeshes::addShearArrow(const biomech::ForceArrow& shear, DrawList& list) {
  if (!(shear.magnitude_N > 1.0) || glm::length(shear.direction) < 0.5) return;
  const float length = shearArrowLengthMetres(shear.magnitude_N);
  const float radius = 0.0035f;
  DrawItem item;
  item.mesh = arrow_;
  item.material = Material::kPlain;
  item.colour = {1.0f, 0.28f, 0.12f};
  item.flags = kOnTop;
  item.model = glm::translate(glm::mat4(1.0f), glm::vec3(shear.origin)) *
               alignY(glm::normalize(glm::vec3(shear.direction))) *
               glm::scale(glm::mat4(1.0f), glm::vec3(radius, length, radius));
  list.items.push_back(item);
}

void BodyMeshes::addSupport(const biomech::Support& support, DrawList& list) {
  using Kind = biomech::Support::Kind;
  if (support.kind == Kind::kFloor) return;
  DrawItem item;
  item.mesh = box_;
  item.material = Material::kPlain;
  item.flags = kCastsShadow | kReceivesShadow;
  const float top = static_cast<float>(support.top_y_m), edge = static_cast<float>(support.edge_x_m);
  if (support.kind == Kind::kCouch) {
    // a treatment couch 1.9 × 0.65 m, 8 cm pad, extending back from its end
    item.colour = {0.22f, 0.32f, 0.42f};
    item.model = glm::translate(glm::mat4(1.0f), glm::vec3(edge - 0.95f, top - 0.04f, 0.0f)) *
                 glm::scale(glm::mat4(1.0f), glm::vec3(1.9f, 0.08f, 0.65f));
  } else {
    // a chair seat 0.45 × 0.45 m, 5 cm thick, behind its front edge
    item.colour = {0.35f, 0.27f, 0.2f};
    item.model = glm::translate(glm::mat4(1.0f), glm::vec3(edge - 0.225f, top - 0.025f, 0.0f)) *
                 glm::scale(glm::mat4(1.0f), glm::vec3(0.45f, 0.05f, 0.45f));
  }
  list.items.push_back(item);
  // legs: the support stands on the floor
  DrawItem leg = item;
  const float depth = support.kind == Kind::kCouch ? 1.8f : 0.4f;
  const float half_w = support.kind == Kind::kCouch ? 0.28f : 0.2f;
  const float leg_h = std::max(top - (support.kind == Kind::kCouch ? 0.08f : 0.05f), 0.01f);
  for (int i = 0; i < 4; ++i) {
    const float x = edge - 0.03f - ((i & 1) ? depth : 0.0f);
    const float z = (i & 2) ? half_w : -half_w;
    leg.model = glm::translate(glm::mat4(1.0f), glm::vec3(x, leg_h * 0.5f, z)) *
                glm::scale(glm::mat4(1.0f), glm::vec3(0.04f, leg_h, 0.04f));
    list.items.push_back(leg);
  }
}

}  // namespace sagitta::scene
