// Shared helpers. Lighting is computed in linear RGB; colours are encoded to sRGB only when
// written, so shading is gamma-correct on every driver.

vec3 linearToSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  vec3 lo = c * 12.92;
  vec3 hi = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
  return mix(lo, hi, step(vec3(0.0031308), c));
}

// Extended Reinhard with a white point of 3: dark and mid tones stay nearly linear, bright key
// light rolls off softly instead of clipping to flat white on a projector.
vec3 toneMap(vec3 c) {
  const float white2 = 9.0;
  return c * (1.0 + c / white2) / (1.0 + c);
}
