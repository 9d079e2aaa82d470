#include "render/gpu_mesh.h"

#include <vector>

#include "render/mesh_simplify.h"

namespace sagitta::render {

GpuMesh::GpuMesh(const anatomy::MeshData& mesh) {
  upload(mesh);
}

void GpuMesh::upload(const anatomy::MeshData& mesh) {
  if (!vao_) {
    vao_ = makeVertexArray();
    vertices_ = makeBuffer();
    indices_ = makeBuffer();
  }
  glBindVertexArray(vao_.get());

  std::vector<float> interleaved;
  interleaved.reserve(mesh.positions.size() * 6);
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3& p = mesh.positions[i];
    const glm::vec3 n = i < mesh.normals.size() ? mesh.normals[i] : glm::vec3(0.0f, 1.0f, 0.0f);
    interleaved.insert(interleaved.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
  }
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(interleaved.size() * sizeof(float)),
               interleaved.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float),
                        reinterpret_cast<void*>(3 * sizeof(float)));

  skinned_ = mesh.skinned() && mesh.skin_segments.size() == mesh.positions.size() &&
             mesh.skin_weights.size() == mesh.positions.size();
  if (skinned_) {
    if (!skin_) skin_ = makeBuffer();
    // per vertex: 4 segment indices as unsigned bytes, then 4 float weights
    struct SkinVertex {
      glm::u8vec4 segments;
      glm::vec4 weights;
    };
    std::vector<SkinVertex> skin(mesh.positions.size());
    for (std::size_t i = 0; i < skin.size(); ++i) skin[i] = {mesh.skin_segments[i], mesh.skin_weights[i]};
    glBindBuffer(GL_ARRAY_BUFFER, skin_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(skin.size() * sizeof(SkinVertex)), skin.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_FALSE, sizeof(SkinVertex), nullptr);
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, sizeof(SkinVertex),
                          reinterpret_cast<void*>(offsetof(SkinVertex, weights)));
  } else {
    // rigid meshes never read the skin attributes (u_skinned is 0)
    glDisableVertexAttribArray(2);
    glDisableVertexAttribArray(3);
  }

  std::vector<std::uint32_t> low = mesh.low_indices;
  if (low.empty() && mesh.indices.size() / 3 >= kLowDetailMinTriangles)
    low = clusteredIndices(mesh, clusterCellFor(mesh, kLowDetailKeep));
  if (low.size() >= mesh.indices.size()) low.clear();  // nothing gained
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.get());
  const std::size_t full_bytes = mesh.indices.size() * sizeof(std::uint32_t);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(full_bytes + low.size() * sizeof(std::uint32_t)), nullptr,
               GL_STATIC_DRAW);
  glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(full_bytes), mesh.indices.data());
  if (!low.empty()) {
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLintptr>(full_bytes),
                    static_cast<GLsizeiptr>(low.size() * sizeof(std::uint32_t)), low.data());
  }
  index_count_ = static_cast<GLsizei>(mesh.indices.size());
  low_count_ = static_cast<GLsizei>(low.size());
  glBindVertexArray(0);
}

void GpuMesh::draw(bool low_detail) const {
  if (index_count_ == 0) return;
  glBindVertexArray(vao_.get());
  if (low_detail && low_count_ > 0) {
    glDrawElements(GL_TRIANGLES, low_count_, GL_UNSIGNED_INT,
                   reinterpret_cast<void*>(static_cast<std::size_t>(index_count_) * sizeof(std::uint32_t)));
  } else {
    glDrawElements(GL_TRIANGLES, index_count_, GL_UNSIGNED_INT, nullptr);
  }
}

}  // namespace sagitta::render
