#include "scene/label_visibility.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
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

bool hitsBox(glm::vec3 o, glm::vec3 d, glm::vec3 lo, glm::vec3 hi, float t_min, float t_max) {
  anatomy::Bounds b;
  b.min = lo;
  b.max = hi;
  b.valid = true;
  return hitsBox(o, d, b, t_min, t_max);
}

struct Occluder {
  const anatomy::MeshData* mesh;
  glm::mat4 inverse;
  anatomy::Bounds bounds;            // in the mesh's frame
  const TriangleBvh* bvh = nullptr;  // null: every triangle is tried
};

// Bone, and the cartilage that is drawn as opaque as bone (the costal cartilages, the pubic
// symphysis): a lumbar body seen through the front of the rib cage lies behind a cartilage, and
// its dot and name would have been drawn over it.
bool isOccluder(const DrawItem& item, const MeshLibrary& meshes) {
  return (item.material == Material::kBone || item.material == Material::kCartilage) &&
         item.opacity >= 0.999f && item.skin < 0 && item.mesh < meshes.size();
}

// The opaque rigid bones of the list; `bvh` gives a mesh's hierarchy (none: every triangle is tried).
std::vector<Occluder> occluders(const DrawList& list, const MeshLibrary& meshes,
                                const std::function<const TriangleBvh*(MeshId)>& bvh = {}) {
  std::vector<Occluder> out;
  for (const DrawItem& item : list.items) {
    if (!isOccluder(item, meshes)) continue;
    out.push_back({&meshes.mesh(item.mesh), glm::inverse(item.model), meshes.bounds(item.mesh),
                   bvh ? bvh(item.mesh) : nullptr});
  }
  return out;
}

// Triangle boxes are widened by this much so that a hit the triangle test finds on a box's face
// is never culled by rounding in the box test (the BVH must not change an answer).
constexpr float kBoxPad_m = 1e-5f;
constexpr std::uint32_t kLeafTriangles = 8;

}  // namespace

TriangleBvh::TriangleBvh(const anatomy::MeshData& mesh) {
  const auto& v = mesh.positions;
  const auto& idx = mesh.indices;
  const std::size_t n = idx.size() / 3;
  if (n == 0) return;
  order_.resize(n);
  std::vector<glm::vec3> lo(n), hi(n), mid(n);
  for (std::size_t t = 0; t < n; ++t) {
    order_[t] = static_cast<std::uint32_t>(t);
    const glm::vec3 a = v[idx[3 * t]], b = v[idx[3 * t + 1]], c = v[idx[3 * t + 2]];
    lo[t] = glm::min(a, glm::min(b, c)) - kBoxPad_m;
    hi[t] = glm::max(a, glm::max(b, c)) + kBoxPad_m;
    mid[t] = (lo[t] + hi[t]) * 0.5f;
  }
  nodes_.reserve(2 * (n / kLeafTriangles + 1));
  // depth first: a node's left child follows it, its right child's index is kept in `first`
  const auto build = [&](auto& self, std::uint32_t first, std::uint32_t count) -> std::uint32_t {
    Node node{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(-std::numeric_limits<float>::max()),
              first, count};
    glm::vec3 cmin = node.min, cmax = node.max;
    for (std::uint32_t i = first; i < first + count; ++i) {
      node.min = glm::min(node.min, lo[order_[i]]);
      node.max = glm::max(node.max, hi[order_[i]]);
      cmin = glm::min(cmin, mid[order_[i]]);
      cmax = glm::max(cmax, mid[order_[i]]);
    }
    const auto at = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(node);
    if (count <= kLeafTriangles) return at;
    // split at the median of the triangle centres along their widest axis
    const glm::vec3 extent = cmax - cmin;
    const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
    const std::uint32_t half = count / 2;
    const auto begin = order_.begin() + first;
    std::nth_element(begin, begin + half, begin + count,
                     [&](std::uint32_t x, std::uint32_t y) { return mid[x][axis] < mid[y][axis]; });
    self(self, first, half);
    const std::uint32_t right = self(self, first + half, count - half);
    nodes_[at].first = right;
    nodes_[at].count = 0;
    return at;
  };
  build(build, 0, static_cast<std::uint32_t>(n));
}

template <class Keep>
bool TriangleBvh::anyHit(const anatomy::MeshData& mesh, glm::vec3 o, glm::vec3 d, float t_min, float t_max,
                         const Keep& keep) const {
  if (nodes_.empty()) return false;
  const auto& v = mesh.positions;
  const auto& idx = mesh.indices;
  // depth is about log2(triangles / 8) + a little (median splits): 64 is far beyond any mesh
  std::array<std::uint32_t, 64> stack{};
  std::size_t top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const std::uint32_t at = stack[--top];
    const Node& node = nodes_[at];
    if (!hitsBox(o, d, node.min, node.max, t_min, t_max)) continue;
    if (node.count == 0) {
      stack[top++] = node.first;  // right, visited after
      stack[top++] = at + 1;      // left
      continue;
    }
    for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
      const std::size_t t = 3 * static_cast<std::size_t>(order_[i]);
      float t_hit = 0.0f;
      if (hitsTriangle(o, d, v[idx[t]], v[idx[t + 1]], v[idx[t + 2]], t_min, t_max, t_hit) && keep(t_hit))
        return true;
    }
  }
  return false;
}

namespace {

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
    // bone the cutaway removed hides nothing
    const auto kept = [&](float t_hit) {
      return !cut || glm::dot(glm::vec3(clip_plane), point + dir * t_hit) + clip_plane.w >= 0.0f;
    };
    if (bone.bvh != nullptr) {
      if (bone.bvh->anyHit(*bone.mesh, o, d, kOwnBoneSkip_m, far, kept)) return true;
      continue;
    }
    const auto& v = bone.mesh->positions;
    const auto& idx = bone.mesh->indices;
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
      float t_hit = 0.0f;
      if (!hitsTriangle(o, d, v[idx[t]], v[idx[t + 1]], v[idx[t + 2]], kOwnBoneSkip_m, far, t_hit)) continue;
      if (kept(t_hit)) return true;
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
    ++casts_;
    const std::vector<Occluder> bones = occluders(list, meshes, [&](MeshId id) {
      Tree& tree = trees_[meshes.version(id)];
      if (!tree.bvh) tree.bvh = std::make_unique<TriangleBvh>(meshes.mesh(id));
      tree.last_cast = casts_;
      return tree.bvh.get();
    });
    // a replaced mesh (a new slip shape, another body) has a new version: forget trees not used
    // for a while (both slots of a side-by-side comparison use theirs every frame)
    std::erase_if(trees_, [&](const auto& kv) { return casts_ - kv.second.last_cast > 8; });
    for (Label& l : list.labels) {
      if (!l.pinned && !l.inside_bone) l.hidden = occluded(bones, key.camera, l.anchor, key.clip_plane);
    }
    entry.valid = true;
    entry.key = key;
    entry.anchors = std::move(anchors);
    entry.hidden.clear();
    for (const Label& l : list.labels) entry.hidden.push_back(l.hidden);
    return;
  }
  for (std::size_t i = 0; i < list.labels.size(); ++i) list.labels[i].hidden = entry.hidden[i];
}

LabelVisibilityCache::LabelVisibilityCache() = default;
LabelVisibilityCache::~LabelVisibilityCache() = default;

}  // namespace sagitta::scene
