/**
 * Large-scale shapes. Each landform gives, at a point, a base elevation and how much of the noise
 * relief to add there (both in units of maxHeight). Coordinates are normalised so the shorter
 * side of the world spans [-1, 1]; `lowNoise` is a smooth noise in [-1, 1] used to make
 * coastlines, valley lines and rims irregular.
 */
import type { Landform } from '../spec/world-spec-schema.ts';
import { smoothstep } from './gradient-noise.ts';

export interface LandformSample {
  /** Base elevation, 0..1 of maxHeight. */
  base: number;
  /** Multiplier on the noise relief at this point. */
  amplitude: number;
}

export interface LandformParams {
  landform: Landform;
  /** 0..1: how sheer landform walls are. */
  cliffs: number;
  /** Orientation of directional landforms (coast, valley, canyon), radians. */
  angle: number;
  /** Phase of the valley/canyon meander. */
  phase: number;
  /** Offset of radial landforms' centre, normalised units. */
  centreX: number;
  centreZ: number;
}

/**
 * `u`, `v`: normalised position; `lowNoise`: smooth noise at this point; `along`: the
 * along-axis position used by directional landforms (−1..1 across the map).
 */
export function sampleLandform(p: LandformParams, u: number, v: number, lowNoise: number): LandformSample {
  const cos = Math.cos(p.angle);
  const sin = Math.sin(p.angle);
  const along = u * cos + v * sin;
  const across = -u * sin + v * cos;
  const dxc = u - p.centreX;
  const dzc = v - p.centreZ;
  const radius = Math.sqrt(dxc * dxc + dzc * dzc);
  // Narrower transition bands when cliffs are asked for.
  const wall = 1 - 0.75 * p.cliffs;

  switch (p.landform) {
    case 'open':
      return { base: 0.05, amplitude: 0.9 };
    case 'plain':
      return { base: 0.08, amplitude: 0.22 };
    case 'island': {
      const d = radius / 0.78 + 0.32 * lowNoise;
      const land = smoothstep(1.0, 1.0 - 0.55 * wall, d);
      return { base: 0.02 + 0.1 * land, amplitude: 0.9 * Math.pow(land, 0.8) };
    }
    case 'archipelago': {
      const islands = smoothstep(-0.05, -0.05 + 0.35 * wall, lowNoise);
      const edge = smoothstep(1.25, 0.8, Math.max(Math.abs(u), Math.abs(v)));
      const land = islands * edge;
      return { base: 0.02 + 0.08 * land, amplitude: 0.75 * land };
    }
    case 'coast': {
      const s = along + 0.35 * lowNoise;
      const land = smoothstep(-0.5, -0.5 + 0.65 * wall, s);
      return { base: 0.02 + 0.1 * land, amplitude: 0.9 * Math.pow(land, 0.8) };
    }
    case 'valley':
    case 'canyon': {
      const centre = 0.22 * Math.sin(Math.PI * along * 1.1 + p.phase) + 0.12 * lowNoise;
      const distance = Math.abs(across - centre);
      // The floor falls gently along the axis so water leaves by one end.
      const tilt = 0.08 * (along + 1);
      if (p.landform === 'valley') {
        const side = smoothstep(0.07, 0.07 + 0.75 * wall, distance);
        return { base: 0.03 + tilt + 0.5 * Math.pow(side, 1.1), amplitude: 0.06 + 0.8 * side };
      }
      const wallUp = smoothstep(0.07, 0.07 + 0.28 * wall, distance);
      return { base: 0.04 + tilt * 0.6 + 0.55 * wallUp, amplitude: 0.06 + 0.2 * wallUp };
    }
    case 'basin': {
      const r = radius / 1.05 + 0.18 * lowNoise;
      const rim = smoothstep(0.45, 0.45 + 0.6 * wall, r);
      return { base: 0.03 + 0.6 * Math.pow(rim, 1.4), amplitude: 0.06 + 0.85 * rim };
    }
    case 'mountain': {
      const r = radius + 0.2 * lowNoise;
      const peak = 1 - smoothstep(0.0, 1.1, r);
      return { base: 0.04 + 0.55 * Math.pow(peak, 1.6), amplitude: 0.2 + 0.75 * peak };
    }
    case 'plateau': {
      const r = radius + 0.2 * lowNoise;
      const top = 1 - smoothstep(0.5, 0.5 + 0.35 * wall, r);
      return { base: 0.06 + 0.5 * top, amplitude: 0.18 + 0.12 * top };
    }
  }
}

/**
 * The floor line of a valley or canyon, from its high end to its low end, in normalised
 * coordinates; undefined for other landforms. The floor is where `across` equals the meandering
 * centre, which itself depends on the low noise at the point, so each point is found by a few
 * fixed-point steps (they converge: the noise term moves the centre by at most 0.12).
 */
export function landformAxis(
  p: LandformParams,
  lowNoiseAt: (u: number, v: number) => number,
  extent: { halfU: number; halfV: number },
  samples = 400,
): Array<{ u: number; v: number }> | undefined {
  if (p.landform !== 'valley' && p.landform !== 'canyon') return undefined;
  const cos = Math.cos(p.angle);
  const sin = Math.sin(p.angle);
  const reach = Math.hypot(extent.halfU, extent.halfV);
  const points: Array<{ u: number; v: number }> = [];
  for (let k = 0; k <= samples; k++) {
    const along = reach - (2 * reach * k) / samples;
    let across = 0;
    for (let step = 0; step < 6; step++) {
      const u = along * cos - across * sin;
      const v = along * sin + across * cos;
      across = 0.22 * Math.sin(Math.PI * along * 1.1 + p.phase) + 0.12 * lowNoiseAt(u, v);
    }
    const u = along * cos - across * sin;
    const v = along * sin + across * cos;
    if (Math.abs(u) <= extent.halfU && Math.abs(v) <= extent.halfV) points.push({ u, v });
  }
  return points.length >= 2 ? points : undefined;
}
