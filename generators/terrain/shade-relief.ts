/**
 * A top-down shaded-relief picture of the terrain, as raw RGBA pixels: ground colours lit by a
 * hillshade (a low sun from the north-west, softened by a second light), water drawn over it with
 * depth-dependent colour. Pure; encode it with sharp at the edge.
 */
import { bilinear, type Heightfield } from './heightfield.ts';

export interface ReliefImage {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, sRGB. */
  pixels: Uint8Array;
}

export interface ReliefLayers {
  /** Ground colour per sample, sRGB bytes, RGB interleaved. Grey when absent. */
  colors?: Uint8Array;
  /** Water surface height per sample (NaN where dry). */
  waterLevel?: Float32Array;
  /** Water colour, sRGB bytes. */
  waterColor?: readonly [number, number, number];
  /** Vertical exaggeration of the hillshade. */
  exaggeration?: number;
}

export function shadeRelief(field: Heightfield, layers: ReliefLayers = {}, maxSize = 1024): ReliefImage {
  const scale = Math.min(1, maxSize / Math.max(field.nx, field.nz));
  const width = Math.max(1, Math.round(field.nx * scale));
  const height = Math.max(1, Math.round(field.nz * scale));
  const pixels = new Uint8Array(width * height * 4);
  const { nx, nz, heights } = field;
  const exaggeration = layers.exaggeration ?? 1.6;
  const water = layers.waterColor ?? [38, 84, 112];
  // Light from the north-west (−x, −z), 40° up; a fill light from the north-east.
  const key = normalise([-0.55, 0.64, -0.55]);
  const fill = normalise([0.6, 0.75, -0.3]);

  for (let py = 0; py < height; py++) {
    const fz = (py / Math.max(1, height - 1)) * (nz - 1);
    for (let px = 0; px < width; px++) {
      const fx = (px / Math.max(1, width - 1)) * (nx - 1);
      const ix = Math.min(nx - 1, Math.round(fx));
      const iz = Math.min(nz - 1, Math.round(fz));
      const i = iz * nx + ix;
      const step = Math.max(1, Math.round(1 / scale));
      const hL = bilinear(heights, nx, nz, fx - step, fz);
      const hR = bilinear(heights, nx, nz, fx + step, fz);
      const hU = bilinear(heights, nx, nz, fx, fz - step);
      const hD = bilinear(heights, nx, nz, fx, fz + step);
      const gx = ((hR - hL) * exaggeration) / (2 * step * field.dx);
      const gz = ((hD - hU) * exaggeration) / (2 * step * field.dz);
      const n = normalise([-gx, 1, -gz]);
      const light = 0.28 + 0.72 * Math.max(0, dot(n, key)) * 0.85 + 0.2 * Math.max(0, dot(n, fill));

      let r = 150;
      let g = 150;
      let b = 150;
      if (layers.colors) {
        r = layers.colors[i * 3];
        g = layers.colors[i * 3 + 1];
        b = layers.colors[i * 3 + 2];
      }
      r *= light;
      g *= light;
      b *= light;
      const level = layers.waterLevel ? layers.waterLevel[i] : NaN;
      if (!Number.isNaN(level) && level > heights[i]) {
        const depth = level - heights[i];
        const opacity = Math.min(0.92, 0.55 + depth * 0.06);
        const glint = 0.9 + 0.1 * n[1];
        r = r * (1 - opacity) + water[0] * glint * opacity;
        g = g * (1 - opacity) + water[1] * glint * opacity;
        b = b * (1 - opacity) + water[2] * glint * opacity;
      }
      const o = (py * width + px) * 4;
      pixels[o] = clampByte(r);
      pixels[o + 1] = clampByte(g);
      pixels[o + 2] = clampByte(b);
      pixels[o + 3] = 255;
    }
  }
  return { width, height, pixels };
}

function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

function normalise(v: [number, number, number]): [number, number, number] {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
