// What the renderer draws: a plain list of meshes with transforms and looks, overlay lines and
// text labels. It is built from model + pose + view options by pure functions (no OpenGL), so
// it is unit-tested without a window; the renderer never sees the model (../shared/STYLE.md).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/mesh.h"
#include "anatomy/skeleton.h"

namespace sagitta::scene {

// Index of a mesh in a MeshLibrary.
using MeshId = std::uint32_t;

// Meshes the draw list refers to. A mesh's version changes when its vertices do (muscle
// spindles every solve), so the renderer knows when to upload it again; versions are unique
// across libraries, so a renderer can outlive a library (a new model after a body change).
class MeshLibrary {
 public:
  MeshId add(anatomy::MeshData mesh);
  void replace(MeshId id, anatomy::MeshData mesh);
  const anatomy::MeshData& mesh(MeshId id) const { return meshes_.at(id).data; }
  std::uint64_t version(MeshId id) const { return meshes_.at(id).version; }
  // The mesh's own bounds (anatomy::boundsOf), computed once when it is added or replaced.
  const anatomy::Bounds& bounds(MeshId id) const { return meshes_.at(id).bounds; }
  std::size_t size() const { return meshes_.size(); }

 private:
  struct Entry {
    anatomy::MeshData data;
    std::uint64_t version = 0;
    anatomy::Bounds bounds;
  };
  std::vector<Entry> meshes_;
};

// How a surface is shaded.
enum class Material : std::uint8_t {
  kBone,       // ivory, slightly rough, a little subsurface warmth
  kCartilage,  // bluish-white, smoother
  kDisc,       // annulus fibrosus
  kNucleus,    // nucleus pulposus
  kMuscle,     // red-brown, coloured by strain
  kNerve,      // yellow
  kSkin,       // translucent body outline
  kPlain,      // unlit-ish helper geometry
};

// Bit flags of a DrawItem.
enum DrawFlag : std::uint32_t {
  kCastsShadow = 1u << 0,
  kReceivesShadow = 1u << 1,
  kTwoSided = 1u << 2,
  kOnTop = 1u << 3,  // drawn after everything, ignoring depth (e.g. a highlighted landmark)
};

struct DrawItem {
  MeshId mesh = 0;
  glm::mat4 model{1.0f};  // rigid parts: mesh frame -> world
  int skin = -1;          // skinned parts: index into DrawList::skins (model is ignored)
  Material material = Material::kBone;
  glm::vec3 colour{0.9f, 0.85f, 0.75f};  // linear RGB
  float opacity = 1.0f;                  // < 1 draws in the transparent pass
  float highlight = 0.0f;                // 0..1 emphasis glow (hover, selection)
  std::uint32_t flags = kCastsShadow | kReceivesShadow;
  std::uint32_t pick_id = 0;  // non-zero: what the item stands for (a muscle, a bone)
  int part = -1;              // index of the model part it draws, when it draws one
};

// One segment matrix per skeleton segment: world(s, pose) * inverse(world(s, neutral)).
using SkinMatrices = std::array<glm::mat4, anatomy::kSegmentCount>;

// A 3D line drawn over or within the scene, with a width in pixels.
struct Line {
  glm::vec3 a{0.0f};
  glm::vec3 b{0.0f};
  glm::vec4 colour{1.0f};  // linear RGB + alpha
  float width_px = 2.0f;
  bool on_top = true;  // ignore depth (radiograph-style overlays are drawn over the bones)
  bool dashed = false;
};

// A text label anchored at a 3D point; the UI places it without overlaps (leader lines).
struct Label {
  glm::vec3 anchor{0.0f};
  std::string text;
  glm::vec4 colour{1.0f};     // text colour, linear RGB + alpha
  int priority = 0;           // higher wins space when labels compete
  bool pinned = false;        // a value (e.g. "PI 52°") centred on its anchor, never moved
  bool hidden = false;        // its landmark is behind bone from the camera: not labelled
  std::uint32_t pick_id = 0;  // what it names when that is a draw item's pick_id (a muscle)
  bool inside_bone =
      false;  // names what is drawn inside the bones (a pinched nerve root): never hidden by them
  bool bone_landmark = false;  // names a point on a bone: one right behind another is not labelled
  int sequence = -1;           // place in a series (L1-L5: 1-5) that reads in order in the margin
  // A value of an angle: the angle's vertex. Moved off its place, the value slides toward it first,
  // so it stays inside its own angle (PT, moved off the slipped L5, sat inside PI's arc).
  std::optional<glm::vec3> vertex = std::nullopt;
};

struct DrawList {
  std::vector<DrawItem> items;
  std::vector<SkinMatrices> skins;
  std::vector<Line> lines;
  std::vector<Label> labels;
  anatomy::Bounds bounds;  // world bounds of the opaque items, for framing and shadows
  // What the lesson is about: landmarks no label may cover, and the bone of interest as
  // segments leader lines must not cross (scene/margin_layout.h).
  std::vector<glm::vec3> focus_points;
  // The lesson's named points no measured value may cover (in a slip, the front of each
  // vertebral body, where L1-L5 point): a value box over one moves aside on a leader.
  std::vector<glm::vec3> value_clear_points;
  std::vector<std::array<glm::vec3, 2>> focus_axes;
  // The lesson's muscles on the labelled side, as segments along their paths with their bellies'
  // drawn radius (the hip flexors of an anterior tilt): no name label box lies on them; leader
  // lines may cross them.
  struct MuscleSegment {
    glm::vec3 a{0.0f}, b{0.0f};
    float radius_m = 0.0f;
  };
  std::vector<MuscleSegment> focus_muscles;
  // In a slip, the two vertebral bodies where it happens, as capsules across each body: no value
  // box lies on them where it has room (the dysplastic film's PT and SS sat on the slipped L5 in
  // front of S1, the step the picture is about), as on the lesson's muscles.
  std::vector<MuscleSegment> focus_bodies;
  anatomy::Bounds focus_bounds;  // the lumbopelvic figure labels go beside (scene::labelFigureBounds)
};

}  // namespace sagitta::scene
