#version 330 core
// Radiograph pass 2: Beer-Lambert attenuation of the accumulated thickness, shown as film:
// dense bone bright, soft tissue faint, air dark.
#include "common.glsl"
in vec2 v_uv;
uniform sampler2D u_thickness;
uniform float u_mu;
uniform vec4 u_uv_rect;  // the viewport's part of the thickness texture (offset, size)  // attenuation per metre of unit-density material
out vec4 frag_colour;
void main() {
  float t = max(texture(u_thickness, u_uv_rect.xy + v_uv * u_uv_rect.zw).r, 0.0);
  float exposure = 1.0 - exp(-u_mu * t);
  // a faint cool base and a slight radial falloff, like a light box behind the film
  vec2 d = v_uv - 0.5;
  vec3 base = vec3(0.035, 0.04, 0.05) * (1.0 - 0.6 * dot(d, d));
  vec3 film = mix(base, vec3(0.93, 0.95, 0.97), pow(exposure, 0.85));
  frag_colour = vec4(film, 1.0);
}
