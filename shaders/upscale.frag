#version 330 core
// The moving frame's upscale: the picture drawn at a fraction of the view's resolution,
// filtered bilinearly and sharpened a little (unsharp mask over the four neighbouring texels)
// so edges keep their contrast while the view moves. Colours are already display-encoded.
in vec2 v_uv;
uniform sampler2D u_source;
uniform vec2 u_texel;     // one source texel in uv
uniform float u_sharpen;  // 0: plain bilinear
out vec4 frag_colour;
void main() {
  vec4 c = texture(u_source, v_uv);
  vec4 n = texture(u_source, v_uv + vec2(u_texel.x, 0.0)) + texture(u_source, v_uv - vec2(u_texel.x, 0.0)) +
           texture(u_source, v_uv + vec2(0.0, u_texel.y)) + texture(u_source, v_uv - vec2(0.0, u_texel.y));
  frag_colour = clamp(c + u_sharpen * (c - 0.25 * n), 0.0, 1.0);
}
