#version 330 core
// Turns a line into a screen-aligned quad of the requested pixel width (core profiles have no
// wide lines), with a coordinate across it for anti-aliasing and one along it for dashes.
layout(lines) in;
layout(triangle_strip, max_vertices = 4) out;
in vec4 g_colour[];
in vec2 g_width_dash[];
uniform vec2 u_viewport;
out vec4 f_colour;
noperspective out float f_across;
noperspective out float f_along_px;
flat out float f_dashed;
flat out float f_half_width;

void main() {
  vec4 a = gl_in[0].gl_Position, b = gl_in[1].gl_Position;
  // clip against the near plane so lines behind the eye do not explode
  if (a.w < 1e-4 && b.w < 1e-4) return;
  if (a.w < 1e-4) a = mix(a, b, (1e-4 - a.w) / (b.w - a.w));
  if (b.w < 1e-4) b = mix(b, a, (1e-4 - b.w) / (a.w - b.w));
  vec2 sa = a.xy / a.w * 0.5 * u_viewport, sb = b.xy / b.w * 0.5 * u_viewport;
  vec2 dir = sb - sa;
  float len = length(dir);
  dir = len > 1e-6 ? dir / len : vec2(1.0, 0.0);
  float half_width = g_width_dash[0].x * 0.5 + 1.0;  // one extra pixel for the soft edge
  vec2 off = vec2(-dir.y, dir.x) * half_width / (0.5 * u_viewport);
  f_dashed = g_width_dash[0].y;
  f_half_width = half_width;
  f_colour = g_colour[0]; f_across = -1.0; f_along_px = 0.0;
  gl_Position = vec4(a.xy + off * a.w, a.zw); EmitVertex();
  f_colour = g_colour[0]; f_across = 1.0; f_along_px = 0.0;
  gl_Position = vec4(a.xy - off * a.w, a.zw); EmitVertex();
  f_colour = g_colour[1]; f_across = -1.0; f_along_px = len;
  gl_Position = vec4(b.xy + off * b.w, b.zw); EmitVertex();
  f_colour = g_colour[1]; f_across = 1.0; f_along_px = len;
  gl_Position = vec4(b.xy - off * b.w, b.zw); EmitVertex();
  EndPrimitive();
}
