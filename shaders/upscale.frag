#version 330 core
// The moving frame's upscale: the picture drawn at a fraction of the view's resolution, filtered
// bilinearly (a sharpening pass cost llvmpipe 15 % of the moving frame for little visible gain
// while the view moves). Colours are already display-encoded.
in vec2 v_uv;
uniform sampler2D u_source;
out vec4 frag_colour;
void main() {
  frag_colour = texture(u_source, v_uv);
}
