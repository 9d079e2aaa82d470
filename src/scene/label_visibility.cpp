#include "scene/label_visibility.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sagitta::scene {
namespace {

// Möller-Trumbore: whether the ray hits the triangle at a parameter in (t_min, t_max), and where (`t`).
bool hitsTriangle(glm::vec3 o, glm::vec3 d, glm::vec3 a, glm::vec3 b, glm::vec3 c, float t_min, float t_max,
                  float& t_hit) {
  const glm::vec3 e1 = b - a, e2 = c - a;
  const glm::vec3 p = glm::cross(d, e2);
  const float det = glm::dot(e1, p);
  if (std::abs(det) < 1e-12f) return false;
  const float inv = 1.0f / det;
  const glm::vec3 s = o - a;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f) return false;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = glm::dot(d, q) * inv;
  if (v < 0.0f || u + v > 1.0f) return false;
  const float t = glm::dot(e2, q) * inv;
  t_hit = t;
  return t > t_min && t < t_max;
}

bool hitsBox(glm::vec3 o, glm::vec3 d, const anatomy::Bounds& b, float t_min, float t_max) {
  for (int i = 0; i < 3; ++i) {
    if (std::abs(d[i]) < 1e-12f) {
      if (o[i] < b.min[i] || o[i] > b.max[i]) return false;
      continue;
    }
    float t0 = (b.min[i] - o[i]) / d[i], t1 = (b.max[i] - o[i]) / d[i];
    if (t0 > t1) std::swap(t0, t1);
    t_min = std::max(t_min, t0);
    t_max = std::min(t_max, t1);
    if (t_min > t_max) return false;
  }
  return true;
}

struct Occluder {
  const anatomy::MeshData* mesh;
  glm::mat4 inverse;
  anatomy::Bounds bounds;  // in the mesh's frame
};

std::vector<Occluder> occluders(const DrawList& list, const MeshLibrary& meshes) {
  std::vector<Occluder> out;
  for (const DrawItem& item : list.items) {
    if (item.material != Material::kBone || item.opacity < 0.999f || item.skin >= 0) continue;
    if (item.mesh >= meshes.size()) continue;
    const anatomy::MeshData& mesh = meshes.mesh(item.mesh);
    out.push_back({&mesh, glm::inverse(item.model), anatomy::boundsOf(mesh)});
  }
  return out;
}

bool occluded(const std::vector<Occluder>& bones, const Camera& camera, glm::vec3 point,
              glm::vec4 clip_plane) {
  // toward the eye (perspective) or against the view direction (orthographic)
  glm::vec3 dir = camera.projection == Projection::kPerspective ? camera.eye() - point : -camera.forward();
  const float far = camera.projection == Projection::kPerspective ? glm::length(dir) : 1e3f;
  if (far < kOwnBoneSkip_m) return false;
  dir = glm::normalize(dir);
  const bool cut = clip_plane != glm::vec4(0.0f);
  for (const Occluder& bone : bones) {
    // the ray in the mesh's own frame (rigid transforms keep the ray parameter in metres)
    const glm::vec3 o(bone.inverse * glm::vec4(point, 1.0f));
    const glm::vec3 d(bone.inverse * glm::vec4(dir, 0.0f));
    if (!hitsBox(o, d, bone.bounds, kOwnBoneSkip_m, far)) continue;
    const auto& v = bone.mesh->positions;
    const auto& idx = bone.mesh->indices;
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
      float t_hit = 0.0f;
      if (!hitsTriangle(o, d, v[idx[t]], v[idx[t + 1]], v[idx[t + 2]], kOwnBoneSkip_m, far, t_hit)) continue;
      // bone the cutaway removed hides nothing
      if (cut && glm::dot(glm::vec3(clip_plane), point + dir * t_hit) + clip_plane.w < 0.0f) continue;
      return true;
    }
  }
  return false;
}

}  // namespace

bool occludedByBone(const DrawList& list, const MeshLibrary& meshes, const Camera& camera, glm::vec3 point,
                    glm::vec4 clip_plane) {
  return occluded(occluders(list, meshes), camera, point, clip_plane);
}

void markHiddenLabels(DrawList& list, const MeshLibrary& meshes, const Camera& camera, glm::vec4 clip_plane) {
  const std::vector<Occluder> bones = occluders(list, meshes);
  for (Label& l : list.labels) {
    if (!l.pinned && !l.inside_bone) l.hidden = occluded(bones, camera, l.anchor, clip_plane);
  }
}

void LabelVisibilityCache::mark(DrawList& list, const MeshLibrary& meshes, const VisibilityKey& key) {
  Entry& entry = entries_.at(static_cast<std::size_t>(std::clamp(key.slot, 0, 1)));
  std::vector<glm::vec3> anchors;
  anchors.reserve(list.labels.size());
  for (const Label& l : list.labels) anchors.push_back(l.anchor);
  if (!entry.valid || !(entry.key == key) || entry.anchors != anchors) {
    markHiddenLabels(list, meshes, key.camera, key.clip_plane);
    ++casts_;
    entry.valid = true;
    entry.key = key;
    entry.anchors = std::move(anchors);
    entry.hidden.clear();
    for (const Label& l : list.labels) entry.hidden.push_back(l.hidden);
    return;
  }
  for (std::size_t i = 0; i < list.labels.size(); ++i) list.labels[i].hidden = entry.hidden[i];
}

}  // namespace sagitta::scene
