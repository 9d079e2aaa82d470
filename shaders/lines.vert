#version 330 core
// Overlay lines: each line is two vertices; the geometry shader widens it on screen.
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec4 a_colour;
layout(location = 2) in vec2 a_width_dash;  // width in pixels, dashed (0 or 1)
uniform mat4 u_view_proj;
out vec4 g_colour;
out vec2 g_width_dash;
void main() {
  g_colour = a_colour;
  g_width_dash = a_width_dash;
  gl_Position = u_view_proj * vec4(a_position, 1.0);
}
