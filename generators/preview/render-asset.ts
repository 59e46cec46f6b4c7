/**
 * A picture of one asset LOD: framed to its bounds, seen from a three-quarter view, lit by a warm
 * key light from the upper left and a blue-grey sky fill, on a soft grey backdrop with a ground
 * line. For contact sheets of the asset factories.
 */
import type { Rgb } from '../biomes/color.ts';
import type { Asset, Vec3 } from '../assets/asset.ts';
import type { ReliefImage } from '../terrain/shade-relief.ts';
import { lookAt, normalise, project, Raster, type Projected } from './raster.ts';

export interface RenderAssetOptions {
  lod?: number;
  width?: number;
  height?: number;
  /** Degrees around the asset; 0 looks at its front (+Z side). */
  azimuth?: number;
  /** Degrees above the horizon. */
  elevation?: number;
}

const KEY = normalise([-0.5, 0.75, 0.45]);
const KEY_COLOR: Rgb = [1.0, 0.92, 0.8];
const SKY: Rgb = [0.35, 0.42, 0.55];
const GROUND_BOUNCE: Rgb = [0.18, 0.16, 0.13];

export function renderAsset(asset: Asset, options: RenderAssetOptions = {}): ReliefImage {
  const width = options.width ?? 256;
  const height = options.height ?? 256;
  const lod = asset.lods[Math.min(options.lod ?? 0, asset.lods.length - 1)];
  const { min, max } = asset.bounds;
  const centre: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  const radius = Math.max(0.05, Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2);
  const azimuth = ((options.azimuth ?? 35) * Math.PI) / 180;
  const elevation = ((options.elevation ?? 18) * Math.PI) / 180;
  const distance = radius / Math.tan((22 * Math.PI) / 180) * 1.05;
  const eye: Vec3 = [
    centre[0] + Math.sin(azimuth) * Math.cos(elevation) * distance,
    centre[1] + Math.sin(elevation) * distance,
    centre[2] + Math.cos(azimuth) * Math.cos(elevation) * distance,
  ];
  const camera = lookAt(eye, centre, 44, width, height);
  const raster = new Raster(width, height);
  raster.fillGradient([0.62, 0.66, 0.72], [0.42, 0.43, 0.44], 1);

  const projected: Projected[] = [];
  for (const part of lod.parts) {
    const count = part.positions.length / 3;
    const lit = new Float32Array(count * 3);
    projected.length = count;
    for (let v = 0; v < count; v++) {
      const n: Vec3 = [part.normals[v * 3], part.normals[v * 3 + 1], part.normals[v * 3 + 2]];
      const lambert = Math.max(0, n[0] * KEY[0] + n[1] * KEY[1] + n[2] * KEY[2]);
      const back = Math.max(0, -(n[0] * KEY[0] + n[1] * KEY[1] + n[2] * KEY[2])) * 0.25; // double-sided leaves catch light
      const hemi = 0.5 + 0.5 * n[1];
      for (let c = 0; c < 3; c++) {
        const ambient = SKY[c] * hemi + GROUND_BOUNCE[c] * (1 - hemi);
        lit[v * 3 + c] = part.colors[v * 3 + c] * (KEY_COLOR[c] * (lambert + back) * 1.6 + ambient * 1.2);
      }
      projected[v] = project(camera, [part.positions[v * 3], part.positions[v * 3 + 1], part.positions[v * 3 + 2]]);
    }
    for (let t = 0; t < part.indices.length; t += 3) {
      const a = part.indices[t];
      const b = part.indices[t + 1];
      const c = part.indices[t + 2];
      raster.triangle(projected[a], projected[b], projected[c], lit, a * 3, lit, b * 3, lit, c * 3);
    }
  }
  return { width, height, pixels: raster.toPixels() };
}
