// A tiny CPU z-buffer renderer for looking at generated meshes without OpenGL: orthographic,
// one key light, a sky light, dark silhouettes. For development previews only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/mesh.h"
#include "core/image.h"

namespace sagitta::tools {

struct PreviewItem {
  const anatomy::MeshData* mesh = nullptr;
  glm::dmat4 to_world{1.0};
  glm::vec3 colour{0.9f, 0.87f, 0.8f};
  float alpha = 1.0f;  // < 1: drawn translucent over the opaque items
  bool wire = false;   // darken triangle edges
};

struct PreviewDot {
  glm::dvec3 world{0.0};
  glm::vec3 colour{1.0f, 0.1f, 0.1f};
};

struct PreviewView {
  glm::dvec3 forward{0.0, 0.0, -1.0};  // camera looking direction
  glm::dvec3 up{0.0, 1.0, 0.0};
};

// Frames the items and renders them.
Image renderPreview(const std::vector<PreviewItem>& items, const std::vector<PreviewDot>& dots,
                    const PreviewView& view, int width, int height);
// Images side by side in rows of `per_row`.
Image tile(const std::vector<Image>& images, int per_row);

PreviewView namedView(
    const std::string& name);  // lateral, anterior, posterior, superior, inferior, oblique, medial

}  // namespace sagitta::tools
