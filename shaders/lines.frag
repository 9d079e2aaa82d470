#version 330 core
#include "common.glsl"
in vec4 f_colour;
noperspective in float f_across;
noperspective in float f_along_px;
flat in float f_dashed;
flat in float f_half_width;
out vec4 frag_colour;
void main() {
  // distance from the edge in pixels gives a one-pixel soft edge
  float edge = (1.0 - abs(f_across)) * f_half_width;
  float alpha = clamp(edge, 0.0, 1.0);
  if (f_dashed > 0.5 && mod(f_along_px, 14.0) > 8.0) discard;
  frag_colour = vec4(linearToSrgb(f_colour.rgb), f_colour.a * alpha);
}
