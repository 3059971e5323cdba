/**
 * The GLSL of the point sprites and trails (three.js ShaderMaterial: it prepends the matrices and the
 * colour-space helpers, and <colorspace_fragment> converts linear colour to the canvas's sRGB).
 */

/** Round particles of a fixed size in device pixels, each with its own colour and opacity. */
export const pointVertex = /* glsl */ `
attribute vec3 color;
attribute float alpha;
uniform float uSize;
varying vec3 vColor;
varying float vAlpha;
void main() {
  vColor = color;
  vAlpha = alpha;
  vec4 mvPosition = modelViewMatrix * vec4(position, 1.0);
  gl_Position = projectionMatrix * mvPosition;
  gl_PointSize = alpha > 0.0 ? uSize : 0.0;
}
`;

/** A disc with a dark rim (so that a teal particle still reads on a teal surface), edges smoothed. */
export const pointFragment = /* glsl */ `
varying vec3 vColor;
varying float vAlpha;
void main() {
  vec2 c = gl_PointCoord * 2.0 - 1.0;
  float r = length(c);
  if (r > 1.0) discard;
  float rim = smoothstep(0.62, 0.78, r);
  float edge = 1.0 - smoothstep(0.86, 1.0, r);
  gl_FragColor = vec4(mix(vColor, vColor * 0.18, rim), vAlpha * edge);
  #include <colorspace_fragment>
}
`;

/** A ring (the best particle's marker): a bright band with a dark halo outside it. */
export const ringFragment = /* glsl */ `
uniform vec3 uColor;
void main() {
  vec2 c = gl_PointCoord * 2.0 - 1.0;
  float r = length(c);
  if (r > 1.0) discard;
  float band = smoothstep(0.56, 0.66, r) * (1.0 - smoothstep(0.8, 0.9, r));
  float halo = smoothstep(0.46, 0.56, r) * (1.0 - smoothstep(0.92, 1.0, r));
  gl_FragColor = vec4(mix(vec3(0.0), uColor, band / max(halo, 1e-3)), max(band, halo * 0.55));
  #include <colorspace_fragment>
}
`;

export const ringVertex = /* glsl */ `
uniform float uSize;
void main() {
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = uSize;
}
`;

/** Trail segments: each vertex carries its ring-buffer slot; the age since it was written fades it. */
export const trailVertex = /* glsl */ `
attribute vec3 color;
attribute float slot;
uniform float uHead;
uniform float uLength;
varying vec3 vColor;
varying float vAlpha;
void main() {
  float age = mod(uHead - slot + uLength, uLength);
  vAlpha = 1.0 - age / uLength;
  vColor = color;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

export const trailFragment = /* glsl */ `
uniform float uOpacity;
varying vec3 vColor;
varying float vAlpha;
void main() {
  gl_FragColor = vec4(vColor, vAlpha * vAlpha * uOpacity);
  #include <colorspace_fragment>
}
`;
