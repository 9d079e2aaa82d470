#include "anatomy/mesh.h"

#include <algorithm>

namespace sagitta::anatomy {

void Bounds::add(const glm::vec3& p) {
  if (!valid) {
    min = max = p;
    valid = true;
    return;
  }
  min = glm::min(min, p);
  max = glm::max(max, p);
}

Bounds boundsOf(const MeshData& mesh) {
  Bounds b;
  for (const glm::vec3& p : mesh.positions) b.add(p);
  return b;
}

void computeSmoothNormals(MeshData& mesh) {
  mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    // the cross product's length is twice the area, so larger triangles weigh more
    const glm::vec3 n =
        glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    mesh.normals[a] += n;
    mesh.normals[b] += n;
    mesh.normals[c] += n;
  }
  for (glm::vec3& n : mesh.normals) {
    const float len = glm::length(n);
    n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
  }
}

}  // namespace sagitta::anatomy
