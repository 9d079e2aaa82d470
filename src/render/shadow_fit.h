// The key light, and where its shadow map looks (issue 16, a clean teaching figure): an orthographic
// window around the part of the scene the camera sees, not always around the whole scene. The
// map has a fixed number of texels; spread over the whole skeleton and its floor (~2 m) they are
// ~1 mm wide, as wide as a lumbar lamina's features, and a close-up of the spine showed the
// self-shadowing of laminae and spinous processes as grey blotches that a class would take for
// lesions (stop 43 review). Fitted to what is seen, a close-up gets 3-5x finer texels at no
// cost; a view of the whole scene keeps the whole-scene window. Pure CPU, no GL.
#pragma once

#include <glm/glm.hpp>

#include "scene/camera.h"

namespace sagitta::render {

// The key light's direction (unit, toward the light) for a camera: it follows the camera around
// the vertical axis so every view is lit from the viewer's upper left.
glm::vec3 keyLightDirection(const scene::Camera& camera);

// A square window in the light's view space (x, y: across the light's beam), centre and half
// size, metres.
struct ShadowWindow {
  glm::vec2 centre{0.0f};
  float half = 1.0f;
};

// The window that covers both what the camera sees, from just in front of the scene (a sphere of
// `scene_radius` about `scene_centre`) to 1.5 x the camera's distance to its target beyond it,
// and nothing outside the scene: the scene's own window (centred on the scene centre's place in
// the light's view, half `scene_radius`) cut to the camera's frustum there, with a 10 % margin
// (the soft shadow's rim taps, and a moving frame that keeps the map while the view turns), and
// no smaller than 5 cm. Receivers beyond 1.5 x the target's distance lie outside a close-up's
// window and go unshadowed.
ShadowWindow fitShadowWindow(const glm::mat4& light_view, const glm::vec3& scene_centre, float scene_radius,
                             const scene::Camera& camera, float aspect);

}  // namespace sagitta::render
