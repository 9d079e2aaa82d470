// A mesh uploaded to the GPU: interleaved position + normal, optional skinning attributes,
// 32-bit indices.
#pragma once

#include <cstdint>

#include "anatomy/mesh.h"
#include "render/gl_objects.h"

namespace sagitta::render {

class GpuMesh {
 public:
  GpuMesh() = default;
  explicit GpuMesh(const anatomy::MeshData& mesh);
  void upload(const anatomy::MeshData& mesh);  // replaces the contents
  void draw() const;
  bool skinned() const { return skinned_; }
  GLsizei indexCount() const { return index_count_; }

 private:
  VertexArray vao_;
  Buffer vertices_;
  Buffer skin_;
  Buffer indices_;
  GLsizei index_count_ = 0;
  bool skinned_ = false;
};

}  // namespace sagitta::render
