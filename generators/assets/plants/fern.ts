/**
 * `createFern(seed, style)`: six to eleven fronds rising from a crown and arching out and over,
 * each a bare stalk then a ladder of leaflets — one triangle a side per step, longest at the
 * middle of the frond, swept toward its tip — along a thin midrib. 0.45–1.15 m: ground cover for
 * jungles, gorges and damp woods. Bronze in autumn, dead-bracken brown in winter. Walk-through.
 *
 * Triangles: LOD0 4 per step (2 leaflets, 2 midrib) × 8 steps per frond (≤ 352); LOD1 leaflets
 * only on 4 steps (≤ 88); LOD2 every other frond as a 3-triangle strip.
 */
import type { Rgb } from '../../biomes/color.ts';
import { Rng } from '../../seed/rng.ts';
import type { Asset, Vec3 } from '../asset.ts';
import { MeshBuilder, ribbon } from '../mesh-builder.ts';
import { add, cross, normalize, scale, subtract } from '../transform.ts';
import { checkSeed } from '../trees/create-tree.ts';
import { finishAsset } from '../finish-asset.ts';
import { foliageColor, snowed, type FoliagePalette } from '../trees/foliage.ts';
import { normalisePlantStyle, type PlantStyle } from './plant-style.ts';

export const NAME = 'createFern';

/** Most triangles at LOD0. */
export const FERN_BUDGET = 400;

export const FERN_PALETTE: FoliagePalette = {
  spring: ['#6a9a36', '#74a23c'],
  summer: ['#4a7a2c', '#3f6e28', '#52822e'],
  autumn: ['#a0762e', '#8a6a2a', '#b0842f'],
  winter: ['#7a5a36', '#6e5232'],
};

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const STEPS = [8, 4, 2];

interface Frond {
  spine: Vec3[];
  /** Horizontal unit vector across the frond. */
  side: Vec3;
  width: number;
  color: Rgb;
}

export function createFern(seed: number, style: PlantStyle = {}): Asset {
  const options = normalisePlantStyle(style, 'createFern');
  checkSeed(seed, 'createFern');
  const rng = new Rng(seed).fork('fern');
  const s = rng.fork('shape');
  const height = s.range(0.46, 1.12);
  const count = s.int(6, 11);
  const spin = s.range(0, Math.PI * 2);
  const colorRng = rng.fork('leaf-colour');
  const fronds: Frond[] = [];
  for (let i = 0; i < count; i++) {
    const azimuth = spin + i * GOLDEN_ANGLE + s.normal(0, 0.2);
    const out: Vec3 = [Math.cos(azimuth), 0, Math.sin(azimuth)];
    const rise = s.range(0.95, 1.4);
    const bend = s.range(1.1, 1.9);
    const frondLength = height * s.range(1, 1.3);
    const spine: Vec3[] = [];
    let p: Vec3 = [out[0] * 0.03, 0, out[2] * 0.03];
    const n = STEPS[0];
    for (let k = 0; k <= n; k++) {
      spine.push(p);
      const angle = rise - bend * Math.pow(k / n, 1.3);
      p = add(p, scale([out[0] * Math.cos(angle), Math.sin(angle), out[2] * Math.cos(angle)], frondLength / n));
    }
    fronds.push({ spine, side: [-out[2], 0, out[0]], width: frondLength * s.range(0.16, 0.22), color: foliageColor(FERN_PALETTE, options, colorRng) });
  }
  let top = 0;
  for (const f of fronds) for (const p of f.spine) top = Math.max(top, p[1]);
  const k = height / top;
  for (const f of fronds) {
    f.spine = f.spine.map((p) => scale(p, k));
    f.width *= k;
  }

  const lods = [0, 1, 2].map((lod) => {
    const b = new MeshBuilder();
    fronds.forEach((f, i) => {
      if (lod === 2) {
        if (i % 2 === 1) return;
        ribbon(b, 'foliage', [f.spine[1], f.spine[4], f.spine[8]], [f.width * 0.6, f.width * 0.9, 0], f.side, (t) => snowed(shade(f.color, 0.8 + 0.2 * t), 0.6, options.snow));
        return;
      }
      drawFrond(b, f, STEPS[lod], lod === 0, options.snow);
    });
    return b.build();
  });
  return finishAsset(`bush/fern/${seed}`, 'bush', lods, { shape: 'none' }, [0.15, 0.05]);
}

/** Leaflets (a triangle each side per step, from the second step on) and, close up, a midrib. */
function drawFrond(b: MeshBuilder, f: Frond, steps: number, midrib: boolean, snow: number): void {
  const stride = (f.spine.length - 1) / steps;
  const spine = Array.from({ length: steps + 1 }, (_, k) => f.spine[Math.round(k * stride)]);
  for (let k = 1; k < steps; k++) {
    const a = spine[k];
    const c = spine[k + 1];
    const along = normalize(subtract(c, a));
    const up = normalize(cross(f.side, along));
    const facing: Vec3 = up[1] >= 0 ? up : scale(up, -1);
    const u = (k + 0.5 - 1) / (steps - 1);
    const reach = f.width * Math.pow(Math.sin(Math.PI * Math.min(0.97, 0.12 + 0.88 * u)), 0.7) * (steps < 8 ? 1.15 : 1);
    const mid: Vec3 = [(a[0] + c[0]) / 2, (a[1] + c[1]) / 2, (a[2] + c[2]) / 2];
    const color = snowed(shade(f.color, 0.75 + 0.35 * u), facing[1], snow);
    for (const sign of [-1, 1]) {
      const tip = add(add(add(mid, scale(f.side, sign * reach)), scale(along, reach * 0.45)), [0, -reach * 0.25, 0]);
      leaflet(b, a, c, tip, facing, color);
    }
  }
  if (midrib) {
    const w = f.width * 0.05;
    ribbon(b, 'foliage', spine, spine.map((_, k) => (k === steps ? 0 : w)), f.side, (t) => snowed(shade(f.color, 0.7 + 0.2 * t), 0.5, snow));
  }
}

/** One triangle, turned to face `facing`. */
function leaflet(b: MeshBuilder, a: Vec3, c: Vec3, tip: Vec3, facing: Vec3, color: Rgb): void {
  const n = normalize(cross(subtract(c, a), subtract(tip, a)));
  const flip = n[0] * facing[0] + n[1] * facing[1] + n[2] * facing[2] < 0;
  const normal: Vec3 = flip ? scale(n, -1) : n;
  const ids = [a, c, tip].map((p, i) => b.vertex('foliage', p, normal, i === 2 ? shade(color, 1.1) : shade(color, 0.9)));
  if (flip) b.triangle('foliage', ids[0], ids[2], ids[1]);
  else b.triangle('foliage', ids[0], ids[1], ids[2]);
}

function shade(c: Rgb, k: number): Rgb {
  return [c[0] * k, c[1] * k, c[2] * k];
}
