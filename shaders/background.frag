#version 330 core
// Vertical gradient with a soft vignette; colours are given in sRGB.
in vec2 v_uv;
uniform vec3 u_top;
uniform vec3 u_bottom;
uniform float u_vignette;
out vec4 frag_colour;
void main() {
  vec3 c = mix(u_bottom, u_top, smoothstep(0.0, 1.0, v_uv.y));
  vec2 d = v_uv - 0.5;
  c *= 1.0 - u_vignette * dot(d, d);
  frag_colour = vec4(c, 1.0);
}
