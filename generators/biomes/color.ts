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
