#version 330 core
// Radiograph pass 1: every surface adds its view depth, signed by facing, so the sum over a
// pixel is the density-weighted thickness of material the ray crosses.
layout(location = 0) in vec3 a_position;
layout(location = 2) in vec4 a_skin_segments;
layout(location = 3) in vec4 a_skin_weights;
uniform mat4 u_model;
uniform mat4 u_view;
uniform mat4 u_proj;
uniform int u_skinned;
uniform mat4 u_skin[12];
uniform vec4 u_clip_plane;
out float v_depth;
void main() {
  mat4 m = u_model;
  if (u_skinned != 0) {
    ivec4 s = ivec4(a_skin_segments + 0.5);
    m = u_skin[s.x] * a_skin_weights.x + u_skin[s.y] * a_skin_weights.y +
        u_skin[s.z] * a_skin_weights.z + u_skin[s.w] * a_skin_weights.w;
  }
  vec4 world = m * vec4(a_position, 1.0);
  gl_ClipDistance[0] = dot(u_clip_plane, world);
  vec4 view = u_view * world;
  v_depth = -view.z;
  gl_Position = u_proj * view;
}
