/**
 * `createGrassClump(seed, style)`: ten to twenty-five blades from a tuft, each a tapering ribbon
 * leaning out from the middle and bending over more toward its tip. 0.25–0.7 m. Walk-through.
 *
 * There will be tens of thousands of these, so every triangle counts: a blade is 5 triangles
 * (4 points, a pointed tip) at LOD0 — 3 when there are more than 24 blades — then every other
 * blade at 3, then five broad single-triangle blades at LOD2.
 */
import { mixRgb, type Rgb } from '../../biomes/color.ts';
import { Rng } from '../../seed/rng.ts';
import type { Asset, Vec3 } from '../asset.ts';
import { linear, MeshBuilder, ribbon } from '../mesh-builder.ts';
import { checkSeed } from '../trees/create-tree.ts';
import { finishAsset } from '../finish-asset.ts';
import { snowed } from '../trees/foliage.ts';
import { normalisePlantStyle, type PlantStyle } from './plant-style.ts';

export const NAME = 'createGrassClump';

/** Most triangles at LOD0 and at LOD2. */
export const GRASS_BUDGETS = { lod0: 120, lod2: 16 } as const;

const GRASS_COLORS = {
  spring: '#6f9c34',
  summer: '#5a7d2c',
  autumn: '#8a8544',
  winter: '#8c8660',
} as const;
const STRAW = linear('#b0a46a');

interface Blade {
  points: Vec3[];
  widths: number[];
  side: Vec3;
  color: Rgb;
}

export function createGrassClump(seed: number, style: PlantStyle = {}): Asset {
  const options = normalisePlantStyle(style, 'createGrassClump');
  checkSeed(seed, 'createGrassClump');
  const rng = new Rng(seed).fork('grass');
  const s = rng.fork('shape');
  const height = s.range(0.26, 0.68);
  const count = s.int(10, 25);
  const spread = height * s.range(0.06, 0.12);
  const base = options.grass !== null ? linear(options.grass) : linear(GRASS_COLORS[options.season]);
  const dryShare = options.season === 'autumn' ? 0.45 : options.season === 'winter' ? 0.8 : options.season === 'summer' ? 0.12 : 0.04;

  const blades: Blade[] = [];
  for (let i = 0; i < count; i++) {
    const azimuth = s.range(0, Math.PI * 2);
    const out: Vec3 = [Math.cos(azimuth), 0, Math.sin(azimuth)];
    const offset = spread * Math.sqrt(s.float());
    // The first blade is the tallest and nearly upright, so the clump is as tall as it says.
    const bladeHeight = i === 0 ? height : height * s.range(0.5, 0.95);
    const tilt = i === 0 ? s.range(0.03, 0.1) : s.range(0.06, 0.3) + 0.35 * (offset / Math.max(1e-6, spread)) * s.float();
    const bend = s.range(0.15, 0.7);
    const points: Vec3[] = [];
    let p: Vec3 = [out[0] * offset, -0.02, out[2] * offset];
    for (let k = 0; k < 4; k++) {
      points.push(p);
      const angle = tilt + bend * (k / 3) * (k / 3);
      const step = bladeHeight / 3 / Math.max(0.6, Math.cos(tilt));
      p = [p[0] + out[0] * Math.sin(angle) * step, p[1] + Math.cos(angle) * step, p[2] + out[2] * Math.sin(angle) * step];
    }
    const width = height * s.range(0.05, 0.08);
    let color = mixRgb(base, STRAW, s.chance(dryShare) ? s.range(0.45, 0.8) : s.range(0, 0.15));
    color = [color[0] * s.range(0.86, 1.12), color[1] * s.range(0.86, 1.12), color[2] * s.range(0.86, 1.1)];
    blades.push({ points, widths: [width, width * 0.8, width * 0.5, 0], side: [-out[2], 0, out[0]], color });
  }
  // Fit so the clump's top is the height asked for, whatever the bends did.
  let top = 0;
  for (const blade of blades) for (const p of blade.points) top = Math.max(top, p[1]);
  const k = height / top;
  for (const blade of blades) blade.points = blade.points.map((p) => [p[0] * k, p[1] < 0 ? p[1] : p[1] * k, p[2] * k]);

  const paint = (color: Rgb) => (t: number) => snowed([color[0] * (0.55 + 0.6 * t), color[1] * (0.55 + 0.6 * t), color[2] * (0.55 + 0.6 * t)], 0.3 + 0.6 * t, options.snow);
  const lod0 = new MeshBuilder();
  const full = count * 5 <= GRASS_BUDGETS.lod0;
  for (const blade of blades) {
    const keep = full ? [0, 1, 2, 3] : [0, 2, 3];
    ribbon(lod0, 'grass', keep.map((j) => blade.points[j]), keep.map((j) => blade.widths[j]), blade.side, paint(blade.color));
  }
  const lod1 = new MeshBuilder();
  blades.forEach((blade, i) => {
    if (i % 2 === 1) return;
    ribbon(lod1, 'grass', [0, 2, 3].map((j) => blade.points[j]), [blade.widths[0] * 1.3, blade.widths[2] * 1.3, 0], blade.side, paint(blade.color));
  });
  const lod2 = new MeshBuilder();
  for (const blade of blades.slice(0, 5)) ribbon(lod2, 'grass', [blade.points[0], blade.points[3]], [blade.widths[0] * 2.4, 0], blade.side, paint(blade.color));
  return finishAsset(`grass/clump/${seed}`, 'grass', [lod0.build(), lod1.build(), lod2.build()], { shape: 'none' }, [0.06, 0.025]);
}
