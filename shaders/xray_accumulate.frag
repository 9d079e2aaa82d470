#version 330 core
in float v_depth;
uniform float u_density;  // relative attenuation: cortical bone 1, soft tissue ~0.1
out vec4 frag;
void main() {
  // entering a closed surface (front face) subtracts its depth, leaving (back face) adds it
  float sign_ = gl_FrontFacing ? -1.0 : 1.0;
  frag = vec4(sign_ * v_depth * u_density, 0.0, 0.0, 1.0);
}
