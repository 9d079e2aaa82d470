// Which labelled landmarks the viewer can see: a ray from the landmark toward the eye that
// meets opaque bone on the way means the landmark is hidden (from the front, the coccyx and
// the ischial tuberosities lie behind the pubis and the femora), and its name label is not
// drawn. CPU ray casting against the draw list's rigid bone meshes (and the opaque cartilage:
// the costal cartilages, the pubic symphysis); no OpenGL.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include <glm/glm.hpp>

#include "scene/camera.h"
#include "scene/draw_list.h"

namespace sagitta::scene {

// Landmarks lie on (or just inside) their own bone's surface: hits closer than this to the
// landmark are its own bone, not something in front of it.
inline constexpr float kOwnBoneSkip_m = 0.012f;

// Whether opaque bone lies between `point` and the camera. `clip_plane` (n, d) is the cutaway's
// (render::RenderSettings::clip_plane; zero: none): bone where dot(n, p) + d < 0 is cut away
// and hides nothing, so the landmarks of the half that stays are seen through the cut.
bool occludedByBone(const DrawList& list, const MeshLibrary& meshes, const Camera& camera, glm::vec3 point,
                    glm::vec4 clip_plane = glm::vec4(0.0f));

// Sets Label::hidden for every name label (values on overlays are never hidden).
void markHiddenLabels(DrawList& list, const MeshLibrary& meshes, const Camera& camera,
                      glm::vec4 clip_plane = glm::vec4(0.0f));

// What the labels-behind-bone result of one draw list depends on: the shown document's revision
// (model, view options, lesson), the animated pose's revision, the camera and the viewport; `slot`
// tells the draw lists of one frame apart (0 = the shown posture, 1 = the side-by-side neutral one).
struct VisibilityKey {
  std::uint64_t revision = 0;
  std::uint64_t pose_revision = 0;
  Camera camera;
  glm::ivec2 viewport{0};
  glm::vec4 clip_plane{0.0f};  // the cutaway's plane, zero for none
  int slot = 0;
  bool operator==(const VisibilityKey&) const = default;
};

// A bounding-volume hierarchy over one mesh's triangles, for the rays above: a ray visits the
// triangles in the boxes it passes through instead of every triangle of a bone whose box it
// meets (issue 16: the brute-force cast took ~8 ms of every moving frame's CPU while the camera
// turned). The same triangle test decides, so the answer is the brute force's.
class TriangleBvh {
 public:
  explicit TriangleBvh(const anatomy::MeshData& mesh);
  // Whether the ray o + t d (in the mesh's frame) hits a triangle of `mesh` (the one the
  // hierarchy was built for) at t in (t_min, t_max) whose ray parameter `keep(t)` accepts (the
  // cutaway drops bone it removed). Defined in label_visibility.cpp, its only user.
  template <class Keep>
  bool anyHit(const anatomy::MeshData& mesh, glm::vec3 o, glm::vec3 d, float t_min, float t_max,
              const Keep& keep) const;

 private:
  struct Node {
    glm::vec3 min, max;
    std::uint32_t first = 0;  // leaf: first triangle in order_; inner: the right child (left = this + 1)
    std::uint32_t count = 0;  // leaf: its triangles; inner: 0
  };
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> order_;  // triangle indices, grouped by leaf
};

// markHiddenLabels, cast again only when the key or the labelled points changed: a view at rest
// (or one where only a hover highlight changed) costs no ray casting. Casts go through a
// TriangleBvh per bone mesh, kept while that mesh's version (MeshLibrary::version) is drawn.
class LabelVisibilityCache {
 public:
  LabelVisibilityCache();
  ~LabelVisibilityCache();
  LabelVisibilityCache(const LabelVisibilityCache&) = delete;
  LabelVisibilityCache& operator=(const LabelVisibilityCache&) = delete;
  void mark(DrawList& list, const MeshLibrary& meshes, const VisibilityKey& key);
  // How often it has cast rays (for tests and the frame benchmark).
  std::size_t casts() const { return casts_; }

 private:
  struct Tree {
    std::unique_ptr<TriangleBvh> bvh;
    std::size_t last_cast = 0;  // casts_ when it was last used
  };
  std::unordered_map<std::uint64_t, Tree> trees_;  // by mesh version
  struct Entry {
    bool valid = false;
    VisibilityKey key;
    std::vector<glm::vec3> anchors;  // of every label, in order
    std::vector<bool> hidden;
  };
  std::array<Entry, 2> entries_;
  std::size_t casts_ = 0;
};

}  // namespace sagitta::scene
