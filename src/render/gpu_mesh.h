// A mesh uploaded to the GPU: interleaved position + normal, optional skinning attributes,
// 32-bit indices; a low level of detail for the moving frame: the mesh's own coarser list
// (MeshData::low_indices: the muscle spindles' every second ring), else for meshes of many
// triangles a clustered index list over the same vertices (render/mesh_simplify.h).
#pragma once

#include <cstddef>
#include <cstdint>

#include "anatomy/mesh.h"
#include "render/gl_objects.h"

namespace sagitta::render {

class GpuMesh {
 public:
  GpuMesh() = default;
  explicit GpuMesh(const anatomy::MeshData& mesh);
  // Meshes with at least this many triangles and no list of their own get a clustered low level
  // of detail (bones; muscles, rebuilt as the pose changes, bring their own).
  static constexpr std::size_t kLowDetailMinTriangles = 3000;
  static constexpr float kLowDetailKeep = 0.12f;  // about this share of the triangles

  void upload(const anatomy::MeshData& mesh);  // replaces the contents
  void draw(bool low_detail = false) const;
  bool skinned() const { return skinned_; }
  GLsizei indexCount(bool low_detail = false) const {
    return low_detail && low_count_ > 0 ? low_count_ : index_count_;
  }

 private:
  VertexArray vao_;
  Buffer vertices_;
  Buffer skin_;
  Buffer indices_;
  GLsizei index_count_ = 0;
  GLsizei low_count_ = 0;  // the low level of detail's indices follow the full ones
  bool skinned_ = false;
};

}  // namespace sagitta::render
