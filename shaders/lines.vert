#version 330 core
// Overlay lines as instanced screen-aligned quads (core profiles have no wide lines, and WebGL 2
// has no geometry shaders): one instance per line; the four corners of a static strip pick an
// end (x: 0 = a, 1 = b) and a side (y: -1, 1). The quad is the requested pixel width plus one
// pixel each side for the soft edge, with a coordinate across it for anti-aliasing and one along
// it for dashes.
layout(location = 0) in vec2 a_corner;      // per vertex: (end, side)
layout(location = 1) in vec3 a_from;        // per instance: the line's ends
layout(location = 2) in vec3 a_to;
layout(location = 3) in vec4 a_colour;
layout(location = 4) in vec2 a_width_dash;  // width in pixels, dashed (0 or 1)
uniform mat4 u_view_proj;
uniform vec2 u_viewport;
out vec4 f_colour;
noperspective out float f_across;
noperspective out float f_along_px;
flat out float f_dashed;
flat out float f_half_width;

void main() {
  vec4 a = u_view_proj * vec4(a_from, 1.0), b = u_view_proj * vec4(a_to, 1.0);
  f_colour = a_colour;
  f_dashed = a_width_dash.y;
  float half_width = a_width_dash.x * 0.5 + 1.0;  // one extra pixel for the soft edge
  f_half_width = half_width;
  f_across = a_corner.y;
  // clip against the near plane so lines behind the eye do not explode
  if (a.w < 1e-4 && b.w < 1e-4) {
    f_along_px = 0.0;
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the view: the quad is culled
    return;
  }
  if (a.w < 1e-4) a = mix(a, b, (1e-4 - a.w) / (b.w - a.w));
  if (b.w < 1e-4) b = mix(b, a, (1e-4 - b.w) / (a.w - b.w));
  vec2 sa = a.xy / a.w * 0.5 * u_viewport, sb = b.xy / b.w * 0.5 * u_viewport;
  vec2 dir = sb - sa;
  float len = length(dir);
  dir = len > 1e-6 ? dir / len : vec2(1.0, 0.0);
  vec2 off = vec2(-dir.y, dir.x) * half_width / (0.5 * u_viewport);
  vec4 p = a_corner.x < 0.5 ? a : b;
  f_along_px = a_corner.x * len;
  gl_Position = vec4(p.xy - a_corner.y * off * p.w, p.zw);
}
