// An orbit camera (as in Blender or OpenSim Creator): it circles a target point at a distance,
// given by yaw and pitch, with a perspective or orthographic projection. Pure math, no OpenGL.
#pragma once

#include <optional>
#include <string_view>

#include <glm/glm.hpp>

#include "anatomy/mesh.h"

namespace sagitta::scene {

// Standard views. Lateral views look along the mediolateral axis (a sagittal picture, as on a
// lateral radiograph); lateral-left is seen from the patient's left, anterior to the viewer's left.
enum class ViewPreset { kLateralLeft, kLateralRight, kAnterior, kPosterior, kSuperior, kOblique };

// "lateral" (= lateral-left), "lateral-left", "lateral-right", "anterior", "posterior",
// "superior", "oblique". Returns nullopt for anything else.
std::optional<ViewPreset> viewPresetFromName(std::string_view name);
std::string_view viewPresetName(ViewPreset view);

enum class Projection { kPerspective, kOrthographic };

struct Camera {
  glm::vec3 target{0.0f, 1.0f, 0.0f};  // world point the camera looks at (metres)
  float distance_m = 2.0f;             // from target to eye, > 0
  float yaw_rad = 0.0f;                // about world +Y; 0 = eye on the -Z side (patient's left)
  float pitch_rad = 0.0f;              // elevation, clamped to (-89°, 89°)
  float fov_y_rad = 0.6f;              // perspective vertical field of view
  Projection projection = Projection::kPerspective;

  glm::vec3 eye() const;
  glm::vec3 forward() const;  // unit, from eye to target
  glm::vec3 right() const;    // unit, screen right
  glm::vec3 up() const;       // unit, screen up
  glm::mat4 view() const;
  // Orthographic projections show the same extent at the target as the perspective one.
  glm::mat4 projectionMatrix(float aspect) const;
  // Half the visible height at the target distance (metres).
  float halfHeightAtTarget() const;

  // Mouse-style controls. Angles in radians; pan and dolly in fractions of the view.
  void orbit(float delta_yaw_rad, float delta_pitch_rad);
  void pan(float dx_fraction, float dy_fraction);  // fraction of the visible height
  void dolly(float factor);                        // distance *= factor (clamped)

  void setView(ViewPreset view);
  // Moves the target to the bounds' centre and sets the distance so the whole box fits
  // the viewport (with a small margin) for the current direction and projection.
  void frame(const anatomy::Bounds& bounds, float aspect);

  bool operator==(const Camera&) const = default;
};

}  // namespace sagitta::scene
