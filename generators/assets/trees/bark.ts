/**
 * Bark colours, as BarkPaint functions for the limb tubes: a species' base colour, darker and
 * damper at the foot, a little lighter out on the thin branches, mottled per vertex, and snow on
 * the upper side of branches. Birch is white with black lenticels and a dark, furrowed foot; a
 * palm trunk is ringed with leaf scars.
 */
import { mixRgb, type Rgb } from '../../biomes/color.ts';
import type { Vec3 } from '../asset.ts';
import type { BarkPaint, Limb } from './branching.ts';
import { hash01, snowed } from './foliage.ts';

/** A per-vertex hash from the position (vertices at the same place get the same mottling). */
function mottle(seed: number, p: Vec3): number {
  return hash01(seed, Math.imul(Math.round(p[0] * 53), 73856093) ^ Math.imul(Math.round(p[1] * 53), 19349663) ^ Math.imul(Math.round(p[2] * 53), 83492791));
}

function footShade(y: number): number {
  const t = Math.min(1, Math.max(0, y / 1.8));
  return 0.72 + 0.28 * t;
}

export function plainBark(base: Rgb, seed: number, snow: number, twig: Rgb = base): BarkPaint {
  return (limb: Limb, _t: number, _around: number, p: Vec3, n: Vec3): Rgb => {
    const color = limb.order >= 2 ? mixRgb(base, twig, limb.order === 2 ? 0.5 : 1) : base;
    const k = footShade(p[1]) * (0.86 + 0.22 * mottle(seed, p)) * (0.9 + 0.1 * n[1]);
    return snowed([color[0] * k, color[1] * k, color[2] * k], n[1], limb.order >= 1 ? snow * 0.9 : snow * 0.3);
  };
}

/** White bark with dark lenticels and a black, furrowed foot; twigs dark red-brown. */
export function birchBark(white: Rgb, dark: Rgb, twig: Rgb, seed: number, snow: number): BarkPaint {
  return (limb: Limb, _t: number, around: number, p: Vec3, n: Vec3): Rgb => {
    if (limb.order >= 2) return snowed(twig, n[1], snow * 0.8);
    // Marks: short dark bands in cells of about 0.35 m up the trunk and a sixth of the way round.
    const cell = hash01(seed, Math.floor(p[1] / 0.35) * 131 + Math.floor(around * 6) + limb.order * 7919);
    const foot = Math.min(1, Math.max(0, 1 - (p[1] - 0.2) / 1.4));
    let color = white;
    if (cell < 0.26 + 0.5 * foot) color = mixRgb(white, dark, 0.75 + 0.25 * foot);
    if (limb.order === 1) color = mixRgb(color, twig, 0.25);
    const k = 0.9 + 0.12 * mottle(seed, p);
    return snowed([color[0] * k, color[1] * k, color[2] * k], n[1], snow * 0.6);
  };
}

/** A palm trunk: `rings` pale leaf-scar rings on a grey-brown stem (its points lie at half-ring steps). */
export function palmBark(base: Rgb, scar: Rgb, rings: number, seed: number): BarkPaint {
  return (limb: Limb, t: number, _around: number, p: Vec3, n: Vec3): Rgb => {
    const scarred = limb.order === 0 && Math.round(t * rings * 2) % 2 === 1;
    const color = scarred ? scar : base;
    const k = footShade(p[1] + 0.6) * (0.9 + 0.14 * mottle(seed, p)) * (0.92 + 0.08 * n[1]);
    return [color[0] * k, color[1] * k, color[2] * k];
  };
}
