#version 330 core
// Depth from the key light, for shadows.
// SAGITTA_SKINNING 0: the program for rigid items leaves the skin blend out (a software
// renderer would run it for every vertex; render::Renderer builds both, a file compiled alone
// gets it).
#ifndef SAGITTA_SKINNING
#define SAGITTA_SKINNING 1
#endif
layout(location = 0) in vec3 a_position;
layout(location = 2) in vec4 a_skin_segments;
layout(location = 3) in vec4 a_skin_weights;
uniform mat4 u_model;
uniform mat4 u_light_view_proj;
uniform int u_skinned;
uniform mat4 u_skin[12];
uniform vec4 u_clip_plane;  // world plane; geometry where dot < 0 is cut away (all zero: none)
void main() {
  mat4 m = u_model;
#if SAGITTA_SKINNING
  if (u_skinned != 0) {
    ivec4 s = ivec4(a_skin_segments + 0.5);
    m = u_skin[s.x] * a_skin_weights.x + u_skin[s.y] * a_skin_weights.y +
        u_skin[s.z] * a_skin_weights.z + u_skin[s.w] * a_skin_weights.w;
  }
#endif
  vec4 world = m * vec4(a_position, 1.0);
  gl_ClipDistance[0] = dot(u_clip_plane, world);
  gl_Position = u_light_view_proj * world;
}
