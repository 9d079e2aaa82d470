// Which labelled landmarks the viewer can see: a ray from the landmark toward the eye that
// meets opaque bone on the way means the landmark is hidden (from the front, the coccyx and
// the ischial tuberosities lie behind the pubis and the femora), and its name label is not
// drawn. CPU ray casting against the draw list's rigid bone meshes; no OpenGL.
#pragma once

#include <glm/glm.hpp>

#include "scene/camera.h"
#include "scene/draw_list.h"

namespace sagitta::scene {

// Landmarks lie on (or just inside) their own bone's surface: hits closer than this to the
// landmark are its own bone, not something in front of it.
inline constexpr float kOwnBoneSkip_m = 0.012f;

// Whether opaque bone lies between `point` and the camera.
bool occludedByBone(const DrawList& list, const MeshLibrary& meshes, const Camera& camera, glm::vec3 point);

// Sets Label::hidden for every name label (values on overlays are never hidden).
void markHiddenLabels(DrawList& list, const MeshLibrary& meshes, const Camera& camera);

}  // namespace sagitta::scene
