/**
 * Shapes stamped onto the terrain after the landform and the noise: terracing, a volcano with a
 * crater, sand dunes and flat-topped mesas. All work on heights normalised to maxHeight.
 */
import { smoothstep } from './gradient-noise.ts';

/**
 * Terracing: flat treads and steep risers. `sharpness` 0 leaves the slope as it was, 1 gives
 * near-vertical risers.
 */
export function terrace(h: number, step: number, sharpness: number): number {
  const k = h / step;
  const level = Math.floor(k);
  const f = k - level;
  const half = 0.5 * (1 - 0.9 * sharpness);
  return (level + smoothstep(0.5 - half, 0.5 + half, f)) * step;
}

/** Smooth maximum: like Math.max but without a crease where the two meet. */
export function smoothMax(a: number, b: number, k: number): number {
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.max(a, b) + (h * h * k) / 4;
}

export interface VolcanoParams {
  /** Cone radius in normalised units. */
  radius: number;
  /** Cone height, 0..1 of maxHeight. */
  height: number;
}

/**
 * A volcanic cone with a crater. `r` is the distance from the vent in normalised units and
 * `gully` a ridged noise in [0, 1] that cuts radial gullies into the flanks.
 */
export function volcanoHeight(r: number, gully: number, p: VolcanoParams): number {
  if (r >= p.radius) return 0;
  const t = r / p.radius;
  const craterRadius = 0.17;
  const rimHeight = p.height * Math.pow(1 - craterRadius, 1.7);
  if (t < craterRadius) {
    const c = t / craterRadius;
    return rimHeight - p.height * 0.22 * (1 - c * c);
  }
  const flank = p.height * Math.pow(1 - t, 1.7);
  return flank * (1 - 0.12 * gully * smoothstep(0.2, 0.6, t));
}

/**
 * Barchan-like dune profile across the wind: a long windward slope and a short, steep lee side.
 * `t` is the position across the dune train in wavelengths. Returns 0..1.
 */
export function duneProfile(t: number): number {
  const f = t - Math.floor(t);
  const rise = 0.78;
  const profile = f < rise ? f / rise : (1 - f) / (1 - rise);
  return profile * profile * (3 - 2 * profile);
}
