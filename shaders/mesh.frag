#version 330 core
// Surfaces lit by a warm key light (casting soft shadows), a cool fill from the opposite side,
// a rim light that outlines silhouettes against the background, and sky/ground ambient.
#include "common.glsl"

in vec3 v_world;
in vec3 v_normal;
in vec4 v_light_clip;

uniform vec3 u_colour;      // linear albedo
uniform float u_opacity;
uniform float u_highlight;  // 0..1
uniform int u_material;     // scene::Material
uniform vec3 u_eye;
uniform vec3 u_key_dir;     // unit, from the surface toward the light
uniform vec3 u_fill_dir;
uniform vec3 u_rim_dir;
uniform int u_shadows;
uniform int u_receives_shadow;
uniform sampler2DShadow u_shadow_map;
uniform vec2 u_shadow_texel;  // 1 / the map's size; 0 in the moving frame (its one tap at the point)
uniform int u_shadow_taps;    // soft-shadow samples: 4, or 1 in the moving frame
uniform int u_cutaway;      // 1: back faces seen through the cut are drawn as cut surfaces

out vec4 frag_colour;

const int kBone = 0, kCartilage = 1, kDisc = 2, kNucleus = 3, kMuscle = 4, kNerve = 5, kSkin = 6, kPlain = 7;

// Four taps around the rim of the soft shadow's disc, one per quadrant; each is a linear-filtered
// depth compare (2x2 texels), so their mean already fades smoothly across a penumbra. Eight more
// taps where the four disagree (the penumbra) cost llvmpipe ~20 % of a full-quality frame and
// changed 39 pixels of a 1080p frame by more than 24/255 (docs/performance.md), so there are four.
const vec2 kRim[4] = vec2[](vec2(-0.696, 0.457), vec2(0.519, 0.767), vec2(0.962, -0.195), vec2(-0.322, -0.933));

// Lit fraction of the key light. The tap count is a uniform (4, or 1 in the moving frame) so the
// loop is not unrolled into code that software renderers would run for every pixel.
float keyShadow(vec3 n, bool self_shadowed) {
  if (u_shadows == 0 || u_receives_shadow == 0) return 1.0;
  if (self_shadowed) return 0.0;
  vec3 p = v_light_clip.xyz / v_light_clip.w * 0.5 + 0.5;
  if (p.x <= 0.0 || p.x >= 1.0 || p.y <= 0.0 || p.y >= 1.0 || p.z >= 1.0) return 1.0;
  float slope = 1.0 - clamp(dot(n, u_key_dir), 0.0, 1.0);
  float bias = 0.0008 + 0.0025 * slope;
  float lit = 0.0;
  for (int i = 0; i < u_shadow_taps; ++i)
    lit += texture(u_shadow_map, vec3(p.xy + kRim[i] * u_shadow_texel * 2.5, p.z - bias));
  return lit / float(u_shadow_taps);
}

// SAGITTA_CUTAWAY 0: the program drawn without a cutaway leaves the section colour out.
// Software renderers (llvmpipe) run every line of a shader for every pixel whatever its
// branches decide, and the stipple's sine cost ~5 % of a frame that never shows it
// (render::Renderer builds both programs; a file compiled alone gets the cutaway).
#ifndef SAGITTA_CUTAWAY
#define SAGITTA_CUTAWAY 1
#endif

#if SAGITTA_CUTAWAY
// The inside of a closed surface seen through the cut plane: a flat, lighter section colour
// with a fine stipple for bone, so the cut reads as a solid section, not a hollow shell.
vec3 cutSurface() {
  vec3 c = u_colour * 1.1 + vec3(0.05);
  if (u_material == kBone) {
    vec2 cell = floor(gl_FragCoord.xy / 3.0);
    float n = fract(sin(dot(cell, vec2(12.9898, 78.233))) * 43758.5453);
    c *= 0.86 + 0.14 * n;
  }
  return c;
}
#endif

void main() {
#if SAGITTA_CUTAWAY
  if (u_cutaway != 0 && !gl_FrontFacing) {
    frag_colour = vec4(linearToSrgb(toneMap(cutSurface())), u_opacity);
    return;
  }
#endif
  vec3 n = normalize(v_normal);
  if (!gl_FrontFacing) n = -n;
  vec3 v = normalize(u_eye - v_world);
  float ndv = clamp(dot(n, v), 0.0, 1.0);
  float fresnel = (1.0 - ndv) * (1.0 - ndv) * (1.0 - ndv);

  // material response
  float wrap = 0.25, spec_strength = 0.12, shininess = 24.0;
  if (u_material == kCartilage || u_material == kNucleus) { wrap = 0.4; spec_strength = 0.35; shininess = 48.0; }
  if (u_material == kDisc) { wrap = 0.35; spec_strength = 0.2; shininess = 32.0; }
  if (u_material == kMuscle) { wrap = 0.35; spec_strength = 0.18; shininess = 20.0; }
  if (u_material == kNerve) { wrap = 0.4; spec_strength = 0.3; shininess = 40.0; }

  vec3 albedo = u_colour;
  // an opaque surface turned away from the key light (beyond the wrap) is in its own shadow: the
  // shadow map holds both faces of every opaque closed caster, so the four samples would all say so
  bool self_shadowed = dot(n, u_key_dir) < -wrap && u_opacity >= 0.999;
  float shadow = keyShadow(n, self_shadowed);

  // key: warm, wrapped diffuse for a soft bony terminator, shadowed
  float key_diffuse = clamp((dot(n, u_key_dir) + wrap) / (1.0 + wrap), 0.0, 1.0);
  vec3 h = normalize(u_key_dir + v);
  float key_spec = pow(clamp(dot(n, h), 0.0, 1.0), shininess) * spec_strength;
  vec3 key = vec3(1.0, 0.96, 0.9) * 2.6 * shadow * (albedo * key_diffuse + vec3(key_spec));

  // fill: cool, unshadowed, from the other side
  float fill_diffuse = clamp((dot(n, u_fill_dir) + 0.5) / 1.5, 0.0, 1.0);
  vec3 fill = vec3(0.75, 0.82, 1.0) * 0.6 * albedo * fill_diffuse;

  // rim: outlines the silhouette so the bone reads against a dark or light background
  float rim = fresnel * clamp(dot(n, u_rim_dir) * 0.5 + 0.6, 0.0, 1.0);
  vec3 rim_light = vec3(0.85, 0.9, 1.0) * 0.55 * rim;

  // ambient: sky above, warm ground bounce below
  vec3 ambient = mix(vec3(0.20, 0.18, 0.16), vec3(0.26, 0.28, 0.33), n.y * 0.5 + 0.5) * albedo;

  // a hint of subsurface warmth in bone and cartilage where the key light grazes
  vec3 subsurface = vec3(0.0);
  if (u_material == kBone || u_material == kCartilage || u_material == kDisc) {
    float t = clamp(1.0 - abs(dot(n, u_key_dir)), 0.0, 1.0);
    subsurface = vec3(0.10, 0.04, 0.02) * t * t * shadow;
  }

  vec3 colour = key + fill + rim_light + ambient + subsurface;
  if (u_material == kPlain) colour = albedo * (0.55 + 0.45 * key_diffuse);

  // highlight: a warm glow strongest at the silhouette
  colour += u_highlight * vec3(1.0, 0.72, 0.18) * (0.35 + 1.2 * fresnel);

  float alpha = u_opacity;
  if (u_material == kSkin) {
    // translucent body outline: faint face-on, clearer at the silhouette
    alpha = u_opacity * (0.35 + 0.65 * fresnel);
  }
  frag_colour = vec4(linearToSrgb(toneMap(colour)), alpha);
}
