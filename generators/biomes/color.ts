/** Colours as [r, g, b] in 0..1. sRGB unless a name says linear. */
export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

export function linearToSrgb(c: number): number {
  return c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
}

export function mixRgb(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function luminance(c: Rgb): number {
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/** Saturation and brightness multipliers and a warm/cool shift (−1..1), in sRGB space. */
export function gradeRgb(c: Rgb, saturation: number, brightness: number, warmth: number): Rgb {
  const l = luminance(c);
  let r = l + (c[0] - l) * saturation;
  let g = l + (c[1] - l) * saturation;
  let b = l + (c[2] - l) * saturation;
  r *= brightness * (1 + 0.12 * warmth);
  g *= brightness * (1 + 0.02 * warmth);
  b *= brightness * (1 - 0.14 * warmth);
  return [clamp01(r), clamp01(g), clamp01(b)];
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// In-place versions for per-sample loops: no allocation per call.

/** out ← out + (target − out) · t */
export function mixInto(out: Rgb, target: Rgb, t: number): void {
  out[0] += (target[0] - out[0]) * t;
  out[1] += (target[1] - out[1]) * t;
  out[2] += (target[2] - out[2]) * t;
}

/** out ← out + (target · s − out) · t */
export function mixScaledInto(out: Rgb, target: Rgb, s: number, t: number): void {
  out[0] += (target[0] * s - out[0]) * t;
  out[1] += (target[1] * s - out[1]) * t;
  out[2] += (target[2] * s - out[2]) * t;
}

/** out ← out + source · w */
export function addScaledInto(out: Rgb, source: Rgb, w: number): void {
  out[0] += source[0] * w;
  out[1] += source[1] * w;
  out[2] += source[2] * w;
}

export function scaleInto(out: Rgb, s: number): void {
  out[0] *= s;
  out[1] *= s;
  out[2] *= s;
}

/** gradeRgb, in place. */
export function gradeInto(c: Rgb, saturation: number, brightness: number, warmth: number): void {
  const l = luminance(c);
  c[0] = clamp01((l + (c[0] - l) * saturation) * brightness * (1 + 0.12 * warmth));
  c[1] = clamp01((l + (c[1] - l) * saturation) * brightness * (1 + 0.02 * warmth));
  c[2] = clamp01((l + (c[2] - l) * saturation) * brightness * (1 - 0.14 * warmth));
}

const LINEAR_TABLE_SIZE = 4096;
const LINEAR_TABLE = Float64Array.from({ length: LINEAR_TABLE_SIZE + 1 }, (_, i) => srgbToLinear(i / LINEAR_TABLE_SIZE));

/** srgbToLinear from a 4097-entry table with linear interpolation (error < 2e-7), for 0..1 input. */
export function srgbToLinearFast(c: number): number {
  const x = (c < 0 ? 0 : c > 1 ? 1 : c) * LINEAR_TABLE_SIZE;
  const i = Math.min(LINEAR_TABLE_SIZE - 1, Math.floor(x));
  return LINEAR_TABLE[i] + (LINEAR_TABLE[i + 1] - LINEAR_TABLE[i]) * (x - i);
}
