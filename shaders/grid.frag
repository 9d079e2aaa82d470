#version 330 core
// Anti-aliased grid lines (10 cm, brighter every metre) that fade with distance, and the key
// light's soft shadow darkening the floor under the model.
in vec3 v_world;
in vec4 v_light_clip;
uniform vec3 u_centre;
uniform float u_half_size;
uniform vec3 u_line_colour;  // sRGB
uniform vec3 u_shadow_colour;
uniform int u_show_grid;
uniform int u_shadows;
uniform sampler2DShadow u_shadow_map;
uniform vec2 u_shadow_texel;
uniform int u_shadow_taps;  // 8 (a uniform, so the loop below is not unrolled)
out vec4 frag_colour;

// the first four spread around the rim: where they agree the other four would too (see below)
const vec2 kPoisson[8] = vec2[](
  vec2(-0.696, 0.457), vec2(0.519, 0.767), vec2(0.962, -0.195), vec2(0.185, -0.893),
  vec2(-0.326, -0.406), vec2(-0.840, -0.074), vec2(-0.203, 0.621), vec2(0.473, -0.480));

float gridLine(vec2 p, float spacing) {
  vec2 g = abs(fract(p / spacing - 0.5) - 0.5) / (fwidth(p / spacing) * 1.2);
  return 1.0 - clamp(min(g.x, g.y), 0.0, 1.0);
}

void main() {
  float r = length(v_world.xz - u_centre.xz) / u_half_size;
  float fade = 1.0 - smoothstep(0.35, 1.0, r);
  float line = 0.0;
  if (u_show_grid != 0) line = max(gridLine(v_world.xz, 0.1) * 0.35, gridLine(v_world.xz, 1.0) * 0.8) * fade;

  float shade = 0.0;
  if (u_shadows != 0) {
    vec3 p = v_light_clip.xyz / v_light_clip.w * 0.5 + 0.5;
    if (p.x > 0.0 && p.x < 1.0 && p.y > 0.0 && p.y < 1.0 && p.z < 1.0) {
      // fully lit or fully shadowed after the four rim taps (most of the floor): stop there, so
      // only the penumbra pays for all eight
      float lit = 0.0;
      int taken = 0;
      for (int i = 0; i < u_shadow_taps; ++i) {
        lit += texture(u_shadow_map, vec3(p.xy + kPoisson[i] * u_shadow_texel * 4.0, p.z - 0.002));
        taken = i + 1;
        if (i == 3 && (lit == 0.0 || lit == 4.0)) break;
      }
      shade = (1.0 - lit / float(max(taken, 1))) * 0.55 * (1.0 - smoothstep(0.5, 1.0, r));
    }
  }
  float alpha = clamp(line * 0.6 + shade, 0.0, 1.0);
  if (alpha <= 0.002) discard;
  vec3 colour = mix(u_shadow_colour, u_line_colour, line * 0.6 / max(alpha, 1e-4));
  frag_colour = vec4(colour, alpha);
}
