#include "scene/muscle_mesh.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sagitta::scene {
namespace {

// Radius profile along the normalised length s in [0, 1]: tendon at both ends, belly between.
float profile(float s) {
  constexpr float kTendon = 0.22f;  // tendon radius as a fraction of the belly's
  // sin(π) is a hair below zero in float, and pow of a negative is NaN
  const float belly =
      std::pow(std::max(std::sin(std::numbers::pi_v<float> * std::clamp(s, 0.0f, 1.0f)), 0.0f), 0.8f);
  return kTendon + (1.0f - kTendon) * belly;
}

glm::vec3 anyPerpendicular(const glm::vec3& t) {
  const glm::vec3 a = std::abs(t.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
  return glm::normalize(glm::cross(t, a));
}

}  // namespace

float pathLength(const std::vector<glm::vec3>& path) {
  float len = 0.0f;
  for (std::size_t i = 1; i < path.size(); ++i) len += glm::distance(path[i - 1], path[i]);
  return len;
}

float spindleBelly(const SpindleShape& shape, float length_m) {
  return shape.belly_radius_m *
         std::sqrt(std::max(shape.neutral_length_m, 1e-5f) / std::max(length_m, 1e-5f));
}

anatomy::MeshData spindleMesh(const std::vector<glm::vec3>& path, const SpindleShape& shape) {
  anatomy::MeshData mesh;
  const float length = pathLength(path);
  if (path.size() < 2 || !(length > 1e-5f) || !std::isfinite(length)) return mesh;
  const float belly = spindleBelly(shape, length);
  const int rings = std::max(shape.rings, 4), sides = std::max(shape.sides, 3);

  // cumulative arc length for sampling the polyline evenly
  std::vector<float> cumulative{0.0f};
  for (std::size_t i = 1; i < path.size(); ++i)
    cumulative.push_back(cumulative.back() + glm::distance(path[i - 1], path[i]));
  auto sample = [&](float d, glm::vec3& point, glm::vec3& tangent) {
    std::size_t k = 1;
    while (k + 1 < path.size() && cumulative[k] < d) ++k;
    const float seg = std::max(cumulative[k] - cumulative[k - 1], 1e-9f);
    const float u = std::clamp((d - cumulative[k - 1]) / seg, 0.0f, 1.0f);
    point = glm::mix(path[k - 1], path[k], u);
    tangent = glm::normalize(path[k] - path[k - 1]);
  };

  // rings with parallel-transported frames (no twisting), smoothing tangents at via points
  glm::vec3 normal(0.0f);
  for (int r = 0; r <= rings; ++r) {
    const float s = static_cast<float>(r) / static_cast<float>(rings);
    glm::vec3 p, t, p2, t2;
    sample(s * length, p, t);
    sample(std::min(s * length + length / static_cast<float>(rings), length), p2, t2);
    t = glm::normalize(t + t2);
    if (r == 0) {
      normal = anyPerpendicular(t);
    } else {
      normal = glm::normalize(normal - t * glm::dot(normal, t));  // transport onto the new plane
    }
    const glm::vec3 binormal = glm::cross(t, normal);
    const float radius = shape.tube ? shape.belly_radius_m : belly * profile(s);
    for (int k = 0; k < sides; ++k) {
      const float a = 2.0f * std::numbers::pi_v<float> * static_cast<float>(k) / static_cast<float>(sides);
      const glm::vec3 dir = normal * std::cos(a) + binormal * std::sin(a);
      mesh.positions.push_back(p + dir * radius);
      mesh.normals.push_back(dir);
    }
  }
  const auto ring = [&](int r, int k) { return static_cast<std::uint32_t>(r * sides + (k % sides)); };
  // the surface between consecutive rings of `step`; the moving frame's list takes every second
  // ring (the same sides, so the same outline across): half the triangles, ~10 % of a moving
  // frame on llvmpipe (docs/performance.md)
  const auto band = [&](std::vector<std::uint32_t>& out, int step) {
    for (int r = 0; r < rings; r += step) {
      const int next = std::min(r + step, rings);
      for (int k = 0; k < sides; ++k) {
        out.insert(out.end(), {ring(r, k), ring(r, k + 1), ring(next, k + 1)});
        out.insert(out.end(), {ring(r, k), ring(next, k + 1), ring(next, k)});
      }
    }
  };
  band(mesh.indices, 1);
  band(mesh.low_indices, 2);
  // caps close the tube at the tendon ends
  for (int end = 0; end < 2; ++end) {
    const int r = end == 0 ? 0 : rings;
    glm::vec3 centre(0.0f), tangent(0.0f);
    sample(end == 0 ? 0.0f : length, centre, tangent);
    const auto c = static_cast<std::uint32_t>(mesh.positions.size());
    mesh.positions.push_back(centre);
    mesh.normals.push_back(end == 0 ? -tangent : tangent);
    for (int k = 0; k < sides; ++k) {
      for (std::vector<std::uint32_t>* out : {&mesh.indices, &mesh.low_indices}) {
        if (end == 0) {
          out->insert(out->end(), {c, ring(r, k + 1), ring(r, k)});
        } else {
          out->insert(out->end(), {c, ring(r, k), ring(r, k + 1)});
        }
      }
    }
  }
  return mesh;
}

glm::vec3 strainColour(float strain) {
  const glm::vec3 neutral(0.50f, 0.10f, 0.085f);
  const glm::vec3 shorter(1.00f, 0.48f, 0.04f);
  const glm::vec3 longer(0.12f, 0.32f, 0.85f);
  if (!std::isfinite(strain)) return neutral;
  const float t = std::clamp(strain / kStrainColourRange, -1.0f, 1.0f);
  // a slightly eased ramp so small changes are already visible
  const float e = std::pow(std::abs(t), 0.8f);
  return t < 0.0f ? glm::mix(neutral, shorter, e) : glm::mix(neutral, longer, e);
}

}  // namespace sagitta::scene
