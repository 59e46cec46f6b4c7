/**
 * The arithmetic of intensity words. A strength s in -1 … 1 moves an amount v towards 1 (s > 0:
 * v + (1 − v)·s) or towards 0 (s < 0: v·(1 + s)), so it never leaves 0 … 1 and a stronger word
 * always moves further: "dense forest" 0.75 → 0.93, "sparse trees" 0.5 → 0.2, "very sparse"
 * (amplified to −0.8) → 0.1. An amplifier a pushes a strength towards ±1 by that share of the
 * distance left ("very" 0.5: −0.6 → −0.8); a negative a softens it ("slightly" −0.5: 0.7 → 0.35).
 */

export function applyIntensity(value: number, strength: number): number {
  const s = clamp(strength, -1, 1);
  return s >= 0 ? value + (1 - value) * s : value * (1 + s);
}

export function amplify(strength: number, amplifier: number): number {
  if (amplifier < 0) return strength * (1 + amplifier);
  const sign = strength < 0 ? -1 : 1;
  return sign * (1 - (1 - Math.abs(strength)) * (1 - amplifier));
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds to 3 decimals so specs read cleanly and compare exactly across runs. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Shade a #rrggbb colour towards black (lightness < 0) or white (lightness > 0). */
export function shadeHex(hex: string, lightness: number): string {
  const target = lightness < 0 ? 0 : 255;
  const share = Math.min(1, Math.abs(lightness));
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${channels
    .map((c) => Math.round(c + (target - c) * share))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}
