// Shared helpers. Lighting is computed in linear RGB; colours are encoded to sRGB only when
// written, so shading is gamma-correct on every driver.

vec3 linearToSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  // 1.055 c^(1/2.4) - 0.055 from three square roots: pow costs a log and an exp per channel on
  // software renderers, a square root one instruction. The fit is Ian Taylor's ("sRGB
  // approximations for HLSL", chilliant.blogspot.com, 2012); against the exact curve over [0, 1]
  // it is within 0.25/255, so an 8-bit pixel differs by at most one step (1.6 % of values do).
  vec3 s1 = sqrt(c), s2 = sqrt(s1), s3 = sqrt(s2);
  vec3 hi = 0.662002687 * s1 + 0.684122060 * s2 - 0.323583601 * s3 - 0.0225411470 * c;
  return mix(c * 12.92, hi, step(vec3(0.0031308), c));
}

// Extended Reinhard with a white point of 3: dark and mid tones stay nearly linear, bright key
// light rolls off softly instead of clipping to flat white on a projector.
vec3 toneMap(vec3 c) {
  const float white2 = 9.0;
  return c * (1.0 + c / white2) / (1.0 + c);
}
