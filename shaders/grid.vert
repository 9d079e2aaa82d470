#version 330 core
// The floor: a square at y = 0 around the model.
layout(location = 0) in vec3 a_position;
uniform mat4 u_view_proj;
uniform mat4 u_light_view_proj;
uniform vec3 u_centre;
uniform float u_half_size;
out vec3 v_world;
out vec4 v_light_clip;
void main() {
  vec3 world = vec3(u_centre.x + a_position.x * u_half_size, 0.0, u_centre.z + a_position.z * u_half_size);
  v_world = world;
  v_light_clip = u_light_view_proj * vec4(world, 1.0);
  gl_Position = u_view_proj * vec4(world, 1.0);
}
